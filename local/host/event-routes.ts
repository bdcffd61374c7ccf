import type { RouteFile } from './host-context';
import { eventsPage } from './events-page';
import { readBody, send, sendJson } from './http';
import { sendShellPage } from './shell-page';

/**
 * The routes of the app's background modules: the web triggers themselves (`/x1/<id>[/userPath]`), their list
 * (`GET /__forge/webtriggers`), running a scheduled trigger now, and the host page that shows them.
 */
export const eventRoutes: RouteFile = (router, { events, sessions, store }) => {
  router.add('GET', '/__forge/webtriggers', ({ res }) => sendJson(res, 200, events.webTriggers.list()));

  router.add('POST', /^\/__forge\/scheduled\/([^/]+)\/run$/, async ({ req, res, params }) => {
    if (sessions.principalOf(req).kind !== 'user') return sendJson(res, 401, { message: 'Sign in to run a scheduled trigger.' });
    const key = decodeURIComponent(params[0]!);
    if (!events.scheduled.modules.some((m) => m.key === key)) return sendJson(res, 404, { message: `No scheduledTrigger '${key}' in manifest.yml` });
    sendJson(res, 200, await events.runScheduled(key));
  });

  router.add('*', /^\/x1\/([A-Za-z0-9_-]+)(\/.*)?$/, async ({ req, res, url, params }) => {
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
    const answer = await events.webTriggers.handle(params[0]!, { method, path: url.pathname, userPath: params[1] ?? '', headers: req.headers, query: url.searchParams, body });
    if (!answer) return send(res, 404, 'No web trigger at this URL');
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });

  router.add('GET', '/__local/events', ({ req, res, url }) => sendShellPage(req, res, url, { sessions, store }, 'Forge events', eventsPage(events)));
};

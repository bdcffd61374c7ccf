import type { RouteFile } from './host-context';
import { readBody } from './http';

/** Jira's REST API under /rest/api/3, served by the emulator for Basic auth and the shell's session. */
export const restRoutes: RouteFile = (router, { jira, sessions }) => {
  router.add('*', /^\/rest\/api\/3\//, async ({ req, res, url }) => {
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    const r = await jira.handle(method, `${url.pathname}${url.search}`, body, sessions.principalOf(req));
    res.writeHead(r.status, { ...r.headers, 'cache-control': 'no-store' });
    res.end(r.body ?? '');
  });
};

import type { ServerResponse } from 'node:http';
import { isSameOrigin } from './csrf';
import type { RouteFile } from './host-context';
import { decodeSegment, HostError, isJson, mime, readJson, send, sendJson } from './http';
import { chooseUserPage, esc, layout, type Viewer } from './pages';
import type { RouteRequest } from './router';
import { shellViews } from './shell-views';
import { globalPageViews } from './global-page-views';

/** The Jira-like shell: its pages, choosing who to act as (and the theme) and generated avatars. */
/** The shell's icon: the blue diamond of its top bar. */
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 2 30 16 16 30 2 16Z" fill="#0C66E4"/></svg>';

export const pageRoutes: RouteFile = (router, host) => {
  const { store, manifest, sessions } = host;
  const views = shellViews(store, manifest);
  const globalPages = globalPageViews(store, manifest);

  /** A shell page for the visitor; one who has yet to choose a user goes to the chooser first. */
  const page =
    (render: (viewer: Viewer, params: string[]) => string) =>
    ({ req, res, url, params }: RouteRequest): void => {
      const viewer = sessions.viewerOf(req);
      if (!viewer) return redirect(res, `/__local/login?back=${encodeURIComponent(url.pathname + url.search)}`);
      // The host's default user (--user) becomes a session, so that the module frames' bridge calls carry it.
      if (!sessions.cookieUser(req)) res.setHeader('set-cookie', sessions.cookiesFor({ user: viewer.user }));
      send(res, 200, render(viewer, params.map(decodeSegment)), mime('.html'));
    };

  router.add('GET', /^\/(?:projects)?$/, page((viewer) => views.projectsList(viewer)));
  router.add('GET', /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)$/, page((viewer, [key]) => views.issueView(viewer, key!)));
  router.add('GET', /^\/projects\/([A-Za-z][A-Za-z0-9_]*)\/apps\/([^/]+)$/, page((viewer, [key, moduleKey]) => views.projectApp(viewer, key!, moduleKey!)));
  router.add('GET', /^\/projects\/([A-Za-z][A-Za-z0-9_]*)$/, page((viewer, [key]) => views.projectIssues(viewer, key!)));
  router.add('GET', '/jira/apps', page((viewer) => globalPages.appsList(viewer)));
  router.add('GET', /^\/jira\/apps\/([^/]+)\/([^/]+)$/, page((viewer, [appId, envId]) => globalPages.globalApp(viewer, appId!, envId!)));

  router.add('GET', '/__local/login', ({ req, res, url }) => {
    send(res, 200, chooseUserPage(store.data, localPath(url.searchParams.get('back')), sessions.colorModeOf(req)), mime('.html'));
  });

  /**
   * Chooses the acting user and/or the theme: JSON only, from the host's own pages only (csrf.ts), so another
   * site can neither switch a visitor's user nor sign them in as someone else. Answers with a local page.
   */
  router.add('POST', '/__local/session', async ({ req, res }) => {
    if (!isSameOrigin(req)) throw new HostError(403, 'Cross-site session change refused.');
    if (!isJson(req)) throw new HostError(415, 'The session accepts only application/json: {user?, theme?, back?}.');
    const body = (await readJson(req, '{user?, theme?, back?}')) as { user?: unknown; theme?: unknown; back?: unknown } | null;
    if (body === null || typeof body !== 'object') throw new HostError(400, 'Body must be a JSON object: {user?, theme?, back?}');
    const user = body.user === undefined ? undefined : sessions.userByEmail(body.user);
    if (body.user !== undefined && !user) throw new HostError(400, 'No active user has that email address.');
    if (body.theme !== undefined && body.theme !== 'light' && body.theme !== 'dark') throw new HostError(400, "theme must be 'light' or 'dark'.");
    const theme = body.theme;
    res.setHeader('set-cookie', sessions.cookiesFor({ ...(user ? { user } : {}), ...(theme ? { theme } : {}) }));
    sendJson(res, 200, { location: localPath(body.back) });
  });

  router.add('GET', /^\/__local\/.*\.svg$/, ({ res, url }) => {
    const path = url.pathname;
    const seed = decodeSegment(path.split('/').pop()!.replace(/\.svg$/, ''));
    const hue = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
    const initials = seed.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();
    send(res, 200, `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" rx="${path.includes('/issuetype/') ? 8 : 24}" fill="hsl(${hue},55%,45%)"/><text x="24" y="30" font-family="sans-serif" font-size="18" fill="#fff" text-anchor="middle">${esc(initials)}</text></svg>`, mime('.svg'), { 'cache-control': 'max-age=3600' });
  });

  // Browsers ask every page for it: answer, so the console stays free of 404s.
  router.add('GET', '/favicon.ico', ({ res }) => {
    send(res, 200, FAVICON, mime('.svg'), { 'cache-control': 'max-age=86400' });
  });

  router.otherwise(({ req, res }) => {
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
    const viewer = sessions.viewerOf(req);
    const body = '<h1>Page not found</h1>';
    send(res, 404, viewer ? layout(viewer, store.data, 'Not found', body) : body, mime('.html'));
  });
};

/**
 * `back` as a path on this host, else `/`. Parsed as a browser would parse it, so `//evil.test`, `/\evil.test`
 * and `/<tab>/evil.test` (all another host to a browser) are refused.
 */
export function localPath(back: unknown): string {
  const base = 'http://host.invalid';
  if (typeof back !== 'string' || !back.startsWith('/')) return '/';
  const url = URL.canParse(back, base) ? new URL(back, base) : null;
  return url?.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store' }).end();
}

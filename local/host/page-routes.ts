import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteFile } from './host-context';
import { cookies, MIME, readBody, send } from './http';
import { esc, layout, type Viewer } from './pages';
import { shellViews } from './shell-views';

/** The Jira-like shell: its pages, the session form (acting user, theme) and generated avatars. */
export const pageRoutes: RouteFile = (router, { store, manifest, sessions }) => {
  const views = shellViews(store, manifest);

  const page = (render: (viewer: Viewer, params: string[]) => string) => ({ req, res, params }: { req: IncomingMessage; res: ServerResponse; params: string[] }): void => {
    const viewer = sessions.viewerOf(req);
    if (!cookies(req).pr_user) res.setHeader('set-cookie', `pr_user=${encodeURIComponent(viewer.user.emailAddress)}; Path=/; SameSite=Lax`);
    send(res, 200, render(viewer, params.map(decodeURIComponent)), MIME['.html']);
  };

  router.add('GET', /^\/(?:projects)?$/, page((viewer) => views.projectsList(viewer)));
  router.add('GET', /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)$/, page((viewer, [key]) => views.issueView(viewer, key!)));
  router.add('GET', /^\/projects\/([A-Za-z][A-Za-z0-9_]*)\/apps\/([^/]+)$/, page((viewer, [key, moduleKey]) => views.projectApp(viewer, key!, moduleKey!)));
  router.add('GET', /^\/projects\/([A-Za-z][A-Za-z0-9_]*)$/, page((viewer, [key]) => views.projectIssues(viewer, key!)));

  router.add('POST', '/__local/session', async ({ req, res }) => {
    const form = new URLSearchParams(await readBody(req));
    const user = sessions.userByEmail(form.get('user') ?? undefined);
    const headers: string[] = [];
    if (user) headers.push(`pr_user=${encodeURIComponent(user.emailAddress)}; Path=/; SameSite=Lax`);
    const theme = form.get('theme');
    if (theme === 'dark' || theme === 'light') headers.push(`pr_theme=${theme}; Path=/; SameSite=Lax`);
    const back = form.get('back') ?? '/';
    res.writeHead(303, { location: back.startsWith('/') && !back.startsWith('//') ? back : '/', 'set-cookie': headers });
    res.end();
  });

  router.add('GET', /^\/__local\/.*\.svg$/, ({ res, url }) => {
    const path = url.pathname;
    const seed = decodeURIComponent(path.split('/').pop()!.replace(/\.svg$/, ''));
    const hue = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
    const initials = seed.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();
    send(res, 200, `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" rx="${path.includes('/issuetype/') ? 8 : 24}" fill="hsl(${hue},55%,45%)"/><text x="24" y="30" font-family="sans-serif" font-size="18" fill="#fff" text-anchor="middle">${esc(initials)}</text></svg>`, MIME['.svg'], { 'cache-control': 'max-age=3600' });
  });

  router.otherwise(({ req, res }) => {
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
    send(res, 404, layout(sessions.viewerOf(req), store.data, 'Not found', '<h1>Page not found</h1>'), MIME['.html']);
  });
};

import type { ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { UiModule } from '../runtime/manifest';
import type { HostContext, RouteFile } from './host-context';
import { MIME, readBody, send, sendJson } from './http';
import type { BridgeInvokeRequest, ModuleTarget } from './modules';
import type { Viewer } from './pages';

const THEMES: Record<string, string> = { light: 'atlassian-light', dark: 'atlassian-dark', spacing: 'atlassian-spacing', typography: 'atlassian-typography', shape: 'atlassian-shape' };

/**
 * Forge's side of the shell: the module frames (the app's Custom UI resources with the bridge injected), the
 * bridge script, the design tokens, and the bridge's calls (invoke a resolver, fetch from the product).
 */
export const bridgeRoutes: RouteFile = (router, host) => {
  const { jira, sessions, modules } = host;
  const bridgeScript = readFileSync(join(__dirname, 'bridge-client.js'));

  router.add('POST', '/__bridge/invoke', async ({ req, res }) => {
    const principal = sessions.principalOf(req);
    if (principal.kind !== 'user') return sendJson(res, 401, { message: 'Sign in: Basic auth with a demo user email and any token.' });
    let request: BridgeInvokeRequest;
    try {
      request = JSON.parse(await readBody(req)) as BridgeInvokeRequest;
    } catch {
      return sendJson(res, 400, { message: 'Body must be JSON: {moduleKey, context, functionKey, payload}' });
    }
    const result = await modules.invoke({ ...request, context: request.context ?? {} }, principal.accountId);
    sendJson(res, 200, { result });
  });

  router.add('POST', '/__bridge/fetchProduct', async ({ req, res }) => {
    const principal = sessions.principalOf(req);
    if (principal.kind !== 'user') return sendJson(res, 401, { message: 'Not signed in' });
    const p = JSON.parse(await readBody(req)) as { product: string; restPath: string; fetchRequestInit?: { method?: string; body?: string | null } };
    if (p.product !== 'jira') return sendJson(res, 400, { message: `Product '${p.product}' is not available offline` });
    const r = await jira.handle(p.fetchRequestInit?.method ?? 'GET', p.restPath, p.fetchRequestInit?.body ?? undefined, principal);
    sendJson(res, 200, { status: r.status, statusText: String(r.status), headers: r.headers, body: r.body ?? '' });
  });

  router.add('GET', '/__forge/bridge.js', ({ res }) => send(res, 200, bridgeScript, MIME['.js']));

  router.add('GET', /^\/__forge\/tokens\/(\w+)\.css$/, ({ res, params }) => {
    const theme = THEMES[params[0]!];
    if (!theme) return send(res, 404, 'Not found');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }).default;
    send(res, 200, css, MIME['.css'], { 'cache-control': 'max-age=3600' });
  });

  router.add('*', /^\/__forge\/frame\/([^/]+)\/(.*)$/, ({ req, res, url, params }) => {
    const module = modules.byKey(decodeURIComponent(params[0]!));
    const issueKey = url.searchParams.get('issueKey');
    const projectKey = url.searchParams.get('projectKey');
    const target: ModuleTarget = { ...(issueKey ? { issueKey } : {}), ...(projectKey ? { projectKey } : {}) };
    serveResource(host, res, module, params[1] ?? '', target, sessions.viewerOf(req));
  });
};

function serveResource(host: HostContext, res: ServerResponse, module: UiModule, rest: string, target: ModuleTarget, viewer: Viewer): void {
  const dir = resolve(host.root, host.manifest.resources[module.resource] ?? '');
  const file = normalize(join(dir, rest === '' ? 'index.html' : rest));
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    send(res, 404, existsSync(dir) ? 'Not found' : `Resource '${module.resource}' is not built: run npm run build`);
    return;
  }
  if (!file.endsWith('index.html')) {
    send(res, 200, readFileSync(file), MIME[extname(file)] ?? 'application/octet-stream');
    return;
  }
  const config = { moduleKey: module.key, frameId: module.key, target, context: host.modules.frameContext(module, target, viewer) };
  const inject = `<script>window.__FORGE_HOST__=${JSON.stringify(config).replace(/</g, '\\u003c')};</script><script src="/__forge/bridge.js"></script>`;
  const html = readFileSync(file, 'utf8').replace(/<head>/i, `<head>${inject}`);
  send(res, 200, html, MIME['.html']);
}

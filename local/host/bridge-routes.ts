import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Principal } from '../jira/permissions';
import type { UiModule } from '../runtime/manifest';
import type { HostContext, RouteFile } from './host-context';
import { decodeSegment, HostError, isJson, mime, readJson, send, sendJson } from './http';
import type { BridgeInvokeRequest, ModuleTarget } from './modules';
import { esc, type Viewer } from './pages';

const THEMES = new Map([
  ['light', 'atlassian-light'],
  ['dark', 'atlassian-dark'],
  ['spacing', 'atlassian-spacing'],
  ['typography', 'atlassian-typography'],
  ['shape', 'atlassian-shape'],
]);

const INVOKE_SHAPE = '{moduleKey, context, functionKey, payload}';

/**
 * Forge's side of the shell: the module frames (the app's Custom UI resources with the bridge injected), the
 * bridge script, the design tokens, and the bridge's calls (invoke a resolver, fetch from the product).
 */
export const bridgeRoutes: RouteFile = (router, host) => {
  const { jira, sessions, modules } = host;
  const bridgeScript = readFileSync(join(__dirname, 'bridge-client.js'));

  /** The calling user. A cookie session must also send JSON: a cross-site form cannot (see csrf.ts). */
  const caller = (req: IncomingMessage): Principal & { kind: 'user' } => {
    const principal = sessions.principalOf(req);
    if (principal.kind !== 'user') throw new HostError(401, 'Sign in: choose a user in the shell, or Basic auth with a demo user email and any token.');
    if (sessions.cookieUser(req) && !isJson(req)) throw new HostError(415, 'The bridge accepts only application/json.');
    return principal;
  };

  router.add('POST', '/__bridge/invoke', async ({ req, res }) => {
    const principal = caller(req);
    const request = invokeRequest(await readJson(req, INVOKE_SHAPE));
    modules.assertVisible(modules.byKey(request.moduleKey), request.context, principal.accountId);
    const result = await modules.invoke(request, principal.accountId);
    sendJson(res, 200, { result });
  });

  router.add('POST', '/__bridge/fetchProduct', async ({ req, res }) => {
    const principal = caller(req);
    const p = (await readJson(req, '{product, restPath, fetchRequestInit}')) as { product?: unknown; restPath?: unknown; fetchRequestInit?: { method?: unknown; body?: unknown } } | null;
    if (p === null || typeof p !== 'object' || typeof p.restPath !== 'string' || !p.restPath.startsWith('/')) throw new HostError(400, 'Body must be {product, restPath, fetchRequestInit} with a restPath starting with /');
    if (p.product !== 'jira') throw new HostError(400, `Product '${String(p.product)}' is not available offline`);
    const init = p.fetchRequestInit ?? {};
    const method = typeof init.method === 'string' ? init.method : 'GET';
    const r = await jira.handle(method, p.restPath, typeof init.body === 'string' ? init.body : undefined, principal);
    sendJson(res, 200, { status: r.status, statusText: String(r.status), headers: r.headers, body: r.body ?? '' });
  });

  router.add('GET', '/__forge/bridge.js', ({ res }) => send(res, 200, bridgeScript, mime('.js')));

  router.add('GET', /^\/__forge\/tokens\/(\w+)\.css$/, ({ res, params }) => {
    const theme = THEMES.get(params[0]!);
    if (!theme) return send(res, 404, 'Not found');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }).default;
    send(res, 200, css, mime('.css'), { 'cache-control': 'max-age=3600' });
  });

  router.add('GET', /^\/__forge\/frame\/([^/]+)\/(.*)$/, ({ req, res, url, params }) => {
    const module = modules.byKey(decodeSegment(params[0]!));
    const issueKey = url.searchParams.get('issueKey');
    const projectKey = url.searchParams.get('projectKey');
    const target: ModuleTarget = { ...(issueKey ? { issueKey } : {}), ...(projectKey ? { projectKey } : {}) };
    serveResource(host, req, res, module, params[1] ?? '', target);
  });
};

/** The bridge's invoke request, checked: a 400 for anything but the shape @forge/bridge sends. */
function invokeRequest(body: unknown): BridgeInvokeRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HostError(400, `Body must be a JSON object: ${INVOKE_SHAPE}`);
  const { moduleKey, functionKey, context, payload } = body as Record<string, unknown>;
  if (typeof moduleKey !== 'string' || typeof functionKey !== 'string') throw new HostError(400, `moduleKey and functionKey must be strings: ${INVOKE_SHAPE}`);
  const { issueKey, projectKey } = (context ?? {}) as Record<string, unknown>;
  const target: ModuleTarget = { ...(typeof issueKey === 'string' ? { issueKey } : {}), ...(typeof projectKey === 'string' ? { projectKey } : {}) };
  return { moduleKey, functionKey, context: target, payload };
}

/**
 * A file of the module's resource. The page itself (index.html) gets the bridge and the module's context,
 * and only for a user who may see the module there; its scripts and styles are the same for everyone.
 */
function serveResource(host: HostContext, req: IncomingMessage, res: ServerResponse, module: UiModule, rest: string, target: ModuleTarget): void {
  const isPage = rest === '' || rest === 'index.html';
  const viewer = host.sessions.viewerOf(req);
  if (isPage) {
    if (!viewer) return send(res, 401, frameMessage('Choose a user to act as first.'), mime('.html'));
    const refusal = refusalOf(() => host.modules.assertVisible(module, target, viewer.user.accountId));
    if (refusal) return send(res, refusal.status, frameMessage(refusal.message), mime('.html'));
  }
  const dir = resolve(host.root, host.manifest.resources[module.resource] ?? '');
  const file = normalize(join(dir, isPage ? 'index.html' : rest));
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    send(res, 404, existsSync(dir) ? 'Not found' : `Resource '${module.resource}' is not built: run npm run build`);
    return;
  }
  if (isPage && viewer) send(res, 200, injectBridge(host, file, module, target, viewer), mime('.html'));
  else send(res, 200, readFileSync(file), mime(extname(file)));
}

/** The HostError `check` throws, if any. */
function refusalOf(check: () => void): HostError | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
}

function injectBridge(host: HostContext, file: string, module: UiModule, target: ModuleTarget, viewer: Viewer): string {
  const config = { moduleKey: module.key, frameId: module.key, target, context: host.modules.frameContext(module, target, viewer) };
  const inject = `<script>window.__FORGE_HOST__=${JSON.stringify(config).replace(/</g, '\\u003c')};</script><script src="/__forge/bridge.js"></script>`;
  return readFileSync(file, 'utf8').replace(/<head>/i, `<head>${inject}`);
}

function frameMessage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><p>${esc(message)}</p></body></html>`;
}

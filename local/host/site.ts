import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { JiraEmulator } from '../jira/api';
import type { StoredIssue, StoredProject, StoredUser } from '../jira/model';
import type { Principal } from '../jira/permissions';
import { hasProjectPermission } from '../jira/permissions';
import { SiteStore } from '../jira/store';
import { KvsEmulator } from '../kvs/kvs-emulator';
import type { FaultInjector, LatencyMs } from '../runtime/faults';
import { installForgeRuntime, OFFLINE_ENVIRONMENT_ID, runInvocation } from '../runtime/forge-runtime';
import { loadManifest, type LoadedManifest, type UiModule } from '../runtime/manifest';
import { ScopeIndex } from '../runtime/scopes';
import { routeFaultAdmin } from './admin-routes';
import { esc, forgeFrame, layout, projectSidebar, statusLozenge, type Viewer } from './pages';
import { seedAppData } from './seed-app-data';

/**
 * The offline Forge host: Jira REST emulator, KVS emulator and backend runtime shim in one process, plus a
 * Jira-like web shell that renders the app's Custom UI resources in iframes with the bridge injected.
 */
export interface LocalSiteOptions {
  root: string;
  port: number;
  host?: string;
  /** Where data persists across restarts; null keeps everything in memory (tests). */
  dataDir: string | null;
  reset?: boolean;
  now?: () => Date;
  /** Overrides manifest.yml's scopes (tests of scope enforcement). */
  grantedScopes?: string[];
  /** Where the OpenAPI scope index comes from; defaults to ../shared/jira-openapi when present. */
  scopeIndex?: ScopeIndex | null;
  /** Latency added to the app's calls; defaults to JIRA_LATENCY_MS and KVS_LATENCY_MS. */
  latencyMs?: LatencyMs;
}

export interface LocalSite {
  url: string;
  server: Server;
  jira: JiraEmulator;
  store: SiteStore;
  kvs: KvsEmulator;
  manifest: LoadedManifest;
  scopeIndex: ScopeIndex | null;
  /** Faults injected into the app's Jira and KVS calls (also at /__admin/faults). */
  faults: FaultInjector;
  /** Calls a resolver exactly as the bridge does (used by the HTTP bridge, tests and benchmarks). */
  invoke(request: BridgeInvokeRequest, accountId: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface BridgeInvokeRequest {
  moduleKey: string;
  context: { issueKey?: string; projectKey?: string };
  functionKey: string;
  payload?: unknown;
}

type Handler = (payload: unknown, runtimePayload?: Record<string, unknown>) => Promise<unknown>;

class HostError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };
const THEMES: Record<string, string> = { light: 'atlassian-light', dark: 'atlassian-dark', spacing: 'atlassian-spacing', typography: 'atlassian-typography', shape: 'atlassian-shape' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 5 * 1024 * 1024) {
        reject(new HostError(413, 'Request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k] = decodeURIComponent(v.join('='));
  }
  return out;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => send(res, status, JSON.stringify(body), 'application/json');

export async function startLocalSite(options: LocalSiteOptions): Promise<LocalSite> {
  const manifest = loadManifest(join(options.root, 'manifest.yml'));
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const dataFile = (name: string): string | null => (options.dataDir ? join(options.dataDir, name) : null);
  const store = new SiteStore(dataFile('jira-site.json'), { reset: options.reset ?? false });
  const kvs = new KvsEmulator(dataFile('forge-kvs.json'), () => now().getTime(), { reset: options.reset ?? false });
  const jira = new JiraEmulator(store, manifest.aliases, now);
  // Scopes are enforced per call when Atlassian's OpenAPI description sits beside the repo (../shared).
  const scopeIndex = options.scopeIndex !== undefined ? options.scopeIndex : ScopeIndex.fromSharedIfPresent(join(options.root, '..', 'shared', 'jira-openapi', 'jira-platform-v3.json'));
  const faults = installForgeRuntime({ jira, kvs, appId: manifest.appId, cloudId: store.data.cloudId, grantedScopes: options.grantedScopes ?? manifest.scopes, scopeIndex, latencyMs: options.latencyMs });

  await seedAppData(store, { settings: kvs.isEmpty(), contextStatuses: store.seeded });

  // The app's real handlers, loaded only after the runtime globals exist (as in Forge).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../../src/index') as Record<string, Handler>;
  const handlerFor = (functionKey: string): Handler => {
    const handler = manifest.functions[functionKey];
    const exportName = handler?.split('.')[1];
    const fn = exportName ? app[exportName] : undefined;
    if (!fn) throw new HostError(500, `manifest.yml function '${functionKey}' has no handler export '${handler ?? ''}' in src/index.ts`);
    return fn;
  };

  const bridgeScript = readFileSync(join(__dirname, 'bridge-client.js'));

  const userByEmail = (email: string | undefined): StoredUser | undefined =>
    email ? store.data.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase()) : undefined;

  /** Basic auth (scripts, curl, Jira clients) or the shell's session cookie (the browser). */
  const principalOf = (req: IncomingMessage): Principal => {
    if (req.headers.authorization) return jira.authenticate(req.headers.authorization);
    const user = userByEmail(cookies(req).pr_user);
    return user ? { kind: 'user', accountId: user.accountId } : { kind: 'anonymous' };
  };

  const viewerOf = (req: IncomingMessage): Viewer => {
    const c = cookies(req);
    const user = userByEmail(c.pr_user) ?? store.data.users[0]!;
    return { user, colorMode: c.pr_theme === 'dark' ? 'dark' : 'light' };
  };

  const moduleByKey = (key: string): UiModule => {
    const m = manifest.uiModules.find((x) => x.key === key);
    if (!m) throw new HostError(404, `No UI module '${key}' in manifest.yml`);
    return m;
  };

  const canBrowse = (accountId: string, issue: StoredIssue): boolean => {
    const project = store.data.projects.find((p) => p.id === issue.projectId)!;
    return hasProjectPermission({ kind: 'user', accountId }, project, 'BROWSE_PROJECTS');
  };

  /**
   * The Jira-shaped extension context Forge gives a module, for the frame and for the resolver. It only
   * resolves keys to ids: it checks no permission, because a context sent from the browser is not a security
   * boundary. The resolvers must (and do) re-check as the user.
   */
  const extensionContext = (module: UiModule, target: BridgeInvokeRequest['context']): Record<string, unknown> => {
    if (module.type === 'jira:projectPage' || module.type === 'jira:projectSettingsPage') {
      const project = store.data.projects.find((p) => p.key === target.projectKey);
      if (!project) return { type: module.type, project: { key: target.projectKey ?? '', type: 'software' } };
      return { type: module.type, project: { id: project.id, key: project.key, type: 'software' } };
    }
    const issue = store.data.issues.find((i) => i.key === target.issueKey);
    if (!issue) return { type: module.type, issue: { key: target.issueKey ?? '' } };
    const project = store.data.projects.find((p) => p.id === issue.projectId)!;
    const type = store.data.issueTypes.find((t) => t.id === issue.issueTypeId)!;
    return {
      type: module.type,
      issue: { id: issue.id, key: issue.key, type: type.name, typeId: type.id },
      project: { id: project.id, key: project.key, type: 'software' },
      ...(module.type === 'jira:issueContext' ? {} : { isNewToIssue: false }),
    };
  };

  /** What Forge gives both the frame (getContext) and the resolver (`context`) for a module. */
  const moduleContext = (module: UiModule, target: BridgeInvokeRequest['context']): Record<string, unknown> => ({
    cloudId: store.data.cloudId,
    siteUrl: site.url,
    moduleKey: module.key,
    localId: `${module.key}-${target.issueKey ?? target.projectKey ?? ''}`,
    environmentId: OFFLINE_ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    extension: extensionContext(module, target),
  });

  /** The frame also learns who is looking, in which locale and theme. */
  const frameContext = (module: UiModule, target: BridgeInvokeRequest['context'], viewer: Viewer): Record<string, unknown> => ({
    ...moduleContext(module, target),
    accountId: viewer.user.accountId,
    locale: 'en-GB',
    timezone: viewer.user.timeZone,
    theme: { colorMode: viewer.colorMode },
  });

  const invoke = async (request: BridgeInvokeRequest, accountId: string): Promise<unknown> => {
    const module = moduleByKey(request.moduleKey);
    if (!module.resolverFunction) throw new HostError(400, `Module '${module.key}' has no resolver`);
    if (typeof request.functionKey !== 'string') throw new HostError(400, 'functionKey must be a string');
    const handler = handlerFor(module.resolverFunction);
    const context = moduleContext(module, request.context);
    return runInvocation({ moduleKey: module.key, accountId }, () =>
      handler(
        { call: { functionKey: request.functionKey, payload: request.payload }, context },
        { principal: { accountId }, installContext: `ari:cloud:jira::site/${store.data.cloudId}` },
      ),
    );
  };

  const serveResource = (res: ServerResponse, module: UiModule, rest: string, target: BridgeInvokeRequest['context'], viewer: Viewer): void => {
    const dir = resolve(options.root, manifest.resources[module.resource] ?? '');
    const file = normalize(join(dir, rest === '' ? 'index.html' : rest));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      send(res, 404, existsSync(dir) ? 'Not found' : `Resource '${module.resource}' is not built: run npm run build`);
      return;
    }
    if (!file.endsWith('index.html')) {
      send(res, 200, readFileSync(file), MIME[extname(file)] ?? 'application/octet-stream');
      return;
    }
    const frameId = `${module.key}`;
    const config = { moduleKey: module.key, frameId, target, context: frameContext(module, target, viewer) };
    const inject = `<script>window.__FORGE_HOST__=${JSON.stringify(config).replace(/</g, '\\u003c')};</script><script src="/__forge/bridge.js"></script>`;
    const html = readFileSync(file, 'utf8').replace(/<head>/i, `<head>${inject}`);
    send(res, 200, html, MIME['.html']);
  };

  /** The collapsed panel's lozenge: the app's per-issue status property, else the manifest's default. */
  const contextStatus = (issue: StoredIssue, m: UiModule): string => {
    const stored = issue.properties[`com.atlassian.jira.issue:${manifest.appId.split('/').pop() ?? ''}:${m.key}:status`] as { value?: { label?: string; type?: string } } | undefined;
    const status = stored?.value?.label ? { label: stored.value.label, type: stored.value.type ?? 'default' } : m.status;
    if (!status) return '';
    const cat = status.type === 'success' ? 'done' : status.type === 'inprogress' ? 'indeterminate' : 'new';
    return `<span class="lozenge cat-${cat}" data-testid="context-status-${esc(m.key)}">${esc(status.label)}</span>`;
  };

  const issueView = (viewer: Viewer, key: string): string => {
    const issue = store.data.issues.find((i) => i.key === key.toUpperCase());
    if (!issue || !canBrowse(viewer.user.accountId, issue)) {
      return layout(viewer, store.data, 'Issue not found', `<h1>Issue not found</h1><p>${esc(key)} does not exist or you do not have permission to see it.</p>`);
    }
    const project = store.data.projects.find((p) => p.id === issue.projectId)!;
    const type = store.data.issueTypes.find((t) => t.id === issue.issueTypeId)!;
    const user = (id: string | null): string => esc(store.data.users.find((u) => u.accountId === id)?.displayName ?? 'Unassigned');
    const parent = store.data.issues.find((i) => i.id === issue.parentId);
    const shown = (m: UiModule): boolean => m.issueTypes === null || m.issueTypes.includes(type.name);
    const panels = manifest.uiModules.filter((m) => m.type === 'jira:issuePanel' && shown(m));
    const contexts = manifest.uiModules.filter((m) => m.type === 'jira:issueContext' && shown(m));
    const frameSrc = (m: UiModule): string => `/__forge/frame/${encodeURIComponent(m.key)}/?issueKey=${encodeURIComponent(issue.key)}`;
    const description = (issue.description?.content ?? [])
      .map((p) => `<p>${esc(((p as { content?: Array<{ text?: string }> }).content ?? []).map((t) => t.text ?? '').join(''))}</p>`)
      .join('');
    const body = `
<div class="breadcrumbs"><a href="/projects/${esc(project.key)}">${esc(project.name)}</a>${parent ? ` / <a href="/browse/${esc(parent.key)}">${esc(parent.key)}</a>` : ''} / ${esc(issue.key)}</div>
<div class="issue">
  <section>
    <h1 data-testid="issue-summary">${esc(issue.summary)}</h1>
    <div>${description || '<p style="color:var(--ds-text-subtlest,#626F86)">No description</p>'}</div>
    ${panels.map((m) => `<div class="app-section"><h3>${esc(m.title)}</h3>${forgeFrame(m.key, frameSrc(m), m.title)}</div>`).join('')}
  </section>
  <aside class="details">
    <p>${statusLozenge(store.data, issue)} ${issue.flagged ? '<span class="flag">Flagged</span>' : ''}</p>
    <dl>
      <dt>Type</dt><dd>${esc(type.name)}</dd>
      <dt>Assignee</dt><dd>${user(issue.assigneeAccountId)}</dd>
      <dt>Reporter</dt><dd>${user(issue.reporterAccountId)}</dd>
      <dt>Fix versions</dt><dd>${esc(issue.fixVersionIds.map((id) => store.data.versions.find((v) => v.id === id)?.name).join(', ') || 'None')}</dd>
      <dt>Team</dt><dd>${esc(store.data.teams.find((t) => t.id === issue.teamId)?.name ?? 'None')}</dd>
      <dt>Story points</dt><dd>${esc(issue.storyPoints ?? 'None')}</dd>
    </dl>
    ${contexts.map((m) => `<details class="context-panel" open><summary>${esc(m.title)} ${contextStatus(issue, m)}</summary>${forgeFrame(m.key, frameSrc(m), m.title)}</details>`).join('')}
  </aside>
</div>`;
    return layout(viewer, store.data, `[${issue.key}] ${issue.summary}`, body);
  };

  const projectIssues = (viewer: Viewer, key: string): string => {
    const project = store.data.projects.find((p) => p.key === key.toUpperCase());
    const principal: Principal = { kind: 'user', accountId: viewer.user.accountId };
    if (!project || !hasProjectPermission(principal, project, 'BROWSE_PROJECTS')) {
      return layout(viewer, store.data, 'Project not found', `<h1>Project not found</h1><p>${esc(key)} does not exist or you do not have permission to see it.</p>`);
    }
    const rows = store.data.issues
      .filter((i) => i.projectId === project.id)
      .map((i) => {
        const type = store.data.issueTypes.find((t) => t.id === i.issueTypeId)!;
        return `<tr><td>${esc(type.name)}</td><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(i.summary)}</td><td>${statusLozenge(store.data, i)}</td></tr>`;
      })
      .join('');
    return layout(viewer, store.data, project.name, `<h1>${esc(project.name)}: issues</h1><table class="list"><thead><tr><th>Type</th><th>Key</th><th>Summary</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`, projectSidebar(project, 'issues', sidebarPages(project, viewer)));
  };

  const projectsList = (viewer: Viewer): string => {
    const principal: Principal = { kind: 'user', accountId: viewer.user.accountId };
    const visible = store.data.projects.filter((p) => hasProjectPermission(principal, p, 'BROWSE_PROJECTS'));
    const rows = visible.map((p) => `<tr><td><a href="/projects/${esc(p.key)}">${esc(p.name)}</a></td><td>${esc(p.key)}</td><td>${esc(store.data.users.find((u) => u.accountId === p.leadAccountId)?.displayName)}</td></tr>`).join('');
    return layout(viewer, store.data, 'Projects', `<h1>Projects</h1><table class="list"><thead><tr><th>Name</th><th>Key</th><th>Lead</th></tr></thead><tbody>${rows}</tbody></table>`);
  };

  /** Project pages for everyone who can browse; settings pages only for project administrators, as in Jira. */
  const sidebarPages = (project: StoredProject, viewer: Viewer): UiModule[] => {
    const isAdmin = hasProjectPermission({ kind: 'user', accountId: viewer.user.accountId }, project, 'ADMINISTER_PROJECTS');
    return manifest.uiModules.filter((m) => m.type === 'jira:projectPage' || (m.type === 'jira:projectSettingsPage' && isAdmin));
  };

  const projectApp = (viewer: Viewer, key: string, moduleKey: string): string => {
    const project = store.data.projects.find((p) => p.key === key.toUpperCase());
    const module = manifest.uiModules.find((m) => m.key === moduleKey);
    const pages = project ? sidebarPages(project, viewer) : [];
    if (!project || !module || !pages.includes(module) || !hasProjectPermission({ kind: 'user', accountId: viewer.user.accountId }, project, 'BROWSE_PROJECTS')) {
      return layout(viewer, store.data, 'Not found', '<h1>Page not found</h1>');
    }
    return layout(
      viewer,
      store.data,
      `${module.title} - ${project.name}`,
      forgeFrame(module.key, `/__forge/frame/${encodeURIComponent(module.key)}/?projectKey=${encodeURIComponent(project.key)}`, module.title),
      projectSidebar(project, module.key, pages),
    );
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path.startsWith('/rest/api/3/')) {
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      const r = await jira.handle(method, `${path}${url.search}`, body, principalOf(req));
      res.writeHead(r.status, { ...r.headers, 'cache-control': 'no-store' });
      res.end(r.body ?? '');
      return;
    }
    if (path === '/__bridge/invoke' && method === 'POST') {
      const principal = principalOf(req);
      if (principal.kind !== 'user') return sendJson(res, 401, { message: 'Sign in: Basic auth with a demo user email and any token.' });
      let request: BridgeInvokeRequest;
      try {
        request = JSON.parse(await readBody(req)) as BridgeInvokeRequest;
      } catch {
        return sendJson(res, 400, { message: 'Body must be JSON: {moduleKey, context, functionKey, payload}' });
      }
      const result = await invoke({ ...request, context: request.context ?? {} }, principal.accountId);
      return sendJson(res, 200, { result });
    }
    if (path === '/__bridge/fetchProduct' && method === 'POST') {
      const principal = principalOf(req);
      if (principal.kind !== 'user') return sendJson(res, 401, { message: 'Not signed in' });
      const p = JSON.parse(await readBody(req)) as { product: string; restPath: string; fetchRequestInit?: { method?: string; body?: string | null } };
      if (p.product !== 'jira') return sendJson(res, 400, { message: `Product '${p.product}' is not available offline` });
      const r = await jira.handle(p.fetchRequestInit?.method ?? 'GET', p.restPath, p.fetchRequestInit?.body ?? undefined, principal);
      return sendJson(res, 200, { status: r.status, statusText: String(r.status), headers: r.headers, body: r.body ?? '' });
    }
    const admin = await routeFaultAdmin(method, path, () => readBody(req), faults);
    if (admin) return sendJson(res, admin.status, admin.body);
    if (path === '/__forge/bridge.js') return send(res, 200, bridgeScript, MIME['.js']);
    const token = /^\/__forge\/tokens\/(\w+)\.css$/.exec(path);
    if (token && THEMES[token[1]!]) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${THEMES[token[1]!]}.js`) as { default: string }).default;
      return send(res, 200, css, MIME['.css'], { 'cache-control': 'max-age=3600' });
    }
    const frame = /^\/__forge\/frame\/([^/]+)\/(.*)$/.exec(path);
    if (frame) {
      const module = moduleByKey(decodeURIComponent(frame[1]!));
      const target = { ...(url.searchParams.get('issueKey') ? { issueKey: url.searchParams.get('issueKey')! } : {}), ...(url.searchParams.get('projectKey') ? { projectKey: url.searchParams.get('projectKey')! } : {}) };
      return serveResource(res, module, frame[2] ?? '', target, viewerOf(req));
    }
    if (path.startsWith('/__local/') && path.endsWith('.svg')) {
      const seed = decodeURIComponent(path.split('/').pop()!.replace(/\.svg$/, ''));
      const hue = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
      const initials = seed.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();
      return send(res, 200, `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" rx="${path.includes('/issuetype/') ? 8 : 24}" fill="hsl(${hue},55%,45%)"/><text x="24" y="30" font-family="sans-serif" font-size="18" fill="#fff" text-anchor="middle">${esc(initials)}</text></svg>`, MIME['.svg'], { 'cache-control': 'max-age=3600' });
    }
    if (path === '/__local/session' && method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const user = userByEmail(form.get('user') ?? undefined);
      const headers: string[] = [];
      if (user) headers.push(`pr_user=${encodeURIComponent(user.emailAddress)}; Path=/; SameSite=Lax`);
      const theme = form.get('theme');
      if (theme === 'dark' || theme === 'light') headers.push(`pr_theme=${theme}; Path=/; SameSite=Lax`);
      const back = form.get('back') ?? '/';
      res.writeHead(303, { location: back.startsWith('/') && !back.startsWith('//') ? back : '/', 'set-cookie': headers });
      res.end();
      return;
    }
    if (method !== 'GET') return send(res, 405, 'Method not allowed');
    const viewer = viewerOf(req);
    if (!cookies(req).pr_user) res.setHeader('set-cookie', `pr_user=${encodeURIComponent(viewer.user.emailAddress)}; Path=/; SameSite=Lax`);
    if (path === '/' || path === '/projects') return send(res, 200, projectsList(viewer), MIME['.html']);
    const browse = /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)$/.exec(path);
    if (browse) return send(res, 200, issueView(viewer, browse[1]!), MIME['.html']);
    const appPage = /^\/projects\/([A-Za-z][A-Za-z0-9_]*)\/apps\/([^/]+)$/.exec(path);
    if (appPage) return send(res, 200, projectApp(viewer, appPage[1]!, decodeURIComponent(appPage[2]!)), MIME['.html']);
    const project = /^\/projects\/([A-Za-z][A-Za-z0-9_]*)$/.exec(path);
    if (project) return send(res, 200, projectIssues(viewer, project[1]!), MIME['.html']);
    send(res, 404, layout(viewer, store.data, 'Not found', '<h1>Page not found</h1>'), MIME['.html']);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HostError ? e.status : 500;
      if (status === 500) console.error('[local host]', e);
      if (!res.headersSent) sendJson(res, status, { message: e instanceof Error ? e.message : String(e) });
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const site: LocalSite = {
    url: `http://localhost:${port}`,
    server,
    jira,
    store,
    kvs,
    manifest,
    scopeIndex,
    faults,
    invoke,
    close: async () => {
      faults.close();
      await Promise.all([store.close(), kvs.close()]);
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
  store.data.siteUrl = site.url;
  return site;
}

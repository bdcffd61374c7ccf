import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { JiraEmulator } from '../jira/api';
import { SiteStore } from '../jira/store';
import { KvsEmulator } from '../kvs/kvs-emulator';
import { startEventRuntime, type EventRuntimeOptions, type SiteEvents } from '../runtime/events/event-runtime';
import type { FaultInjector, LatencyMs } from '../runtime/faults';
import { insideInvocation, installForgeRuntime } from '../runtime/forge-runtime';
import { loadManifest, type LoadedManifest } from '../runtime/manifest';
import { ScopeIndex } from '../runtime/scopes';
import { adminRoutes } from './admin-routes';
import { appHandlers } from './app-handlers';
import { startAutomation, type Automation } from './automation/automation';
import { automationRoutes } from './automation-routes';
import { bridgeRoutes } from './bridge-routes';
import { eventRoutes } from './event-routes';
import { isOwnHost, isSameOrigin, isStateChanging, ownAddresses } from './csrf';
import type { HostContext, RouteFile } from './host-context';
import { HostError, sendJson } from './http';
import { Modules, type BridgeInvokeRequest } from './modules';
import { pageRoutes } from './page-routes';
import { restRoutes } from './rest-routes';
import { Router } from './router';
import { seedAppData } from './seed-app-data';
import { SeedMarker } from './seed-marker';
import { Sessions } from './session';

export type { BridgeInvokeRequest } from './modules';

/**
 * The offline Forge host: Jira REST emulator, KVS emulator and backend runtime shim in one process, plus a
 * Jira-like web shell that renders the app's Custom UI resources in iframes with the bridge injected.
 * This file only composes them; the routes live in the route files listed in ROUTE_FILES.
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
  /** Product events, triggers and the async queue: time scale, chaos mode, schedules, projects hidden from the app. */
  events?: EventRuntimeOptions;
  /** The email of the user a visitor without a session acts as (`npm start -- --user`); unset, they choose. */
  defaultUser?: string;
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
  /** Triggers, scheduled triggers, web triggers and async events; `events.drain()` awaits quiescence. */
  events: SiteEvents;
  /** Local Jira Automation: rules, their runner and audit log; `automation.drain()` awaits running rules. */
  automation: Automation;
  /** Faults injected into the app's Jira and KVS calls (also at /__admin/faults). */
  faults: FaultInjector;
  /** Calls a resolver as the bridge does, without the host's module visibility check (tests, benchmarks). */
  invoke(request: BridgeInvokeRequest, accountId: string): Promise<unknown>;
  close(): Promise<void>;
}

/** In order: the first route that matches a request handles it. */
const ROUTE_FILES: RouteFile[] = [restRoutes, bridgeRoutes, adminRoutes, eventRoutes, automationRoutes, pageRoutes];

export async function startLocalSite(options: LocalSiteOptions): Promise<LocalSite> {
  const manifest = loadManifest(join(options.root, 'manifest.yml'));
  const now = options.now ?? (() => new Date());
  const dataFile = (name: string): string | null => (options.dataDir ? join(options.dataDir, name) : null);
  const marker = new SeedMarker(options.dataDir);
  if (marker.interrupted() && !options.reset) console.warn('[local host] The last start stopped while it was seeding the demo site: starting afresh.');
  const reset = (options.reset ?? false) || marker.interrupted();
  // Marked before the first seeded byte, so a start stopped at any point of the seed is known to the next one.
  if (reset || !SiteStore.existsIn(dataFile('jira-site.json'))) marker.begin();
  const store = new SiteStore(dataFile('jira-site.json'), { reset });
  const kvs = new KvsEmulator(dataFile('forge-kvs.json'), () => now().getTime(), { reset });
  const jira = new JiraEmulator(store, manifest.aliases, now, insideInvocation);
  // Scopes are enforced per call when Atlassian's OpenAPI description sits beside the repo (../shared).
  const scopeIndex = options.scopeIndex !== undefined ? options.scopeIndex : ScopeIndex.fromSharedIfPresent(join(options.root, '..', 'shared', 'jira-openapi', 'jira-platform-v3.json'));
  const faults = installForgeRuntime({ jira, kvs, appId: manifest.appId, cloudId: store.data.cloudId, grantedScopes: options.grantedScopes ?? manifest.scopes, scopeIndex, latencyMs: options.latencyMs });

  const seedSettings = kvs.isEmpty();
  if (seedSettings) marker.begin();
  let url = '';
  const handlerFor = appHandlers(options.root, manifest);
  // Load (and, through tsx, compile) the app's handlers now, as Forge deploys a built bundle: otherwise the
  // first visitor's first panel pays for compiling the whole app (seconds, tens of them on a busy machine;
  // see docs/atlaskit-feature-flags-and-cold-load.md). An app that fails to load says so on its first call.
  for (const functionKey of Object.keys(manifest.functions)) {
    try {
      handlerFor(functionKey);
    } catch {
      // Reported by the invocation that needs it.
    }
  }
  const modules = new Modules(manifest, store, handlerFor, () => url);
  const sessions = new Sessions(store, jira, options.defaultUser);
  const events = startEventRuntime({ manifest, jira, site: () => store.data, handlerFor, siteUrl: () => url }, options.events);
  const automation = startAutomation({ jira, site: () => store.data, actions: manifest.events.actions, app: events.app }, { rulesFile: dataFile('automation-rules.json'), reset });
  const host: HostContext = { root: options.root, manifest, store, jira, sessions, modules, events, automation, faults };
  const router = new Router();
  for (const routes of ROUTE_FILES) routes(router, host);

  let addresses: ReadonlySet<string> | null = new Set();
  // Requests wait for the demo seed: a first visitor sees the whole demo, never a project half seeded.
  let seeded: Promise<void> = new Promise(() => undefined);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    refuseForeign(req, addresses, sessions);
    await seeded;
    await router.dispatch(req, res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HostError ? e.status : 500;
      if (status === 500) console.error('[local host]', e);
      if (!res.headersSent) sendJson(res, status, { message: e instanceof Error ? e.message : String(e) });
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  url = `http://localhost:${port}`;
  addresses = ownAddresses(port, options.host ?? '127.0.0.1');
  store.data.siteUrl = url;
  // The demo's app data goes through the app's own resolvers, as the demo's people (once, on a new site).
  // An app that refuses (a missing scope, say) leaves the demo without app data, and says why.
  const accountOf = (email: string): string => store.data.users.find((u) => u.emailAddress === email)!.accountId;
  // Seeding is setup, not the app under test: it runs without the configured latency.
  const latency = faults.getLatency();
  faults.setLatency({});
  seeded = seedAppData(store.data, (call, email) => modules.invoke({ ...call }, accountOf(email)), { settings: seedSettings, planning: store.seeded, hasModule: (key) => manifest.uiModules.some((m) => m.key === key) })
    // The seed's background work (the readiness recompute it starts) finishes before the site is handed over.
    .then(() => events.drain())
    // A seed the app refused would be refused again: said once, and the site is handed over as it is.
    .catch((e: unknown) => console.warn(`[local host] ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => {
      faults.setLatency(latency);
      marker.end();
    });
  await seeded;
  return {
    url,
    server,
    jira,
    store,
    kvs,
    manifest,
    scopeIndex,
    events,
    automation,
    faults,
    invoke: (request, accountId) => modules.invoke(request, accountId),
    close: async () => {
      await events.stop();
      automation.stop();
      faults.close();
      await Promise.all([store.close(), kvs.close()]);
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** Refuses a request to another host name (DNS rebinding) and a cross-site change made with the session cookie (csrf.ts). */
function refuseForeign(req: IncomingMessage, addresses: ReadonlySet<string> | null, sessions: Sessions): void {
  if (!isOwnHost(req, addresses)) throw new HostError(421, `This host answers only to ${[...(addresses ?? [])].join(', ')}.`);
  // The browser adds the cookie to any request, so a change made with it must come from the host's own pages.
  if (isStateChanging(req) && sessions.cookieUser(req) && !isSameOrigin(req)) throw new HostError(403, "Cross-site request refused: state changes must come from the host's own pages.");
}

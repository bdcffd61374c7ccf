import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { JiraEmulator } from '../jira/api';
import type { Principal } from '../jira/permissions';
import type { KvsEmulator } from '../kvs/kvs-emulator';
import { FaultInjector, latencyFromEnv, type LatencyMs } from './faults';
import type { ScopeIndex } from './scopes';

/**
 * The host side of the Forge backend runtime: what `@forge/api`, `@forge/kvs` and `@forge/resolver` look for
 * on globalThis (`__forge_fetch__`, `__forge_runtime__`). The app's handlers run unmodified on top of it.
 * Each invocation runs inside an AsyncLocalStorage scope, so concurrent invocations keep their own user.
 */
export interface Invocation {
  invocationId: string;
  moduleKey: string;
  accountId: string | null;
  deadline: number;
}

interface ForgeFetchTarget {
  type: string;
  provider?: 'user' | 'app' | 'none';
  remote?: string;
  accountId?: string;
}

export interface RuntimeOptions {
  jira: JiraEmulator;
  kvs: KvsEmulator;
  appId: string;
  cloudId: string;
  environmentId?: string;
  /** Scopes granted in manifest.yml, enforced per call when `scopeIndex` is given (as Forge does). */
  grantedScopes?: readonly string[];
  scopeIndex?: ScopeIndex | null;
  /** Where injected faults come from; a new, empty injector when absent. */
  faults?: FaultInjector;
  /** Latency added to every app call; defaults to JIRA_LATENCY_MS and KVS_LATENCY_MS. */
  latencyMs?: LatencyMs;
}

const invocations = new AsyncLocalStorage<Invocation>();
/** The Forge environment the offline runtime pretends to be (a development environment). */
export const OFFLINE_ENVIRONMENT_ID = '00000000-0000-4000-8000-00000000e0e0';
export const RESOLVER_TIMEOUT_MS = 25_000;

/** A request the app made to Jira or to Forge KVS, as the runtime saw it. */
export interface ProductCall {
  service: 'jira' | 'kvs';
  method: string;
  path: string;
  body: unknown;
  provider: 'user' | 'app' | 'none';
}

const productCallObservers = new Set<(call: ProductCall) => void>();

/** Observes the app's Jira requests (tests, benchmarks); returns the function that stops observing. */
export function observeProductCalls(observer: (call: ProductCall) => void): () => void {
  productCallObservers.add(observer);
  return () => productCallObservers.delete(observer);
}

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  gauge: () => ({ set: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }), set: () => undefined }),
};

async function bodyText(init: RequestInit | undefined): Promise<string | undefined> {
  if (init?.body === undefined || init.body === null) return undefined;
  if (typeof init.body === 'string') return init.body;
  return new Response(init.body as ConstructorParameters<typeof Response>[0]).text();
}

/** Installs the runtime globals; returns the fault injector that sits in front of the emulators. */
export function installForgeRuntime(options: RuntimeOptions): FaultInjector {
  const environmentId = options.environmentId ?? OFFLINE_ENVIRONMENT_ID;
  const g = globalThis as Record<string, unknown>;

  const faults = options.faults ?? new FaultInjector();
  faults.setLatency(latencyFromEnv(process.env, options.latencyMs));

  const callKvs = async (path: string, text: string | undefined): Promise<Response> => {
    const result = await options.kvs.handle(path, text ? JSON.parse(text) : undefined);
    return new Response(result.body === undefined ? null : JSON.stringify(result.body), { status: result.status, headers: { 'content-type': 'application/json' } });
  };

  const callJira = async (target: ForgeFetchTarget, method: string, path: string, text: string | undefined): Promise<Response> => {
    const denied = options.scopeIndex ? options.scopeIndex.check(method, path, options.grantedScopes ?? []) : null;
    if (denied) {
      console.warn(`[forge runtime] refused: ${denied}`);
      return new Response(JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' }), { status: 401, headers: { 'content-type': 'application/json' } });
    }
    let principal: Principal;
    if (target.provider === 'user') {
      const accountId = target.accountId ?? invocations.getStore()?.accountId ?? null;
      if (!accountId) {
        // What Forge does when asUser() is called where no user is present (e.g. a trigger).
        return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
      }
      principal = { kind: 'user', accountId };
    } else {
      principal = { kind: 'app' };
    }
    const r = await options.jira.handle(method, path, text, principal);
    return new Response(r.status === 204 || r.body === undefined || r.body === '' ? null : r.body, { status: r.status, headers: r.headers });
  };

  g.__forge_fetch__ = async (target: ForgeFetchTarget, path: string, init?: RequestInit): Promise<Response> => {
    const service = target.type === 'kvs' ? 'kvs' : target.type === 'fpp' && target.remote === 'jira' ? 'jira' : null;
    if (!service) throw new Error(`Egress to ${JSON.stringify(target)} ${path} is not available in the offline runtime.`);
    const method = service === 'kvs' ? 'POST' : (init?.method ?? 'GET').toUpperCase();
    const text = await bodyText(init);
    if (productCallObservers.size > 0) {
      const call: ProductCall = { service, method, path, body: text ? (JSON.parse(text) as unknown) : undefined, provider: service === 'kvs' ? 'app' : (target.provider ?? 'none') };
      productCallObservers.forEach((observe) => observe(call));
    }
    // Injected latency and faults sit between the app and the emulators, as the network does in Forge.
    return faults.apply(service, method, path, () => (service === 'kvs' ? callKvs(path, text) : callJira(target, method, path, text)), init?.signal);
  };

  g.__forge_runtime__ = {
    get appContext() {
      const current = invocations.getStore();
      return {
        appId: options.appId.split('/').pop(),
        appVersion: '1.0.0',
        environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: current?.invocationId ?? 'outside-invocation',
        installationId: `ari:cloud:ecosystem::installation/${options.cloudId}`,
        moduleKey: current?.moduleKey ?? 'unknown',
        license: undefined,
        installation: undefined,
        permissions: { scopes: [], external: {} },
      };
    },
    get lambdaContext() {
      const current = invocations.getStore();
      return { getRemainingTimeInMillis: () => (current ? Math.max(0, current.deadline - Date.now()) : RESOLVER_TIMEOUT_MS) };
    },
    contextAri: `ari:cloud:jira::site/${options.cloudId}`,
    metrics: noopMetrics,
    tracing: { traceId: randomUUID(), spanId: randomUUID() },
    proxy: { token: 'offline', url: 'http://localhost' },
  };
  return faults;
}

/** True while the app's code runs (inside `runInvocation`): the change feed attributes such writes to the app. */
export function insideInvocation(): boolean {
  return invocations.getStore() !== undefined;
}

/** Runs `fn` as one Forge invocation: its own user, module and deadline; rejects when the time limit passes. */
export async function runInvocation<T>(
  invocation: { moduleKey: string; accountId: string | null; timeoutMs?: number },
  fn: () => Promise<T>,
): Promise<T> {
  const timeoutMs = invocation.timeoutMs ?? RESOLVER_TIMEOUT_MS;
  const store: Invocation = { invocationId: randomUUID(), moduleKey: invocation.moduleKey, accountId: invocation.accountId, deadline: Date.now() + timeoutMs };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Forge function timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([invocations.run(store, fn), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

import type { AsyncEvents, PlatformAnswer } from './async-events';
import type { WebTriggers } from './web-triggers';

/**
 * Forge platform APIs that `@forge/api` and `@forge/events` reach through `__forge_fetch__` with the
 * `stargate` remote: the GraphQL mutations and queries of `webTrigger.getUrl/queryUrls/deleteUrl`, and the
 * async event queue's publish, stats and cancel paths. Installed around the runtime's own `__forge_fetch__`,
 * which keeps serving Jira and KVS.
 */
type ForgeFetch = (target: { type: string; remote?: string }, path: string, init?: RequestInit) => Promise<Response>;

const asResponse = (a: PlatformAnswer): Response => new Response(a.body === undefined ? null : JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });

function graphql(webTriggers: WebTriggers, body: { query?: string; variables?: { input?: { triggerKey?: string } } }): PlatformAnswer {
  const query = body.query ?? '';
  if (query.includes('createWebTriggerUrl')) {
    const key = body.variables?.input?.triggerKey ?? '';
    try {
      return { status: 200, body: { data: { createWebTriggerUrl: { url: webTriggers.urlFor(key) } } } };
    } catch (e) {
      return { status: 200, body: { data: null, errors: [{ message: e instanceof Error ? e.message : String(e) }] } };
    }
  }
  if (query.includes('webTriggerUrlsByAppContext')) {
    return { status: 200, body: { data: { webTriggerUrlsByAppContext: Object.entries(webTriggers.list()).map(([triggerKey, url]) => ({ triggerKey, url })) } } };
  }
  // The local URLs are derived, not issued, so deleting one is accepted and changes nothing.
  if (query.includes('deleteWebTriggerUrl')) return { status: 200, body: { data: { deleteWebTriggerUrl: { success: true, message: null } } } };
  return { status: 400, body: { errors: [{ message: 'This GraphQL operation is not available in the offline runtime.' }] } };
}

export function installPlatformFetch(services: { webTriggers: WebTriggers; asyncEvents: AsyncEvents }): void {
  const g = globalThis as { __forge_fetch__?: ForgeFetch };
  const runtimeFetch = g.__forge_fetch__;
  if (!runtimeFetch) throw new Error('installForgeRuntime must run before the platform services are installed');
  g.__forge_fetch__ = async (target, path, init) => {
    if (target.type !== 'fpp' || target.remote !== 'stargate') return runtimeFetch(target, path, init);
    const body = (typeof init?.body === 'string' && init.body !== '' ? JSON.parse(init.body) : {}) as Record<string, unknown>;
    if (path === '/graphql') return asResponse(graphql(services.webTriggers, body));
    if (path.startsWith('/webhook/queue/publish/')) return asResponse(services.asyncEvents.push(body));
    if (path.startsWith('/webhook/queue/stats/')) return asResponse(services.asyncEvents.stats(body));
    if (path.startsWith('/webhook/queue/cancel/')) return asResponse(services.asyncEvents.cancel(body));
    return asResponse({ status: 404, body: { message: `No Forge platform API at ${path} in the offline runtime.` } });
  };
}

import api, { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { JiraEmulator } from '../../local/jira/api';
import { SiteStore } from '../../local/jira/store';
import { KvsEmulator } from '../../local/kvs/kvs-emulator';
import { FaultInjector, latencyFromEnv } from '../../local/runtime/faults';
import { installForgeRuntime, runInvocation } from '../../local/runtime/forge-runtime';
import { USERS } from '../support/local-site';

/** Latency from JIRA_LATENCY_MS / KVS_LATENCY_MS, and the injector's life cycle, on a runtime of its own. */
const install = (latencyMs?: { jira?: number; kvs?: number }): FaultInjector =>
  installForgeRuntime({ jira: new JiraEmulator(new SiteStore(null), []), kvs: new KvsEmulator(null), appId: 'ari:cloud:ecosystem::app/test', cloudId: 'cloud', ...(latencyMs ? { latencyMs } : {}) });

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = Date.now();
  await runInvocation({ moduleKey: 'latency-test', accountId: USERS.lead.accountId }, fn);
  return Date.now() - started;
};

describe('latency on every app call', () => {
  const saved = { jira: process.env.JIRA_LATENCY_MS, kvs: process.env.KVS_LATENCY_MS };
  afterEach(() => {
    for (const [name, value] of [['JIRA_LATENCY_MS', saved.jira], ['KVS_LATENCY_MS', saved.kvs]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('reads JIRA_LATENCY_MS and KVS_LATENCY_MS when the runtime is installed', async () => {
    process.env.JIRA_LATENCY_MS = '250';
    process.env.KVS_LATENCY_MS = '150';
    install();
    expect(await timed(() => api.asUser().requestJira(route`/rest/api/3/myself`))).toBeGreaterThanOrEqual(240);
    expect(await timed(() => kvs.get('latency:any'))).toBeGreaterThanOrEqual(140);
  });

  it('lets an option override the environment', async () => {
    process.env.JIRA_LATENCY_MS = '5000';
    install({ jira: 0 });
    expect(await timed(() => api.asUser().requestJira(route`/rest/api/3/myself`))).toBeLessThan(4000);
  });

  it('refuses a latency that is not a number of milliseconds', () => {
    expect(() => latencyFromEnv({ JIRA_LATENCY_MS: 'slow' })).toThrow(/JIRA_LATENCY_MS must be a number/);
    expect(latencyFromEnv({ KVS_LATENCY_MS: '20' })).toEqual({ jira: undefined, kvs: 20 });
  });
});

describe('the injector life cycle', () => {
  it('releases a hanging call with a network error when the site closes', async () => {
    const faults = new FaultInjector();
    faults.add({ product: 'jira', path: '/**', effect: { type: 'hang' } });
    const hanging = faults.apply('jira', 'GET', '/rest/api/3/myself', () => Promise.resolve(new Response('{}')));
    faults.close();
    await expect(hanging).rejects.toThrow('fetch failed');
  });

  it('releases a hanging call when the caller aborts it', async () => {
    const faults = new FaultInjector();
    faults.add({ product: 'kvs', path: '/api/v1/get', effect: { type: 'hang' } });
    const abort = new AbortController();
    const hanging = faults.apply('kvs', 'POST', '/api/v1/get', () => Promise.resolve(new Response('{}')), abort.signal);
    abort.abort(new Error('client gave up'));
    await expect(hanging).rejects.toThrow('client gave up');
  });

  it('acts on about the given share of calls when a rule has a probability', async () => {
    const faults = new FaultInjector();
    faults.add({ product: 'jira', path: '/**', probability: 0.5, effect: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    const ok = (): Promise<Response> => Promise.resolve(new Response('{}', { status: 200 }));
    const statuses = await Promise.all(Array.from({ length: 400 }, () => faults.apply('jira', 'PUT', '/rest/api/3/issue/PAY-1', ok)));
    const limited = statuses.filter((r) => r.status === 429).length;
    expect(limited).toBeGreaterThan(100);
    expect(limited).toBeLessThan(300);
    expect(faults.list()[0]).toMatchObject({ matched: 400, hits: limited });
  });

  it('matches globs on the path without the query string', async () => {
    const faults = new FaultInjector();
    faults.add({ product: 'jira', path: '/rest/api/3/issue/*/properties/*', effect: { type: 'status', status: 502 } });
    const ok = (): Promise<Response> => Promise.resolve(new Response('{}', { status: 200 }));
    expect((await faults.apply('jira', 'GET', '/rest/api/3/issue/PAY-1/properties/x?expand=y', ok)).status).toBe(502);
    expect((await faults.apply('jira', 'GET', '/rest/api/3/issue/PAY-1/comment', ok)).status).toBe(200);
    expect((await faults.apply('jira', 'GET', '/rest/api/3/issue/PAY-1/properties/x/y', ok)).status).toBe(200);
  });
});

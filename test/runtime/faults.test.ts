import api, { route, type Response as ForgeResponse } from '@forge/api';
import { kvs } from '@forge/kvs';
import type { LocalSite } from '../../local/host/site';
import { runInvocation } from '../../local/runtime/forge-runtime';
import { clearFaults, injectFault, injectFaultOverHttp } from '../support/faults';
import { startTestSite, USERS } from '../support/local-site';

/** Fault injection seen from the app: the unmodified @forge/api and @forge/kvs clients inside a Forge invocation. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());
afterEach(() => clearFaults(site));

const asLead = <T>(fn: () => Promise<T>): Promise<T> => runInvocation({ moduleKey: 'faults-test', accountId: USERS.lead.accountId }, fn);
const readProperty = (key: string): Promise<ForgeResponse> => asLead(() => api.asUser().requestJira(route`/rest/api/3/issue/PAY-3/properties/${key}`));
const writeProperty = (key: string, value: unknown): Promise<ForgeResponse> =>
  asLead(() => api.asUser().requestJira(route`/rest/api/3/issue/PAY-3/properties/${key}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) }));

describe('fault injection on Jira', () => {
  it('answers an injected 429 with Retry-After and a Jira-shaped body, without reaching the emulator', async () => {
    injectFault(site, { product: 'jira', method: 'PUT', path: '/rest/api/3/issue/*/properties/*', times: 1, effect: { type: 'status', status: 429, retryAfterSeconds: 7 } });
    const refused = await writeProperty('fault-429', { n: 1 });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(await refused.json()).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    expect((await readProperty('fault-429')).status).toBe(404);
    expect((await writeProperty('fault-429', { n: 2 })).status).toBe(201);
  });

  it.each([500, 502, 503, 504] as const)('answers an injected %i', async (status) => {
    injectFault(site, { product: 'jira', path: '/rest/api/3/myself', effect: { type: 'status', status } });
    const r = await asLead(() => api.asUser().requestJira(route`/rest/api/3/myself`));
    expect(r.status).toBe(status);
  });

  it('matches the method: a rule on PUT leaves GET alone', async () => {
    injectFault(site, { product: 'jira', method: 'PUT', path: '/rest/api/3/issue/**', effect: { type: 'status', status: 500 } });
    expect((await asLead(() => api.asUser().requestJira(route`/rest/api/3/issue/PAY-3?fields=summary`))).status).toBe(200);
    expect((await writeProperty('fault-method', 1)).status).toBe(500);
  });

  it('lets `skip` calls through and then applies `times` calls, counting hits', async () => {
    const id = injectFault(site, { product: 'jira', path: '^/rest/api/3/myself$', skip: 1, times: 2, effect: { type: 'status', status: 503 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await asLead(() => api.asUser().requestJira(route`/rest/api/3/myself`))).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect(site.faults.list()).toEqual([expect.objectContaining({ id, matched: 4, hits: 2 })]);
  });

  it('drop-after-commit: the write lands, and the app sees a network error', async () => {
    injectFault(site, { product: 'jira', method: 'PUT', path: '/rest/api/3/issue/PAY-3/properties/fault-drop', times: 1, effect: { type: 'drop-after-commit' } });
    await expect(writeProperty('fault-drop', { landed: true })).rejects.toThrow('fetch failed');
    const stored = await readProperty('fault-drop');
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ key: 'fault-drop', value: { landed: true } });
  });

  it('delay: the call is answered after the delay', async () => {
    injectFault(site, { product: 'jira', path: '/rest/api/3/myself', delayMs: 300, effect: { type: 'delay' } });
    const started = Date.now();
    expect((await asLead(() => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('hang: the call never answers, so the invocation times out; removing the rule does not revive it', async () => {
    const id = injectFault(site, { product: 'jira', path: '/rest/api/3/myself', effect: { type: 'hang' } });
    const call = runInvocation({ moduleKey: 'faults-test', accountId: USERS.lead.accountId, timeoutMs: 300 }, () => api.asUser().requestJira(route`/rest/api/3/myself`));
    await expect(call).rejects.toThrow(/timed out/);
    expect(site.faults.remove(id)).toBe(true);
    expect((await asLead(() => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(200);
  });
});

describe('fault injection on KVS', () => {
  const inApp = <T>(fn: () => Promise<T>): Promise<T> => runInvocation({ moduleKey: 'faults-test', accountId: null }, fn);

  it('answers an injected 503 as the KVS service does: the client throws with the code and status', async () => {
    injectFault(site, { product: 'kvs', path: '/api/v1/set', times: 1, effect: { type: 'status', status: 503 } });
    const failure = await inApp(() => kvs.set('faults:kvs-503', 1)).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', responseDetails: expect.objectContaining({ status: 503 }) });
    expect(await inApp(() => kvs.get('faults:kvs-503'))).toBeUndefined();
  });

  it('answers an injected 429 with RATE_LIMIT_EXCEEDED', async () => {
    injectFault(site, { product: 'kvs', path: '/api/v1/get', times: 1, effect: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    await expect(inApp(() => kvs.get('faults:any'))).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
  });

  it('drop-after-commit: the value is stored though the client saw a network error', async () => {
    injectFault(site, { product: 'kvs', path: '/api/v1/set', times: 1, effect: { type: 'drop-after-commit' } });
    await expect(inApp(() => kvs.set('faults:kvs-drop', 'landed'))).rejects.toThrow('fetch failed');
    expect(await inApp(() => kvs.get('faults:kvs-drop'))).toBe('landed');
  });

  it('hang: the KVS call never answers until the invocation times out', async () => {
    injectFault(site, { product: 'kvs', path: '/api/v1/**', effect: { type: 'hang' } });
    const call = runInvocation({ moduleKey: 'faults-test', accountId: null, timeoutMs: 300 }, () => kvs.get('faults:hang'));
    await expect(call).rejects.toThrow(/timed out/);
  });

  it('delay: KVS answers after the delay', async () => {
    injectFault(site, { product: 'kvs', path: '/api/v1/get', delayMs: 300, effect: { type: 'delay' } });
    const started = Date.now();
    expect(await inApp(() => kvs.get('faults:delay'))).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('leaves Jira alone when the rule is for KVS', async () => {
    injectFault(site, { product: 'kvs', path: '/**', effect: { type: 'status', status: 500 } });
    expect((await asLead(() => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(200);
  });
});

describe('the admin endpoint /__admin/faults', () => {
  const admin = (init?: RequestInit, path = ''): Promise<Response> => fetch(`${site.url}/__admin/faults${path}`, init);

  it('adds, lists, removes and clears rules that the app then meets', async () => {
    const id = await injectFaultOverHttp(site.url, { product: 'jira', method: 'GET', path: '/rest/api/3/myself', effect: { type: 'status', status: 500 } });
    expect((await asLead(() => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(500);
    const listed = (await (await admin()).json()) as { rules: Array<{ id: string; hits: number }> };
    expect(listed.rules).toEqual([expect.objectContaining({ id, hits: 1, product: 'jira', path: '/rest/api/3/myself' })]);
    expect((await admin({ method: 'DELETE' }, `/${id}`)).status).toBe(204);
    expect((await admin({ method: 'DELETE' }, `/${id}`)).status).toBe(404);
    expect((await asLead(() => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(200);

    await injectFaultOverHttp(site.url, { product: 'kvs', path: '/api/v1/set', effect: { type: 'hang' } });
    expect((await admin({ method: 'DELETE' })).status).toBe(204);
    expect(site.faults.list()).toEqual([]);
  });

  it.each([
    ['not JSON', '{', /JSON/],
    ['an unknown product', JSON.stringify({ product: 'confluence', path: '/x', effect: { type: 'hang' } }), /product/],
    ['a status that is not injectable', JSON.stringify({ product: 'jira', path: '/x', effect: { type: 'status', status: 418 } }), /effect.status/],
    ['an unknown effect', JSON.stringify({ product: 'jira', path: '/x', effect: { type: 'explode' } }), /effect.type/],
    ['a relative path', JSON.stringify({ product: 'jira', path: 'rest/api', effect: { type: 'hang' } }), /path/],
    ['a bad RegExp', JSON.stringify({ product: 'jira', path: '^(', effect: { type: 'hang' } }), /RegExp/],
    ['a negative count', JSON.stringify({ product: 'jira', path: '/x', times: -1, effect: { type: 'hang' } }), /times/],
    ['a probability above 1', JSON.stringify({ product: 'jira', path: '/x', probability: 1.5, effect: { type: 'hang' } }), /probability/],
  ])('refuses %s with a 400 and a clear error', async (_what, body, message) => {
    const r = await admin({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toMatch(message);
    expect(site.faults.list()).toEqual([]);
  });
});

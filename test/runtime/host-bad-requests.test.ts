import type { LocalSite } from '../../local/host/site';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { hostFetch, invokeBody } from '../support/host-session';

/** Bad requests get a 4xx with a clear message: never a 500, never a connection reset. */
describe('the host on bad requests', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite();
  });
  afterAll(() => site.close());

  const post = (path: string, body: string, contentType = 'application/json'): Promise<Response> =>
    hostFetch(site, path, { method: 'POST', contentType, headers: { authorization: basicAuth(USERS.lead.email) }, body });
  const invoke = (functionKey: string): Promise<Response> => post('/__bridge/invoke', invokeBody('planning-panel', { issueKey: 'PAY-1' }, functionKey));

  it.each(['no.such.function', 'constructor', '__proto__', 'valueOf', 'toString', 'hasOwnProperty'])('answers the unknown function key %j with a 404 naming it', async (functionKey) => {
    const r = await invoke(functionKey);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ message: `The resolver has no function '${functionKey}'.` });
  });

  it('answers an unknown module with a 404', async () => {
    const r = await post('/__bridge/invoke', invokeBody('no-such-module', { issueKey: 'PAY-1' }, 'planning.getView'));
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ message: "No UI module 'no-such-module' in manifest.yml" });
  });

  it.each([
    ['a JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a JSON string', '"planning.getView"'],
    ['text that is not JSON', '{"moduleKey":'],
    ['no function key', JSON.stringify({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-1' } })],
    ['a function key that is not a string', JSON.stringify({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-1' }, functionKey: ['planning.getView'] })],
  ])('answers an invoke with %s with a 400', async (_name, body) => {
    const r = await post('/__bridge/invoke', body);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toMatch(/moduleKey/);
  });

  it.each([
    ['a JSON null', 'null'],
    ['no restPath', JSON.stringify({ product: 'jira' })],
  ])('answers a product fetch with %s with a 400', async (_name, body) => {
    expect((await post('/__bridge/fetchProduct', body)).status).toBe(400);
  });

  it('answers a body over 5 MB with a 413 and keeps serving', async () => {
    const r = await post('/__bridge/invoke', JSON.stringify({ moduleKey: 'planning-panel', functionKey: 'planning.getView', payload: 'x'.repeat(5 * 1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(((await r.json()) as { message: string }).message).toContain('5242880 bytes');
    expect((await invoke('planning.getView')).status).toBe(200);
  });

  it.each([
    ['a design-token theme named after an Object method', '/__forge/tokens/constructor.css'],
    ['a malformed percent-encoding in a module key', '/__forge/frame/%E0%A4%A/'],
  ])('answers %s with a 4xx', async (_name, path) => {
    const r = await hostFetch(site, path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });
});

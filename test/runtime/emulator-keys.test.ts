import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoSite } from '../../local/jira/seed';
import { SiteStore } from '../../local/jira/store';
import { emulatorOn } from '../support/emulator-harness';

const PROP = '/issue/PAY-1/properties';

describe('user-supplied keys in the Jira emulator', () => {
  it('stores the property key __proto__ as an ordinary property that does not leak into others', async () => {
    const { call } = emulatorOn();
    expect((await call('PUT', `${PROP}/__proto__`, { polluted: true })).status).toBe(201);
    expect((await call('PUT', `${PROP}/ordinary`, { a: 1 })).status).toBe(201);
    expect((await call('GET', `${PROP}/__proto__`)).json).toEqual({ key: '__proto__', value: { polluted: true } });
    expect((await call('GET', `${PROP}/ordinary`)).json).toEqual({ key: 'ordinary', value: { a: 1 } });
    const keys = (await call('GET', PROP)).json as { keys: Array<{ key: string }> };
    expect(keys.keys.map((k) => k.key)).toEqual(expect.arrayContaining(['__proto__', 'ordinary']));
    const issue = (await call('GET', '/issue/PAY-1?fields=summary&properties=__proto__,ordinary')).json as { properties: Record<string, unknown> };
    expect(Object.keys(issue.properties).sort()).toEqual(['__proto__', 'ordinary']);
    expect((await call('GET', `${PROP}/polluted`)).status).toBe(404);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf'])('reads %s as a missing property, then stores and deletes it', async (key) => {
    const { call } = emulatorOn();
    expect((await call('GET', `${PROP}/${key}`)).status).toBe(404);
    expect((await call('DELETE', `${PROP}/${key}`)).status).toBe(404);
    expect((await call('PUT', `${PROP}/${key}`, ['v'])).status).toBe(201);
    expect((await call('GET', `${PROP}/${key}`)).json).toEqual({ key, value: ['v'] });
    expect((await call('DELETE', `${PROP}/${key}`)).status).toBe(204);
  });

  it('keeps property keys apart after an issue edit', async () => {
    const { call } = emulatorOn();
    await call('PUT', `${PROP}/__proto__`, 1);
    expect((await call('PUT', '/issue/PAY-1', { fields: { summary: 'Edited' } })).status).toBe(204);
    expect((await call('GET', `${PROP}/toString`)).status).toBe(404);
    expect((await call('GET', `${PROP}/__proto__`)).json).toEqual({ key: '__proto__', value: 1 });
  });

  it('reports a field named __proto__ as an unknown field instead of ignoring it', async () => {
    const { call } = emulatorOn();
    const r = await call('PUT', '/issue/PAY-1', '{"fields":{"__proto__":"x"}}');
    expect(r.status).toBe(400);
    const errors = (r.json as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(errors, '__proto__')?.value).toContain("Field '__proto__' cannot be set");
  });

  describe('stored JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-emulator-keys-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('loads a stored site (same shape as before) and holds its property keys safely', async () => {
      const file = join(dir, 'jira-site.json');
      const site = buildDemoSite();
      // The demo's issues start with no properties (the app writes them through its resolvers).
      const stored = JSON.stringify(site).replace('"properties":{}', '"properties":{"__proto__":{"stored":true}}');
      expect(stored).toContain('"__proto__":{"stored":true}');
      writeFileSync(file, stored);
      const { call } = emulatorOn(new SiteStore(file));
      const first = site.issues[0]!.key;
      expect((await call('GET', `/issue/${first}/properties/__proto__`)).json).toEqual({ key: '__proto__', value: { stored: true } });
      expect((await call('GET', `/issue/${first}/properties/toString`)).status).toBe(404);
      expect((await call('GET', `/issue/${first}/properties/stored`)).status).toBe(404);
    });
  });
});

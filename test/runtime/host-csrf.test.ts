import { request } from 'node:http';
import type { LocalSite } from '../../local/host/site';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { hostFetch, invokeBody, sessionCookie } from '../support/host-session';

/** Cross-site request forgery: what a page on another origin could make a signed-in browser send. */
describe('the host against cross-site requests', () => {
  let site: LocalSite;
  const cookie = sessionCookie(USERS.lead.email);
  const evil = 'http://localhost:3999';
  const getView = invokeBody('planning-panel', { issueKey: 'PAY-1' }, 'planning.getView');
  const rename = JSON.stringify({ fields: { summary: 'Renamed by a cross-site request' } });

  beforeAll(async () => {
    site = await startTestSite();
  });
  afterAll(() => site.close());

  describe('the session form', () => {
    const choose = JSON.stringify({ user: USERS.lead.email });

    it('accepts JSON from the host’s own page', async () => {
      expect((await hostFetch(site, '/__local/session', { method: 'POST', contentType: 'application/json', body: choose })).status).toBe(200);
    });

    it('accepts JSON when the browser says same-origin without an Origin header', async () => {
      const r = await hostFetch(site, '/__local/session', { method: 'POST', origin: null, contentType: 'application/json', body: choose, headers: { 'sec-fetch-site': 'same-origin' } });
      expect(r.status).toBe(200);
    });

    it.each([
      ['another origin', evil],
      ['an opaque origin', 'null'],
      ['no Origin and no Sec-Fetch-Site', null],
    ])('refuses a request from %s', async (_name, origin) => {
      const r = await hostFetch(site, '/__local/session', { method: 'POST', origin, contentType: 'application/json', body: choose });
      expect(r.status).toBe(403);
      expect(r.headers.get('set-cookie')).toBeNull();
    });

    it.each(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])('refuses a %s body, which a cross-site form could send', async (contentType) => {
      const r = await hostFetch(site, '/__local/session', { method: 'POST', contentType, body: `user=${encodeURIComponent(USERS.lead.email)}` });
      expect(r.status).toBe(415);
      expect(r.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('the bridge with a session cookie', () => {
    it('invokes a resolver for JSON from the host’s own origin', async () => {
      const r = await hostFetch(site, '/__bridge/invoke', { method: 'POST', cookie, contentType: 'application/json', body: getView });
      expect(r.status).toBe(200);
    });

    it('refuses JSON from another origin', async () => {
      const r = await hostFetch(site, '/__bridge/invoke', { method: 'POST', cookie, origin: evil, contentType: 'application/json', body: getView });
      expect(r.status).toBe(403);
    });

    it('refuses a body that is not declared as JSON, even from its own origin', async () => {
      const r = await hostFetch(site, '/__bridge/invoke', { method: 'POST', cookie, contentType: 'text/plain', body: getView });
      expect(r.status).toBe(415);
    });

    it('refuses a product fetch from another origin', async () => {
      const body = JSON.stringify({ product: 'jira', restPath: '/rest/api/3/issue/PAY-1', fetchRequestInit: { method: 'PUT', body: rename } });
      const r = await hostFetch(site, '/__bridge/fetchProduct', { method: 'POST', cookie, origin: evil, contentType: 'application/json', body });
      expect(r.status).toBe(403);
    });
  });

  describe('Jira REST with a session cookie', () => {
    it('refuses a write from another origin, and the issue keeps its summary', async () => {
      const r = await hostFetch(site, '/rest/api/3/issue/PAY-1', { method: 'PUT', cookie, origin: evil, contentType: 'application/json', body: rename });
      expect(r.status).toBe(403);
      expect(site.store.data.issues.find((i) => i.key === 'PAY-1')!.summary).not.toBe('Renamed by a cross-site request');
    });

    it('serves reads whatever their origin (a cookie is not sent on cross-site reads, and reads change nothing)', async () => {
      expect((await hostFetch(site, '/rest/api/3/issue/PAY-1?fields=summary', { cookie, origin: evil })).status).toBe(200);
    });

    it('accepts writes with Basic auth, which a browser never adds by itself', async () => {
      const r = await hostFetch(site, '/rest/api/3/issue/PAY-2', { method: 'PUT', origin: null, contentType: 'application/json', headers: { authorization: basicAuth(USERS.lead.email) }, body: JSON.stringify({ fields: { labels: ['csrf-test'] } }) });
      expect(r.status).toBe(204);
    });
  });

  describe('DNS rebinding', () => {
    /** A GET as a page on another name that resolves to the loopback address would send it. */
    const getAs = (hostHeader: string, path: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const { port } = new URL(site.url);
        const req = request({ host: '127.0.0.1', port, path, headers: { host: hostHeader, cookie } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });

    it('refuses a request that names another host', async () => {
      expect(await getAs(`rebind.evil.test:${new URL(site.url).port}`, '/rest/api/3/issue/PAY-1')).toBe(421);
      expect(await getAs(`rebind.evil.test:${new URL(site.url).port}`, '/browse/PAY-1')).toBe(421);
    });

    it('serves the host under its loopback names', async () => {
      expect(await getAs(`127.0.0.1:${new URL(site.url).port}`, '/rest/api/3/issue/PAY-1')).toBe(200);
      expect(await getAs(`localhost:${new URL(site.url).port}`, '/rest/api/3/issue/PAY-1')).toBe(200);
    });
  });
});

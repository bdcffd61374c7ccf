import { startLocalSite, type LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';
import { hostFetch, sessionCookie } from '../support/host-session';
import { ROOT } from '../support/paths';

const chooseUser = (site: LocalSite, body: unknown, origin?: string | null): Promise<Response> =>
  hostFetch(site, '/__local/session', { method: 'POST', contentType: 'application/json', body: JSON.stringify(body), ...(origin !== undefined ? { origin } : {}) });

describe('shell sessions', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite();
  });
  afterAll(() => site.close());

  it('sends a visitor without a session to choose a user, not in as the administrator', async () => {
    const r = await hostFetch(site, '/browse/PAY-1?focus=1');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/__local/login?back=%2Fbrowse%2FPAY-1%3Ffocus%3D1');
    expect(r.headers.get('set-cookie')).toBeNull();
    const chooser = await hostFetch(site, r.headers.get('location')!);
    const html = await chooser.text();
    expect(chooser.status).toBe(200);
    expect(html).toContain(`data-user="${USERS.viewer.email}"`);
    expect(html).toContain('"/browse/PAY-1?focus=1"');
    expect(html).not.toContain('Payments Modernisation');
  });

  it('starts a session as the chosen user and returns to the page asked for', async () => {
    const r = await chooseUser(site, { user: USERS.viewer.email, back: '/browse/PAY-1' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ location: '/browse/PAY-1' });
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^pr_user=viewer%40demo\.test; Path=\/; SameSite=Lax; HttpOnly/);
    const page = await hostFetch(site, '/browse/PAY-1', { cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(new RegExp(`value="${USERS.viewer.email}" selected`));
  });

  it('refuses an unknown user', async () => {
    const r = await chooseUser(site, { user: 'mallory@evil.test' });
    expect(r.status).toBe(400);
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['/\\example.com', '/'],
    ['//example.com/x', '/'],
    ['/\t/example.com', '/'],
    ['https://example.com/', '/'],
    ['javascript:alert(1)', '/'],
    ['browse/PAY-1', '/'],
    ['/browse/PAY-1?x=1#top', '/browse/PAY-1?x=1#top'],
  ])('sends `back` %j to the local path %j', async (back, location) => {
    const r = await chooseUser(site, { theme: 'dark', back });
    expect(await r.json()).toEqual({ location });
  });

  it('answers a malformed session cookie as no session, not as an error', async () => {
    const r = await hostFetch(site, '/projects', { cookie: 'pr_user=%E0%A4%A; __proto__=x' });
    expect(r.status).toBe(303);
  });
});

describe('a host started with a default user (npm start -- --user)', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startLocalSite({ root: ROOT, port: 0, dataDir: null, defaultUser: USERS.lead.email });
  });
  afterAll(() => site.close());

  it('lets a visitor without a session act as that user, and makes it their session', async () => {
    const r = await hostFetch(site, '/browse/PAY-1');
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(new RegExp(`value="${USERS.lead.email}" selected`));
    expect(r.headers.get('set-cookie')).toMatch(/^pr_user=lead%40demo\.test;/);
  });

  it('keeps a chosen session over the default user', async () => {
    const r = await hostFetch(site, '/browse/PAY-1', { cookie: sessionCookie(USERS.viewer.email) });
    expect(await r.text()).toMatch(new RegExp(`value="${USERS.viewer.email}" selected`));
  });

  it('will not start with a user the site does not have', async () => {
    await expect(startLocalSite({ root: ROOT, port: 0, dataDir: null, defaultUser: 'nobody@demo.test' })).rejects.toThrow(/nobody@demo\.test/);
  });
});

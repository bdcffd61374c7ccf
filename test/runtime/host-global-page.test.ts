import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSite } from '../../local/host/site';
import { OFFLINE_ENVIRONMENT_ID } from '../../local/runtime/forge-runtime';
import { hostFetch, invokeBody, sessionCookie } from '../support/host-session';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { ROOT } from '../support/paths';

/** The app's jira:globalPage in the host: under Apps for every signed-in user, with no project in its context. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const MODULE = 'planning-readiness-train';
const PAGE = `/jira/apps/00000000-0000-4000-8000-000000000000/${OFFLINE_ENVIRONMENT_ID}`;
const page = async (path: string, email: string): Promise<string> => {
  const r = await hostFetch(site, path, { cookie: sessionCookie(email) });
  expect(r.status).toBe(200);
  return r.text();
};

describe('the global page in the host', () => {
  it("lists the app's global page under Apps, linked from the top navigation, for any signed-in user", async () => {
    const projects = await page('/projects', USERS.outsider.email);
    expect(projects).toContain('<a href="/jira/apps" data-testid="nav-apps">Apps</a>');
    const apps = await page('/jira/apps', USERS.outsider.email);
    expect(apps).toContain(`<a href="${PAGE}" data-testid="app-${MODULE}">Planning readiness (release train)</a>`);
  });

  it("renders the page's frame at Jira's URL shape, and nothing at another app's or environment's", async () => {
    expect(await page(PAGE, USERS.lead.email)).toContain(`src="/__forge/frame/${MODULE}/"`);
    for (const other of [`/jira/apps/another-app/${OFFLINE_ENVIRONMENT_ID}`, '/jira/apps/00000000-0000-4000-8000-000000000000/production']) {
      const html = await page(other, USERS.lead.email);
      expect(html).toContain('Page not found');
      expect(html).not.toContain('/__forge/frame/');
    }
  });

  it('gives the frame a global page context: no project, no issue', async () => {
    if (!existsSync(join(ROOT, 'static', 'project-page', 'build', 'index.html'))) throw new Error('static/project-page is not built: run npm run build first.');
    const html = await page(`/__forge/frame/${MODULE}/`, USERS.outsider.email);
    const config = JSON.parse(/window\.__FORGE_HOST__=(.*?);<\/script>/.exec(html)![1]!) as { context: { extension: unknown; moduleKey: string } };
    expect(config.context.moduleKey).toBe(MODULE);
    expect(config.context.extension).toEqual({ type: 'jira:globalPage' });
  });

  it("runs the page's resolver for any signed-in user; what it answers is filtered by their own Jira permissions", async () => {
    const invoke = (email: string): Promise<Response> =>
      hostFetch(site, '/__bridge/invoke', { method: 'POST', contentType: 'application/json', headers: { authorization: basicAuth(email) }, body: invokeBody(MODULE, {}, 'train.releases') });
    const outsider = (await (await invoke(USERS.outsider.email)).json()) as { result: { ok: true; data: { releases: Array<{ projectKeys: string[] }> } } };
    expect(outsider.result.ok).toBe(true);
    expect(outsider.result.data.releases.flatMap((r) => r.projectKeys)).not.toContain('DATA');
    expect((await hostFetch(site, '/__bridge/invoke', { method: 'POST', contentType: 'application/json', body: invokeBody(MODULE, {}, 'train.releases') })).status).toBe(401);
  });
});

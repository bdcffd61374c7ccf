import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSite } from '../../local/host/site';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { hostFetch, invokeBody, sessionCookie } from '../support/host-session';
import { ROOT } from '../support/paths';

/** Modules render, and resolvers run, only where Jira would show them to the acting user. */
describe('module visibility in the host', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite();
  });
  afterAll(() => site.close());

  const frame = (moduleKey: string, query: string, email: string): Promise<Response> => hostFetch(site, `/__forge/frame/${moduleKey}/?${query}`, { cookie: sessionCookie(email) });
  const hidden = (key: string) => site.store.data.issues.find((i) => i.key === key)!;

  it('answers a frame for an issue the user cannot browse like one for a missing issue, giving nothing away', async () => {
    const issue = hidden('DATA-1');
    const r = await frame('planning-panel', 'issueKey=DATA-1', USERS.outsider.email);
    const html = await r.text();
    expect(r.status).toBe(404);
    expect(html).toContain('DATA-1 does not exist or you do not have permission to see it.');
    expect(html).not.toContain('__FORGE_HOST__');
    expect(html).not.toContain(issue.id);
    expect(html).not.toContain('Epic');
    expect(html).not.toContain('10001');
    const missing = await frame('planning-panel', 'issueKey=DATA-999', USERS.outsider.email);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(html.replace('DATA-1', 'DATA-999'));
  });

  it('refuses a project page for a project the user cannot browse, and a settings page to a non-administrator', async () => {
    expect((await frame('planning-readiness-page', 'projectKey=DATA', USERS.outsider.email)).status).toBe(404);
    expect((await frame('planning-readiness-settings', 'projectKey=PAY', USERS.architect.email)).status).toBe(404);
  });

  it('asks a visitor without a session to choose a user before rendering a module', async () => {
    const r = await hostFetch(site, '/__forge/frame/planning-panel/?issueKey=PAY-1');
    expect(r.status).toBe(401);
    expect(await r.text()).not.toContain('__FORGE_HOST__');
  });

  it('renders the module, with its context, for a user who can browse the issue', async () => {
    if (!existsSync(join(ROOT, 'static', 'issue-panel', 'build', 'index.html'))) throw new Error('static/issue-panel is not built: run npm run build first.');
    const r = await frame('planning-panel', 'issueKey=DATA-1', USERS.lead.email);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain(`"issue":{"id":"${hidden('DATA-1').id}","key":"DATA-1","type":"Epic"`);
  });

  describe('the bridge', () => {
    const invoke = (email: string, context: Record<string, unknown>, moduleKey = 'planning-panel', functionKey = 'planning.getView'): Promise<Response> =>
      hostFetch(site, '/__bridge/invoke', { method: 'POST', contentType: 'application/json', headers: { authorization: basicAuth(email) }, body: invokeBody(moduleKey, context, functionKey) });

    it('does not run a resolver for an issue the user cannot browse', async () => {
      const r = await invoke(USERS.outsider.email, { issueKey: 'DATA-1' });
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ message: 'Issue DATA-1 does not exist or you do not have permission to see it.' });
    });

    it('does not run a resolver without the issue or project its module needs', async () => {
      expect((await invoke(USERS.lead.email, {})).status).toBe(404);
      expect((await invoke(USERS.lead.email, { projectKey: 'PAY' })).status).toBe(404);
    });

    it('does not run a settings resolver for a non-administrator', async () => {
      expect((await invoke(USERS.architect.email, { projectKey: 'PAY' }, 'planning-readiness-settings', 'settings.get')).status).toBe(404);
    });

    it('runs the resolver for a user who can browse the issue', async () => {
      const r = await invoke(USERS.viewer.email, { issueKey: 'PAY-1' });
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ result: { ok: true } });
    });
  });
});

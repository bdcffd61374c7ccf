import { join } from 'node:path';
import { generateProgram } from '../../bench/portfolio/generator';
import { JiraEmulator } from '../../local/jira/api';
import { bulkLoad } from '../../local/jira/bulk-load';
import { DEMO_USERS } from '../../local/jira/seed';
import { SiteStore } from '../../local/jira/store';
import { loadManifest } from '../../local/runtime/manifest';
import { ROOT } from '../support/paths';

const lead = { accountId: DEMO_USERS.lead.accountId, displayName: DEMO_USERS.lead.name };
const architect = { accountId: DEMO_USERS.architect.accountId, displayName: DEMO_USERS.architect.name };

/** A demo site in memory with a generated program bulk-loaded into it, and the emulator over it. */
function loadedSite(n: number): { jira: JiraEmulator; store: SiteStore; program: ReturnType<typeof generateProgram>; loaded: ReturnType<typeof bulkLoad> } {
  const store = new SiteStore(null);
  const jira = new JiraEmulator(store, loadManifest(join(ROOT, 'manifest.yml')).aliases);
  const program = generateProgram({ n, seed: 5, lead, architect, members: {} });
  return { jira, store, program, loaded: bulkLoad(store, program.load) };
}

async function search(jira: JiraEmulator, jql: string, extra: Record<string, unknown> = {}): Promise<Array<{ id: string; key: string; fields: Record<string, unknown> }>> {
  const r = await jira.handle('POST', '/rest/api/3/search/jql', JSON.stringify({ jql, maxResults: 5000, fields: ['id'], ...extra }), { kind: 'user', accountId: lead.accountId });
  expect(r.status).toBe(200);
  return (JSON.parse(r.body ?? '') as { issues: Array<{ id: string; key: string; fields: Record<string, unknown> }> }).issues;
}

describe('the bulk load path into the Jira emulator', () => {
  it('appends projects, issues, parents and links that the REST API then serves', async () => {
    const { jira, store, program, loaded } = loadedSite(50);
    expect(loaded.issueKeys).toHaveLength(program.load.issues.length);
    expect(await search(jira, 'project in (PRA, PRB, PRC, PRD) AND issuetype in (Epic, Feature)')).toHaveLength(50);
    const feature = program.load.issues.findIndex((i) => i.issueType === 'Feature');
    const [fetched] = await search(jira, `key = ${loaded.issueKeys[feature]!}`, { fields: ['parent', 'issuelinks'], maxResults: 1 });
    expect((fetched!.fields.parent as { key: string }).key).toBe(loaded.issueKeys[program.load.issues[feature]!.parent!]);
    const links = program.load.links.filter((l) => l.inward === feature || l.outward === feature);
    expect(fetched!.fields.issuelinks).toHaveLength(links.length);
    expect(store.data.links.length).toBeGreaterThanOrEqual(program.load.links.length);
  });

  it('stores the summary property where the JQL index of the app finds it', async () => {
    const { jira, program, loaded } = loadedSite(50);
    const approved = [...program.states].filter(([, s]) => s.state === 'approved').map(([index]) => loaded.issueIds[index]).sort();
    const found = await search(jira, 'project in (PRA, PRB, PRC, PRD) AND planningSpecStatus = APPROVED');
    expect(found.map((i) => i.id).sort()).toEqual(approved);
    expect(approved.length).toBeGreaterThan(0);
  });

  it('refuses a load whose issue names a parent that comes after it, or a project the site already has', () => {
    const store = new SiteStore(null);
    const base = { links: [], reporterAccountId: lead.accountId, created: '2026-11-02T09:00:00.000+0000' };
    expect(() => bulkLoad(store, { ...base, projects: [], issues: [{ projectKey: 'PAY', issueType: 'Story', summary: 'x', parent: 1, team: null }] })).toThrow('does not come before it');
    expect(() => bulkLoad(store, { ...base, projects: [{ key: 'PAY', name: 'Again', leadAccountId: lead.accountId, roles: {} }], issues: [] })).toThrow('already has a project PAY');
  });
});

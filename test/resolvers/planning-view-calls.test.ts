import type { LocalSite } from '../../local/host/site';
import { observeProductCalls, type ProductCall } from '../../local/runtime/forge-runtime';
import { startTestSite, USERS } from '../support/local-site';
import { ok, panelView } from '../support/planning-site';

let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

/** The Jira calls one getView makes, in order, as "METHOD path". */
async function jiraCallsOf(issueKey: string): Promise<{ calls: string[]; view: Awaited<ReturnType<typeof panelView>> }> {
  const calls: ProductCall[] = [];
  const stop = observeProductCalls((call) => calls.push(call));
  try {
    const view = await panelView(site, issueKey, USERS.lead.accountId);
    return { calls: calls.filter((c) => c.service === 'jira').map((c) => `${c.method} ${c.path.split('?')[0]}`), view };
  } finally {
    stop();
  }
}

describe('planning.getView Jira calls (docs/PERFORMANCE.md)', () => {
  it('reads an epic with three features and their stories in six Jira calls, the features planning state in their own search', async () => {
    const { calls, view } = await jiraCallsOf('PAY-1');
    expect(calls).toEqual([
      'GET /rest/api/3/field',
      'GET /rest/api/3/issue/PAY-1',
      expect.stringMatching(/^GET \/rest\/api\/3\/(mypermissions|issue\/10001\/properties\/planning-readiness)$/),
      expect.stringMatching(/^GET \/rest\/api\/3\/(mypermissions|issue\/10001\/properties\/planning-readiness)$/),
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/search/jql',
    ]);
    // The features' spec status and estimate, as each feature's own record and summary say (seeded by the demo).
    expect(ok(view).childPlanning).toEqual([
      { key: 'PAY-2', specStatus: 'APPROVED', estimate: { value: { kind: 'points', low: 12, high: 20 }, confidence: 4 } },
      { key: 'PAY-7', specStatus: 'IN_REVIEW', estimate: { value: { kind: 'points', low: 1, high: 4 }, confidence: 2 } },
      { key: 'PAY-12', specStatus: 'DRAFT', estimate: null },
    ]);
    expect(ok(view).decomposition).toMatchObject({ childCount: 3, storyCount: 12 });
  });

  it('makes at most six on every epic and feature of the demo, whatever its number of children', async () => {
    const planningTypes = new Set(site.store.data.issueTypes.filter((t) => t.hierarchyLevel >= 1).map((t) => t.id));
    const items = site.store.data.issues.filter((i) => planningTypes.has(i.issueTypeId) && i.key.startsWith('PAY-'));
    const counts: Record<string, number> = {};
    // One at a time: the observer counts every call of the process.
    for (const item of items) counts[item.key] = (await jiraCallsOf(item.key)).calls.length;
    expect(items.length).toBeGreaterThan(3);
    expect(Object.entries(counts).filter(([, n]) => n > 6)).toEqual([]);
  });
});

import type { LocalSite } from '../../local/host/site';
import { depsAdd, depsView, needOn } from '../support/dependencies-site';
import { startTestSite, USERS } from '../support/local-site';
import { ok, readProperty, writeProperty } from '../support/planning-site';
import { portfolioCall, portfolioCommit, portfolioView, WHOLE } from '../support/portfolio-site';

/**
 * Issue 14, item 4: no authority fact can be forged with a direct REST write by someone who may edit the issue.
 * Elsewhere: a forged approval (test/resolvers/authority.test.ts), commitment (dependencies-resolvers.test.ts)
 * and acceptance (risks-resolvers.test.ts), each written by the lead. Here: a delivery and a decline, written
 * by outsider@demo.test, a developer in PAY who is no administrator; and the baseline ("Commit the plan"),
 * which no REST call can reach at all.
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const PROPERTY = 'planning-readiness-dependencies';

describe('a dependency decision written over REST by an editor', () => {
  const openCount = async (key: string): Promise<number> => ((await readProperty(site, key, 'planning-readiness-summary')) as { dependencies: { open: number } }).dependencies.open;

  it.each([
    ['DELIVERED', 'PAY-23', 'PAY-28'],
    ['DECLINED', 'PAY-39', 'PAY-28'],
  ])('%s is not believed: the dependency stays requested, open in JQL, and the record says it was changed outside the app', async (status, dependent, provider) => {
    const added = ok(await depsAdd(site, dependent, USERS.lead.accountId, provider, { request: true }));
    await site.events.drain();
    const open = await openCount(dependent);
    const linkId = needOn(added.view, provider).id.replace('link:', '');
    const stored = (await readProperty(site, dependent, PROPERTY)) as { links: Record<string, Record<string, unknown>> };
    const decided = { status, decidedBy: { by: { accountId: USERS.outsider.accountId, displayName: USERS.outsider.name }, at: '2026-11-24T09:00:00.000Z' }, declineReason: status === 'DECLINED' ? 'Not this quarter' : null };
    const forged = { ...stored, links: { ...stored.links, [linkId]: { ...stored.links[linkId], ...decided } } };
    expect(await writeProperty(site, USERS.outsider.email, dependent, PROPERTY, forged)).toBe(200);
    await site.events.drain();

    for (const viewer of [USERS.lead, USERS.outsider]) {
      const view = ok(await depsView(site, dependent, viewer.accountId));
      expect(needOn(view, provider)).toMatchObject({ unverified: true, commitment: { status: 'REQUESTED' } });
      expect(view.integrity.changedOutsideApp).toBe(true);
    }
    // A delivered or declined dependency is no longer open: JQL still counts this one.
    expect(await openCount(dependent)).toBe(open);
  });
});

describe('the baseline ("Commit the plan")', () => {
  it('lives only in Forge KVS: committing changes nothing in Jira, so no REST call can write or rewrite it', async () => {
    const jira = JSON.stringify({ issues: site.store.data.issues, links: site.store.data.links, projects: site.store.data.projects });
    const kvsBefore = Object.keys(site.kvs.values());
    ok(await portfolioCommit(site, 'PAY', USERS.outsider.accountId));
    await site.events.drain();
    expect(JSON.stringify({ issues: site.store.data.issues, links: site.store.data.links, projects: site.store.data.projects })).toBe(jira);
    expect(Object.keys(site.kvs.values()).filter((k) => !kvsBefore.includes(k) && k.startsWith('snapshot-baseline:project:PAY'))).not.toEqual([]);
  });

  it('names as committer the user Jira says is calling: a payload cannot name another', async () => {
    ok(await portfolioCommit(site, 'PAY', USERS.outsider.accountId));
    const view = ok(await portfolioView(site, 'PAY', USERS.viewer.accountId));
    expect(view.baseline).toMatchObject({ committedBy: { accountId: USERS.outsider.accountId } });
    const kvs = JSON.stringify(site.kvs.values());
    const forged = await portfolioCall(site, 'portfolio.commit', 'PAY', USERS.outsider.accountId, { scope: WHOLE, committedBy: { accountId: USERS.lead.accountId, displayName: USERS.lead.name } });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(site.kvs.values())).toBe(kvs);
  });
});

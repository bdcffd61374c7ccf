import type { LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';
import { jqlKeys, readProperty } from '../support/planning-site';
import { blockWithRest } from '../support/dependencies-site';
import { rest } from '../support/events-site';

/**
 * The dependencies trigger under Forge's delivery: at least once, in any order (the runtime's chaos mode
 * delivers duplicates out of order). Each delivery recomputes from the current state, so the end state is
 * the same whatever arrives twice or late.
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite({ events: { secondsToMs: 1 } });
  await site.events.drain();
});
afterAll(() => site.close());

const summary = async (key: string): Promise<unknown> => ((await readProperty(site, key, 'planning-readiness-summary')) as { dependencies?: unknown } | undefined)?.dependencies;

describe('the dependencies trigger', () => {
  it('ends in the same state under duplicate and reordered events', async () => {
    site.events.setChaos(true);
    try {
      // PAY-60 <- PAY-66 <- PAY-71 <- PAY-60: a cycle made of plain Jira links, then one of them removed and put back.
      expect(await blockWithRest(site, 'PAY-60', 'PAY-66')).toBe(201);
      expect(await blockWithRest(site, 'PAY-66', 'PAY-71')).toBe(201);
      expect(await blockWithRest(site, 'PAY-71', 'PAY-60')).toBe(201);
      await site.events.drain();
      expect(await jqlKeys(site, 'dependencyCycle = 1 AND project = PAY')).toEqual(['PAY-60', 'PAY-66', 'PAY-71']);
      const links = (await (await rest(site, USERS.lead.email, 'GET', '/rest/api/3/issue/PAY-60?fields=issuelinks')).json()) as { fields: { issuelinks: Array<{ id: string; inwardIssue?: { key: string } }> } };
      const closing = links.fields.issuelinks.find((l) => l.inwardIssue?.key === 'PAY-71')!;
      expect((await rest(site, USERS.lead.email, 'DELETE', `/rest/api/3/issueLink/${closing.id}`)).status).toBe(204);
      await site.events.drain();
      expect(await jqlKeys(site, 'dependencyCycle = 1 AND project = PAY')).toEqual([]);
      expect(await summary('PAY-66')).toEqual({ open: 1, late: 0, cycle: 0, uncommitted: 1 });
    } finally {
      site.events.setChaos(false);
    }
  });

  it('follows a due date: an upstream due after the dependent makes the dependency late', async () => {
    expect(await blockWithRest(site, 'DATA-12', 'DATA-23')).toBe(201);
    await site.events.drain();
    expect(await jqlKeys(site, 'lateDependencies > 0 AND key = DATA-23')).toEqual([]);
    expect((await rest(site, USERS.lead.email, 'PUT', '/rest/api/3/issue/DATA-12', { fields: { duedate: '2027-06-30' } })).status).toBe(204);
    await site.events.drain();
    expect(await jqlKeys(site, 'lateDependencies > 0 AND key = DATA-23')).toEqual(['DATA-23']);
  });
});

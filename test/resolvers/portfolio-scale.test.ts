import { startScaleSite, type ScaleSite } from '../../bench/portfolio/scale-site';
import { observeProductCalls } from '../../local/runtime/forge-runtime';
import { clearFaults, injectFault } from '../support/faults';
import { USERS } from '../support/local-site';
import { ok } from '../support/planning-site';
import { portfolioSnapshot, portfolioView, takeSnapshotNow } from '../support/portfolio-site';

/**
 * The aggregation at scale, through the real resolver, the portfolio scanner and the emulator: a generated
 * program of 250 epics and features in one project (PRA), read the floor way, with Jira calls counted.
 */
const N = 250;
let scale: ScaleSite;
beforeAll(async () => {
  scale = await startScaleSite(N, { projects: 1 });
}, 120_000);
afterAll(() => scale.site.close());
afterEach(() => clearFaults(scale.site));

async function counted<T>(run: () => Promise<T>): Promise<{ value: T; jira: string[] }> {
  const jira: string[] = [];
  const stop = observeProductCalls((call) => {
    if (call.service === 'jira') jira.push(`${call.method} ${call.path.split('?')[0]!}`);
  });
  try {
    return { value: await run(), jira };
  } finally {
    stop();
  }
}

describe('the portfolio aggregation at scale', () => {
  it('reads N items in 1 project read + 1 ids-only search + ceil(N/100) bulkfetch calls', async () => {
    await portfolioView(scale.site, 'PRA', USERS.lead.accountId); // the Team field's id is then cached in KVS
    const { value, jira } = await counted(() => portfolioView(scale.site, 'PRA', USERS.lead.accountId));
    const view = ok(value);
    expect(view.rows).toHaveLength(N);
    expect(view.rows.filter((r) => r.specStatus !== null)).toHaveLength(scale.program.ledgers.length);
    expect(view.rows.some((r) => r.team !== null)).toBe(true);
    expect(jira.sort()).toEqual(['GET /rest/api/3/project/PRA', 'POST /rest/api/3/issue/bulkfetch', 'POST /rest/api/3/issue/bulkfetch', 'POST /rest/api/3/issue/bulkfetch', 'POST /rest/api/3/search/jql']);
  });

  it('shows what it could read, and a warning naming what is missing, when Jira keeps answering 429', async () => {
    // The first bulkfetch gets through; every later one (and its retries) is refused.
    injectFault(scale.site, { product: 'jira', method: 'POST', path: '/rest/api/3/issue/bulkfetch', skip: 1, effect: { type: 'status', status: 429, retryAfterSeconds: 0 } });
    const view = ok(await portfolioView(scale.site, 'PRA', USERS.lead.accountId));
    expect(view.rows).toHaveLength(100);
    expect(view.unreadCount).toBe(N - 100);
    expect(view.warnings).toEqual([expect.stringContaining(`${N - 100} issues could not be read from Jira`)]);
    expect(view.tiles.total).toBe(100);
  });

  it('recovers from a few 429s by retrying, and then misses nothing', async () => {
    injectFault(scale.site, { product: 'jira', method: 'POST', path: '/rest/api/3/issue/bulkfetch', times: 2, effect: { type: 'status', status: 429, retryAfterSeconds: 0 } });
    const view = ok(await portfolioView(scale.site, 'PRA', USERS.lead.accountId));
    expect(view.rows).toHaveLength(N);
    expect(view.warnings).toEqual([]);
  });

  it('paints from the snapshot with 1 project read and 1 ids-only search', async () => {
    await takeSnapshotNow(scale.site);
    const { value, jira } = await counted(() => portfolioSnapshot(scale.site, 'PRA', USERS.viewer.accountId));
    expect(ok(value)!.rows).toHaveLength(N);
    expect(jira.sort()).toEqual(['GET /rest/api/3/project/PRA', 'POST /rest/api/3/search/jql']);
  });
});

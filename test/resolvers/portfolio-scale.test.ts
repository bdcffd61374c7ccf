import { asUser } from '@forge/api';
import { startScaleSite, type ScaleSite } from '../../bench/portfolio/scale-site';
import { observeProductCalls, runInvocation } from '../../local/runtime/forge-runtime';
import { JiraClient } from '../../src/adapters/jira/jira-client';
import { JiraPortfolioScanner } from '../../src/adapters/jira/jira-portfolio-scanner';
import type { ScanRequest, ScanResult } from '../../src/application/portfolio/ports';
import { clearFaults, injectFault } from '../support/faults';
import { USERS } from '../support/local-site';
import { ok } from '../support/planning-site';
import { portfolioCall, portfolioSnapshot, portfolioView, takeSnapshotNow, WHOLE } from '../support/portfolio-site';
import type { PortfolioViewDto } from '../../src/shared/contract/project-page';

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
    // As the page asks after its first paint, which told it whether the user may edit.
    const { value, jira } = await counted(() => portfolioCall<PortfolioViewDto>(scale.site, 'portfolio.view', 'PRA', USERS.lead.accountId, { scope: WHOLE, withAccess: false }));
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

  it('paints from the snapshot with 1 project read, 1 ids-only search and the edit check side by side, sending the first 200 rows', async () => {
    await takeSnapshotNow(scale.site);
    const { value, jira } = await counted(() => portfolioSnapshot(scale.site, 'PRA', USERS.viewer.accountId));
    const painted = ok(value)!;
    // The tiles count every row; the answer holds the 200 least ready, so it stays small at any size.
    expect(painted.rowsTotal).toBe(N);
    expect(painted.tiles.total).toBe(N);
    expect(painted.rows).toHaveLength(200);
    // Whether the user may edit comes with the first paint, so the page's fresh read need not ask again.
    expect(jira.sort()).toEqual(['GET /rest/api/3/mypermissions', 'GET /rest/api/3/project/PRA', 'POST /rest/api/3/search/jql']);
  });
});

describe('the portfolio scanner itself', () => {
  const scan = (request: ScanRequest, concurrency?: number): Promise<ScanResult> =>
    runInvocation({ moduleKey: 'planning-readiness-page', accountId: USERS.lead.accountId }, () => new JiraPortfolioScanner(new JiraClient(asUser().requestJira), concurrency).scan(request));

  it('reads the requested fields and properties of every issue the JQL finds', async () => {
    const result = await scan({ jql: scale.scopeJql, fields: ['summary'], properties: ['planning-readiness-summary'] });
    expect(result.issues).toHaveLength(N);
    expect(result.unreadCount).toBe(0);
    expect(result.issues.every((i) => typeof i.fields.summary === 'string' && Object.keys(i.fields).length === 1)).toBe(true);
    expect(result.issues.filter((i) => i.properties['planning-readiness-summary'] !== undefined)).toHaveLength(scale.program.ledgers.length);
  });

  it('caps the read and says so, and refuses more properties than bulkfetch returns', async () => {
    const capped = await scan({ jql: scale.scopeJql, fields: ['summary'], properties: [], maxIssues: 120 });
    expect(capped.issues).toHaveLength(120);
    expect(capped.warnings).toEqual([expect.stringContaining('Only the first 120 issues are shown')]);
    await expect(scan({ jql: scale.scopeJql, fields: [], properties: ['a', 'b', 'c', 'd', 'e', 'f'] })).rejects.toThrow('at most 5 properties');
  });

  it('counts a batch Jira refuses (429 after retries) as unread, one after another at concurrency 1', async () => {
    // Calls go out in order at concurrency 1: the second batch's four attempts are refused.
    injectFault(scale.site, { product: 'jira', method: 'POST', path: '/rest/api/3/issue/bulkfetch', skip: 1, times: 4, effect: { type: 'status', status: 429, retryAfterSeconds: 0 } });
    const result = await scan({ jql: scale.scopeJql, fields: ['summary'], properties: [] }, 1);
    expect(result.issues).toHaveLength(N - 100);
    expect(result.unreadCount).toBe(100);
    expect(result.warnings).toEqual([expect.stringContaining('100 issues could not be read from Jira just now')]);
  });
});

import type { FaultRule } from '../../local/runtime/faults';
import type { Result } from '../../src/shared/contract/common';
import { clearFaults, injectFault } from '../support/faults';
import { useFaultSite } from '../support/fault-matrix';
import { USERS } from '../support/local-site';
import { portfolioCall, WHOLE } from '../support/portfolio-site';

/**
 * Issue 14, item 2: the project page's aggregations under Jira and KVS faults. Each view answers with what it
 * could read and a warning naming what is missing, or a clear "unavailable"; it never crashes, and what it
 * shows a user under a fault is a part of what it shows them without one (never someone else's data).
 */
const siteOf = useFaultSite();

const VIEWS: ReadonlyArray<[string, unknown]> = [
  ['portfolio.view', { scope: WHOLE }],
  ['dependencies.portfolio', undefined],
  ['risks.portfolio', undefined],
  ['escalations.getAgenda', undefined],
  ['reviews.list', undefined],
];

const BULKFETCH = { method: 'POST', path: '/rest/api/3/issue/bulkfetch' };
const SEARCH = { method: 'POST', path: '/rest/api/3/search/jql' };
const FAULTS: ReadonlyArray<[string, Omit<FaultRule, 'effect'> & { effect: FaultRule['effect'] }]> = [
  ['jira 429 with Retry-After on every read of issues', { product: 'jira', ...BULKFETCH, effect: { type: 'status', status: 429, retryAfterSeconds: 1 } }],
  ['jira 503 on every read of issues', { product: 'jira', ...BULKFETCH, effect: { type: 'status', status: 503 } }],
  ['jira 502 on the search', { product: 'jira', ...SEARCH, effect: { type: 'status', status: 502 } }],
  ['jira 500 once', { product: 'jira', path: '/rest/api/3/**', times: 1, effect: { type: 'status', status: 500 } }],
  ['jira slow answers (1.5 s)', { product: 'jira', path: '/rest/api/3/**', times: 3, delayMs: 1_500, effect: { type: 'delay' } }],
  ['kvs 503 on every call', { product: 'kvs', path: '/api/v1/**', effect: { type: 'status', status: 503 } }],
];

/** Every issue key an answer mentions. */
const keysIn = (answer: unknown): Set<string> => new Set(JSON.stringify(answer).match(/\b[A-Z][A-Z0-9]+-\d+\b/g) ?? []);

const call = (functionKey: string, payload: unknown, accountId: string): Promise<Result<{ warnings?: string[] }>> =>
  portfolioCall<{ warnings?: string[] }>(siteOf(), functionKey, 'PAY', accountId, payload);

describe.each(VIEWS)('%s', (functionKey, payload) => {
  // Oscar Outsider works in PAY only: a view that fell back on data read for someone else would show him more.
  it.each(FAULTS)('%s: partial with a warning, or unavailable; never a crash nor more than the user may see', async (_name, rule) => {
    const accountId = USERS.outsider.accountId;
    const whole = await call(functionKey, payload, accountId);
    if (!whole.ok) throw new Error(`${functionKey} fails without a fault: ${whole.error.message}`);
    const seen = keysIn(whole.data);
    injectFault(siteOf(), rule);
    const faulted = await call(functionKey, payload, accountId);
    clearFaults(siteOf());
    if (!faulted.ok) {
      expect(faulted.error).toEqual({ code: 'UNAVAILABLE', message: expect.stringMatching(/unavailable|busy/i) });
      return;
    }
    const shown = keysIn(faulted.data);
    expect([...shown].filter((k) => !seen.has(k))).toEqual([]);
    const missing = [...seen].filter((k) => !shown.has(k));
    if (missing.length > 0) expect(faulted.data.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/could not be read|missing|unavailable/i)]));
  }, 60_000);
});

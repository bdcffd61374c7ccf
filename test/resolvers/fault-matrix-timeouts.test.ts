import { useFaultSite } from '../support/fault-matrix';
import { RISK_WRITE_PATHS } from '../support/fault-paths-risks';
import { injectFault } from '../support/faults';

/**
 * Issue 14, item 2, timeouts: a call that never answers, on adding a risk. Each case costs the function's
 * whole time budget, so only this path is run (docs/RELIABILITY.md says what is not covered).
 */
const siteOf = useFaultSite();
const [addRisk] = RISK_WRITE_PATHS;

it('tells a Jira write that never answers as unconfirmed, in time, with nothing stored yet', async () => {
  const attempt = await addRisk!.prepare(siteOf());
  injectFault(siteOf(), { product: 'jira', method: 'PUT', path: '/rest/api/3/issue/*/properties/planning-readiness-risks', times: 1, effect: { type: 'hang' } });
  const started = Date.now();
  const answer = await attempt.run();
  // Within Forge's 25 s, and never "nothing was saved": the write may still land.
  expect(Date.now() - started).toBeLessThan(25_000);
  expect(answer).toEqual({ ok: false, error: { code: 'UNCONFIRMED', message: expect.stringContaining('may still land') } });
  expect(await attempt.landed()).toBe(0);
}, 60_000);

it('ends a save whose storage never answers at Forge\'s time limit, having applied nothing', async () => {
  const attempt = await addRisk!.prepare(siteOf());
  // The lease is claimed; the ledger write (the second set) never answers.
  injectFault(siteOf(), { product: 'kvs', path: '/api/v1/set', skip: 1, times: 1, effect: { type: 'hang' } });
  await expect(attempt.run()).rejects.toThrow('timed out');
  expect(await attempt.landed()).toBe(0);
  await attempt.consistent();
}, 60_000);

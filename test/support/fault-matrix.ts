import type { LocalSite } from '../../local/host/site';
import type { FaultEffect, FaultProduct } from '../../local/runtime/faults';
import type { AppError, Result } from '../../src/shared/contract/common';
import { clearFaults, injectFault } from './faults';
import { startTestSite, USERS } from './local-site';
import { jqlKeys } from './planning-site';

/**
 * The fault matrix of issue 14 (item 2): every write path of the app, each with the call a fault breaks and
 * the checks that tell a write that landed once, cleanly, from one that was half applied.
 */

/** Where a fault hits one write path: its Jira write (or the calls it makes when it has none) and its KVS write. */
export interface FaultTarget {
  method?: string;
  path: string;
  /** Matching calls let through first: the issue's lease comes before the authority ledger. */
  skip?: number;
}

/** One prepared write: the same input on every call of `run`, so a retry is the user pressing Save again. */
export interface Attempt {
  run(): Promise<Result<unknown>>;
  /** How many times the write is in the stored data (0: not applied; 1: applied once). */
  landed(): Promise<number>;
  /** Throws when the record, its ledger (as the app verifies it) and its JQL-indexed values disagree. */
  consistent(): Promise<void>;
}

export interface WritePath {
  name: string;
  jira: FaultTarget;
  kvs: FaultTarget;
  prepare(site: LocalSite): Promise<Attempt>;
}

export interface Fault {
  name: string;
  product: FaultProduct;
  effect: FaultEffect;
  times?: number;
  delayMs?: number;
}

export const FAULTS: readonly Fault[] = (['jira', 'kvs'] as const).flatMap((product) => [
  { name: `${product} 429 with Retry-After`, product, effect: { type: 'status', status: 429, retryAfterSeconds: 1 }, times: 2 },
  { name: `${product} 5xx on every call`, product, effect: { type: 'status', status: 503 } },
  { name: `${product} 500 once`, product, effect: { type: 'status', status: 500 }, times: 1 },
  { name: `${product} drop-after-commit`, product, effect: { type: 'drop-after-commit' }, times: 1 },
  { name: `${product} slow answer (2 s)`, product, effect: { type: 'delay' }, times: 1, delayMs: 2_000 },
]);

export const lead = USERS.lead.accountId;
export const architect = USERS.architect.accountId;
/** The issue's lease is the first KVS write, the authority ledger the second. */
export const KVS_LEDGER: FaultTarget = { path: '/api/v1/set', skip: 1 };
export const property = (key: string): FaultTarget => ({ method: 'PUT', path: `/rest/api/3/issue/*/properties/${key}` });

let serial = 0;
/** How many texts `unique` handed out: cases rotate over issues with it. */
export const casesSoFar = (): number => serial;
/** A text no other case uses, so a case counts only its own write. */
export const unique = (what: string): string => `${what} ${++serial} ${Date.now().toString(36)}`;

/** The JQL search answers the indexed values only for `key`: the item summary follows the record. */
export async function indexed(site: LocalSite, key: string, clauses: Record<string, number>): Promise<void> {
  const jql = `key = ${key} AND ${Object.entries(clauses).map(([field, value]) => `${field} = ${value}`).join(' AND ')}`;
  const found = await jqlKeys(site, jql);
  if (found.length !== 1) throw new Error(`JQL does not match the record: ${jql} found ${JSON.stringify(found)}`);
}

/** One demo site for the calling test file, its events settled, with every injected fault cleared after each test. */
export function useFaultSite(): () => LocalSite {
  let site: LocalSite | undefined;
  beforeAll(async () => {
    site = await startTestSite();
    await site.events.drain();
  });
  afterEach(() => site && clearFaults(site));
  afterAll(() => site?.close());
  return () => {
    if (!site) throw new Error('The fault site is not started yet');
    return site;
  };
}

/** After a failure: what the user was told is true, what is left is whole, and Save again applies the change once. */
async function retried(site: LocalSite, attempt: Attempt, error: AppError, passing: boolean): Promise<void> {
  expect(['UNAVAILABLE', 'UNCONFIRMED']).toContain(error.code);
  const landed = await attempt.landed();
  if (/nothing was saved/i.test(error.message)) expect(landed).toBe(0);
  // After a passing fault the app had the service back within the call: what it left is whole already.
  if (passing) await attempt.consistent();
  const again = await attempt.run();
  // A change that did land is, sent again on the same revision, a conflict or a no-op; never a second copy.
  if (landed === 1 && !again.ok) expect(again.error.code).toBe('CONFLICT');
  if (landed === 0 && !again.ok) throw new Error(`The retry failed: ${again.error.code} ${again.error.message}`);
  await site.events.drain();
  expect(await attempt.landed()).toBe(1);
}

/**
 * Every path under every fault, on one demo site for the calling test file: either the write reports failure
 * (and "nothing was saved" is then true) and the same input sent again lands once, or it succeeded, and the
 * record, its ledger and JQL agree.
 */
export function faultMatrix(paths: readonly WritePath[]): void {
  const siteOf = useFaultSite();

  describe.each(paths.map((path) => [path.name, path] as const))('%s', (_name, path) => {
    it.each(FAULTS.map((fault) => [fault.name, fault] as const))('%s: applied once or not at all, and consistent', async (_fault, fault) => {
      const site = siteOf();
      const attempt = await path.prepare(site);
      await site.events.drain();
      const target = fault.product === 'jira' ? path.jira : path.kvs;
      injectFault(site, { product: fault.product, ...target, effect: fault.effect, ...(fault.times ? { times: fault.times } : {}), ...(fault.delayMs ? { delayMs: fault.delayMs } : {}) });
      const first = await attempt.run();
      clearFaults(site);
      await site.events.drain();
      if (first.ok) expect(await attempt.landed()).toBe(1);
      else await retried(site, attempt, first.error, fault.times !== undefined);
      await attempt.consistent();
    }, 60_000);
  });
}

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import { startTestSite, USERS } from '../support/local-site';
import { ROOT } from '../support/paths';
import { appEntryPoints, type ResolverEntry } from '../support/app-entry-points';
import { callResolver, storedData } from '../support/permission-matrix';

/**
 * Issue 14, item 1: random and malformed payloads through every resolver function of every UI module, as
 * three users. Every answer must be a clear error (or a read's normal answer), never an unhandled one, and
 * the stored data (issue properties, links, comments, the app's KVS entries) must be unchanged.
 */
const RUNS = 10_000;
const ISSUE = 'PAY-1';
const ACTORS = [USERS.lead.accountId, USERS.viewer.accountId, USERS.outsider.accountId];
const CLEAR_CODES = new Set(['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT']);

/** A known code and a short message in words: no stack trace, no object dump, nothing empty. */
function isClear(error: { code: string; message: unknown }): boolean {
  const m = error.message;
  return CLEAR_CODES.has(error.code) && typeof m === 'string' && /[a-z]{3}/i.test(m) && m.length <= 600 && !/\n\s+at |\[object Object\]|undefined is not|Cannot read prop/.test(m);
}

/** Field names the payload schemas know, so malformed payloads look like near misses, not just noise. */
function knownFieldNames(): string[] {
  const dir = join(ROOT, 'src', 'shared', 'payloads');
  const names = readdirSync(dir).flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/(\w+):\s*z\./g)].map((m) => m[1]!));
  return [...new Set(names)];
}

function deeplyNested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { operation: value };
  return value;
}

const hostileLeaf = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, Number.parseFloat('1e309'), -0, Number.MAX_SAFE_INTEGER + 2, '\uD800', 'a\uDFFFb', '__proto__', 'constructor', '<script>alert(1)</script>', '', null, undefined, true, [], {}),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constant('x'.repeat(200_000)),
);

function payloads(fields: string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', ...fields), fc.string({ maxLength: 12 }));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileLeaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 5 })),
  }));
  return fc.oneof(tree, fc.constant(deeplyNested(5_000)), fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), fc.anything());
}

describe('every resolver function under random and malformed payloads', () => {
  let site: LocalSite;
  const functions: ResolverEntry[] = appEntryPoints().resolvers;
  beforeAll(async () => {
    site = await startTestSite();
  });
  afterAll(() => site.close());

  it('finds the functions to fuzz in the shipped code', () => {
    expect(functions.map((f) => f.functionKey)).toEqual(expect.arrayContaining(['planning.getView', 'planning.update', 'settings.update', 'dependencies.change', 'settings.readiness.update']));
    expect(functions.map((f) => f.moduleKey)).toContain('planning-readiness-train');
  });

  it(`answers ${RUNS.toLocaleString('en')} payloads with clear errors and changes nothing stored`, async () => {
    const before = storedData(site);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const problems: string[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(fc.nat(functions.length - 1), fc.nat(ACTORS.length - 1), payloads(knownFieldNames()), async (f, a, payload) => {
          const fn = functions[f]!;
          const answer = await callResolver(site, fn, ISSUE, ACTORS[a]!, payload);
          if (typeof answer !== 'object' || answer === null || typeof answer.ok !== 'boolean') problems.push(`${fn.functionKey}: not a Result: ${String(answer)}`);
          else if (!answer.ok && !isClear(answer.error)) {
            problems.push(`${fn.functionKey}: unclear error ${answer.error.code}: ${answer.error.message.slice(0, 200)}`);
          }
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { numRuns: RUNS, seed: 14, endOnFailure: true },
      );
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expect(problems).toEqual([]);
    await site.events.drain();
    expect(storedData(site)).toBe(before);
  }, 600_000);

  it('would see a change: a valid edit through the same path changes the stored data', async () => {
    const before = storedData(site);
    const view = (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: ISSUE }, functionKey: 'planning.getView' }, USERS.lead.accountId)) as Result<{ record: { rev: number } }>;
    if (!view.ok) throw new Error(view.error.message);
    const payload = { baseRev: view.data.record.rev, operation: { type: 'spec.editSection', section: 'openQuestions', text: 'Which region hosts the ledger?' } };
    const saved = (await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: ISSUE }, functionKey: 'planning.update', payload }, USERS.lead.accountId)) as Result<unknown>;
    expect(saved.ok).toBe(true);
    expect(storedData(site)).not.toBe(before);
  });
});

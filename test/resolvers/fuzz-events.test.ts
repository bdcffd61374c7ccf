import fc from 'fast-check';
import type { LocalSite } from '../../local/host/site';
import { invokeFunction } from '../../local/runtime/events/app-functions';
import { startTestSite, USERS } from '../support/local-site';

/**
 * Issue 14, item 1, for the entry points that are not resolvers: every product trigger, Automation action
 * and web trigger in manifest.yml gets random and malformed events. None may throw, log an unexpected
 * error, or change what the app has stored; a web trigger answers a 4xx with a JSON error.
 */
const RUNS_PER_ENTRY = 600;

const hostile = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, '\uD800', '__proto__', 'constructor', '<img src=x onerror=alert(1)>', null, undefined, '10001', 10001, 'PAY-1', 'avi:jira:updated:issue'),
  fc.string({ maxLength: 30 }),
  fc.integer(),
);
const key = fc.constantFrom('__proto__', 'constructor', 'issue', 'id', 'key', 'fields', 'changelog', 'items', 'issueLink', 'sourceIssueId', 'destinationIssueId', 'eventType', 'propertyKey', 'entityId', 'body', 'headers', 'issueKey', 'reason', 'severity', 'inputs', 'context');
const { tree } = fc.letrec((tie) => ({ tree: fc.oneof({ depthSize: 'small' }, hostile, fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(key, tie('tree'), { maxKeys: 5 })) }));
const events = fc.oneof(tree, fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), fc.anything());

function storedData(site: LocalSite): string {
  const kvs = Object.entries(site.kvs.values()).filter(([k]) => !k.startsWith('lock:'));
  return JSON.stringify({ issues: site.store.data.issues, links: site.store.data.links, kvs });
}

describe('triggers, Automation actions and web triggers under random and malformed events', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite();
    await site.events.drain();
  });
  afterAll(() => site.close());

  const entries = (s: LocalSite) => [
    ...s.manifest.events.triggers.map((t) => ({ kind: 'trigger', moduleKey: t.key, functionKey: t.function, accountId: null as string | null })),
    ...s.manifest.events.actions.map((a) => ({ kind: 'action', moduleKey: a.key, functionKey: a.function, accountId: USERS.viewer.accountId })),
    ...s.manifest.events.webTriggers.map((w) => ({ kind: 'webtrigger', moduleKey: w.key, functionKey: w.function, accountId: null as string | null })),
  ];

  it('has the entry points of manifest.yml to try', () => {
    expect(entries(site).map((e) => e.moduleKey)).toContain('planning-property-trigger');
  });

  it('handles every random event without an unhandled error, and changes nothing stored', async () => {
    const before = storedData(site);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const entry of entries(site)) {
        await fc.assert(
          fc.asyncProperty(events, async (event) => {
            const payload = entry.kind === 'webtrigger' ? { method: 'POST', headers: event, body: typeof event === 'string' ? event : JSON.stringify(event ?? null) } : event;
            const answer = await invokeFunction(site.events.app, { functionKey: entry.functionKey, moduleKey: entry.moduleKey, accountId: entry.accountId, timeLimitSeconds: 25 }, payload);
            if (entry.kind === 'webtrigger') {
              const response = answer as { statusCode?: number; body?: string };
              if (!(response.statusCode! >= 400 && response.statusCode! < 500)) throw new Error(`${entry.moduleKey} answered ${response.statusCode}`);
              JSON.parse(response.body ?? '');
            }
          }),
          { numRuns: RUNS_PER_ENTRY, seed: 14, endOnFailure: true },
        );
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      info.mockRestore();
      warn.mockRestore();
    }
    await site.events.drain();
    expect(storedData(site)).toBe(before);
  }, 600_000);
});

import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import { appEntryPoints, type ResolverEntry } from '../support/app-entry-points';
import { startTestSite, USERS } from '../support/local-site';
import { callResolver, leaks, occurring, storedData } from '../support/permission-matrix';
import { ok } from '../support/planning-site';
import { takeSnapshotNow, WHOLE } from '../support/portfolio-site';

/**
 * Issue 14, item 4: every resolver function of every module, called with a VALID payload on real demo data by
 * viewer@demo.test (browses PAY and DATA, edits nothing) and outsider@demo.test (a developer in PAY who may not
 * browse DATA), on an epic or feature of each project. Reads show nothing the caller may not browse; writes
 * the caller may not make are refused with a clear error and change nothing stored. The lead then makes the
 * same write, which proves the payload was valid and that the comparison would see a change.
 */
/** The Jira permission a write needs in the item's project; 'nobody': refused to everyone, the lead too. */
type Need = 'edit' | 'admin' | 'nobody';
interface Call {
  entry: ResolverEntry;
  issueKey: string;
  /** Calls another function of the same module as the lead (to read what a valid payload needs). */
  asLead: (functionKey: string, payload?: unknown) => Promise<unknown>;
}
type Build = (call: Call) => unknown;
/**
 * read `search`: answers with what Jira finds for the user (people, the issue picker, a project's assignable
 * people), which may be nothing, rather than refusing; read `variants`: each is merged into the payload and
 * called too (both export formats); write `unchanged`: may rightly change nothing (a re-scan that finds all as
 * it was).
 */
type Row = { kind: 'read'; payload?: Build; search?: true; namesIssue?: true; variants?: Array<Record<string, unknown>> } | { kind: 'write'; needs: Need; payload: Build; unchanged?: true };

const scope = ({ entry }: Call) => (entry.moduleType === 'jira:globalPage' ? { ...WHOLE, jql: 'project in (PAY, DATA)' } : WHOLE);
const query = { query: 'a' };
const sameSettings = (get: string, pick: (view: never) => unknown): Build => async ({ asLead }) => pick((await asLead(get)) as never);

/**
 * function key (or "module key function key" where one module differs) -> what it is and a valid payload.
 * A function missing here fails the test below.
 */
const MATRIX: Record<string, Row> = {
  'planning.getView': { kind: 'read' },
  'planning.update': {
    kind: 'write',
    needs: 'edit',
    payload: async ({ asLead }) => ({
      baseRev: ((await asLead('planning.getView')) as { record: { rev: number } }).record.rev,
      operation: { type: 'spec.editSection', section: 'openQuestions', text: 'Who owns the cut-over?' },
    }),
  },
  'readiness.get': { kind: 'read' },
  'dependencies.getView': { kind: 'read', payload: () => ({ hops: 3 }) },
  'dependencies.change': {
    kind: 'write',
    needs: 'edit',
    payload: () => ({ operation: { type: 'add', target: { kind: 'team', team: 'Atlas' }, description: 'Capacity for the cut-over', neededBy: null, ownerAccountId: null } }),
  },
  'dependencies.addIssue': {
    kind: 'write',
    needs: 'edit',
    payload: ({ issueKey }) => ({ providerKey: `${issueKey.split('-')[0]!}-2`, linkType: 'Blocks', description: 'Needs its API first', neededBy: null, ownerAccountId: null, request: false }),
  },
  'dependencies.searchIssues': { kind: 'read', payload: () => query, search: true },
  'dependencies.searchPeople': { kind: 'read', payload: () => query, search: true },
  'risks.getView': { kind: 'read' },
  'risks.update': {
    kind: 'write',
    needs: 'edit',
    payload: async ({ asLead }) => ({
      baseRev: ((await asLead('risks.getView')) as { rev: number }).rev,
      operation: { type: 'risk.add', fields: { title: 'Vendor slips', description: '', category: 'technical', dueDate: null }, rating: { likelihood: 2, impact: 3 } },
    }),
  },
  'risks.searchUsers': { kind: 'read', payload: () => query, search: true },
  'dependencies.portfolio': { kind: 'read' },
  'portfolio.snapshot': { kind: 'read', payload: (c) => ({ scope: scope(c) }) },
  'portfolio.view': { kind: 'read', payload: (c) => ({ scope: scope(c) }) },
  'portfolio.export': { kind: 'read', payload: (c) => ({ scope: scope(c) }), variants: [{ format: 'csv' }, { format: 'markdown' }] },
  'portfolio.commit': { kind: 'write', needs: 'edit', payload: (c) => ({ scope: scope(c) }) },
  // Its payload names one issue: refused to whoever cannot browse it, on the global page too.
  'portfolio.explain': { kind: 'read', payload: ({ issueKey }) => ({ issueKey }), namesIssue: true },
  'train.releases': { kind: 'read' },
  // The release train has no baseline: a plan is committed per project.
  'planning-readiness-train portfolio.commit': { kind: 'write', needs: 'nobody', payload: (c) => ({ scope: scope(c) }) },
  'risks.portfolio': { kind: 'read' },
  'reviews.list': { kind: 'read' },
  'escalations.getAgenda': { kind: 'read' },
  'escalations.followUp': {
    kind: 'write',
    needs: 'edit',
    payload: async ({ asLead }) => {
      const [first] = ((await asLead('escalations.getAgenda')) as { impediments: Array<{ id: string; item: { key: string } }> }).impediments;
      if (!first) throw new Error('The demo has no open impediment to follow up');
      return { itemKey: first.item.key, impedimentId: first.id, nextStep: 'Call the vendor', discussed: true };
    },
  },
  'escalations.closeMeeting': { kind: 'write', needs: 'edit', payload: async ({ asLead }) => ({ previous: ((await asLead('escalations.getAgenda')) as { lastMeetingAt: string | null }).lastMeetingAt ?? 'none' }) },
  'escalations.rescan': { kind: 'write', needs: 'admin', payload: () => ({}), unchanged: true },
  'escalations.searchUsers': { kind: 'read', payload: () => query, search: true },
  'settings.get': { kind: 'read' },
  'settings.update': {
    kind: 'write',
    needs: 'admin',
    payload: sameSettings('settings.get', (v: { settings: { architects: Array<{ accountId: string }>; tshirtScale: unknown; divergenceThresholdPct: number } }) => ({
      architectAccountIds: v.settings.architects.map((a) => a.accountId),
      tshirtScale: v.settings.tshirtScale,
      divergenceThresholdPct: v.settings.divergenceThresholdPct + 1,
    })),
  },
  'settings.searchUsers': { kind: 'read', payload: () => query, search: true },
  'settings.review.get': { kind: 'read' },
  'settings.review.update': { kind: 'write', needs: 'admin', payload: sameSettings('settings.review.get', (v: { settings: { notifyByComment: boolean } }) => ({ notifyByComment: !v.settings.notifyByComment })) },
  'settings.dependencies.get': { kind: 'read' },
  'settings.dependencies.update': {
    kind: 'write',
    needs: 'admin',
    payload: sameSettings('settings.dependencies.get', (v: { settings: { linkTypes: Array<{ name: string; dependentReads: string }> }; linkTypes: Array<{ name: string }> }) => {
      const more = v.linkTypes.find((t) => !v.settings.linkTypes.some((s) => s.name === t.name));
      if (!more) throw new Error('Every link type already counts as a dependency');
      return { linkTypes: [...v.settings.linkTypes, { name: more.name, dependentReads: 'inward' }] };
    }),
  },
  'settings.readiness.get': { kind: 'read' },
  'settings.readiness.update': {
    kind: 'write',
    needs: 'admin',
    payload: sameSettings('settings.readiness.get', (v: { settings: { thresholds: { ready: number; atRisk: number } } }) => ({
      ...v.settings,
      thresholds: { ...v.settings.thresholds, ready: v.settings.thresholds.ready - 1 },
    })),
  },
  'settings.risks.get': { kind: 'read' },
  'settings.risks.update': {
    kind: 'write',
    needs: 'admin',
    payload: sameSettings('settings.risks.get', (v: { settings: { likelihoodLabels: string[] } & Record<string, unknown> }) => ({ ...v.settings, likelihoodLabels: v.settings.likelihoodLabels.map((l) => `${l}.`) })),
  },
  'settings.escalations.get': { kind: 'read' },
  'settings.escalations.update': {
    kind: 'write',
    needs: 'admin',
    payload: sameSettings('settings.escalations.get', (v: { settings: { slaWorkingDays: number } & Record<string, unknown> }) => ({ ...v.settings, slaWorkingDays: v.settings.slaWorkingDays + 1 })),
  },
  'settings.escalations.rotateSecret': { kind: 'write', needs: 'admin', payload: async ({ asLead }) => ({ previous: ((await asLead('settings.escalations.get')) as { secretCreatedAt: string | null }).secretCreatedAt ?? 'none' }) },
};

/** What the two callers may do in each demo project (local/jira/seed.ts roles; ADMINISTER_PROJECTS: the lead only). */
const CALLERS = [
  { name: 'viewer', accountId: USERS.viewer.accountId, browses: ['PAY', 'DATA'], edits: [] as string[] },
  { name: 'outsider', accountId: USERS.outsider.accountId, browses: ['PAY'], edits: ['PAY'] },
];
const OUTSIDER = CALLERS[1]!;
const CLEAR_REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND']);

const entries = appEntryPoints().resolvers;
const rowOf = (e: ResolverEntry): Row | undefined => MATRIX[`${e.moduleKey} ${e.functionKey}`] ?? MATRIX[e.functionKey];

let site: LocalSite;
/** A feature of each project, where PAY's depends on DATA's (the demo's cross-project dependency). */
let items: { PAY: string; DATA: string };
/**
 * What outsider@demo.test may not see: the DATA project (key, name), every DATA issue key and id, the
 * summaries only DATA issues have, and DATA's versions (by id; by name when PAY has none so named).
 */
let hidden: Set<string>;
/** Every web trigger secret the lead has been shown: no answer to anyone else may hold one. */
const secrets = new Set<string>();

beforeAll(async () => {
  site = await startTestSite();
  const data = site.store.data;
  const project = (key: string) => data.projects.find((p) => p.key === key)!.id;
  const byId = new Map(data.issues.map((i) => [i.id, i]));
  const cross = data.links
    .map((l) => [byId.get(l.inwardIssueId)!, byId.get(l.outwardIssueId)!] as const)
    .find(([provider, dependent]) => provider.projectId === project('DATA') && dependent.projectId === project('PAY') && provider.issueTypeId === dependent.issueTypeId && dependent.issueTypeId === '10001');
  if (!cross) throw new Error('The demo has no cross-project dependency between features');
  items = { DATA: cross[0].key, PAY: cross[1].key };
  const dataIssues = data.issues.filter((i) => i.projectId === project('DATA'));
  const visibleSummaries = data.issues.filter((i) => i.projectId !== project('DATA')).map((i) => i.summary);
  const dataVersions = data.versions.filter((v) => v.projectId === project('DATA'));
  const visibleVersions = data.versions.filter((v) => v.projectId !== project('DATA')).map((v) => v.name);
  const dataProject = data.projects.find((p) => p.key === 'DATA')!;
  hidden = new Set([
    dataProject.key,
    dataProject.name,
    ...dataIssues.flatMap((i) => [i.key, i.id]),
    ...dataIssues.map((i) => i.summary).filter((s) => !visibleSummaries.some((v) => v.includes(s))),
    ...dataVersions.flatMap((v) => (visibleVersions.includes(v.name) ? [v.id] : [v.id, v.name])),
  ]);
  // The snapshot first paint has something to show, and the installation has a web trigger secret.
  await takeSnapshotNow(site);
  const settings = entries.find((e) => e.functionKey === 'settings.escalations.rotateSecret')!;
  rememberSecret(await call(settings, items.PAY, USERS.lead.accountId, await rowOf(settings)!.payload?.(callFor(settings, items.PAY))));
}, 120_000);
afterAll(() => site.close());

const call = (entry: ResolverEntry, issueKey: string, accountId: string, payload: unknown): Promise<Result<unknown>> => callResolver(site, entry, issueKey, accountId, payload);

function callFor(entry: ResolverEntry, issueKey: string): Call {
  return {
    entry,
    issueKey,
    asLead: async (functionKey, payload) => ok(await call({ ...entry, functionKey }, issueKey, USERS.lead.accountId, payload)),
  };
}

/** The payloads a read is called with: its payload, once per variant. */
async function payloadsOf(entry: ResolverEntry, issueKey: string): Promise<unknown[]> {
  const row = rowOf(entry)!;
  const base = await row.payload?.(callFor(entry, issueKey));
  return row.kind === 'read' && row.variants ? row.variants.map((v) => ({ ...(base as object), ...v })) : [base];
}

function rememberSecret(answer: Result<unknown>): void {
  const secret = answer.ok ? (answer.data as { secret?: unknown } | null)?.secret : undefined;
  if (typeof secret === 'string') secrets.add(secret);
}

/**
 * What may not appear in an answer to this caller: the secret, and for the outsider anything of DATA, except
 * what they named themselves (the context's issue, a key in the payload) repeated in a refusal.
 */
function forbiddenTo(caller: (typeof CALLERS)[number], answer: Result<unknown>, issueKey: string, payload: unknown): Set<string> {
  const named = occurring(`${issueKey} ${JSON.stringify(payload ?? null)}`, hidden);
  const data = caller.browses.includes('DATA') ? [] : [...hidden].filter((n) => answer.ok || !named.includes(n));
  return new Set([...secrets, ...data]);
}

const isClear = (message: string): boolean => /[a-z]{3}/i.test(message) && message.length <= 600 && !/\n\s+at |\[object Object\]/.test(message);

describe('the permission matrix', () => {
  it('has an entry for every resolver function the app ships (add one for a new function)', () => {
    expect(entries.filter((e) => !rowOf(e)).map((e) => `${e.moduleKey} ${e.functionKey}`)).toEqual([]);
    const used = new Set(entries.flatMap((e) => [e.functionKey, `${e.moduleKey} ${e.functionKey}`]));
    expect(Object.keys(MATRIX).filter((k) => !used.has(k))).toEqual([]);
    expect(new Set(entries.map((e) => e.moduleType))).toEqual(new Set(['jira:issuePanel', 'jira:issueContext', 'jira:projectPage', 'jira:globalPage', 'jira:projectSettingsPage']));
  });

  it("would see a leak: the lead's answers to the same reads name DATA issues", async () => {
    const named = async (moduleKey: string, functionKey: string): Promise<number> => {
      const entry = entries.find((e) => e.moduleKey === moduleKey && e.functionKey === functionKey)!;
      const answers = await Promise.all((await payloadsOf(entry, items.PAY)).map((p) => call(entry, items.PAY, USERS.lead.accountId, p)));
      return Math.min(...answers.map((a) => leaks(a, hidden).length));
    };
    // PAY's feature depends on DATA's; the release train covers both projects (its releases name them).
    expect(await named('planning-panel', 'dependencies.getView')).toBeGreaterThan(0);
    expect(await named('planning-readiness-train', 'portfolio.view')).toBeGreaterThan(0);
    expect(await named('planning-readiness-train', 'portfolio.export')).toBeGreaterThan(0);
    expect(await named('planning-readiness-train', 'train.releases')).toBeGreaterThan(0);
    expect(secrets.size).toBeGreaterThan(0);
    // The snapshot first paint the outsider is checked on is a real one, not "no snapshot yet".
    const snapshot = entries.find((e) => e.moduleKey === 'planning-readiness-page' && e.functionKey === 'portfolio.snapshot')!;
    const [payload] = await payloadsOf(snapshot, items.PAY);
    expect(ok(await call(snapshot, items.PAY, OUTSIDER.accountId, payload))).toMatchObject({ rows: expect.arrayContaining([expect.anything()]) as unknown });
  });

  describe.each(['PAY', 'DATA'] as const)('on a feature of %s', (project) => {
    const reads = entries.filter((e) => rowOf(e)?.kind === 'read');
    const writes = entries.filter((e) => rowOf(e)?.kind === 'write');

    it.each(reads.map((e) => [`${e.moduleKey} ${e.functionKey}`, e] as const))('%s shows each caller only what they may browse', async (_name, entry) => {
      const issueKey = items[project];
      const row = rowOf(entry)!;
      const payloads = await payloadsOf(entry, issueKey);
      const problems: string[] = [];
      for (const [caller, payload] of CALLERS.flatMap((c) => payloads.map((p) => [c, p] as const))) {
        const answer = await call(entry, issueKey, caller.accountId, payload);
        const browses = caller.browses.includes(project) || (entry.moduleType === 'jira:globalPage' && !(row.kind === 'read' && row.namesIssue)) || (row.kind === 'read' && row.search === true);
        if (!browses) {
          if (answer.ok || !CLEAR_REFUSALS.has(answer.error.code) || !isClear(answer.error.message)) problems.push(`${caller.name}: not refused clearly: ${JSON.stringify(answer).slice(0, 300)}`);
        } else if (!answer.ok) problems.push(`${caller.name}: ${answer.error.code} ${answer.error.message}`);
        problems.push(...leaks(answer, forbiddenTo(caller, answer, issueKey, payload)).map((l) => `${caller.name} sees ${l}`));
      }
      expect(problems).toEqual([]);
    });

    it.each(writes.map((e) => [`${e.moduleKey} ${e.functionKey}`, e] as const))('%s is refused to whoever may not make it, and changes nothing', async (_name, entry) => {
      const issueKey = items[project];
      const row = rowOf(entry) as Extract<Row, { kind: 'write' }>;
      const payload = await row.payload(callFor(entry, issueKey));
      await site.events.drain();
      const refusedTo = CALLERS.filter((c) => row.needs !== 'edit' || !c.edits.includes(project));
      for (const caller of refusedTo) {
        const before = storedData(site);
        const answer = await call(entry, issueKey, caller.accountId, payload);
        await site.events.drain();
        expect({ caller: caller.name, code: answer.ok ? 'accepted' : answer.error.code }).toEqual({ caller: caller.name, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) as unknown });
        if (!answer.ok) expect(isClear(answer.error.message)).toBe(true);
        expect(leaks(answer, forbiddenTo(caller, answer, issueKey, payload))).toEqual([]);
        expect(storedData(site)).toBe(before);
      }
      // The control: the same payload from the lead (a project administrator) is accepted and changes something.
      const before = storedData(site);
      const answer = await call(entry, issueKey, USERS.lead.accountId, payload);
      rememberSecret(answer);
      expect(answer).toMatchObject({ ok: row.needs !== 'nobody' });
      await site.events.drain();
      if (!row.unchanged) expect(storedData(site) === before).toBe(row.needs === 'nobody');
    });
  });

  describe('payloads that name an issue the caller may not browse', () => {
    const on = (moduleKey: string, functionKey: string): ResolverEntry => entries.find((e) => e.moduleKey === moduleKey && e.functionKey === functionKey)!;
    const teamDependency = async (): Promise<string> => {
      const added = await call(on('planning-panel', 'dependencies.change'), items.PAY, USERS.outsider.accountId, MATRIX['dependencies.change']!.payload!(callFor(on('planning-panel', 'dependencies.change'), items.PAY)));
      const needs = (ok(added) as { view: { needs: Array<{ id: string; far: { kind: string } }> } }).view.needs;
      return needs.filter((n) => n.far.kind === 'team').at(-1)!.id;
    };
    const CASES: Array<[string, ResolverEntry, () => Promise<unknown>]> = [
      ['a dependency on a DATA feature', on('planning-panel', 'dependencies.addIssue'), () => Promise.resolve({ providerKey: items.DATA, linkType: 'Blocks', description: 'x', neededBy: null, ownerAccountId: null, request: true })],
      ['a team dependency linked to a DATA feature', on('planning-panel', 'dependencies.change'), async () => ({ operation: { type: 'linkIssue', dependencyId: await teamDependency(), issueKey: items.DATA, linkType: 'Blocks' } })],
      [
        "a follow-up of a DATA impediment from PAY's page",
        on('planning-readiness-page', 'escalations.followUp'),
        async () => {
          const agenda = ok(await call(on('planning-readiness-page', 'escalations.getAgenda'), items.DATA, USERS.lead.accountId, undefined)) as { impediments: Array<{ id: string; item: { key: string } }> };
          const [first] = agenda.impediments;
          return { itemKey: first!.item.key, impedimentId: first!.id, nextStep: 'Call the vendor', discussed: true };
        },
      ],
    ];

    it.each(CASES)('%s, sent by the outsider (an editor in PAY), is refused and changes nothing', async (_name, entry, build) => {
      const payload = await build();
      await site.events.drain();
      const before = storedData(site);
      const answer = await call(entry, items.PAY, USERS.outsider.accountId, payload);
      await site.events.drain();
      expect(answer).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN|INVALID_INPUT)$/) as unknown } });
      expect(leaks(answer, forbiddenTo(OUTSIDER, answer, items.PAY, payload))).toEqual([]);
      expect(storedData(site)).toBe(before);
    });
  });
});

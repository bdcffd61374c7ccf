import type { LocalSite } from '../../local/host/site';
import { CUSTOM_FIELDS } from '../../local/jira/present';
import { LANDED_FEATURES } from '../../src/application/readiness/landed-features';
import type { Result } from '../../src/shared/contract/common';
import type { ReadinessSettingsViewDto, ReadinessViewDto } from '../../src/shared/contract/readiness';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { editSection, jqlKeys, ok, panelUpdate, panelView, readProperty } from '../support/planning-site';

/**
 * Issue 11, readiness: scored on every app write and product event, stored in the JQL-indexed summary, and
 * explained on the panels. One demo site for the file; each test leaves the items it changes as it found them
 * or works on items no other test reads.
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
  // The demo seed saves each project's readiness settings, which recomputes every epic and feature.
  await site.events.drain();
});
afterAll(() => site.close());

type StoredSummary = { readiness?: { score: number; state: string; reasons: Array<{ weight: number; earned: number }> }; planningFacts?: Record<string, unknown> };
const summaryOf = async (key: string): Promise<StoredSummary | undefined> => (await readProperty(site, key, 'planning-readiness-summary')) as StoredSummary | undefined;
const readiness = async (key: string, moduleKey = 'planning-panel', accountId: string = USERS.lead.accountId): Promise<Result<ReadinessViewDto>> =>
  (await site.invoke({ moduleKey, context: { issueKey: key }, functionKey: 'readiness.get' }, accountId)) as Result<ReadinessViewDto>;

async function restAs(email: string, method: string, path: string, body?: unknown): Promise<number> {
  const r = await fetch(`${site.url}/rest/api/3${path}`, { method, headers: { authorization: basicAuth(email), 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return r.status;
}
const updateIssue = (key: string, fields: Record<string, unknown>): Promise<number> => restAs(USERS.lead.email, 'PUT', `/issue/${key}`, { fields });

/** Every epic and feature of the demo, with the stored score. */
async function storedScores(): Promise<Map<string, number>> {
  const keys = await jqlKeys(site, 'issuetype in (Epic, Feature)');
  const scores = new Map<string, number>();
  for (const key of keys) {
    const s = await summaryOf(key);
    if (s?.readiness) scores.set(key, s.readiness.score);
  }
  return scores;
}

/** What an epic's stored facts must say of its features: how many, and how many are READY and AT_RISK by their own summaries. */
async function featureCountsOf(epicKey: string): Promise<{ childFeatures: number; childrenReady: number; childrenAtRisk: number }> {
  const states = await Promise.all((await jqlKeys(site, `parent = ${epicKey} AND issuetype = Feature`)).map(async (k) => (await summaryOf(k))?.readiness?.state));
  return { childFeatures: states.length, childrenReady: states.filter((s) => s === 'READY').length, childrenAtRisk: states.filter((s) => s === 'AT_RISK').length };
}

async function childrenOf(key: string): Promise<Array<{ key: string; points: number | null }>> {
  const r = await fetch(`${site.url}/rest/api/3/search/jql?${new URLSearchParams({ jql: `parent = ${key} ORDER BY key ASC`, fields: CUSTOM_FIELDS.storyPoints.id })}`, { headers: { authorization: basicAuth(USERS.lead.email) } });
  const body = (await r.json()) as { issues: Array<{ key: string; fields: Record<string, number | null> }> };
  return body.issues.map((i) => ({ key: i.key, points: i.fields[CUSTOM_FIELDS.storyPoints.id] ?? null }));
}

describe('readiness in Jira search', () => {
  it('scores every epic and feature, and `readinessScore < 60` returns exactly those stored below 60', async () => {
    const scores = await storedScores();
    const all = await jqlKeys(site, 'issuetype in (Epic, Feature)');
    expect([...scores.keys()].sort()).toEqual(all);
    const below = [...scores].filter(([, s]) => s < 60).map(([k]) => k).sort();
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(all.length);
    expect(await jqlKeys(site, 'readinessScore < 60')).toEqual(below);
    expect(await jqlKeys(site, 'readinessState = READY OR readinessState = AT_RISK OR readinessState = NOT_READY')).toEqual(all);
    // Items that had no summary yet got one with counts (the demo's flagged issues give a few open impediments).
    expect(await jqlKeys(site, 'openImpediments >= 0 AND issuetype in (Epic, Feature)')).toEqual(all);
  });

  it('is what the hourly reconciliation finds too: it has nothing to fix, and refills a summary deleted behind its back', async () => {
    expect((await site.events.runScheduled('readiness-reconcile')).result).toMatchObject({ saved: 0, failed: 0, partial: false });
    const before = await summaryOf('DATA-7');
    site.events.setChaos(true);
    try {
      // Deleting the summary fires the property trigger, whose repairs put it back (planning, then readiness).
      expect(await restAs(USERS.lead.email, 'DELETE', '/issue/DATA-7/properties/planning-readiness-summary')).toBe(204);
      await site.events.drain();
    } finally {
      site.events.setChaos(false);
    }
    expect(await summaryOf('DATA-7')).toEqual(before);
  });

  it('puts back a score forged over REST (the property trigger recomputes it)', async () => {
    const stored = (await readProperty(site, 'PAY-17', 'planning-readiness-summary')) as Record<string, unknown> & StoredSummary;
    expect(stored.readiness!.state).not.toBe('READY');
    const forged = { ...stored, readiness: { score: 100, state: 'READY', reasons: [{ criterion: 'spec', weight: 100, earned: 100 }] } };
    expect(await restAs(USERS.lead.email, 'PUT', '/issue/PAY-17/properties/planning-readiness-summary', forged)).toBe(200);
    await site.events.drain();
    expect(await summaryOf('PAY-17')).toEqual(stored);
    expect(await jqlKeys(site, 'key = PAY-17 AND readinessState = READY')).toEqual([]);
  });

  it('stores reasons whose earned points add up to the score', async () => {
    const s = (await summaryOf('PAY-1'))!.readiness!;
    expect(s.reasons.reduce((sum, r) => sum + r.earned, 0)).toBe(s.score);
    expect(s.reasons.reduce((sum, r) => sum + r.weight, 0)).toBe(100);
  });
});

describe('readiness on the panels', () => {
  it('explains the stored score with a reason and a next step per criterion, on both panels', async () => {
    const stored = (await summaryOf('PAY-7'))!.readiness!;
    for (const moduleKey of ['planning-panel', 'readiness-context']) {
      const view = ok(await readiness('PAY-7', moduleKey, USERS.viewer.accountId));
      expect(view.score).toBe(stored.score);
      expect(view.storedScore).toBe(stored.score);
      // The planning criteria, then one per feature that has landed (the others are absent, not faked).
      const landed = (['dependencies', 'risks', 'impediments'] as const).filter((f) => LANDED_FEATURES.includes(f));
      expect(view.criteria.map((c) => c.criterion)).toEqual(['spec', 'nfrsAndAcceptance', 'estimate', 'decomposition', ...landed, 'techLead']);
      expect(view.criteria.find((c) => c.criterion === 'spec')).toMatchObject({ reason: 'The spec is in review, not approved yet.', nextStep: expect.stringContaining('approve') });
      expect(view.criteria.find((c) => c.criterion === 'estimate')!.reason).toContain('diverges');
    }
  });

  it('shows nothing of a project the user cannot browse', async () => {
    const r = await readiness('DATA-1', 'readiness-context', USERS.outsider.accountId);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is rescored by a save in the Planning panel: writing the NFRs earns their points', async () => {
    const before = ok(await readiness('PAY-12'));
    const nfr = before.criteria.find((c) => c.criterion === 'nfrsAndAcceptance')!;
    expect(nfr.earned).toBe(0);
    const view = ok(await panelView(site, 'PAY-12', USERS.lead.accountId));
    ok(await panelUpdate(site, 'PAY-12', USERS.lead.accountId, editSection(view.record.rev, 'nfrs', 'p95 < 300 ms.')));
    const after = ok(await readiness('PAY-12'));
    expect(after.criteria.find((c) => c.criterion === 'nfrsAndAcceptance')!.earned).toBe(Math.floor(nfr.weight / 2));
    expect(after.score).toBe(before.score + Math.floor(nfr.weight / 2));
    expect((await summaryOf('PAY-12'))!.readiness!.score).toBe(after.score);
    // PAY-12 went from NOT_READY to AT_RISK: its epic PAY-1, which counts its features' states, was rescored.
    expect([before.state, after.state]).toEqual(['NOT_READY', 'AT_RISK']);
    expect((await summaryOf('PAY-1'))!.planningFacts).toMatchObject(await featureCountsOf('PAY-1'));
  });

  it('scores an epic by its features: PAY-1 is not READY while they are not, and says how many are not (user test item 1)', async () => {
    const counts = await featureCountsOf('PAY-1');
    expect(counts.childFeatures).toBe(3);
    expect(counts.childrenReady).toBeLessThan(3);
    expect((await summaryOf('PAY-1'))!.planningFacts).toMatchObject(counts);
    const view = ok(await readiness('PAY-1'));
    expect(view.state).not.toBe('READY');
    expect(view.criteria.find((c) => c.criterion === 'features')).toMatchObject({ reason: expect.stringMatching(new RegExp(`^${3 - counts.childrenReady} of 3 features (is|are) not ready`)), nextStep: expect.stringContaining('Readiness tab') });
    expect(ok(await readiness('PAY-7')).criteria.map((c) => c.criterion)).not.toContain('features');
  });
});

describe('readiness follows product events', () => {
  it('drops when the tech lead (the assignee) is removed, and comes back when one is named', async () => {
    const before = (await summaryOf('PAY-2'))!.readiness!.score;
    expect(await updateIssue('PAY-2', { assignee: null })).toBe(204);
    await site.events.drain();
    const without = ok(await readiness('PAY-2'));
    expect(without.criteria.find((c) => c.criterion === 'techLead')).toMatchObject({ earned: 0, nextStep: 'Assign the issue to its tech lead.' });
    expect((await summaryOf('PAY-2'))!.readiness!.score).toBeLessThan(before);
    expect(await updateIssue('PAY-2', { assignee: { accountId: USERS.lead.accountId } })).toBe(204);
    await site.events.drain();
    expect((await summaryOf('PAY-2'))!.readiness!.score).toBe(before);
  });

  it('scores a feature created under an epic, counts it for the epic, and follows links both ways', async () => {
    const epicBefore = (await summaryOf('PAY-1'))!.planningFacts!;
    const r = await fetch(`${site.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'PAY' }, issuetype: { name: 'Feature' }, summary: 'Refunds in the new ledger', parent: { key: 'PAY-1' } } }),
    });
    expect(r.status).toBe(201);
    const { key } = (await r.json()) as { key: string };
    await site.events.drain();
    expect(await summaryOf(key)).toMatchObject({ impediments: { open: 0 }, planningFacts: { children: 0, techLead: 0 }, readiness: { state: 'NOT_READY' } });
    expect((await summaryOf('PAY-1'))!.planningFacts).toMatchObject({ children: (epicBefore.children as number) + 1 });
    expect(await jqlKeys(site, `key = ${key} AND readinessScore < 60`)).toEqual([key]);

    const link = { type: { name: 'Blocks' }, inwardIssue: { key }, outwardIssue: { key: 'PAY-2' } };
    expect(await restAs(USERS.lead.email, 'POST', '/issueLink', link)).toBe(201);
    await site.events.drain();
    expect((await site.events.runScheduled('readiness-reconcile')).result).toMatchObject({ saved: 0, failed: 0 });
  });

  it('counts a story estimated or moved for its parent, under duplicate and reordered events', async () => {
    const features = await jqlKeys(site, 'issuetype = Feature AND project = DATA');
    const [from, to] = [features[0]!, features[1]!];
    const stories = await childrenOf(from);
    const story = stories.find((s) => s.points === null) ?? stories[0]!;
    const factsOf = async (key: string) => (await summaryOf(key))!.planningFacts!;
    const [fromBefore, toBefore] = [await factsOf(from), await factsOf(to)];
    site.events.setChaos(true);
    try {
      expect(await updateIssue(story.key, { [CUSTOM_FIELDS.storyPoints.id]: 5 })).toBe(204);
      expect(await updateIssue(story.key, { parent: { key: to } })).toBe(204);
      await site.events.drain();
    } finally {
      site.events.setChaos(false);
    }
    expect(await factsOf(from)).toMatchObject({ stories: (fromBefore.stories as number) - 1 });
    expect(await factsOf(to)).toMatchObject({ stories: (toBefore.stories as number) + 1, estimatedStories: (toBefore.estimatedStories as number) + 1 });
    // Whatever order the events came in, what is stored is what a fresh look at Jira gives: nothing left to fix.
    const run = await site.events.runScheduled('readiness-reconcile');
    expect(run.result).toMatchObject({ saved: 0, failed: 0, partial: false });
  });
});

describe('readiness settings', () => {
  const settingsCall = async (functionKey: string, email: string, payload: unknown = {}) =>
    (await site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'PAY' }, functionKey, payload }, Object.values(USERS).find((u) => u.email === email)!.accountId)) as Result<ReadinessSettingsViewDto>;

  it('are changed by project administrators only, validated, and recompute the project', async () => {
    const current = ok(await settingsCall('settings.readiness.get', USERS.viewer.email));
    expect(current.canAdminister).toBe(false);
    expect(current.settings.thresholds).toEqual({ ready: 80, atRisk: 50 });
    const everythingReady = { ...current.settings, thresholds: { ready: 0, atRisk: 0 } };
    expect(await settingsCall('settings.readiness.update', USERS.viewer.email, everythingReady)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await settingsCall('settings.readiness.update', USERS.lead.email, { ...current.settings, thresholds: { ready: 40, atRisk: 60 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The "at risk" threshold must not be above the "ready" threshold.' },
    });

    const saved = ok(await settingsCall('settings.readiness.update', USERS.lead.email, everythingReady));
    expect(saved.recompute).toMatchObject({ state: 'RECOMPUTING' });
    await site.events.drain();
    const done = ok(await settingsCall('settings.readiness.get', USERS.lead.email));
    expect(done.recompute).toMatchObject({ state: 'DONE', message: null });
    expect(done.recompute!.changed).toBeGreaterThan(0);
    const pay = await jqlKeys(site, 'project = PAY AND issuetype in (Epic, Feature)');
    expect(await jqlKeys(site, 'project = PAY AND readinessState = READY')).toEqual(pay);

    ok(await settingsCall('settings.readiness.update', USERS.lead.email, current.settings));
    await site.events.drain();
    expect(await jqlKeys(site, 'project = PAY AND readinessState = READY')).not.toEqual(pay);
  });
});

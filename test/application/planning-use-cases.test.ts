import { mergeFacts } from '../../src/domain/item-summary/item-summary';
import { getPlanningView } from '../../src/application/planning/get-planning-view';
import { updatePlanningRecord, type UpdateDeps } from '../../src/application/planning/update-planning-record';
import { updateProjectSettings } from '../../src/application/project-settings/project-settings';
import { AppFailure } from '../../src/application/shared/errors';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/domain/project-settings/project-settings';
import type { PlanningOperation } from '../../src/domain/planning-record/operations';
import { repairPlanningIndex } from '../../src/application/planning/repair-planning-index';
import { Deadline } from '../../src/application/shared/deadline';
import { UnconfirmedWrite } from '../../src/application/shared/errors';
import { access, childrenWithPlanning, MemoryLedger, MemoryLock, MemoryRecordStore, MemorySettings, MemorySummaryStore, reader, RecordingStatusPublisher, users, workItem } from './fakes';
import { fakeUpdateDeps, members } from './review-fakes';

const lead = { accountId: 'lead', displayName: 'Lena Lead' };
const arch = { accountId: 'arch', displayName: 'Arjun Architect' };
const edit = (text: string, section: 'context' | 'approach' = 'context'): PlanningOperation => ({ type: 'spec.editSection', section, text });

type TestDeps = UpdateDeps & { store: MemoryRecordStore; settings: MemorySettings; contextStatus: RecordingStatusPublisher; ledger: MemoryLedger; itemSummary: MemorySummaryStore; lock: MemoryLock };
function deps(overrides: Partial<UpdateDeps> = {}): TestDeps {
  const d = { ...fakeUpdateDeps(lead), ...overrides };
  // The children are read through whichever reader and store the test passed.
  return { ...d, childrenWithPlanning: overrides.childrenWithPlanning ?? childrenWithPlanning(d) } as TestDeps;
}
/** The work item's id: records, ledgers and summaries are keyed by issue id. */
const ID = '1';
const request = (operation: PlanningOperation, baseRev = 0) => ({ issueKey: 'PAY-1', accountId: lead.accountId, baseRev, operation });
const stored = (d: TestDeps) => d.store.saved.get(ID) as { rev: number; spec: { status: string; sections: Record<string, string>; approval: unknown }; history: Array<{ what: string }> };

/** A record in review, built through the use case, then approved by the named architect. */
async function approvedRecord(d: TestDeps): Promise<number> {
  d.settings.values.set('PAY', { ...DEFAULT_PROJECT_SETTINGS, architects: [arch] });
  await updatePlanningRecord(d, request(edit('why')));
  await updatePlanningRecord(d, request(edit('how', 'approach'), 1));
  await updatePlanningRecord(d, request({ type: 'spec.submitForReview' }, 2));
  const approved = await updatePlanningRecord({ ...d, users: users(arch) }, { ...request({ type: 'spec.approve' }, 3), accountId: arch.accountId });
  return approved.view.record.rev;
}

describe('updatePlanningRecord', () => {
  it('applies the change to the latest stored record and saves it', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('first')));
    const { view, warnings } = await updatePlanningRecord(d, request(edit('second', 'approach'), 0));
    expect(view.record.spec.sections).toEqual({ context: 'first', approach: 'second' });
    expect(stored(d)).toMatchObject({ schemaVersion: 2, rev: 2, spec: { sections: { context: 'first', approach: 'second' } } });
    expect(warnings).toEqual([]);
    // The planning facts readiness scores go with the planning fields (issue 11).
    expect(d.itemSummary.values.get(ID)).toEqual({ ...mergeFacts(null, { planning: { rev: 2, specStatus: 'DRAFT', changedOutsideApp: 0 } }), planningFacts: expect.objectContaining({ project: 'PAY', children: 0 }) });
  });

  it('refuses users who cannot edit the issue, and issues they cannot see', async () => {
    await expect(updatePlanningRecord(deps({ access: access({ edit: false }) }), request(edit('x')))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updatePlanningRecord(deps({ reader: reader(null) }), request(edit('x')))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets named architects approve; without architects, project administrators', async () => {
    const d = deps({ users: users(arch) });
    for (const op of [edit('why'), edit('how', 'approach'), { type: 'spec.submitForReview' } as const]) {
      await updatePlanningRecord(d, request(op, stored(d)?.rev ?? 0));
    }
    await expect(updatePlanningRecord(d, { ...request({ type: 'spec.approve' }, 3), accountId: arch.accountId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    d.settings.values.set('PAY', { ...DEFAULT_PROJECT_SETTINGS, architects: [arch] });
    const { view } = await updatePlanningRecord(d, { ...request({ type: 'spec.approve' }, 3), accountId: arch.accountId });
    expect(view.record.spec.approval?.by).toEqual(arch);
    expect(d.itemSummary.values.get(ID)).toMatchObject({ specStatus: 'APPROVED' });
    const admins = deps({ access: access({ admin: true }) });
    await updatePlanningRecord(admins, request(edit('why')));
    await updatePlanningRecord(admins, request(edit('how', 'approach'), 1));
    await updatePlanningRecord(admins, request({ type: 'spec.submitForReview' }, 2));
    await expect(updatePlanningRecord(admins, request({ type: 'spec.approve' }, 3))).resolves.toMatchObject({ changed: true });
  });

  it("publishes the side panel's status lozenge on the first save and whenever the spec status changes", async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('why')));
    await updatePlanningRecord(d, request(edit('how', 'approach'), 1));
    expect(d.contextStatus.published).toEqual([[ID, { type: 'lozenge', value: { label: 'Spec draft', type: 'default' } }]]);
    await updatePlanningRecord(d, request({ type: 'spec.submitForReview' }, 2));
    expect(d.contextStatus.published.slice(1)).toEqual([[ID, { type: 'lozenge', value: { label: 'Spec in review', type: 'inprogress' } }]]);
  });

  it('reports a conflict with the current value and saves nothing', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('theirs')));
    const failure = await updatePlanningRecord(d, request(edit('mine'), 0)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).toError()).toEqual({ code: 'CONFLICT', message: expect.any(String), conflict: { part: 'spec.section.context', current: 'theirs', rev: 1 } });
    expect(d.store.saves).toBe(1);
  });

  it('refuses an oversize change with a message naming what to shorten, and keeps what was saved', async () => {
    const d = deps();
    const sections = ['context', 'approach', 'components', 'nfrs', 'acceptance', 'openQuestions'] as const;
    let rev = 0;
    for (const section of sections) rev = (await updatePlanningRecord(d, request({ type: 'spec.editSection', section, text: '€'.repeat(1600) }, rev))).view.record.rev; // 3 bytes each: 28,800 bytes in all
    const before = structuredClone(d.store.saved.get(ID));
    await expect(updatePlanningRecord(d, request({ type: 'spec.editSection', section: 'enablers', text: '€'.repeat(2900) }, rev))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^The planning record would be [\d,]+ bytes, and Jira stores at most 32,768 bytes per issue\. Shorten "Enablers and spikes needed"/),
    });
    expect(d.store.saved.get(ID)).toEqual(before);
  });

  it('never overwrites a record it cannot read', async () => {
    const d = deps();
    d.store.saved.set(ID, { schemaVersion: 7, fromTheFuture: true });
    await expect(updatePlanningRecord(d, request(edit('x')))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('newer version') });
    expect(d.store.saved.get(ID)).toEqual({ schemaVersion: 7, fromTheFuture: true });
  });

  it('serialises concurrent writers: different parts all land, the same part conflicts', async () => {
    const d = deps();
    const results = await Promise.allSettled([
      updatePlanningRecord(d, request(edit('a', 'context'))),
      updatePlanningRecord(d, request(edit('b', 'approach'))),
      updatePlanningRecord(d, request({ type: 'estimate.set', value: { kind: 'tshirt', size: 'M' }, confidence: 3, assumptions: '' })),
      updatePlanningRecord(d, request(edit('c', 'context'))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const saved = d.store.saved.get(ID) as { rev: number; spec: { sections: object }; estimate: object };
    expect(saved).toMatchObject({ rev: 3, spec: { sections: { context: 'a', approach: 'b' } }, estimate: { value: { size: 'M' } } });
  });
});

describe('authority: an approval counts only when the app can verify it', () => {
  const forgeApproval = (d: TestDeps): void => {
    const record = stored(d);
    d.store.saved.set(ID, { ...record, spec: { ...record.spec, status: 'APPROVED', approval: { by: arch, at: '2026-11-24T09:00:00.000Z' } }, history: [{ rev: record.rev, at: '2026-11-24T09:00:00.000Z', by: arch, what: 'Approved the spec' }, ...record.history] });
  };

  it('believes an approval the architect made through the app', async () => {
    const d = deps();
    await approvedRecord(d);
    const view = await getPlanningView(d, 'PAY-1', lead.accountId);
    expect(view.record.spec.status).toBe('APPROVED');
    expect(view.integrity).toEqual({ changedOutsideApp: false, approvalUnverified: false });
  });

  it('does not believe an approval written over REST by someone who may edit the issue', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('why')));
    await updatePlanningRecord(d, request(edit('how', 'approach'), 1));
    await updatePlanningRecord(d, request({ type: 'spec.submitForReview' }, 2));
    forgeApproval(d);
    const view = await getPlanningView(d, 'PAY-1', lead.accountId);
    expect(view.record.spec).toMatchObject({ status: 'IN_REVIEW', approval: null });
    expect(view.integrity).toEqual({ changedOutsideApp: true, approvalUnverified: true });
  });

  it('does not carry an approval over to spec text changed outside the app', async () => {
    const d = deps();
    await approvedRecord(d);
    const record = stored(d);
    d.store.saved.set(ID, { ...record, spec: { ...record.spec, sections: { ...record.spec.sections, approach: 'something the architect never read' } } });
    const view = await getPlanningView(d, 'PAY-1', lead.accountId);
    expect(view.record.spec.status).toBe('IN_REVIEW');
    expect(view.integrity.approvalUnverified).toBe(true);
  });

  it('repairs the record on the next write through the app, keeping the text and saying so in the history', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('why')));
    forgeApproval(d);
    const { view } = await updatePlanningRecord(d, request(edit('how', 'approach'), 1));
    expect(view.record.spec).toMatchObject({ status: 'IN_REVIEW', approval: null, sections: { context: 'why', approach: 'how' } });
    expect(view.integrity).toEqual({ changedOutsideApp: false, approvalUnverified: false });
    expect(stored(d).history[0]!.what).toBe('Edited "Solution approach (architecture)" (the record had been changed outside the app; its unverified approval was not kept)');
    expect(d.itemSummary.values.get(ID)).toMatchObject({ specStatus: 'IN_REVIEW', changedOutsideApp: 0 });
    expect((await getPlanningView(d, 'PAY-1', lead.accountId)).integrity).toEqual({ changedOutsideApp: false, approvalUnverified: false });
  });

  it('counts no approval while its proof cannot be read, and writes nothing then', async () => {
    const d = deps();
    const rev = await approvedRecord(d);
    d.ledger.down = true;
    expect((await getPlanningView(d, 'PAY-1', lead.accountId)).record.spec.status).toBe('IN_REVIEW');
    const before = structuredClone(d.store.saved.get(ID));
    await expect(updatePlanningRecord(d, request({ type: 'estimate.set', value: { kind: 'tshirt', size: 'M' }, confidence: 3, assumptions: '' }, rev))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: "The app's storage is unavailable, so nothing was saved. Try again in a moment.",
    });
    expect(d.store.saved.get(ID)).toEqual(before);
  });
});

describe('updatePlanningRecord under faults', () => {
  it('puts the proof back when the record write definitely failed', async () => {
    const d = deps();
    const rev = await approvedRecord(d);
    const ledger = structuredClone(d.ledger.values.get(ID));
    d.store.failNextSave = new AppFailure('UNAVAILABLE', 'Jira is busy or unavailable, so nothing was saved. Try again in a moment.');
    await expect(updatePlanningRecord(d, request(edit('changed'), rev))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(d.ledger.values.get(ID)).toEqual(ledger);
    expect((await getPlanningView(d, 'PAY-1', lead.accountId)).record.spec.status).toBe('APPROVED');
  });

  it('reports an unconfirmed write as such and keeps the lease until it settles', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('why')));
    let land!: () => void;
    const settled = new Promise<void>((resolve) => (land = resolve));
    d.store.failNextSave = new UnconfirmedWrite(settled);
    await expect(updatePlanningRecord(d, request(edit('how', 'approach'), 1))).rejects.toMatchObject({ code: 'UNCONFIRMED' });
    expect(d.lock.heldUntil).toEqual([settled]);
    land();
  });

  it('saves, and says so, when only the JQL summary could not follow', async () => {
    const d = deps();
    d.itemSummary.failSaves = true;
    const result = await updatePlanningRecord(d, request(edit('why')));
    expect(result.changed).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/^Saved, but Jira search \(JQL/)]);
    expect(stored(d).rev).toBe(1);
  });

  it('starts no write when too little time is left', async () => {
    const d = deps({ deadline: Deadline.after(1_000) });
    await expect(updatePlanningRecord(d, request(edit('why')))).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('nothing was saved') });
    expect(d.store.saves).toBe(0);
    expect(d.ledger.values.size).toBe(0);
  });
});

describe('repairPlanningIndex', () => {
  it('rewrites a summary someone forged, and then leaves it alone', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('why')));
    d.itemSummary.values.set(ID, mergeFacts(null, { planning: { rev: 1, specStatus: 'APPROVED', changedOutsideApp: 0 }, risks: { level: 3, unroamed: 1, blocking: 1 } }));
    expect(await repairPlanningIndex(d, ID)).toBe('repaired');
    // The planning section is repaired; the other features' sections are theirs, and stay.
    expect(d.itemSummary.values.get(ID)).toEqual(mergeFacts(null, { planning: { rev: 1, specStatus: 'DRAFT', changedOutsideApp: 0 }, risks: { level: 3, unroamed: 1, blocking: 1 } }));
    const saves = d.itemSummary.saves;
    expect(await repairPlanningIndex(d, ID)).toBe('unchanged');
    expect(await repairPlanningIndex(d, ID)).toBe('unchanged');
    expect(d.itemSummary.saves).toBe(saves);
  });

  it('indexes a forged approval as In review and flags the record as changed outside the app', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('why')));
    const record = stored(d);
    d.store.saved.set(ID, { ...record, spec: { ...record.spec, status: 'APPROVED', approval: { by: arch, at: '2026-11-24T09:00:00.000Z' } } });
    expect(await repairPlanningIndex(d, ID)).toBe('repaired');
    expect(d.itemSummary.values.get(ID)).toMatchObject({ rev: 1, specStatus: 'IN_REVIEW', changedOutsideApp: 1 });
    expect(d.contextStatus.published.at(-1)).toEqual([ID, { type: 'lozenge', value: { label: 'Spec in review', type: 'inprogress' } }]);
  });

  it('fails rather than guess while the proof cannot be read', async () => {
    const d = deps();
    await approvedRecord(d);
    d.ledger.down = true;
    await expect(repairPlanningIndex(d, ID)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(d.itemSummary.values.get(ID)).toMatchObject({ specStatus: 'APPROVED' });
  });
});

describe('getPlanningView', () => {
  const story = (key: string, parentKey: string, points: number | null) => ({ key, summary: key, issueTypeName: 'Story', hierarchyLevel: 0, statusCategory: 'new' as const, storyPoints: points, labels: [], parentKey, team: null as string | null });
  const feature = (key: string) => ({ ...story(key, 'PAY-1', null), issueTypeName: 'Feature', hierarchyLevel: 1 });

  it('reads down to stories, reconciles the estimate and reports rights', async () => {
    const store = new MemoryRecordStore();
    const r = reader(workItem(), [feature('PAY-2'), feature('PAY-3'), story('PAY-4', 'PAY-2', 13), story('PAY-5', 'PAY-3', 21), story('PAY-6', 'PAY-3', null)]);
    const d = deps({ reader: r, store });
    await updatePlanningRecord(d, request({ type: 'estimate.set', value: { kind: 'tshirt', size: 'S' }, confidence: 2, assumptions: '' }));
    const view = await getPlanningView(d, 'PAY-1', lead.accountId);
    expect(r.childCalls.slice(-2)).toEqual([['PAY-1'], ['PAY-2', 'PAY-3']]);
    expect(view.decomposition).toMatchObject({ childCount: 2, storyCount: 3, bottomUpPoints: 34, estimatedPct: 67 });
    expect(view.reconciliation).toMatchObject({ range: { low: 3, high: 8 }, position: 'above', flagged: true });
    expect(view).toMatchObject({ canEdit: true, canApprove: false, recordProblem: null });
  });

  it('shows a record it cannot read as a problem and turns editing off', async () => {
    const store = new MemoryRecordStore();
    store.saved.set(ID, 'not an object');
    const view = await getPlanningView(deps({ reader: reader(workItem({ issueType: { id: '1', name: 'Feature', hierarchyLevel: 1, iconUrl: null } })), store }), 'PAY-1', lead.accountId);
    expect(view).toMatchObject({ canEdit: false, recordProblem: 'the stored planning record is not a JSON object' });
  });

  it('refuses to show or write a planning record below the epic and feature levels', async () => {
    const story = reader(workItem({ key: 'PAY-3', issueType: { id: '10002', name: 'Story', hierarchyLevel: 0, iconUrl: null } }));
    const refusal = { code: 'INVALID_INPUT', message: 'Planning records belong to epics and features (the epic level and above); PAY-3 is a Story.' };
    await expect(getPlanningView(deps({ reader: story }), 'PAY-3', lead.accountId)).rejects.toMatchObject(refusal);
    const d = deps({ reader: story });
    await expect(updatePlanningRecord(d, { ...request(edit('x')), issueKey: 'PAY-3' })).rejects.toMatchObject(refusal);
    expect(d.store.saves).toBe(0);
  });

  it('answers NOT_FOUND for an issue the user cannot see', async () => {
    await expect(getPlanningView(deps({ reader: reader(null) }), 'PAY-9', lead.accountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('updateProjectSettings', () => {
  const sdeps = (admin: boolean, browsers = [lead, arch]) => ({ reader: reader(null), access: access({ admin }), settings: new MemorySettings(), users: users(lead, [arch]), members: members(browsers) });
  const update = (over: Partial<{ architectAccountIds: string[]; divergenceThresholdPct: number }> = {}) => ({ architectAccountIds: ['arch'], tshirtScale: DEFAULT_PROJECT_SETTINGS.tshirtScale, divergenceThresholdPct: 30, ...over });

  it('saves architects looked up in Jira', async () => {
    const d = sdeps(true);
    await expect(updateProjectSettings(d, 'PAY', update())).resolves.toMatchObject({ architects: [arch], divergenceThresholdPct: 30 });
    expect(d.settings.values.get('PAY')?.architects).toEqual([arch]);
  });

  it('is for project administrators only, and names bad values', async () => {
    await expect(updateProjectSettings(sdeps(false), 'PAY', update())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateProjectSettings(sdeps(true), 'PAY', update({ architectAccountIds: ['ghost'] }))).rejects.toMatchObject({ message: 'Architects: no Jira user with account id ghost.' });
    await expect(updateProjectSettings(sdeps(true), 'PAY', update({ divergenceThresholdPct: 500 }))).rejects.toMatchObject({ message: 'Divergence threshold: choose 0 to 200 percent.' });
  });

  it('refuses an architect who cannot browse the project, and saves nothing', async () => {
    const d = sdeps(true, [lead]);
    await expect(updateProjectSettings(d, 'PAY', update())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Architects: Arjun Architect cannot browse project PAY, so they could not read its specs to approve them. Give them access to the project in Jira first, or choose someone else.',
    });
    expect(d.settings.values.has('PAY')).toBe(false);
  });
});

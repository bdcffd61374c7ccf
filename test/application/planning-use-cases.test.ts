import { getPlanningView } from '../../src/application/planning/get-planning-view';
import { updatePlanningRecord, type UpdateDeps } from '../../src/application/planning/update-planning-record';
import { updateProjectSettings } from '../../src/application/project-settings/project-settings';
import { AppFailure } from '../../src/application/shared/errors';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/domain/project-settings/project-settings';
import type { PlanningOperation } from '../../src/domain/planning-record/operations';
import { access, MemoryLock, MemoryRecordStore, MemorySettings, reader, RecordingStatusPublisher, users, workItem } from './fakes';

const lead = { accountId: 'lead', displayName: 'Lena Lead' };
const arch = { accountId: 'arch', displayName: 'Arjun Architect' };
const edit = (text: string, section: 'context' | 'approach' = 'context'): PlanningOperation => ({ type: 'spec.editSection', section, text });

type TestDeps = UpdateDeps & { store: MemoryRecordStore; settings: MemorySettings; contextStatus: RecordingStatusPublisher };
function deps(overrides: Partial<UpdateDeps> = {}): TestDeps {
  return {
    store: new MemoryRecordStore(),
    lock: new MemoryLock(),
    access: access(),
    settings: new MemorySettings(),
    users: users(lead),
    contextStatus: new RecordingStatusPublisher(),
    now: () => new Date('2026-11-24T10:00:00Z'),
    ...overrides,
  } as TestDeps;
}
const request = (operation: PlanningOperation, baseRev = 0) => ({ issueKey: 'PAY-1', projectKey: 'PAY', accountId: lead.accountId, baseRev, operation });

describe('updatePlanningRecord', () => {
  it('applies the change to the latest stored record and saves it', async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('first')));
    const { record } = await updatePlanningRecord(d, request(edit('second', 'approach'), 0));
    expect(record.spec.sections).toEqual({ context: 'first', approach: 'second' });
    expect(d.store.saved.get('PAY-1')).toEqual(record);
  });

  it('refuses users who cannot edit the issue, and issues they cannot see', async () => {
    await expect(updatePlanningRecord(deps({ access: access({ edit: false }) }), request(edit('x')))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updatePlanningRecord(deps({ access: access({ edit: null }) }), request(edit('x')))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets named architects approve; without architects, project administrators', async () => {
    const d = deps({ users: users(arch) });
    for (const op of [edit('why'), edit('how', 'approach'), { type: 'spec.submitForReview' } as const]) {
      const rev = ((d.store.saved.get('PAY-1') as { rev?: number } | undefined)?.rev ?? 0);
      await updatePlanningRecord(d, request(op, rev));
    }
    await expect(updatePlanningRecord(d, { ...request({ type: 'spec.approve' }, 3), accountId: arch.accountId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    d.settings.values.set('PAY', { ...DEFAULT_PROJECT_SETTINGS, architects: [arch] });
    const { record } = await updatePlanningRecord(d, { ...request({ type: 'spec.approve' }, 3), accountId: arch.accountId });
    expect(record.spec.approval?.by).toEqual(arch);
    const admins = deps({ access: access({ admin: true }) });
    admins.store.saved.set('PAY-1', structuredClone({ ...record, spec: { ...record.spec, status: 'IN_REVIEW', approval: null } }));
    await expect(updatePlanningRecord(admins, request({ type: 'spec.approve' }, record.rev))).resolves.toMatchObject({ changed: true });
  });

  it("publishes the side panel's status lozenge on the first save and whenever the spec status changes", async () => {
    const d = deps();
    await updatePlanningRecord(d, request(edit('why')));
    await updatePlanningRecord(d, request(edit('how', 'approach'), 1));
    expect(d.contextStatus.published).toEqual([['PAY-1', { type: 'lozenge', value: { label: 'Spec draft', type: 'default' } }]]);
    await updatePlanningRecord(d, request({ type: 'spec.submitForReview' }, 2));
    expect(d.contextStatus.published.slice(1)).toEqual([['PAY-1', { type: 'lozenge', value: { label: 'Spec in review', type: 'inprogress' } }]]);
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
    for (const section of sections) rev = (await updatePlanningRecord(d, request({ type: 'spec.editSection', section, text: '€'.repeat(1600) }, rev))).record.rev; // 3 bytes each: 28,800 bytes in all
    const before = structuredClone(d.store.saved.get('PAY-1'));
    await expect(updatePlanningRecord(d, request({ type: 'spec.editSection', section: 'enablers', text: '€'.repeat(2900) }, rev))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^The planning record would be [\d,]+ bytes, and Jira stores at most 32,768 bytes per issue\. Shorten "Enablers and spikes needed"/),
    });
    expect(d.store.saved.get('PAY-1')).toEqual(before);
  });

  it('never overwrites a record it cannot read', async () => {
    const d = deps();
    d.store.saved.set('PAY-1', { schemaVersion: 7, fromTheFuture: true });
    await expect(updatePlanningRecord(d, request(edit('x')))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('newer version') });
    expect(d.store.saved.get('PAY-1')).toEqual({ schemaVersion: 7, fromTheFuture: true });
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
    const saved = d.store.saved.get('PAY-1') as { rev: number; spec: { sections: object }; estimate: object };
    expect(saved).toMatchObject({ rev: 3, spec: { sections: { context: 'a', approach: 'b' } }, estimate: { value: { size: 'M' } } });
  });
});

describe('getPlanningView', () => {
  const story = (key: string, parentKey: string, points: number | null) => ({ key, summary: key, issueTypeName: 'Story', hierarchyLevel: 0, statusCategory: 'new' as const, storyPoints: points, labels: [], parentKey });
  const feature = (key: string) => ({ ...story(key, 'PAY-1', null), issueTypeName: 'Feature', hierarchyLevel: 1 });

  it('reads down to stories, reconciles the estimate and reports rights', async () => {
    const store = new MemoryRecordStore();
    const r = reader(workItem(), [feature('PAY-2'), feature('PAY-3'), story('PAY-4', 'PAY-2', 13), story('PAY-5', 'PAY-3', 21), story('PAY-6', 'PAY-3', null)]);
    const d = { reader: r, store, access: access(), settings: new MemorySettings(), users: users(lead), lock: new MemoryLock(), contextStatus: new RecordingStatusPublisher(), now: () => new Date('2026-11-24T10:00:00Z') };
    await updatePlanningRecord(d, request({ type: 'estimate.set', value: { kind: 'tshirt', size: 'S' }, confidence: 2, assumptions: '' }));
    const view = await getPlanningView(d, 'PAY-1', lead.accountId);
    expect(r.childCalls).toEqual([['PAY-1'], ['PAY-2', 'PAY-3']]);
    expect(view.decomposition).toMatchObject({ childCount: 2, storyCount: 3, bottomUpPoints: 34, estimatedPct: 67 });
    expect(view.reconciliation).toMatchObject({ range: { low: 3, high: 8 }, position: 'above', flagged: true });
    expect(view).toMatchObject({ canEdit: true, canApprove: false, recordProblem: null });
  });

  it('shows a record it cannot read as a problem and turns editing off', async () => {
    const store = new MemoryRecordStore();
    store.saved.set('PAY-1', 'not an object');
    const view = await getPlanningView({ reader: reader(workItem({ issueType: { id: '1', name: 'Feature', hierarchyLevel: 1, iconUrl: null } })), store, access: access(), settings: new MemorySettings() }, 'PAY-1', lead.accountId);
    expect(view).toMatchObject({ canEdit: false, recordProblem: 'the stored planning record is not a JSON object' });
  });

  it('answers NOT_FOUND for an issue the user cannot see', async () => {
    await expect(getPlanningView({ reader: reader(null), store: new MemoryRecordStore(), access: access(), settings: new MemorySettings() }, 'PAY-9', lead.accountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('updateProjectSettings', () => {
  const sdeps = (admin: boolean) => ({ reader: reader(null), access: access({ admin }), settings: new MemorySettings(), users: users(lead, [arch]) });
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
});

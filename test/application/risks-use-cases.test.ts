import { getRiskView } from '../../src/application/risks/get-risk-view';
import { repairRiskFacts } from '../../src/application/risks/repair-risk-facts';
import { getRiskSettings, updateRiskSettings } from '../../src/application/risks/risk-settings';
import { syncDependencyRisks } from '../../src/application/risks/sync-dependency-risks';
import { updateRisks, type RiskOperationInput } from '../../src/application/risks/update-risks';
import { AppFailure } from '../../src/application/shared/errors';
import { DEFAULT_RISK_SETTINGS } from '../../src/domain/risks/settings';
import { ARJUN, riskDeps } from './risks-fakes';

const add = (title: string, likelihood: number, impact: number): RiskOperationInput => ({ type: 'risk.add', fields: { title, description: '', category: 'technical', dueDate: null }, rating: { likelihood, impact } });
const failure = (e: unknown): { code: string; message: string } => {
  if (!(e instanceof AppFailure)) throw e;
  return { code: e.code, message: e.message };
};

describe('updateRisks', () => {
  it('saves the register with its proof, then publishes the risks section of the item summary', async () => {
    const deps = riskDeps();
    const saved = await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Vendor SDK end of life', 4, 3) });
    expect(saved).toMatchObject({ changed: true, warnings: [], view: { counts: { level: 3, unroamed: 1, blocking: 1 }, canEdit: true } });
    expect(deps.riskStore.saved.get('1')).toMatchObject({ schemaVersion: 1, rev: 1 });
    expect(deps.riskLedger.values.get('1')).toMatchObject({ registerRev: 1, acceptances: [] });
    expect(deps.itemSummary.values.get('1')?.risks).toEqual({ level: 3, unroamed: 1, blocking: 1 });

    const riskId = saved.view.register.risks[0]!.id;
    const accepted = await updateRisks({ ...deps, users: { ...deps.users, me: async () => ARJUN } }, { issueKey: 'PAY-1', baseRev: 1, operation: { type: 'risk.roam', riskId, roam: { state: 'ACCEPTED', rationale: 'Absorbable' } } });
    expect(accepted.view.register.risks[0]!.roam).toMatchObject({ state: 'ACCEPTED', by: ARJUN });
    expect(deps.riskLedger.values.get('1')!.acceptances).toEqual([expect.objectContaining({ riskId, accountId: 'arjun' })]);
    // A fresh read verifies the acceptance against the ledger.
    expect((await getRiskView(deps, 'PAY-1')).integrity).toEqual({ changedOutsideApp: false, unverifiedAcceptances: [] });
  });

  it('resolves an owner by account id, and refuses one Jira does not know', async () => {
    const deps = riskDeps();
    const saved = await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Risk', 3, 3) });
    const riskId = saved.view.register.risks[0]!.id;
    const owned = await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 1, operation: { type: 'risk.roam', riskId, roam: { state: 'OWNED', ownerAccountId: 'arjun' } } });
    expect(owned.view.register.risks[0]!.roam).toMatchObject({ state: 'OWNED', owner: ARJUN });
    const unknown = await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 2, operation: { type: 'risk.roam', riskId, roam: { state: 'OWNED', ownerAccountId: 'ghost' } } }).catch(failure);
    expect(unknown).toEqual({ code: 'INVALID_INPUT', message: 'Owner: choose the person who owns the response.' });
  });

  it('refuses a user who may not edit, and writes nothing', async () => {
    const deps = riskDeps({ edit: false });
    expect(await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Risk', 3, 3) }).catch(failure)).toMatchObject({ code: 'FORBIDDEN' });
    expect(deps.riskStore.saves).toBe(0);
    expect(deps.riskLedger.values.size).toBe(0);
  });

  it('puts the ledger back when the register write definitely failed', async () => {
    const deps = riskDeps();
    await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Risk', 3, 3) });
    const before = deps.riskLedger.values.get('1');
    deps.riskStore.failNextSave = new AppFailure('UNAVAILABLE', 'Jira down');
    expect(await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 1, operation: add('Second', 2, 2) }).catch(failure)).toMatchObject({ code: 'UNAVAILABLE' });
    expect(deps.riskLedger.values.get('1')).toEqual(before);
  });

  it('writes nothing while the ledger cannot be read', async () => {
    const deps = riskDeps();
    deps.riskLedger.down = true;
    expect(await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Risk', 3, 3) }).catch(failure)).toMatchObject({ code: 'UNAVAILABLE' });
    expect(deps.riskStore.saves).toBe(0);
  });

  it('reports a saved change whose JQL summary could not follow as saved, with a warning', async () => {
    const deps = riskDeps();
    deps.itemSummary.failSaves = true;
    const saved = await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Risk', 3, 3) });
    expect(saved.changed).toBe(true);
    expect(saved.warnings).toEqual([expect.stringContaining('Saved, but Jira search (riskLevel, unroamedRisks) could not be updated')]);
  });

  it('never overwrites a register it cannot read', async () => {
    const deps = riskDeps();
    deps.riskStore.saved.set('1', { schemaVersion: 7 });
    expect(await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Risk', 3, 3) }).catch(failure)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('newer version of the app') });
    expect(deps.riskStore.saved.get('1')).toEqual({ schemaVersion: 7 });
    expect((await getRiskView(deps, 'PAY-1')).canEdit).toBe(false);
  });
});

describe('syncDependencyRisks', () => {
  const late = { dependencyId: '10042', state: 'LATE' as const, title: 'DATA-16 CDC stream' };

  it('raises the risk once, with its proof and the summary, however often the event comes', async () => {
    const deps = riskDeps();
    expect(await syncDependencyRisks(deps, '1', [late])).toEqual({ outcome: 'saved', raised: ['dep-10042'], proposed: [], warnings: [] });
    expect(await syncDependencyRisks(deps, '1', [late])).toEqual({ outcome: 'unchanged' });
    await Promise.all([syncDependencyRisks(deps, '1', [late]), syncDependencyRisks(deps, '1', [late])]);
    expect(deps.riskStore.saves).toBe(1);
    expect(deps.itemSummary.values.get('1')?.risks).toEqual({ level: 2, unroamed: 1, blocking: 0 });
    expect((await getRiskView(deps, 'PAY-1')).integrity.changedOutsideApp).toBe(false);
  });

  it('keeps the people’s risks and proposes closing when the dependency is resolved', async () => {
    const deps = riskDeps();
    await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Their own risk', 2, 2) });
    await syncDependencyRisks(deps, '1', [late]);
    expect(await syncDependencyRisks(deps, '1', [{ ...late, state: 'RESOLVED' }])).toMatchObject({ outcome: 'saved', raised: [], proposed: ['dep-10042'] });
    const view = await getRiskView(deps, 'PAY-1');
    expect(view.register.risks.map((r) => [r.title, r.closeProposed !== null])).toEqual([['Their own risk', false], ['Dependency late: DATA-16 CDC stream', true]]);
  });

  it('leaves an unreadable register alone, and does nothing without signals', async () => {
    const deps = riskDeps();
    expect(await syncDependencyRisks(deps, '1', [])).toEqual({ outcome: 'unchanged' });
    deps.riskStore.saved.set('1', 'garbage');
    expect(await syncDependencyRisks(deps, '1', [late])).toEqual({ outcome: 'unreadable', reason: 'the stored risk register is not a JSON object' });
    expect(deps.riskStore.saves).toBe(0);
  });
});

describe('repairRiskFacts', () => {
  it('puts back a forged risks section, and leaves a right one alone', async () => {
    const deps = riskDeps();
    await updateRisks(deps, { issueKey: 'PAY-1', baseRev: 0, operation: add('Risk', 5, 5) });
    const summary = deps.itemSummary.values.get('1')!;
    deps.itemSummary.values.set('1', { ...summary, risks: { level: 0, unroamed: 0, blocking: 0 } });
    expect(await repairRiskFacts(deps, '1')).toBe('saved');
    expect(deps.itemSummary.values.get('1')!.risks).toEqual({ level: 4, unroamed: 1, blocking: 1 });
    expect(await repairRiskFacts(deps, '1')).toBe('unchanged');
  });
});

describe('risk settings', () => {
  it('lets only administrators change them, and only to consistent values', async () => {
    expect(await updateRiskSettings(riskDeps({ admin: false }), 'PAY', DEFAULT_RISK_SETTINGS).catch(failure)).toMatchObject({ code: 'FORBIDDEN' });
    const admin = riskDeps({ admin: true });
    admin.reader.getProject = async () => ({ id: '1', key: 'PAY', name: 'Payments', issueTypes: [] });
    const bad = { ...DEFAULT_RISK_SETTINGS, thresholds: { medium: 10, high: 5, critical: 20 } };
    expect(await updateRiskSettings(admin, 'PAY', bad).catch(failure)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Thresholds/) });
    const saved = await updateRiskSettings(admin, 'PAY', { ...DEFAULT_RISK_SETTINGS, impactLabels: [' Tiny ', 'Small', 'Medium', 'Big', 'Huge'] });
    expect(saved.impactLabels[0]).toBe('Tiny');
    expect(await getRiskSettings(admin, 'PAY')).toEqual({ settings: saved, canAdminister: true });
  });
});

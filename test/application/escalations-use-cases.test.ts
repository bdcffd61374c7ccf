import { detectImpediments } from '../../src/application/impediments/detect-impediments';
import { escalateIssue } from '../../src/application/impediments/escalate-issue';
import { access } from './fakes';
import { detectDeps, FEATURE } from './escalations-fakes';

describe('detecting impediments', () => {
  it('raises once, comments once mentioning the tech lead, and publishes the open count, however often the event comes', async () => {
    const deps = detectDeps();
    deps.escalations.set({ key: 'PAY-3', flagged: true });
    await detectImpediments(deps, 'PAY-3', 'acc-dev');
    await detectImpediments(deps, 'PAY-3', 'acc-dev');
    expect(deps.impediments.values.get(FEATURE.id)?.impediments).toHaveLength(1);
    expect(deps.impediments.saves).toBe(1);
    expect(deps.notifier.comments).toEqual([expect.objectContaining({ issueKey: 'PAY-2', mention: 'acc-lead' })]);
    expect(deps.itemSummary.values.get(FEATURE.id)?.impediments).toEqual({ open: 1 });
  });

  it('writes nothing, and takes no lease, for an event that escalates nothing', async () => {
    const deps = detectDeps();
    deps.escalations.set({ key: 'PAY-3' });
    expect(await detectImpediments(deps, 'PAY-3', null)).toEqual(['PAY-3 -> PAY-2: nothing to escalate']);
    expect([deps.impediments.saves, deps.itemSummary.saves]).toEqual([0, 0]);
  });

  it('keeps the save when the search index or the comment fails afterwards, and says so', async () => {
    const deps = detectDeps();
    deps.escalations.set({ key: 'PAY-3', priority: 'Highest' });
    deps.itemSummary.failSaves = true;
    deps.notifier.failComments = true;
    const logged = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await detectImpediments(deps, 'PAY-3', null);
    expect(deps.impediments.values.get(FEATURE.id)?.impediments).toEqual([expect.objectContaining({ cause: 'PRIORITY_HIGHEST', status: 'OPEN' })]);
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('Saved, but Jira search could not be updated'),
      expect.stringContaining('Saved, but the comment on the item failed'),
    ]);
    logged.mockRestore();
  });

  it('sets the field signal while impediments are open and clears it with the last one, when the project asks for it', async () => {
    const deps = detectDeps();
    deps.escalationSettings.value = { ...deps.escalationSettings.value, fieldSignal: 'LABEL' };
    deps.escalations.set({ key: 'PAY-3', flagged: true });
    await detectImpediments(deps, 'PAY-3', null);
    deps.escalations.set({ key: 'PAY-3', flagged: false });
    await detectImpediments(deps, 'PAY-3', null);
    expect(deps.notifier.signals).toEqual([{ issueKey: 'PAY-2', on: true }, { issueKey: 'PAY-2', on: false }]);
  });

  it("does not take the app's own flag on the feature (the FLAG signal) for an escalation of the feature", async () => {
    const deps = detectDeps();
    deps.escalations.set({ key: FEATURE.key, id: FEATURE.id, flagged: true });
    await detectImpediments(deps, FEATURE.key, null);
    expect(deps.impediments.values.get(FEATURE.id)?.impediments).toHaveLength(1);
    const flagSignal = detectDeps();
    flagSignal.escalationSettings.value = { ...flagSignal.escalationSettings.value, fieldSignal: 'FLAG' };
    flagSignal.escalations.set({ key: FEATURE.key, id: FEATURE.id, flagged: true });
    expect(await detectImpediments(flagSignal, FEATURE.key, null)).toEqual([`${FEATURE.key} -> ${FEATURE.key}: nothing to escalate`]);
  });
});

describe('escalating an issue explicitly', () => {
  it("needs the caller's permission to edit the issue when one is given, and raises one escalation", async () => {
    const deps = detectDeps();
    deps.escalations.set({ key: 'PAY-3' });
    const request = { issueKey: 'PAY-3', reason: 'No test environment', severity: 'HIGH' as const, actor: 'acc-dev' };
    await expect(escalateIssue(deps, access({ edit: false }), request)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(escalateIssue(deps, access({ edit: null }), request)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await escalateIssue(deps, access({ edit: true }), request)).toMatchObject({ ownerKey: 'PAY-2', raised: true });
    expect(await escalateIssue(deps, null, request)).toMatchObject({ raised: false });
    expect(deps.impediments.values.get(FEATURE.id)?.impediments).toEqual([expect.objectContaining({ cause: 'ESCALATED', detail: 'No test environment', raisedBy: 'acc-dev' })]);
  });
});

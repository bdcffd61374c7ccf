import { fromStored, toStored } from '../../src/adapters/jira/item-summary/stored-format';
import { decompose, type DecompositionItem } from '../../src/domain/decomposition/decomposition';
import { DEFAULT_TSHIRT_SCALE } from '../../src/domain/estimate/estimate';
import { mergeFacts } from '../../src/domain/item-summary/item-summary';
import { emptyPlanningRecord, type PlanningRecord } from '../../src/domain/planning-record/model';
import { planningFactsOf } from '../../src/domain/readiness/planning-facts';
import { DEFAULT_READINESS_SETTINGS, readinessSettingsProblem } from '../../src/domain/readiness/settings';
import type { WorkItem } from '../../src/domain/work-item/work-item';

const item: WorkItem = {
  id: '10005', key: 'PAY-5', summary: 'Feature', project: { key: 'PAY', name: 'Payments' },
  issueType: { id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null },
  status: { name: 'To Do', category: 'new' }, assignee: { accountId: 'a', displayName: 'Lena', avatarUrl: null }, parentKey: 'PAY-1', fixVersions: [], team: null, flagged: false,
};
const story = (key: string, points: number | null): DecompositionItem => ({ key, summary: key, issueTypeName: 'Story', hierarchyLevel: 0, statusCategory: 'new', storyPoints: points, labels: [], parentKey: 'PAY-5', team: null });
const record = (patch: (r: PlanningRecord) => void): PlanningRecord => {
  const r = emptyPlanningRecord();
  patch(r);
  return r;
};
const settings = { tshirtScale: DEFAULT_TSHIRT_SCALE, divergenceThresholdPct: 25 };

describe('planning facts', () => {
  it('say which spec sections are written, how the estimate compares, the breakdown and the tech lead', () => {
    const r = record((x) => {
      x.spec.sections = { nfrs: 'p95 < 200 ms', acceptance: '   ' };
      x.estimate = { value: { kind: 'points', low: 8, high: 12 }, confidence: 4, assumptions: '', by: { accountId: 'a', displayName: 'Lena' }, at: '2026-11-01T00:00:00Z' };
    });
    const facts = planningFactsOf({ item, record: r, decomposition: decompose('PAY-5', [story('PAY-6', 5), story('PAY-8', 5), story('PAY-9', null)]), childStates: [], settings });
    expect(facts).toEqual({ project: 'PAY', typeId: '10001', level: 1, nfrs: 1, acceptance: 0, estimate: 'AGREES', estimatePoints: { low: 8, high: 12 }, bottomUpPoints: 10, children: 3, stories: 3, estimatedStories: 2, techLead: 1, childFeatures: 0, childrenReady: 0, childrenAtRisk: 0 });
  });

  it('tell an estimate that diverges from one with no estimated story to compare with', () => {
    const r = record((x) => {
      x.estimate = { value: { kind: 'tshirt', size: 'XS' }, confidence: 3, assumptions: '', by: { accountId: 'a', displayName: 'Lena' }, at: '2026-11-01T00:00:00Z' };
    });
    expect(planningFactsOf({ item, record: r, decomposition: decompose('PAY-5', [story('PAY-6', 13)]), childStates: [], settings }).estimate).toBe('DIVERGES');
    expect(planningFactsOf({ item: { ...item, assignee: null }, record: r, decomposition: decompose('PAY-5', [story('PAY-6', null)]), childStates: [], settings })).toMatchObject({ estimate: 'NO_BOTTOM_UP', techLead: 0 });
    expect(planningFactsOf({ item, record: emptyPlanningRecord(), decomposition: decompose('PAY-5', []), childStates: [], settings }).estimate).toBe('NONE');
  });

  it('round-trip through the stored summary, which refuses facts it could not have written', () => {
    const facts = planningFactsOf({ item, record: emptyPlanningRecord(), decomposition: decompose('PAY-5', []), childStates: [], settings });
    const summary = { ...mergeFacts(null, {}), planningFacts: facts, readiness: { score: 40, state: 'NOT_READY' as const, reasons: [{ criterion: 'spec', weight: 100, earned: 40 }] } };
    expect(fromStored(JSON.parse(JSON.stringify(toStored(summary))))).toEqual(summary);
    expect(fromStored({ ...toStored(summary), planningFacts: { ...facts, nfrs: 2 } })).toBeNull();
  });
});

describe('readiness settings validation', () => {
  it('accepts the defaults and names what to fix otherwise', () => {
    expect(readinessSettingsProblem(DEFAULT_READINESS_SETTINGS)).toBeNull();
    const weight = { ...DEFAULT_READINESS_SETTINGS, criteria: { ...DEFAULT_READINESS_SETTINGS.criteria, spec: { enabled: true, weight: 2.5 } } };
    expect(readinessSettingsProblem(weight)).toBe('Weight of "spec": choose a whole number from 0 to 100.');
    expect(readinessSettingsProblem({ ...DEFAULT_READINESS_SETTINGS, thresholds: { ready: 101, atRisk: 50 } })).toBe('The "ready" threshold: choose a whole number from 0 to 100.');
    expect(readinessSettingsProblem({ ...DEFAULT_READINESS_SETTINGS, epicTypeIds: ['Epic'] })).toBe('Issue types counted as epics: not a Jira issue type id.');
  });
});

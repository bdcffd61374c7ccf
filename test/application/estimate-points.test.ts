import { readinessScorer } from '../../src/application/readiness/readiness-scorer';
import { refreshPlanningFacts, type RefreshDeps } from '../../src/application/readiness/refresh-planning-facts';
import type { DecompositionItem } from '../../src/domain/decomposition/decomposition';
import { mergeFacts, type PlanningFacts } from '../../src/domain/item-summary/item-summary';
import { emptyPlanningRecord } from '../../src/domain/planning-record/model';
import { DEFAULT_READINESS_SETTINGS } from '../../src/domain/readiness/settings';
import { childrenWithPlanning, digest, MemoryLedger, MemoryLock, MemoryRecordStore, MemorySettings, MemorySummaryStore, reader, workItem } from './fakes';

const story = (key: string, points: number): DecompositionItem => ({ key, summary: key, issueTypeName: 'Story', hierarchyLevel: 0, statusCategory: 'new', storyPoints: points, labels: [], parentKey: 'PAY-5', team: null });

/** The planning facts of a feature estimated M whose stories add up to 26 points, as an older app wrote them. */
const OLDER: PlanningFacts = { project: 'PAY', typeId: '10001', level: 1, nfrs: 0, acceptance: 0, estimate: 'DIVERGES', children: 2, stories: 2, estimatedStories: 2, techLead: 0 };

async function deps(): Promise<RefreshDeps & { itemSummary: MemorySummaryStore }> {
  const store = new MemoryRecordStore();
  const record = emptyPlanningRecord();
  record.estimate = { value: { kind: 'tshirt', size: 'M' }, confidence: 4, assumptions: '', by: { accountId: 'a', displayName: 'Lena' }, at: '2026-11-01T00:00:00Z' };
  await store.save('10005', record);
  const settings = new MemorySettings();
  const itemSummary = new MemorySummaryStore();
  const readinessSettings = { get: async () => DEFAULT_READINESS_SETTINGS, save: async () => undefined };
  const item = workItem({ id: '10005', key: 'PAY-5', issueType: { id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null } });
  const r = reader(item, [story('PAY-6', 13), story('PAY-7', 13)]);
  const readiness = readinessScorer({ readinessSettings, landedFeatures: [], gatherFacts: async () => null });
  return { reader: r, childrenWithPlanning: childrenWithPlanning({ reader: r, store, itemSummary }), settings, store, ledger: new MemoryLedger(), digest, lock: new MemoryLock(), itemSummary, readiness };
}

describe('refreshing the planning facts of a summary written before the numbers were kept', () => {
  it('adds the estimate’s range and the stories’ points once, then writes nothing more', async () => {
    const d = await deps();
    d.itemSummary.values.set('10005', { ...mergeFacts(null, { planning: { rev: 1, specStatus: 'DRAFT', estimateConfidence: 4, changedOutsideApp: 0 } }), planningFacts: OLDER });
    expect(await refreshPlanningFacts(d, '10005')).toBe('saved');
    const saved = d.itemSummary.values.get('10005')!;
    expect(saved.planningFacts).toEqual({ ...OLDER, estimatePoints: { size: 'M', low: 8, high: 20 }, bottomUpPoints: 26, childFeatures: 0, childrenReady: 0, childrenAtRisk: 0 });
    expect(saved.changedOutsideApp).toBe(0);
    expect(await refreshPlanningFacts(d, '10005')).toBe('unchanged');
  });
});

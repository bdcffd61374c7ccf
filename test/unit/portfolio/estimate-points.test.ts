import { fromStored, toStored } from '../../../src/adapters/jira/item-summary/stored-format';
import { fromStoredSnapshot, toStoredSnapshot } from '../../../src/adapters/kvs/kvs-snapshot-format';
import { decompose, type DecompositionItem } from '../../../src/domain/decomposition/decomposition';
import { DEFAULT_TSHIRT_SCALE } from '../../../src/domain/estimate/estimate';
import type { PlanningFacts } from '../../../src/domain/item-summary/item-summary';
import { emptyPlanningRecord, type EstimateValue } from '../../../src/domain/planning-record/model';
import { toCsv } from '../../../src/domain/portfolio/csv';
import { estimateCheckOf, estimateCheckWords } from '../../../src/domain/portfolio/estimate-check';
import { planningPack } from '../../../src/domain/portfolio/planning-pack';
import { planningFactsOf } from '../../../src/domain/readiness/planning-facts';
import type { WorkItem } from '../../../src/domain/work-item/work-item';
import { estimateAgainstPoints, estimateRangeWords } from '../../../src/shared/portfolio/estimate-points';
import { row } from '../../support/portfolio-rows';

const item: WorkItem = {
  id: '10005', key: 'PAY-5', summary: 'Feature', project: { key: 'PAY', name: 'Payments' },
  issueType: { id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null },
  status: { name: 'To Do', category: 'new' }, assignee: null, parentKey: null, fixVersions: [], team: null, flagged: false,
};
const story = (key: string, points: number | null): DecompositionItem => ({ key, summary: key, issueTypeName: 'Story', hierarchyLevel: 0, statusCategory: 'new', storyPoints: points, labels: [], parentKey: 'PAY-5', team: null });
const settings = { tshirtScale: { ...DEFAULT_TSHIRT_SCALE, M: { low: 8, high: 13 } }, divergenceThresholdPct: 25 };

function factsFor(value: EstimateValue | null, stories: DecompositionItem[]): PlanningFacts {
  const record = emptyPlanningRecord();
  if (value) record.estimate = { value, confidence: 4, assumptions: '', by: { accountId: 'a', displayName: 'Lena' }, at: '2026-11-01T00:00:00Z' };
  return planningFactsOf({ item, record, decomposition: decompose('PAY-5', stories), childStates: [], settings });
}

/** The same facts as a summary written before the numbers were kept. */
function older(facts: PlanningFacts): PlanningFacts {
  const { estimatePoints: _e, bottomUpPoints: _b, ...rest } = facts;
  return rest;
}

const withFacts = (key: string, planningFacts: PlanningFacts): ReturnType<typeof row> => row(key, { facts: { specStatus: 'IN_REVIEW', estimateConfidence: 4, planningFacts } });

describe('the estimate against the bottom-up points in the planning facts', () => {
  it('keeps a T-shirt size with its range in the project scale, and the stories’ points', () => {
    expect(factsFor({ kind: 'tshirt', size: 'M' }, [story('PAY-6', 13), story('PAY-7', 8), story('PAY-8', null)])).toMatchObject({ estimate: 'DIVERGES', estimatePoints: { size: 'M', low: 8, high: 13 }, bottomUpPoints: 21 });
    const points = factsFor({ kind: 'points', low: 5, high: 8 }, [story('PAY-6', 5)]);
    expect(points.estimatePoints).toEqual({ low: 5, high: 8 });
    expect(points.bottomUpPoints).toBe(5);
  });

  it('has no range without an estimate', () => {
    const facts = factsFor(null, [story('PAY-6', 3)]);
    expect(facts.estimatePoints).toBeUndefined();
    expect(estimateCheckOf(withFacts('P-1', facts).facts)).toMatchObject({ agreement: 'NONE', estimate: null });
  });
});

describe('the words for it', () => {
  it('writes a size with its range, a points range, and a single point', () => {
    expect(estimateRangeWords({ size: 'M', low: 8, high: 13 })).toBe('M (8-13 pts)');
    expect(estimateRangeWords({ size: null, low: 1000, high: 1500 })).toBe('1,000-1,500 pts');
    expect(estimateRangeWords({ size: null, low: 13, high: 13 })).toBe('13 pts');
    expect(estimateAgainstPoints({ estimate: { size: 'M', low: 8, high: 13 }, bottomUpPoints: 21 })).toBe('M (8-13 pts) vs 21 pts');
    expect(estimateAgainstPoints({ estimate: { size: 'M', low: 8, high: 13 }, bottomUpPoints: null })).toBe('M (8-13 pts)');
    expect(estimateAgainstPoints({ estimate: null, bottomUpPoints: 21 })).toBeNull();
  });

  it('shows the estimate alone when no story has points, rather than "vs 0 pts"', () => {
    const check = estimateCheckOf(withFacts('P-1', factsFor({ kind: 'tshirt', size: 'L' }, [story('PAY-6', null)])).facts);
    expect(check).toMatchObject({ agreement: 'NO_BOTTOM_UP', bottomUpPoints: null });
    expect(estimateCheckWords(check)).toBe('No story estimated to compare: L (20-40 pts) (0 of 1 stories estimated)');
  });

  it('puts the numbers in the CSV column and the planning pack’s estimate line', () => {
    const diverging = withFacts('P-7', factsFor({ kind: 'tshirt', size: 'M' }, [story('PAY-6', 13), story('PAY-7', 8), story('PAY-8', null)]));
    const words = 'Diverges from the stories: M (8-13 pts) vs 21 pts (2 of 3 stories estimated)';
    expect(toCsv([diverging]).split('\r\n')[1]).toContain(`,4,${words},`);
    const pack = planningPack({ title: 'Payments', generatedAt: '2026-11-25T10:00:00.000Z', rows: [diverging], records: new Map(), warnings: [], types: new Map(), plan: null });
    expect(pack).toContain(`- Estimate: confidence 4/5; against the bottom-up points: ${words}`);
  });

  it('keeps the words of before for a summary written before the numbers were kept', () => {
    const old = withFacts('P-7', older(factsFor({ kind: 'tshirt', size: 'M' }, [story('PAY-6', 21)])));
    expect(estimateCheckOf(old.facts)).toMatchObject({ agreement: 'DIVERGES', estimate: null, bottomUpPoints: null });
    expect(toCsv([old]).split('\r\n')[1]).toContain(',Diverges from the stories (1 of 1 stories estimated),');
  });
});

describe('summaries and snapshots written before the numbers were kept', () => {
  it('still read, as they were, and the new numbers round-trip', () => {
    const facts = factsFor({ kind: 'tshirt', size: 'M' }, [story('PAY-6', 21)]);
    const current = withFacts('P-7', facts).facts!;
    expect(fromStored(JSON.parse(JSON.stringify(toStored(current))))).toEqual(current);
    const old = { ...current, planningFacts: older(facts) };
    const stored = JSON.parse(JSON.stringify(toStored(old))) as Record<string, unknown>;
    expect(stored.planningFacts).not.toHaveProperty('bottomUpPoints');
    expect(fromStored(stored)).toEqual(old);
    expect(fromStored(stored)?.changedOutsideApp).toBe(0);
    // Numbers the app could not have written are refused, as every other field.
    expect(fromStored({ ...stored, planningFacts: { ...older(facts), bottomUpPoints: -1 } })).toBeNull();

    const snapshot = { scopeKey: 's', scopeJql: 'project = P', takenAt: '2026-11-24T00:00:00.000Z', warnings: [], rows: [{ ...row('P-7'), facts: old }] };
    const read = fromStoredSnapshot(JSON.parse(JSON.stringify(toStoredSnapshot(snapshot))));
    expect(read?.rows[0]?.facts).toEqual(old);
    expect(estimateCheckWords(estimateCheckOf(read?.rows[0]?.facts ?? null))).toBe('Diverges from the stories (1 of 1 stories estimated)');
  });
});

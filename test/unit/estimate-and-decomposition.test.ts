import { decompose, isEnabler, type DecompositionItem } from '../../src/domain/decomposition/decomposition';
import { DEFAULT_TSHIRT_SCALE, estimateRange, reconcile } from '../../src/domain/estimate/estimate';

describe('estimateRange', () => {
  it('maps T-shirt sizes through the scale and keeps explicit ranges', () => {
    expect(estimateRange({ kind: 'tshirt', size: 'M' }, DEFAULT_TSHIRT_SCALE)).toEqual({ low: 8, high: 20 });
    expect(estimateRange({ kind: 'points', low: 5, high: 9 }, DEFAULT_TSHIRT_SCALE)).toEqual({ low: 5, high: 9 });
  });
});

describe('reconcile', () => {
  it('is within when the bottom-up sum falls in the range', () => {
    expect(reconcile({ low: 8, high: 20 }, { points: 13, estimated: 4, total: 4 }, 25)).toMatchObject({ position: 'within', divergencePct: 0, flagged: false });
  });

  it('flags a sum above the range beyond the threshold, even while partial', () => {
    expect(reconcile({ low: 8, high: 20 }, { points: 34, estimated: 3, total: 4 }, 25)).toMatchObject({ position: 'above', divergencePct: 70, flagged: true, partial: true });
  });

  it('does not flag a small divergence', () => {
    expect(reconcile({ low: 8, high: 20 }, { points: 24, estimated: 4, total: 4 }, 25)).toMatchObject({ position: 'above', divergencePct: 20, flagged: false });
  });

  it('flags a complete sum far below the range, but not a partial one', () => {
    expect(reconcile({ low: 40, high: 80 }, { points: 10, estimated: 4, total: 4 }, 25)).toMatchObject({ position: 'below', divergencePct: 75, flagged: true });
    expect(reconcile({ low: 40, high: 80 }, { points: 10, estimated: 2, total: 4 }, 25)).toMatchObject({ position: 'below', flagged: false, partial: true });
  });
});

const item = (key: string, parentKey: string, level: number, points: number | null, extra: Partial<DecompositionItem> = {}): DecompositionItem => ({
  key, summary: key, issueTypeName: level === 0 ? 'Story' : 'Feature', hierarchyLevel: level, statusCategory: 'new', storyPoints: points, labels: [], parentKey, team: null, ...extra,
});

describe('decompose', () => {
  it('counts a feature\'s stories, estimation share, bottom-up points and the unestimated', () => {
    const d = decompose('F-1', [item('S-1', 'F-1', 0, 5), item('S-2', 'F-1', 0, null), item('S-3', 'F-1', 0, 3, { statusCategory: 'done' })]);
    expect(d).toMatchObject({ childCount: 3, storyCount: 3, estimatedStoryCount: 2, estimatedPct: 67, bottomUpPoints: 8, childrenByStatus: { new: 2, indeterminate: 0, done: 1 } });
    expect(d.unestimated.map((u) => u.key)).toEqual(['S-2']);
  });

  it("looks through an epic's features to their stories", () => {
    const d = decompose('E-1', [item('F-1', 'E-1', 1, null), item('F-2', 'E-1', 1, null), item('S-1', 'F-1', 0, 8), item('S-2', 'F-2', 0, 2)]);
    expect(d).toMatchObject({ childCount: 2, storyCount: 2, bottomUpPoints: 10, estimatedPct: 100 });
    expect(d.unestimated).toEqual([]);
  });

  it('lists enablers by label or type, and says 100% estimated when there is nothing to estimate', () => {
    expect(isEnabler({ labels: ['Spike'], issueTypeName: 'Story' })).toBe(true);
    expect(isEnabler({ labels: [], issueTypeName: 'Enabler' })).toBe(true);
    expect(isEnabler({ labels: ['ui'], issueTypeName: 'Story' })).toBe(false);
    expect(decompose('E-9', []).estimatedPct).toBe(100);
  });
});

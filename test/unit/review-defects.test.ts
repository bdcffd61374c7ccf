import { decompose, type DecompositionItem } from '../../src/domain/decomposition/decomposition';
import { divergenceWords, reconcile } from '../../src/domain/estimate/estimate';
import { pointsBoundProblem, pointsRangeProblem } from '../../src/shared/rules/points-range';

const item = (key: string, parentKey: string, level: number, type: string, extra: Partial<DecompositionItem> = {}): DecompositionItem => ({
  key,
  summary: key,
  issueTypeName: type,
  hierarchyLevel: level,
  statusCategory: 'new',
  storyPoints: 1,
  labels: [],
  parentKey,
  team: null,
  ...extra,
});

describe('decomposition by level and type', () => {
  it('names each work item by its own issue type and counts them per hierarchy level, highest first', () => {
    const d = decompose('E-1', [
      item('F-1', 'E-1', 1, 'Feature', { team: 'Payments Core' }),
      item('F-2', 'E-1', 1, 'Feature', { team: 'Mobile' }),
      item('F-3', 'E-1', 1, 'Feature', { team: 'Payments Core' }),
      item('S-1', 'F-1', 0, 'Story'),
      item('B-1', 'F-1', 0, 'Bug', { statusCategory: 'done' }),
      item('S-2', 'F-2', 0, 'Story', { statusCategory: 'indeterminate' }),
    ]);
    expect(d.children.map((c) => c.key)).toEqual(['F-1', 'F-2', 'F-3']);
    expect(d.levels).toEqual([
      { hierarchyLevel: 1, total: 3, byType: [{ name: 'Feature', count: 3 }], byStatus: { new: 3, indeterminate: 0, done: 0 } },
      { hierarchyLevel: 0, total: 3, byType: [{ name: 'Story', count: 2 }, { name: 'Bug', count: 1 }], byStatus: { new: 1, indeterminate: 1, done: 1 } },
    ]);
    expect(d.childTeams).toEqual(['Mobile', 'Payments Core']);
  });
});

describe('divergence in words', () => {
  it('speaks in points where the range is small, and in percent with points where it is not', () => {
    expect(divergenceWords(reconcile({ low: 1, high: 1 }, { points: 4, estimated: 2, total: 2 }, 25))).toBe('3 points above');
    expect(divergenceWords(reconcile({ low: 1, high: 2 }, { points: 3, estimated: 2, total: 2 }, 25))).toBe('1 point above');
    expect(divergenceWords(reconcile({ low: 8, high: 20 }, { points: 34, estimated: 3, total: 3 }, 25))).toBe('70% (14 points) above');
    expect(divergenceWords(reconcile({ low: 40, high: 80 }, { points: 10, estimated: 4, total: 4 }, 25))).toBe('75% (30 points) below');
    expect(divergenceWords(reconcile({ low: 8, high: 20 }, { points: 13, estimated: 4, total: 4 }, 25))).toBe('within');
  });
});

describe('the points rule shared by the estimate form and the server', () => {
  it('refuses negative, non-numeric and too large ends, a low end above the high end, and 0-0', () => {
    expect(pointsBoundProblem('-3')).toBe('Points: enter numbers from 0 to 10,000.');
    expect(pointsBoundProblem('abc')).toBe('Points: enter numbers from 0 to 10,000.');
    expect(pointsBoundProblem(' ')).toBe('Enter a number of points.');
    expect(pointsBoundProblem('10001')).toBe('Points: enter numbers from 0 to 10,000.');
    expect(pointsRangeProblem(-1, 5)).toBe('Points: enter numbers from 0 to 10,000.');
    expect(pointsRangeProblem(9, 3)).toBe('Points: the low end (9) is above the high end (3).');
    expect(pointsRangeProblem(0, 0)).toBe('Points: the high end must be above 0.');
    expect(pointsRangeProblem(0, 5)).toBeNull();
  });
});

import fc from 'fast-check';
import { findLate } from '../../../src/domain/dependency-graph/late';
import { isOpen } from '../../../src/domain/dependency-graph/graph';
import { edge, graphs, node } from './graphs';

describe('findLate', () => {
  it('flags a commitment after the needed-by date, by the days between', () => {
    const late = findLate([node('A'), node('B')], [edge('A', 'B', { status: 'COMMITTED', neededBy: '2026-03-01', committedBy: '2026-03-11' })], null);
    expect(late).toEqual([{ edgeId: 'A->B', reason: 'COMMITTED_AFTER_NEEDED', days: 10 }]);
  });

  it("flags an upstream due date or release after the dependent's, one finding per reason", () => {
    const nodes = [node('A', { dueDate: '2026-03-01', releaseDate: '2026-03-31' }), node('B', { dueDate: '2026-03-04', releaseDate: '2026-04-02' })];
    expect(findLate(nodes, [edge('A', 'B')], null)).toEqual([
      { edgeId: 'A->B', reason: 'UPSTREAM_DUE_AFTER_DEPENDENT', days: 3 },
      { edgeId: 'A->B', reason: 'UPSTREAM_RELEASE_AFTER_DEPENDENT', days: 2 },
    ]);
  });

  it('does not flag on time, undated, delivered or declined dependencies', () => {
    const nodes = [node('A', { dueDate: '2026-03-10' }), node('B', { dueDate: '2026-03-20' }), node('C')];
    const edges = [
      edge('B', 'A', { neededBy: '2026-03-05', committedBy: '2026-03-05' }),
      edge('A', 'C'),
      edge('A', 'B', { status: 'DELIVERED' }),
      edge('A', 'B', { id: 'declined', status: 'DECLINED', neededBy: '2026-03-01', committedBy: '2026-03-09' }),
    ];
    expect(findLate(nodes, edges, null)).toEqual([]);
  });

  it('flags as overdue an uncommitted dependency past its needed-by date, and a committed one past its committed date', () => {
    const today = '2026-11-25';
    const edges = [
      edge('A', 'B', { id: 'requested', status: 'REQUESTED', neededBy: '2026-11-20' }),
      edge('A', 'B', { id: 'identified', neededBy: '2001-02-03' }),
      edge('A', 'B', { id: 'broken', status: 'COMMITTED', neededBy: '2026-12-01', committedBy: '2026-11-24' }),
      edge('A', 'B', { id: 'due-today', status: 'REQUESTED', neededBy: today }),
      edge('A', 'B', { id: 'delivered', status: 'DELIVERED', neededBy: '2026-11-01', committedBy: '2026-11-01' }),
    ];
    expect(findLate([node('A'), node('B')], edges, today)).toEqual([
      { edgeId: 'requested', reason: 'NEEDED_BY_PASSED', days: 5 },
      { edgeId: 'identified', reason: 'NEEDED_BY_PASSED', days: 9426 },
      { edgeId: 'broken', reason: 'COMMITTED_DATE_PASSED', days: 1 },
    ]);
    // Without a today, dates are only compared with each other.
    expect(findLate([node('A'), node('B')], edges, null)).toEqual([]);
  });

  it('reports only open edges, each with a positive number of days', () => {
    fc.assert(fc.property(graphs(), ({ nodes, edges }) => {
      const byId = new Map(edges.map((e) => [e.id, e]));
      for (const f of findLate(nodes, edges, '2026-03-20')) {
        expect(isOpen(byId.get(f.edgeId)!.status)).toBe(true);
        expect(f.days).toBeGreaterThan(0);
      }
    }));
  });
});

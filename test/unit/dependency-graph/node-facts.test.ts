import fc from 'fast-check';
import { nodeFacts } from '../../../src/domain/dependency-graph/node-facts';
import { findLate } from '../../../src/domain/dependency-graph/late';
import { isUncommitted } from '../../../src/domain/dependency-graph/graph';
import { closure, edge, graphs, node, open } from './graphs';

describe('nodeFacts', () => {
  it('counts for the dependent only, and marks every node of a cycle', () => {
    const nodes = [node('A', { dueDate: '2026-03-01' }), node('B', { dueDate: '2026-03-05' }), node('C'), node('D')];
    const edges = [
      edge('A', 'B', { status: 'REQUESTED' }), // late: B is due after A
      edge('A', 'C', { status: 'COMMITTED' }),
      edge('A', 'D', { status: 'DELIVERED' }),
      edge('B', 'C'),
      edge('C', 'B', { status: 'COMMITTED' }),
    ];
    const facts = nodeFacts(nodes, edges, null);
    expect(facts.get('A')).toEqual({ open: 2, late: 1, cycle: 0, uncommitted: 1 });
    expect(facts.get('B')).toEqual({ open: 1, late: 0, cycle: 1, uncommitted: 1 });
    expect(facts.get('C')).toEqual({ open: 1, late: 0, cycle: 1, uncommitted: 0 });
    expect(facts.get('D')).toEqual({ open: 0, late: 0, cycle: 0, uncommitted: 0 });
  });

  it('counts a dependency late for two reasons once', () => {
    const nodes = [node('A', { dueDate: '2026-03-01' }), node('B', { dueDate: '2026-03-05' })];
    expect(nodeFacts(nodes, [edge('A', 'B', { neededBy: '2026-03-01', committedBy: '2026-03-02' })], null).get('A')!.late).toBe(1);
  });

  it('counts an overdue dependency as late', () => {
    const edges = [edge('A', 'B', { status: 'REQUESTED', neededBy: '2001-02-03' })];
    expect(nodeFacts([node('A'), node('B')], edges, '2026-11-25').get('A')).toEqual({ open: 1, late: 1, cycle: 0, uncommitted: 1 });
  });

  it('agrees with counting edge by edge and with the reachability closure', () => {
    fc.assert(fc.property(graphs(), ({ nodes, edges }) => {
      // A today inside the generated dates' range, so overdue dependencies occur.
      const facts = nodeFacts(nodes, edges, '2026-03-20');
      const late = new Set(findLate(nodes, edges, '2026-03-20').map((f) => f.edgeId));
      const reach = closure(nodes, edges, (e) => e.status !== 'DECLINED');
      nodes.forEach((n, i) => {
        const mine = edges.filter((e) => e.from === n.id && open(e));
        expect(facts.get(n.id)).toEqual({
          open: mine.length,
          late: mine.filter((e) => late.has(e.id)).length,
          uncommitted: mine.filter((e) => isUncommitted(e.status)).length,
          cycle: reach[i]![i] ? 1 : 0,
        });
      });
    }), { numRuns: 300 });
  });
});

import fc from 'fast-check';
import { findCycles } from '../../../src/domain/dependency-graph/cycles';
import type { GraphEdge } from '../../../src/domain/dependency-graph/graph';
import { closure, edge, graphs, node } from './graphs';

const notDeclined = (e: GraphEdge) => e.status !== 'DECLINED';

describe('findCycles', () => {
  it('finds a cycle of three issues, a self-loop, and nothing on a chain', () => {
    const nodes = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => node(id));
    const edges = [edge('A', 'B'), edge('B', 'C'), edge('C', 'A'), edge('D', 'A'), edge('E', 'E'), edge('F', 'D')];
    expect(findCycles(nodes, edges)).toEqual([['A', 'B', 'C'], ['E']]);
  });

  it('lets a declined dependency break a cycle but not a delivered one', () => {
    const nodes = [node('A'), node('B')];
    expect(findCycles(nodes, [edge('A', 'B'), edge('B', 'A', { status: 'DECLINED' })])).toEqual([]);
    expect(findCycles(nodes, [edge('A', 'B'), edge('B', 'A', { status: 'DELIVERED' })])).toEqual([['A', 'B']]);
  });

  it('ignores edges to nodes it was not given', () => {
    expect(findCycles([node('A')], [edge('A', 'X'), edge('X', 'A')])).toEqual([]);
  });

  it('handles a cycle of 100,000 nodes without running out of stack', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`N${i}`));
    const edges = nodes.map((_, i) => edge(`N${i}`, `N${(i + 1) % n}`));
    const cycles = findCycles(nodes, edges);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
  });

  it('agrees with the reachability closure: same cycle exactly when each reaches the other', () => {
    fc.assert(fc.property(graphs(), ({ nodes, edges }) => {
      const reach = closure(nodes, edges, notDeclined);
      const cycleOf = new Map<string, number>();
      findCycles(nodes, edges).forEach((c, k) => c.forEach((id) => cycleOf.set(id, k)));
      nodes.forEach((a, i) => {
        expect(cycleOf.has(a.id)).toBe(reach[i]![i]);
        nodes.forEach((b, j) => {
          if (i !== j && cycleOf.has(a.id)) expect(cycleOf.get(a.id) === cycleOf.get(b.id)).toBe(reach[i]![j]! && reach[j]![i]!);
        });
      });
    }), { numRuns: 300 });
  });
});

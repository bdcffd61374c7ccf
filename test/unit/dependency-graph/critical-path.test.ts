import fc from 'fast-check';
import { criticalPath } from '../../../src/domain/dependency-graph/critical-path';
import type { GraphEdge, GraphNode } from '../../../src/domain/dependency-graph/graph';
import { nodeDay } from '../../../src/domain/dependency-graph/dates';
import { closure, edge, graphs, node, open } from './graphs';

/** Cycles condensed by mutual reachability: the component of each node (its smallest member) and the due day of each. */
function condense(nodes: GraphNode[], edges: GraphEdge[]) {
  const reach = closure(nodes, edges, open);
  const comp = nodes.map((_, i) => nodes.findIndex((_, j) => j === i || (reach[i]![j] && reach[j]![i])));
  const due = (c: number) => nodes.reduce<number | null>((max, n, i) => {
    const d = nodeDay(n);
    return comp[i] !== c || d === null ? max : Math.max(max ?? d, d);
  }, null);
  const span = (dependent: number, provider: number) => {
    const a = due(dependent);
    const b = due(provider);
    return a !== null && b !== null ? Math.max(0, a - b) : 0;
  };
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = new Set(edges.filter(open).map((e) => `${comp[index.get(e.from)!]}>${comp[index.get(e.to)!]}`));
  return { comp, span, linked: (a: number, b: number) => a !== b && links.has(`${a}>${b}`), index };
}

/** Every path of the condensed graph, enumerated: the best days, and the most hops among paths with those days. */
function bruteBest(nodes: GraphNode[], edges: GraphEdge[]): { days: number; hops: number } {
  const { comp, span, linked } = condense(nodes, edges);
  const comps = [...new Set(comp)];
  let best = { days: 0, hops: 0 };
  const walk = (c: number, days: number, hops: number) => {
    if (hops > 0 && (days > best.days || (days === best.days && hops > best.hops))) best = { days, hops };
    for (const d of comps) if (linked(c, d)) walk(d, days + span(c, d), hops + 1);
  };
  comps.forEach((c) => walk(c, 0, 0));
  return best;
}

describe('criticalPath', () => {
  it('follows the chain that spans the most days, in work order', () => {
    const nodes = [
      node('Schema', { dueDate: '2026-03-01' }),
      node('API', { dueDate: '2026-03-10' }),
      node('Auth', { dueDate: '2026-03-12' }),
      node('UI', { dueDate: '2026-03-20' }),
    ];
    const edges = [edge('API', 'Schema'), edge('UI', 'API'), edge('UI', 'Auth')];
    expect(criticalPath(nodes, edges)).toEqual({ nodeIds: ['Schema', 'API', 'UI'], days: 19, dated: true });
  });

  it('condenses a cycle into one step and lists all of its nodes', () => {
    const nodes = [node('A', { dueDate: '2026-03-01' }), node('B', { dueDate: '2026-03-05' }), node('C', { dueDate: '2026-03-04' }), node('D', { dueDate: '2026-03-15' })];
    const edges = [edge('B', 'A'), edge('C', 'B'), edge('B', 'C'), edge('D', 'C')];
    // The cycle {B, C} is due 03-05: 4 days after A, and D follows 10 days later.
    expect(criticalPath(nodes, edges)).toEqual({ nodeIds: ['A', 'B', 'C', 'D'], days: 14, dated: true });
  });

  it('is empty with no open dependency, and counts hand-offs where dates are missing', () => {
    expect(criticalPath([node('A'), node('B')], [edge('A', 'B', { status: 'DELIVERED' })])).toEqual({ nodeIds: [], days: 0, dated: false });
    expect(criticalPath([node('A'), node('B'), node('C')], [edge('B', 'A'), edge('C', 'B')])).toEqual({ nodeIds: ['A', 'B', 'C'], days: 0, dated: false });
    // One dated end is not a dated hand-off; two are, even when the hand-off is late and spans 0 days.
    expect(criticalPath([node('A', { dueDate: '2026-03-01' }), node('B')], [edge('B', 'A')])).toMatchObject({ days: 0, dated: false });
    expect(criticalPath([node('A', { dueDate: '2026-03-09' }), node('B', { dueDate: '2026-03-01' })], [edge('B', 'A')])).toEqual({ nodeIds: ['A', 'B'], days: 0, dated: true });
  });

  it('matches the best of all paths through the condensed graph, and returns a real path of that length', () => {
    fc.assert(fc.property(graphs({ maxNodes: 6 }), ({ nodes, edges }) => {
      const result = criticalPath(nodes, edges);
      const best = bruteBest(nodes, edges);
      expect(result.days).toBe(best.days);
      const { comp, span, linked, index } = condense(nodes, edges);
      const steps = result.nodeIds.map((id) => comp[index.get(id)!]!).filter((c, k, all) => k === 0 || all[k - 1] !== c);
      expect(Math.max(0, steps.length - 1)).toBe(best.hops);
      let days = 0;
      for (let k = 1; k < steps.length; k++) {
        expect(linked(steps[k]!, steps[k - 1]!)).toBe(true);
        days += span(steps[k]!, steps[k - 1]!);
      }
      expect(days).toBe(result.days);
    }), { numRuns: 300 });
  });
});

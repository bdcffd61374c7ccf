import fc from 'fast-check';
import { slipImpact } from '../../../src/domain/dependency-graph/impact';
import type { GraphEdge, GraphNode } from '../../../src/domain/dependency-graph/graph';
import { edge, graphs, node, open, slackOf } from './graphs';

/** The slip model applied literally: push slips downstream until nothing changes (Bellman-Ford style). */
function bruteSlips(nodes: GraphNode[], edges: GraphEdge[], origin: string, days: number): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const slip = new Map<string, number>([[origin, days]]);
  for (let round = 0; round <= nodes.length; round++) {
    for (const e of edges.filter(open)) {
      const pushed = (slip.get(e.to) ?? 0) - slackOf(e, byId);
      if (pushed > 0 && pushed > (slip.get(e.from) ?? 0)) slip.set(e.from, pushed);
    }
  }
  slip.delete(origin);
  return slip;
}

const asMap = (impact: Array<{ nodeId: string; days: number }>) => new Map(impact.map((i) => [i.nodeId, i.days]));

describe('slipImpact', () => {
  const nodes = [
    node('API', { dueDate: '2026-03-01' }),
    node('UI', { dueDate: '2026-03-04' }),
    node('Launch', { dueDate: '2026-03-10' }),
    node('Docs'),
  ];
  const edges = [edge('UI', 'API'), edge('Launch', 'UI'), edge('Docs', 'API', { status: 'DELIVERED' })];

  it('moves each dependent by the slip beyond its slack, downstream', () => {
    // API slips 5 days: UI had 3 days of slack so moves 2, Launch had 6 after UI so does not move.
    expect(slipImpact(nodes, edges, 'API', 5)).toEqual([{ nodeId: 'UI', days: 2 }]);
    expect(slipImpact(nodes, edges, 'API', 12)).toEqual([{ nodeId: 'UI', days: 9 }, { nodeId: 'Launch', days: 3 }]);
  });

  it('uses the commitment and the needed-by date when they are known', () => {
    const committed = [edge('UI', 'API', { committedBy: '2026-03-02', neededBy: '2026-03-03' })];
    expect(slipImpact(nodes, committed, 'API', 4)).toEqual([{ nodeId: 'UI', days: 3 }]);
  });

  it('passes a slip on in full where a date is missing, and not at all through a delivered dependency', () => {
    expect(slipImpact([node('A'), node('B'), node('C')], [edge('B', 'A'), edge('C', 'A', { status: 'DELIVERED' })], 'A', 4)).toEqual([{ nodeId: 'B', days: 4 }]);
  });

  it('returns nothing for an unknown node or no slip', () => {
    expect(slipImpact(nodes, edges, 'Nope', 5)).toEqual([]);
    expect(slipImpact(nodes, edges, 'API', 0)).toEqual([]);
  });

  it('agrees with pushing slips until nothing changes', () => {
    fc.assert(fc.property(graphs(), fc.nat(6), fc.integer({ min: 1, max: 40 }), ({ nodes: ns, edges: es }, pick, days) => {
      const origin = ns[pick % ns.length]!.id;
      expect(asMap(slipImpact(ns, es, origin, days))).toEqual(bruteSlips(ns, es, origin, days));
    }), { numRuns: 300 });
  });

  it('is monotone: a longer slip moves at least the same nodes by at least as much, and never more than the slip', () => {
    fc.assert(fc.property(graphs(), fc.nat(6), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), ({ nodes: ns, edges: es }, pick, days, more) => {
      const origin = ns[pick % ns.length]!.id;
      const shorter = slipImpact(ns, es, origin, days);
      const longer = asMap(slipImpact(ns, es, origin, days + more));
      for (const { nodeId, days: d } of shorter) {
        expect(d).toBeLessThanOrEqual(days);
        expect(longer.get(nodeId)).toBeGreaterThanOrEqual(d);
      }
    }), { numRuns: 300 });
  });
});

import fc from 'fast-check';
import { earliestStarts } from '../../../src/domain/dependency-graph/earliest-start';
import type { GraphEdge, GraphNode } from '../../../src/domain/dependency-graph/graph';
import { dayNumber, nodeDay } from '../../../src/domain/dependency-graph/dates';
import { edge, graphs, node, open } from './graphs';

/** The model applied literally: a node starts no earlier than each open dependency is ready and its provider can start. */
function bruteStarts(nodes: GraphNode[], edges: GraphEdge[]): Map<string, number | null> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const start = new Map<string, number | null>(nodes.map((n) => [n.id, null]));
  for (let round = 0; round <= nodes.length; round++) {
    for (const e of edges.filter(open)) {
      const candidates = [start.get(e.from)!, dayNumber(e.committedBy) ?? nodeDay(byId.get(e.to)!), start.get(e.to)!].filter((d) => d !== null);
      if (candidates.length > 0) start.set(e.from, Math.max(...candidates));
    }
  }
  return start;
}

describe('earliestStarts', () => {
  it('waits for the latest commitment upstream, through the chain', () => {
    const nodes = [node('A'), node('B'), node('C', { dueDate: '2026-04-01' }), node('D', { dueDate: '2026-02-01' })];
    const edges = [edge('B', 'A', { status: 'COMMITTED', committedBy: '2026-03-01' }), edge('A', 'C'), edge('B', 'D')];
    const starts = earliestStarts(nodes, edges);
    expect(starts.get('B')).toBe('2026-04-01');
    expect(starts.get('A')).toBe('2026-04-01');
    expect(starts.get('C')).toBeNull();
  });

  it('ignores delivered and declined dependencies', () => {
    const nodes = [node('A', { dueDate: '2026-05-01' }), node('B')];
    expect(earliestStarts(nodes, [edge('B', 'A', { status: 'DELIVERED' }), edge('B', 'A', { status: 'DECLINED' })]).get('B')).toBeNull();
  });

  it('gives the nodes of a cycle one start', () => {
    const nodes = [node('A', { dueDate: '2026-03-01' }), node('B', { dueDate: '2026-03-09' })];
    const starts = earliestStarts(nodes, [edge('A', 'B'), edge('B', 'A')]);
    expect([starts.get('A'), starts.get('B')]).toEqual(['2026-03-09', '2026-03-09']);
  });

  it('agrees with relaxing the constraints until nothing changes', () => {
    fc.assert(fc.property(graphs(), ({ nodes, edges }) => {
      const starts = earliestStarts(nodes, edges);
      for (const [id, day] of bruteStarts(nodes, edges)) expect(dayNumber(starts.get(id)!)).toBe(day);
    }), { numRuns: 300 });
  });
});

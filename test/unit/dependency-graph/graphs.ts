import fc from 'fast-check';
import type { DependencyStatus, GraphEdge, GraphNode } from '../../../src/domain/dependency-graph/graph';
import { DEPENDENCY_STATUSES, isOpen } from '../../../src/domain/dependency-graph/graph';
import { dayNumber, isoDate, nodeDay } from '../../../src/domain/dependency-graph/dates';

/** Builders and brute-force references for the dependency-graph tests (small graphs only). */

export function node(id: string, dates: Partial<Pick<GraphNode, 'dueDate' | 'releaseDate' | 'team' | 'kind'>> = {}): GraphNode {
  return { id, kind: 'issue', label: id, team: null, dueDate: null, releaseDate: null, ...dates };
}

export function edge(from: string, to: string, more: Partial<Omit<GraphEdge, 'from' | 'to'>> = {}): GraphEdge {
  return { id: `${from}->${to}`, from, to, status: 'IDENTIFIED', neededBy: null, committedBy: null, ...more };
}

const MARCH_1 = dayNumber('2026-03-01')!;
const date = fc.option(fc.integer({ min: 0, max: 60 }).map((d) => isoDate(MARCH_1 + d)), { nil: null });
const status = fc.constantFrom<DependencyStatus>(...DEPENDENCY_STATUSES);

/**
 * A random graph of up to `maxNodes` nodes and random edges (self-loops and parallel edges included),
 * with dates from a two-month window or missing. `acyclic` keeps only edges from a higher to a lower index.
 */
export function graphs({ maxNodes = 7, acyclic = false } = {}) {
  return fc.integer({ min: 1, max: maxNodes }).chain((n) => fc.record({
    nodes: fc.tuple(...Array.from({ length: n }, (_, i) => fc.record({ dueDate: date, releaseDate: date, team: fc.constantFrom(null, 'Atlas', 'Borealis', 'Comet') })
      .map((d) => node(`N${i}`, d)))),
    edges: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), status, neededBy: date, committedBy: date }), { maxLength: n * 3 })
      .map((es) => es.filter((e) => !acyclic || e.from > e.to)
        .map((e, k): GraphEdge => ({ ...e, id: `E${k}`, from: `N${e.from}`, to: `N${e.to}` }))),
  }));
}

/** reach[a][b]: a path of at least one kept edge leads from a to b (Floyd-Warshall closure). */
export function closure(nodes: readonly GraphNode[], edges: readonly GraphEdge[], keep: (e: GraphEdge) => boolean): boolean[][] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const reach = nodes.map(() => nodes.map(() => false));
  for (const e of edges) if (keep(e)) reach[index.get(e.from)!]![index.get(e.to)!] = true;
  for (let k = 0; k < nodes.length; k++)
    for (let i = 0; i < nodes.length; i++)
      for (let j = 0; j < nodes.length; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
  return reach;
}

export const open = (e: GraphEdge) => isOpen(e.status);

/** Slack of an open dependency as the impact model defines it, recomputed here from its words. */
export function slackOf(e: GraphEdge, byId: Map<string, GraphNode>): number {
  const needed = dayNumber(e.neededBy) ?? nodeDay(byId.get(e.from)!);
  const ready = dayNumber(e.committedBy) ?? nodeDay(byId.get(e.to)!);
  return needed === null || ready === null ? 0 : Math.max(0, needed - ready);
}

import { findCycles } from '../../src/domain/dependency-graph/cycles';
import { findLate } from '../../src/domain/dependency-graph/late';
import { DEPENDENCY_STATUSES, type GraphEdge, type GraphNode } from '../../src/domain/dependency-graph/graph';
import type { MapEdge, MapNode } from '../../static/shared/dependency-map/types';
import { prng } from '../portfolio/generator';

/**
 * A deterministic portfolio-shaped graph for the map benchmark: `nodes` epics and features in 12 teams,
 * `edges` dependencies mostly on earlier work (so the graph is layered like a real plan) with one in
 * fifty pointing the other way (which makes cycles), due dates spread over two quarters (which makes late
 * dependencies), every status. Cycles and late flags come from the real analysis, as a caller's would.
 */
const TEAMS = 12;
const BACKWARDS = 0.02;
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2027, 0, 4);

export function syntheticMap(nodeCount: number, edgeCount: number, seed = 1): { nodes: MapNode[]; edges: MapEdge[] } {
  const rnd = prng(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const graphNodes: GraphNode[] = Array.from({ length: nodeCount }, (_, i) => ({
    id: String(10_000 + i),
    kind: 'issue',
    label: `Feature ${i + 1}: ${['Checkout', 'Search', 'Ledger', 'Onboarding', 'Billing', 'Reports'][i % 6]!} slice`,
    team: `Team ${String(1 + pick(TEAMS)).padStart(2, '0')}`,
    // Later items tend to be due later, with noise: some dependencies end up late.
    dueDate: new Date(START_MS + Math.floor((i / nodeCount) * 150 + rnd() * 40) * DAY_MS).toISOString().slice(0, 10),
    releaseDate: null,
  }));
  const graphEdges: GraphEdge[] = [];
  for (let k = 0; k < edgeCount; k++) {
    const dependent = 1 + pick(nodeCount - 1);
    const provider = rnd() < BACKWARDS ? Math.min(nodeCount - 1, dependent + 1 + pick(20)) : pick(dependent);
    graphEdges.push({ id: `L${k}`, from: graphNodes[dependent]!.id, to: graphNodes[provider === dependent ? 0 : provider]!.id, status: DEPENDENCY_STATUSES[pick(DEPENDENCY_STATUSES.length)]!, neededBy: null, committedBy: null });
  }
  return toMap(graphNodes, graphEdges);
}

/** The map's input for an analysed graph: nodes and edges on cycles, late edges. */
export function toMap(graphNodes: GraphNode[], graphEdges: GraphEdge[]): { nodes: MapNode[]; edges: MapEdge[] } {
  const cycleOf = new Map<string, number>();
  findCycles(graphNodes, graphEdges).forEach((cycle, c) => cycle.forEach((id) => cycleOf.set(id, c)));
  const late = new Set(findLate(graphNodes, graphEdges, null).map((f) => f.edgeId));
  const nodes = graphNodes.map((n): MapNode => ({ id: n.id, label: n.label, kind: n.kind, team: n.team, key: n.kind === 'issue' ? `PRJ-${n.id}` : undefined, onCycle: cycleOf.has(n.id) }));
  const edges = graphEdges.map((e): MapEdge => ({
    id: e.id,
    from: e.from,
    to: e.to,
    status: e.status,
    late: late.has(e.id),
    onCycle: e.status !== 'DECLINED' && cycleOf.has(e.from) && cycleOf.get(e.from) === cycleOf.get(e.to),
  }));
  return { nodes, edges };
}

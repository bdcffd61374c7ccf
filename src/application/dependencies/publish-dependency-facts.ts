import { utcDate } from '../../domain/dependency-graph/dates';
import { findLate } from '../../domain/dependency-graph/late';
import { nodeFacts } from '../../domain/dependency-graph/node-facts';
import { riskSignals } from '../../domain/dependencies/risk-signals';
import { buildGraph } from '../../domain/dependencies/graph-snapshot';
import { NO_DEPENDENCIES, type DependencyCounts } from '../../domain/item-summary/item-summary';
import { publishFacts, type PublishFactsDeps } from '../item-summary/publish-facts';
import type { IssueLock } from '../planning/ports';
import type { DependencyRiskSync } from './ports';
import { walkGraph, type WalkDeps } from './walk-graph';

export interface FactsDeps extends PublishFactsDeps, WalkDeps {
  lock: IssueLock;
  dependencyRisks: DependencyRiskSync;
  now: () => Date;
}

/**
 * Hops walked around the changed issues: a cycle of up to 2 x HOPS + 1 issues through them is found, and
 * every issue of it gets its flag.
 */
export const FACTS_HOPS = 4;

export interface RecomputeOutcome {
  /** Issue id -> 'saved' | 'unchanged'. */
  published: Record<string, string>;
}

/**
 * Recomputes the dependencies section of the item summary (`openDependencies`, `lateDependencies`,
 * `dependencyCycle`) for the issues a change touched: the `changed` issues, the issues that depend on
 * them (`withDependents`: their dates or status moved), every issue now on a cycle through them, and every
 * issue of the walk whose summary still flags a cycle that is gone. Reads the current state, so it is
 * idempotent and a repeated or reordered event writes nothing more; each publish is under its issue's lease.
 * Runs with the app's rights (`asApp`), so the counts do not depend on who made the change.
 */
export async function recomputeDependencyFacts(deps: FactsDeps, changed: string[], options: { withDependents: boolean }): Promise<RecomputeOutcome> {
  const walk = await walkGraph(deps, changed, FACTS_HOPS);
  const graph = buildGraph(walk.issues, walk.settingsOf);
  const today = utcDate(deps.now());
  const facts = nodeFacts(graph.nodes, graph.edges, today);
  const seeds = new Set(walk.issues.filter((i) => changed.includes(i.id) || changed.includes(i.key)).map((i) => i.id));
  const affected = new Set(seeds);
  if (options.withDependents) for (const e of graph.edges) if (seeds.has(e.to)) affected.add(e.from);
  for (const i of walk.issues) {
    const cycle = facts.get(i.id)?.cycle ?? 0;
    if (cycle === 1 || i.read.publishedCycle === 1) affected.add(i.id);
  }
  const published: Record<string, string> = {};
  const read = new Map(walk.issues.map((i) => [i.id, i.read]));
  const late = findLate(graph.nodes, graph.edges, today);
  const keys = new Map(walk.issues.map((i) => [i.id, i.key]));
  // One issue after another: each takes its own lease (never two at once, so no lease order can deadlock).
  for (const id of affected) {
    const issue = read.get(id);
    if (!issue) continue;
    const counts: DependencyCounts = facts.get(id) ?? NO_DEPENDENCIES;
    // An issue that never had dependencies (a story whose status moved) gets no summary: nothing to say.
    if (!issue.hasSummary && sameCounts(counts, NO_DEPENDENCIES)) continue;
    published[id] = await deps.lock.withLock(id, async () => (await publishFacts(deps, id, { dependencies: { open: counts.open, late: counts.late, cycle: counts.cycle, uncommitted: counts.uncommitted } })).outcome);
    // After the counts: a late or declined dependency raises its risk once, a delivered one proposes closing it.
    await deps.dependencyRisks.sync(id, riskSignals(id, graph.nodes, graph.edges, late, (nodeId) => keys.get(nodeId) ?? null));
  }
  return { published };
}

const sameCounts = (a: DependencyCounts, b: DependencyCounts): boolean => a.open === b.open && a.late === b.late && a.cycle === b.cycle && a.uncommitted === b.uncommitted;

import { criticalPath } from '../../domain/dependency-graph/critical-path';
import { findCycles } from '../../domain/dependency-graph/cycles';
import type { CriticalPath, GraphEdge, GraphNode, TeamMatrix } from '../../domain/dependency-graph/graph';
import { utcDate } from '../../domain/dependency-graph/dates';
import { findLate } from '../../domain/dependency-graph/late';
import { teamMatrix } from '../../domain/dependency-graph/team-matrix';
import { buildGraph, type GraphIssue } from '../../domain/dependencies/graph-snapshot';
import { dependencyLinks } from '../../domain/dependencies/links';
import type { DependencySettings } from '../../domain/dependencies/settings';
import type { Digest } from '../../domain/planning-record/authority';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import { notFound } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';
import type { DependencyGraphReader, DependencyLedgerStore, DependencySettingsStore, ReadIssue } from './ports';
import { verify } from './verified-dependencies';

export interface PortfolioDependenciesDeps {
  reader: WorkItemReader;
  userGraph: DependencyGraphReader;
  dependencyLedger: DependencyLedgerStore;
  dependencySettings: DependencySettingsStore;
  digest: Digest;
  now: () => Date;
}

export interface PortfolioDependencies {
  project: { key: string; name: string };
  nodes: Array<GraphNode & { key: string | null; release: string | null; statusName: string | null }>;
  edges: GraphEdge[];
  cycles: string[][];
  lateEdgeIds: string[];
  matrix: TeamMatrix;
  criticalPath: CriticalPath;
  warnings: string[];
}

/** A program's portfolio, read at once; beyond this the page asks to narrow the scope. */
export const MAX_PORTFOLIO_ISSUES = 5_000;

/**
 * The dependency graph of a project's epics and features, as the user may see it (the portfolio scan:
 * links and the dependencies property), with the issues they depend on in other projects, and its
 * analyses: cycles, late dependencies, the cross-team matrix and the critical path.
 */
export async function getPortfolioDependencies(deps: PortfolioDependenciesDeps, projectKey: string): Promise<PortfolioDependencies> {
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const types = project.issueTypes.filter(isPlanningItemType).map((t) => t.id);
  if (types.length === 0) return empty(project);
  const scanned = await deps.userGraph.scan(`project = "${project.key}" AND issuetype in (${types.join(', ')}) ORDER BY key ASC`, MAX_PORTFOLIO_ISSUES);
  const settings = new Map<string, DependencySettings>([[project.key, await deps.dependencySettings.get(project.key)]]);
  const settingsOf = (key: string): DependencySettings => settings.get(key) ?? settings.get(project.key)!;
  // The far ends in other projects, read once (as the user: what they cannot see stays a bare node).
  const inScope = new Set(scanned.issues.map((i) => i.id));
  const far = [...new Set(scanned.issues.flatMap((i) => dependencyLinks(i.id, i.links, settingsOf(i.projectKey)).flatMap((l) => [l.dependentId, l.providerId])))].filter((id) => !inScope.has(id));
  const outside = await deps.userGraph.read(far);
  for (const k of new Set(outside.map((i) => i.projectKey))) if (!settings.has(k)) settings.set(k, await deps.dependencySettings.get(k));
  const issues = await Promise.all([...scanned.issues, ...outside].map((r) => verified(deps, r)));
  const graph = buildGraph(issues, settingsOf);
  const byId = new Map([...scanned.issues, ...outside].map((i) => [i.id, i]));
  return {
    project: { key: project.key, name: project.name },
    nodes: graph.nodes.map((n) => {
      const i = byId.get(n.id);
      return { ...n, label: i || n.kind !== 'issue' ? n.label : 'An issue you cannot see', key: i?.key ?? null, release: i?.releaseName ?? null, statusName: i?.statusName ?? null };
    }),
    edges: graph.edges,
    cycles: findCycles(graph.nodes, graph.edges),
    lateEdgeIds: findLate(graph.nodes, graph.edges, utcDate(deps.now())).map((l) => l.edgeId),
    matrix: teamMatrix(graph.nodes, graph.edges),
    criticalPath: criticalPath(graph.nodes, graph.edges),
    warnings: scanned.warnings,
  };
}

async function verified(deps: PortfolioDependenciesDeps, r: ReadIssue): Promise<GraphIssue> {
  const ledger = r.stored.ok && r.stored.record.rev === 0 ? null : await deps.dependencyLedger.get(r.id);
  const v = verify(r.stored, ledger, deps.digest);
  return { ...r, record: v.problem ? null : v.effective };
}

function empty(project: { key: string; name: string }): PortfolioDependencies {
  return { project: { key: project.key, name: project.name }, nodes: [], edges: [], cycles: [], lateEdgeIds: [], matrix: { teams: [], cells: [] }, criticalPath: { nodeIds: [], days: 0, dated: false }, warnings: [] };
}

import type { DependencyStatus, GraphEdge, GraphNode } from '../dependency-graph/graph';
import { dependencyLinks, type IssueLinkView } from './links';
import { IDENTIFIED, linkDependencyId, type DependencyRecord, type OtherTarget } from './model';
import type { DependencySettings } from './settings';

/** One issue as the app read it for the dependency graph (as the app, or as the user for their view). */
export interface GraphIssue {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  team: string | null;
  dueDate: string | null;
  /** The earliest release date among its fix versions. */
  releaseDate: string | null;
  /** Its status is in the done category: whatever it provides counts as delivered. */
  done: boolean;
  links: IssueLinkView[];
  /** Its verified, effective dependency record; null when it has none or it was not read. */
  record: DependencyRecord | null;
}

export interface GraphSnapshot {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const otherNodeId = (target: OtherTarget): string => (target.kind === 'team' ? `team:${target.team}` : `external:${target.party}`);

/**
 * The dependency graph among the issues read: nodes for them (and for the teams and external parties their
 * records name), one edge per dependency link (seen from either end, kept once) and per team or external
 * dependency. A link's status comes from its dependent's record; a provider that is done delivered it,
 * unless it was declined.
 */
export function buildGraph(issues: GraphIssue[], settingsOf: (projectKey: string) => DependencySettings): GraphSnapshot {
  const byId = new Map(issues.map((i) => [i.id, i]));
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const i of issues) nodes.set(i.id, { id: i.id, kind: 'issue', label: i.summary, team: i.team, dueDate: i.dueDate, releaseDate: i.releaseDate });
  for (const issue of issues) {
    for (const link of dependencyLinks(issue.id, issue.links, settingsOf(issue.projectKey))) {
      const id = linkDependencyId(link.linkId);
      if (edges.has(id)) continue;
      const dependent = byId.get(link.dependentId);
      const commitment = dependent?.record?.links[link.linkId] ?? IDENTIFIED;
      const providerDone = byId.get(link.providerId)?.done === true;
      const status: DependencyStatus = providerDone && commitment.status !== 'DECLINED' ? 'DELIVERED' : commitment.status;
      edges.set(id, { id, from: link.dependentId, to: link.providerId, status, neededBy: commitment.neededBy?.date ?? null, committedBy: commitment.committedBy?.date ?? null });
    }
    for (const other of issue.record?.others ?? []) {
      const to = otherNodeId(other.target);
      if (!nodes.has(to)) {
        const team = other.target.kind === 'team' ? other.target.team : null;
        nodes.set(to, { id: to, kind: other.target.kind, label: other.target.kind === 'team' ? `Team ${other.target.team}` : other.target.party, team, dueDate: null, releaseDate: null });
      }
      edges.set(other.id, { id: other.id, from: issue.id, to, status: other.status, neededBy: other.neededBy?.date ?? null, committedBy: other.committedBy?.date ?? null });
    }
  }
  // Links to issues that were not read still count for the issue that was: the far end is a bare node.
  for (const e of edges.values()) {
    for (const end of [e.from, e.to]) if (!nodes.has(end)) nodes.set(end, { id: end, kind: 'issue', label: end, team: null, dueDate: null, releaseDate: null });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

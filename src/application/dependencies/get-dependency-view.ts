import { findCycles } from '../../domain/dependency-graph/cycles';
import { utcDate } from '../../domain/dependency-graph/dates';
import { findLate, OVERDUE_REASONS } from '../../domain/dependency-graph/late';
import { nodeFacts } from '../../domain/dependency-graph/node-facts';
import type { GraphEdge, GraphNode, NodeFacts } from '../../domain/dependency-graph/graph';
import { buildGraph } from '../../domain/dependencies/graph-snapshot';
import { dependencyLinks, type DependencyLink } from '../../domain/dependencies/links';
import { IDENTIFIED, linkDependencyId, type Commitment, type DependencyHistoryEntry, type OtherTarget } from '../../domain/dependencies/model';
import type { Sides } from '../../domain/dependencies/operations';
import type { DependencySettings } from '../../domain/dependencies/settings';
import { sidesFor } from '../../domain/dependencies/sides';
import type { PersonRef } from '../../domain/planning-record/model';
import type { WorkItem } from '../../domain/work-item/work-item';
import { notFound } from '../shared/errors';
import type { AccessChecker, UserDirectory, WorkItemReader } from '../shared/ports';
import type { DependencyGraphReader, DependencyLedgerStore, DependencySettingsStore, IssueLinkWriter, LinkTypeInfo } from './ports';
import { walkGraph } from './walk-graph';
import type { Digest } from '../../domain/planning-record/authority';
import type { DependencyIntegrity } from '../../domain/dependencies/authority';

/** What the Dependencies tab reads as the user. `appGraph` reads as the app, to learn of links to issues the user cannot see. */
export interface DependencyViewDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  users: UserDirectory;
  userGraph: DependencyGraphReader;
  appGraph: DependencyGraphReader;
  issueLinks: IssueLinkWriter;
  dependencyLedger: DependencyLedgerStore;
  dependencySettings: DependencySettingsStore;
  digest: Digest;
  now: () => Date;
}

/** The far end of a dependency: an issue the user can see, one they cannot (only its existence), or a team or party. */
export type FarEnd =
  | { kind: 'issue'; key: string; summary: string; statusName: string; done: boolean; team: string | null; assignee: PersonRef | null }
  | { kind: 'hidden' }
  | { kind: 'team' | 'external'; name: string };

export interface DependencyItem {
  id: string;
  direction: 'needs' | 'neededBy';
  far: FarEnd;
  linkType: string | null;
  /** Null when the user may not see it (the dependent is an issue they cannot browse). */
  commitment: Commitment | null;
  late: boolean;
  /** Late because a date has passed (needed by with no commitment, or committed by without delivery). */
  overdue: boolean;
  onCycle: boolean;
  unverified: boolean;
  sides: Sides;
  /** The revision of the record holding it (the dependent's); 0 when the user may not see that record. */
  rev: number;
}

export interface DependencyView {
  item: WorkItem;
  canEdit: boolean;
  needs: DependencyItem[];
  neededBy: DependencyItem[];
  integrity: DependencyIntegrity;
  recordProblem: string | null;
  history: DependencyHistoryEntry[];
  /** The mapped link types of the issue's project, with their descriptions, for the add form. */
  linkTypes: Array<LinkTypeInfo & { dependentReads: 'inward' | 'outward' }>;
  map: { nodes: Array<GraphNode & { key: string | null }>; edges: GraphEdge[]; cycles: string[][]; lateEdgeIds: string[]; truncated: boolean };
  facts: NodeFacts;
}

export const MAX_MAP_HOPS = 3;

/**
 * The Dependencies tab of one issue, as the user may see it: what it needs and what needs it (links read as
 * the app, so a far end the user cannot browse still shows that it exists), each with the user's sides, and
 * the map `hops` links up and downstream (read as the user). The counts shown are computed on that map plus
 * the issue's own links: a dependency on a hidden issue counts, but a lateness only the hidden issue's dates
 * would show does not, so `late` can be lower than the JQL one.
 */
export async function getDependencyView(deps: DependencyViewDeps, issueKey: string, hops: number): Promise<DependencyView> {
  const item = await deps.reader.getWorkItem(issueKey);
  if (!item) throw notFound(`Issue ${issueKey}`);
  const [canEdit, actor, walk, appSelf, settings, siteTypes] = await Promise.all([
    deps.access.canEditIssue(item.key),
    deps.users.me(),
    walkGraph({ ...deps, dependencyGraph: deps.userGraph }, [item.id], Math.max(1, Math.min(MAX_MAP_HOPS, hops))),
    deps.appGraph.read([item.id]),
    deps.dependencySettings.get(item.project.key),
    deps.issueLinks.linkTypes(),
  ]);
  const self = walk.issues.find((i) => i.id === item.id);
  if (!self) throw notFound(`Issue ${issueKey}`);
  const selfVerified = self.verified;
  // The issue's own links as the app read them: a link to an issue the user cannot see is still one of its
  // dependencies (its far end becomes a bare node), so the header, the list and readiness count the same.
  const selfLinks = appSelf[0]?.links ?? self.links;
  const graph = buildGraph(walk.issues.map((i) => (i.id === item.id ? { ...i, links: selfLinks } : i)), walk.settingsOf);
  const cycles = findCycles(graph.nodes, graph.edges);
  const onCycle = new Set(cycles.flat());
  const today = utcDate(deps.now());
  const late = findLate(graph.nodes, graph.edges, today);
  const lateEdgeIds = new Set(late.map((l) => l.edgeId));
  const overdueIds = new Set(late.filter((l) => OVERDUE_REASONS.has(l.reason)).map((l) => l.edgeId));
  const byId = new Map(walk.issues.map((i) => [i.id, i]));
  const links = dependencyLinks(item.id, selfLinks, settings);
  const farEnd = (id: string): FarEnd => {
    const i = byId.get(id);
    return i ? { kind: 'issue', key: i.key, summary: i.summary, statusName: i.read.statusName, done: i.done, team: i.team, assignee: i.read.assignee } : { kind: 'hidden' };
  };
  const canEditFar = await editRights(deps, links.map((l) => farEnd(l.dependentId === item.id ? l.providerId : l.dependentId)));
  const cycleEdge = (e: { from: string; to: string }): boolean => onCycle.has(e.from) && onCycle.has(e.to);

  const linkItem = (l: DependencyLink): DependencyItem => {
    const needs = l.dependentId === item.id;
    const farId = needs ? l.providerId : l.dependentId;
    const far = farEnd(farId);
    const dependentRecord = needs ? selfVerified.effective : byId.get(l.dependentId)?.record;
    const id = linkDependencyId(l.linkId);
    const canEditFarEnd = far.kind === 'issue' && canEditFar.get(far.key) === true;
    return {
      id,
      direction: needs ? 'needs' : 'neededBy',
      far,
      linkType: l.typeName,
      commitment: dependentRecord ? (dependentRecord.links[l.linkId] ?? IDENTIFIED) : null,
      late: lateEdgeIds.has(id),
      overdue: overdueIds.has(id),
      onCycle: cycleEdge({ from: l.dependentId, to: l.providerId }),
      unverified: needs && selfVerified.integrity.unverified.includes(id),
      sides: needs ? { dependent: canEdit === true, provider: canEditFarEnd } : { dependent: canEditFarEnd, provider: canEdit === true },
      rev: dependentRecord?.rev ?? 0,
    };
  };
  const otherItem = (o: Commitment & { id: string; target: OtherTarget }): DependencyItem => ({
    id: o.id,
    direction: 'needs',
    far: { kind: o.target.kind, name: o.target.kind === 'team' ? o.target.team : o.target.party },
    linkType: null,
    commitment: o,
    late: lateEdgeIds.has(o.id),
    overdue: overdueIds.has(o.id),
    onCycle: false,
    unverified: selfVerified.integrity.unverified.includes(o.id),
    sides: sidesFor({ kind: 'other', commitment: o }, { actor, canEditDependent: canEdit === true }),
    rev: selfVerified.effective.rev,
  });
  const all = links.map(linkItem);
  return {
    item,
    canEdit: canEdit === true,
    needs: [...all.filter((d) => d.direction === 'needs'), ...selfVerified.effective.others.map(otherItem)],
    neededBy: all.filter((d) => d.direction === 'neededBy'),
    integrity: selfVerified.integrity,
    recordProblem: selfVerified.problem,
    history: selfVerified.effective.history,
    linkTypes: mappedTypes(settings, siteTypes),
    map: { ...drawable(graph, byId), cycles, lateEdgeIds: [...lateEdgeIds], truncated: walk.truncated },
    facts: nodeFacts(graph.nodes, graph.edges, today).get(item.id) ?? { open: 0, late: 0, cycle: 0, uncommitted: 0 },
  };
}

/** Whether the user may edit each visible far end (decides which side of a dependency they are on). */
async function editRights(deps: DependencyViewDeps, ends: FarEnd[]): Promise<Map<string, boolean>> {
  const keys = [...new Set(ends.flatMap((e) => (e.kind === 'issue' ? [e.key] : [])))];
  const rights = await Promise.all(keys.map((k) => deps.access.canEditIssue(k)));
  return new Map(keys.map((k, n) => [k, rights[n] === true]));
}

function mappedTypes(settings: DependencySettings, siteTypes: LinkTypeInfo[]): DependencyView['linkTypes'] {
  return settings.linkTypes.flatMap((m) => {
    const t = siteTypes.find((s) => s.name.toLowerCase() === m.name.toLowerCase());
    return t ? [{ ...t, dependentReads: m.dependentReads }] : [];
  });
}

/**
 * What the map draws: the issues read (within the hops, visible to the user), teams and parties, and the
 * edges among them. Links leading past the last hop, or to issues the user cannot see, are left off.
 */
function drawable(graph: { nodes: GraphNode[]; edges: GraphEdge[] }, read: Map<string, { key: string }>): Pick<DependencyView['map'], 'nodes' | 'edges'> {
  const nodes = graph.nodes.filter((n) => n.kind !== 'issue' || read.has(n.id)).map((n) => ({ ...n, key: read.get(n.id)?.key ?? null }));
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to)) };
}

/**
 * The dependency map's input: what the caller has already worked out (cycles, late edges, what to
 * highlight). The map only draws; the analysis is src/domain/dependency-graph.
 */
export type MapNodeKind = 'issue' | 'team' | 'external';
export type MapEdgeStatus = 'IDENTIFIED' | 'REQUESTED' | 'COMMITTED' | 'DELIVERED' | 'DECLINED';

export interface MapNode {
  id: string;
  label: string;
  kind: MapNodeKind;
  team: string | null;
  /** The Jira issue key; a node with one opens that issue when clicked. */
  key?: string;
  onCycle?: boolean;
  /** Drawn emphasised: the issue the panel is about, or a node on the critical path. */
  highlighted?: boolean;
}

/** from = the dependent (needs the work), to = the provider; drawn as an arrow from provider to dependent. */
export interface MapEdge {
  id: string;
  from: string;
  to: string;
  status: MapEdgeStatus;
  late?: boolean;
  onCycle?: boolean;
}

export interface DependencyMapProps {
  nodes: MapNode[];
  edges: MapEdge[];
  onOpenIssue?: (key: string) => void;
  /** Pixels; 480 when not given. */
  height?: number;
  /**
   * Whether the legend lies over the map's top-right corner (true when not given). A narrow map (the issue
   * panel) sets false and shows the legend beside it, where it cannot cover the issue's own node.
   */
  overlayLegend?: boolean;
}

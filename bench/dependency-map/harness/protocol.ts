import type { MapEdge, MapNode } from '../../../static/shared/dependency-map/types';

/** What the harness page offers the benchmark and the tests (on `window`). */
export interface HarnessResult {
  /** From handing the map its data to the frame after nodes and edges are on screen. */
  ms: number;
  renderedNodes: number;
  renderedEdges: number;
  layout: string | null;
}

export interface HarnessWindow {
  renderDependencyMap(nodes: MapNode[], edges: MapEdge[], colorMode?: 'light' | 'dark'): Promise<HarnessResult>;
  /** Issue keys the map asked to open, in order. */
  openedIssues: string[];
}

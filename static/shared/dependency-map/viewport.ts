import { SPACING } from './spacing';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Past this many nodes the map opens at a readable zoom instead of fitting everything (which would render every node). */
export const FIT_ALL_MAX_NODES = 150;
const READABLE_ZOOM = 0.8;
const PADDING = 0.1;

/**
 * Where the map opens, computed from the layout before the first render, so React Flow renders the right
 * part at once (its own fitView only knows nodes it has already rendered and measured). A small map is
 * fitted whole, at most at zoom 1; a large one opens at zoom 0.8 (the smallest at which its text reads well) centred on the `focus` nodes, or on the
 * middle of the map when there are none.
 */
export function initialViewport(positions: ReadonlyMap<string, { x: number; y: number }>, focus: readonly string[], width: number, height: number): Viewport {
  const fitAll = positions.size <= FIT_ALL_MAX_NODES;
  const points = !fitAll && focus.length > 0 ? focus.flatMap((id) => positions.get(id) ?? []) : [...positions.values()];
  if (points.length === 0) return { x: 0, y: 0, zoom: 1 };
  const minX = Math.min(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxX = Math.max(...points.map((p) => p.x)) + SPACING.nodeWidth;
  const maxY = Math.max(...points.map((p) => p.y)) + SPACING.nodeHeight;
  const zoom = fitAll ? Math.min(1, width / ((maxX - minX) * (1 + 2 * PADDING)), height / ((maxY - minY) * (1 + 2 * PADDING))) : READABLE_ZOOM;
  return { x: width / 2 - ((minX + maxX) / 2) * zoom, y: height / 2 - ((minY + maxY) / 2) * zoom, zoom };
}

import { token } from '@atlaskit/tokens';
import { addGlobalStyle } from '../global-style';
import type { MapEdge, MapEdgeStatus } from './types';

/** Edge colour by status, from the design tokens so dark mode follows Jira's theme. */
export const STATUS_COLOUR: Record<MapEdgeStatus, string> = {
  IDENTIFIED: token('color.icon.subtle'),
  REQUESTED: token('color.icon.warning'),
  COMMITTED: token('color.icon.information'),
  DELIVERED: token('color.icon.success'),
  DECLINED: token('color.icon.disabled'),
};

export const STATUS_LABEL: Record<MapEdgeStatus, string> = {
  IDENTIFIED: 'Identified',
  REQUESTED: 'Requested',
  COMMITTED: 'Committed',
  DELIVERED: 'Delivered',
  DECLINED: 'Declined',
};

export const CYCLE_COLOUR = token('color.icon.danger');

/**
 * Problems show without colour too: a cycle is a thick dotted line, a late dependency a dashed one, and
 * both carry a text label.
 */
export const CYCLE_DASH = '2 4';
export const LATE_DASH = '8 5';

export function edgeStyle(edge: MapEdge): { stroke: string; strokeWidth: number; strokeDasharray?: string; opacity?: number } {
  if (edge.onCycle) return { stroke: CYCLE_COLOUR, strokeWidth: 3, strokeDasharray: CYCLE_DASH };
  const stroke = STATUS_COLOUR[edge.status];
  if (edge.late) return { stroke, strokeWidth: 2.5, strokeDasharray: LATE_DASH };
  if (edge.status === 'DECLINED') return { stroke, strokeWidth: 1, opacity: 0.6 };
  return { stroke, strokeWidth: 1.5 };
}

export function edgeLabel(edge: MapEdge): string | undefined {
  if (edge.onCycle && edge.late) return 'cycle, late';
  if (edge.onCycle) return 'cycle';
  return edge.late ? 'late' : undefined;
}

/** React Flow's own chrome (background, controls, edge labels) in the design tokens. */
addGlobalStyle(`
.pr-dependency-map .react-flow {
  --xy-background-color: ${token('elevation.surface')};
  --xy-background-pattern-color: ${token('color.border')};
  --xy-edge-label-background-color: ${token('elevation.surface')};
  --xy-edge-label-color: ${token('color.text')};
  --xy-controls-button-background-color: ${token('elevation.surface.raised')};
  --xy-controls-button-background-color-hover: ${token('color.background.neutral.subtle.hovered')};
  --xy-controls-button-color: ${token('color.icon')};
  --xy-controls-button-color-hover: ${token('color.icon')};
  --xy-controls-button-border-color: ${token('color.border')};
  --xy-controls-box-shadow: ${token('elevation.shadow.raised')};
  --xy-attribution-background-color: transparent;
}
.pr-dependency-map .react-flow__node { cursor: default; }
.pr-dependency-map .react-flow__node.pr-opens { cursor: pointer; }
.pr-dependency-map .react-flow__node:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')}; }
.pr-dependency-map .react-flow__handle { opacity: 0; pointer-events: none; }
.pr-dependency-map .pr-edge-label { font: ${token('font.body.small')}; fill: ${token('color.text')}; stroke: ${token('elevation.surface')}; stroke-width: 3px; paint-order: stroke; pointer-events: none; }
`);

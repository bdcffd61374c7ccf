import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';

export type MapFlowEdge = Edge<{ label?: string }, 'dependency'>;

/**
 * An edge with its problem label ("cycle", "late") as plain SVG text with a halo. React Flow's own edge
 * labels measure themselves (getBBox) after rendering, which forces a layout per label: at 1,000 nodes
 * that was the largest single cost of the first render.
 */
function MapEdgeLine({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, style, markerEnd, data }: EdgeProps<MapFlowEdge>): ReactElement {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge path={path} style={style} markerEnd={markerEnd} interactionWidth={0} />
      {data?.label ? (
        <text x={labelX} y={labelY} className="pr-edge-label" textAnchor="middle" dominantBaseline="middle">
          {data.label}
        </text>
      ) : null}
    </>
  );
}

export const MapEdgeView = memo(MapEdgeLine);

import { token } from '@atlaskit/tokens';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties, type ReactElement } from 'react';
import { SPACING } from './spacing';
import type { MapNode } from './types';

export type MapFlowNode = Node<{ node: MapNode }, 'dependency'>;

const KIND_TAG: Record<MapNode['kind'], string | null> = { issue: null, team: 'Team', external: 'External' };

function border(node: MapNode): string {
  if (node.onCycle) return `2px dashed ${token('color.border.danger')}`;
  if (node.highlighted) return `2px solid ${token('color.border.brand')}`;
  return `1px solid ${node.kind === 'issue' ? token('color.border') : token('color.border.bold')}`;
}

const line: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

/**
 * One box on the map: key and team, then the summary. A node on a cycle has a dashed red border and says
 * so in words; the highlighted one has a bold brand border. Memoised: panning re-renders nothing.
 */
function MapNodeBox({ data }: NodeProps<MapFlowNode>): ReactElement {
  const { node } = data;
  const tag = KIND_TAG[node.kind];
  const first = [node.key, tag, node.team].filter(Boolean).join(' · ');
  return (
    <div
      data-testid={`map-node-${node.id}`}
      data-on-cycle={node.onCycle ? 'true' : undefined}
      title={node.label}
      style={{
        boxSizing: 'border-box',
        width: SPACING.nodeWidth,
        height: SPACING.nodeHeight,
        padding: `${token('space.050')} ${token('space.100')}`,
        borderRadius: token('radius.small'),
        border: border(node),
        background: node.kind === 'issue' ? token('elevation.surface.raised') : token('color.background.neutral'),
        color: token('color.text'),
        font: token('font.body.small'),
        fontWeight: node.highlighted ? token('font.weight.bold') : undefined,
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div style={{ ...line, color: token('color.text.subtle') }}>
        {node.onCycle ? <span style={{ color: token('color.text.danger') }}>↻ cycle · </span> : null}
        {first || '\u00a0'}
      </div>
      <div style={line}>{node.label}</div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const MapNodeView = memo(MapNodeBox);

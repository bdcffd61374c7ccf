import '@xyflow/react/dist/style.css';
import { token } from '@atlaskit/tokens';
import { Background, Controls, MarkerType, Panel, Position, ReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { Legend } from './legend';
import { layout } from './layout';
import { SPACING } from './spacing';
import { MapEdgeView, type MapFlowEdge } from './map-edge';
import { MapNodeView, type MapFlowNode } from './map-node';
import { edgeLabel, edgeStyle } from './styles';
import type { DependencyMapProps, MapEdge, MapNode } from './types';
import { initialViewport } from './viewport';

/**
 * The dependency map: issues, teams and external parties, with arrows from provider to dependent,
 * coloured by status, cycles and late dependencies marked in colour and in line style and words. Click a
 * node (or press Enter on it) to open its issue. Pan by dragging, zoom with the wheel or the controls.
 *
 * Fast at 1,000 nodes and 3,000 edges: the layout runs once per input (memoised), node sizes and handles
 * are given up front so nothing waits for measuring, only what is in view is rendered, and a large map
 * opens at a readable zoom on its highlighted nodes instead of fitting everything (viewport.ts).
 *
 * The default export, so callers load it lazily: `lazy(() => import('.../dependency-map/dependency-map'))`.
 */

const nodeTypes = { dependency: MapNodeView };
const edgeTypes = { dependency: MapEdgeView };
const HANDLES = [
  { type: 'target' as const, position: Position.Left, x: 0, y: SPACING.nodeHeight / 2, width: 1, height: 1 },
  { type: 'source' as const, position: Position.Right, x: SPACING.nodeWidth - 1, y: SPACING.nodeHeight / 2, width: 1, height: 1 },
];

function flowNodes(nodes: readonly MapNode[], positions: Map<string, { x: number; y: number }>, opens: boolean): MapFlowNode[] {
  return nodes.map((node) => ({
    id: node.id,
    type: 'dependency',
    position: positions.get(node.id)!,
    data: { node },
    width: SPACING.nodeWidth,
    height: SPACING.nodeHeight,
    handles: HANDLES,
    className: opens && node.key ? 'pr-opens' : undefined,
    ariaLabel: [node.key, node.label, node.onCycle ? 'on a dependency cycle' : null].filter(Boolean).join(', '),
  }));
}

/** Problems are drawn last, so they lie on top of the other edges (still under the nodes). */
const drawOrder = (e: MapEdge): number => (e.onCycle ? 2 : e.late ? 1 : 0);

function flowEdges(edges: readonly MapEdge[], known: ReadonlySet<string>): MapFlowEdge[] {
  return edges
    .filter((e) => known.has(e.from) && known.has(e.to))
    .sort((a, b) => drawOrder(a) - drawOrder(b))
    .map((e) => {
      const style = edgeStyle(e);
      const label = edgeLabel(e);
      return {
        id: e.id,
        type: 'dependency' as const,
        source: e.to,
        target: e.from,
        style,
        data: { label },
        markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 14, height: 14 },
        focusable: false,
        selectable: false,
        ariaLabel: label ? `${e.status.toLowerCase()}, ${label}` : e.status.toLowerCase(),
      };
    });
}

export default function DependencyMap({ nodes, edges, onOpenIssue, height = 480, overlayLegend = true }: DependencyMapProps): ReactElement {
  const { positions, engine } = useMemo(() => layout(nodes, edges), [nodes, edges]);
  const opens = onOpenIssue !== undefined;
  const flowNodeList = useMemo(() => flowNodes(nodes, positions, opens), [nodes, positions, opens]);
  const flowEdgeList = useMemo(() => flowEdges(edges, new Set(positions.keys())), [edges, positions]);
  const keyOf = useCallback((id: string | null | undefined) => (id ? nodes.find((n) => n.id === id)?.key : undefined), [nodes]);

  const onNodeClick = useCallback<NodeMouseHandler<MapFlowNode>>((_, n) => {
    if (n.data.node.key) onOpenIssue?.(n.data.node.key);
  }, [onOpenIssue]);
  // React Flow focuses nodes but does not activate them: Enter on a focused node opens its issue.
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLElement)) return;
    const key = keyOf(event.target.closest('.react-flow__node')?.getAttribute('data-id'));
    if (key) onOpenIssue?.(key);
  }, [keyOf, onOpenIssue]);

  // The map's width, read before the first paint: the opening viewport depends on it.
  const wrapper = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => setWidth(wrapper.current?.clientWidth ?? 0), []);
  const viewport = useMemo(
    () => (width === null ? null : initialViewport(positions, nodes.filter((n) => n.highlighted).map((n) => n.id), width, height)),
    [positions, nodes, width, height],
  );

  if (nodes.length === 0) {
    return <div data-testid="dependency-map-empty" style={{ padding: token('space.200'), color: token('color.text.subtle') }}>No dependencies to show.</div>;
  }
  return (
    <div ref={wrapper} className="pr-dependency-map" data-testid="dependency-map" data-layout={engine} style={{ height, width: '100%' }} onKeyDown={onKeyDown}>
      {viewport ? (
        <ReactFlow
          nodes={flowNodeList}
          edges={flowEdgeList}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={onNodeClick}
          onlyRenderVisibleElements
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          defaultViewport={viewport}
          minZoom={0.05}
          maxZoom={2}
        >
          <Background gap={24} />
          {/* Fitting uses the declared sizes, so it also covers nodes not rendered yet. */}
          <Controls showInteractive={false} fitViewOptions={{ includeHiddenNodes: true, padding: 0.1 }} />
          {overlayLegend ? (
            <Panel position="top-right">
              <Legend />
            </Panel>
          ) : null}
        </ReactFlow>
      ) : null}
    </div>
  );
}

"use client";

import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  type DefaultEdgeOptions,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import { type DragEvent, useCallback, useMemo } from "react";
import { useShallow } from "zustand/shallow";
import type { DiffStatus } from "@/lib/domain/diff";
import type { CanvasNode, FlowEdge } from "@/lib/domain/flow-mapping";
import { type ElementKind, isElementKind, KIND_INFO } from "@/lib/domain/kinds";
import { useCanvas } from "@/lib/store/canvas-context";
import { FlowEdgeComponent } from "./flow-edge";
import { FollowView, PeerCursors, usePeerDecorations, usePresenceBroadcast } from "./live/live-layer";
import { BoundaryNodeComponent } from "./nodes/boundary-node";
import { ElementNodeComponent } from "./nodes/element-node";
import { PALETTE_MIME } from "./palette";
import { useLocalDrag } from "./use-local-drag";
import { isZoomedOut, OverviewContext } from "./zoom";

// Module scope: React Flow re-registers node and edge types whenever these objects change.
const nodeTypes = {
  process: ElementNodeComponent,
  datastore: ElementNodeComponent,
  "external-entity": ElementNodeComponent,
  boundary: BoundaryNodeComponent,
};
const edgeTypes = { flow: FlowEdgeComponent };
const defaultEdgeOptions: DefaultEdgeOptions = {
  type: "flow",
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: "#475569" },
};
const snapGrid: [number, number] = [10, 10];
const fitViewOptions = { padding: 0.08, maxZoom: 1 };
const MINIMAP_COLOURS: Record<string, string> = {
  process: "#bae6fd",
  datastore: "#a7f3d0",
  "external-entity": "#cbd5e1",
  boundary: "rgba(148,163,184,0.15)",
};
const minimapColour = (node: CanvasNode) => MINIMAP_COLOURS[node.type ?? ""] ?? "#e2e8f0";

type Props = {
  /** Marks elements and flows as added, removed or changed (a comparison of two versions). */
  decorations?: ReadonlyMap<string, DiffStatus>;
};

/** Adds the `diff-<status>` class React Flow puts on a node's or edge's wrapper. */
function decorate<T extends { id: string; className?: string }>(
  items: T[],
  decorations: ReadonlyMap<string, DiffStatus> | undefined,
): T[] {
  if (!decorations || decorations.size === 0) return items;
  return items.map((item) => {
    const status = decorations.get(item.id);
    return status ? { ...item, className: `diff-${status}` } : item;
  });
}

export function Canvas({ decorations }: Props = {}) {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect, isReadOnly, addElement, select } = useCanvas(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      onConnect: s.onConnect,
      isReadOnly: s.isReadOnly,
      addElement: s.addElement,
      select: s.select,
    })),
  );
  const { screenToFlowPosition } = useReactFlow();
  const zoomedOut = useStore(isZoomedOut);
  const live = usePeerDecorations(nodes, edges);
  const decorated = useMemo(() => decorate(live.nodes, decorations), [live.nodes, decorations]);
  const shownEdges = useMemo(() => decorate(live.edges, decorations), [live.edges, decorations]);
  const local = useLocalDrag(decorated, onNodesChange, isReadOnly);
  const broadcast = usePresenceBroadcast();
  const handleNodesChange = useCallback(
    (changes: Parameters<typeof onNodesChange>[0]) => {
      broadcast.onNodesChange(changes);
      local.onNodesChange(changes);
    },
    [broadcast.onNodesChange, local.onNodesChange],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isElementKind(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { width, height } = KIND_INFO[kind as ElementKind].defaultSize;
      const id = addElement(kind, {
        x: Math.round(point.x - width / 2),
        y: Math.round(point.y - height / 2),
      });
      select([id]);
    },
    [addElement, screenToFlowPosition, select],
  );

  return (
    <OverviewContext.Provider value={zoomedOut}>
      <ReactFlow<CanvasNode, FlowEdge>
        nodes={local.nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={handleNodesChange}
        className={zoomedOut ? "zoomed-out" : undefined}
        onPointerMove={broadcast.onPointerMove}
        onPointerLeave={broadcast.onPointerLeave}
        onMove={broadcast.onMove}
        onMoveStart={broadcast.onMoveStart}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDragOver={onDragOver}
        onDrop={onDrop}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!isReadOnly}
        nodesConnectable={!isReadOnly}
        edgesReconnectable={false}
        deleteKeyCode={isReadOnly ? null : ["Delete", "Backspace"]}
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={snapGrid}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        aria-label="Threat model diagram"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
        <MiniMap pannable zoomable nodeColor={minimapColour} ariaLabel="Diagram overview" />
        <Controls showInteractive={false} />
        <PeerCursors />
        <FollowView centreOf={broadcast.centreOf} />
      </ReactFlow>
    </OverviewContext.Provider>
  );
}

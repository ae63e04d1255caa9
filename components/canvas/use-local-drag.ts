"use client";

import {
  applyNodeChanges,
  type NodeChange,
  type NodePositionChange,
  useStoreApi,
  type XYPosition,
} from "@xyflow/react";
import { useCallback, useMemo, useRef } from "react";
import type { CanvasNode, FlowEdge } from "@/lib/domain/flow-mapping";

type MidDrag = NodePositionChange & { position: XYPosition; dragging: true };

const isMidDrag = (change: NodeChange<CanvasNode>): change is MidDrag =>
  change.type === "position" && change.dragging === true && change.position !== undefined;

/**
 * Keeps a drag inside React Flow until it ends (docs/decisions/0012-local-drag.md).
 *
 * Mid-drag positions go straight to React Flow's own store, so a frame of a drag re-renders the
 * dragged elements and their flows, not the editor around the canvas. The canvas store, and with it
 * the document, undo and the live session, takes the final position when the drag ends, as it
 * always did. Nodes handed to React Flow while a drag runs (a collaborator's edit arriving, say)
 * keep the dragged elements where the pointer has them.
 */
export function useLocalDrag(
  nodes: CanvasNode[],
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void,
  isReadOnly: boolean,
) {
  const flow = useStoreApi<CanvasNode, FlowEdge>();
  const moving = useRef(new Map<string, XYPosition>());

  const handleNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      if (!isReadOnly && changes.length > 0 && changes.every(isMidDrag)) {
        for (const change of changes) moving.current.set(change.id, change.position);
        const { nodes: current, setNodes } = flow.getState();
        setNodes(applyNodeChanges(changes, current));
        return;
      }
      for (const change of changes) if (change.type === "position") moving.current.delete(change.id);
      onNodesChange(changes);
    },
    [flow, isReadOnly, onNodesChange],
  );

  const shownNodes = useMemo(() => {
    const inFlight = moving.current;
    if (inFlight.size === 0) return nodes;
    return nodes.map((node) => {
      const position = inFlight.get(node.id);
      return position ? { ...node, position, dragging: true } : node;
    });
  }, [nodes]);

  return { nodes: shownNodes, onNodesChange: handleNodesChange };
}

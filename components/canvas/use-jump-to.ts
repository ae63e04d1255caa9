"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useCanvasStoreApi } from "@/lib/store/canvas-context";

/**
 * Selects an element or flow and brings it into view: an element is centred, a flow is fitted with
 * its two ends. `beforeJump` runs first (e.g. to switch to the diagram tab).
 */
export function useJumpTo(beforeJump?: () => void) {
  const store = useCanvasStoreApi();
  const { fitView, setCenter, getInternalNode } = useReactFlow();
  return useCallback(
    (id: string) => {
      beforeJump?.();
      const { document, select } = store.getState();
      select([id]);
      const flow = document.flows.find((f) => f.id === id);
      const ids = flow ? [flow.source, flow.target] : [id];
      requestAnimationFrame(() => {
        const nodes = ids.map((nodeId) => getInternalNode(nodeId)).filter((n) => n !== undefined);
        if (nodes.length === 1 && nodes[0]) {
          const { x, y } = nodes[0].internals.positionAbsolute;
          setCenter(x + (nodes[0].measured.width ?? 0) / 2, y + (nodes[0].measured.height ?? 0) / 2, {
            zoom: 1.2,
            duration: 300,
          });
        } else void fitView({ nodes: ids.map((nodeId) => ({ id: nodeId })), duration: 300, padding: 0.4 });
      });
    },
    [beforeJump, fitView, getInternalNode, setCenter, store],
  );
}

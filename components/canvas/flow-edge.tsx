"use client";

import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  type InternalNode,
  type ReactFlowState,
  useStore,
} from "@xyflow/react";
import { memo, useCallback, useContext, useLayoutEffect, useRef } from "react";
import type { FlowEdge } from "@/lib/domain/flow-mapping";
import { CommentMarker } from "./comments/comment-marker";
import { borderPoint, type Rect } from "./edge-geometry";
import { ThreatBadge } from "./nodes/threat-badge";
import { OverviewContext } from "./zoom";

type Ends = readonly [InternalNode | undefined, InternalNode | undefined];

// React Flow replaces an internal node's object whenever the node changes (moved, measured,
// re-parented), so the two ends compared by identity tell whether this flow must redraw.
const sameEnds = (a: Ends, b: Ends) => a[0] === b[0] && a[1] === b[1];

function rectOf(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return {
    x,
    y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/**
 * A data flow, drawn between the two elements' borders (not fixed handles): arrow toward the
 * target (both ways when bidirectional), dashed when unencrypted, label and lock when encrypted.
 */
function FlowEdgeView({ id, data, selected, markerEnd, source, target, style }: EdgeProps<FlowEdge>) {
  // Each flow follows only its own two elements, so a drag re-renders just the flows attached; one
  // subscription for both (it runs for every flow on every frame of a drag).
  const [sourceNode, targetNode] = useStore(
    useCallback(
      (s: ReactFlowState): Ends => [s.nodeLookup.get(source), s.nodeLookup.get(target)],
      [source, target],
    ),
    sameEnds,
  );
  const hidesLabel = useContext(OverviewContext);
  const moving = Boolean(sourceNode?.dragging || targetNode?.dragging);
  const group = useRef<SVGGElement>(null);
  // While one of its ends is dragged, the flow's own <svg> (React Flow wraps each edge in one) is
  // a compositor layer: redrawing it then repaints that flow alone, not every flow and node under
  // it, which in software rendering was the largest cost of a drag frame (docs/benchmarks.md).
  useLayoutEffect(() => {
    const svg = group.current?.ownerSVGElement;
    if (!svg) return;
    svg.style.willChange = moving ? "transform" : "";
  }, [moving]);
  if (!sourceNode || !targetNode) return null;
  const from = borderPoint(rectOf(sourceNode), rectOf(targetNode));
  const to = borderPoint(rectOf(targetNode), rectOf(sourceNode));
  const [path, labelX, labelY] = getBezierPath({
    sourceX: from.x,
    sourceY: from.y,
    sourcePosition: from.side,
    targetX: to.x,
    targetY: to.y,
    targetPosition: to.side,
  });
  // Someone else on the live canvas has this flow selected: their colour (live-layer.tsx).
  const peerColor = (style as Record<string, string> | undefined)?.["--peer-color"];
  const stroke = selected ? "#2452e0" : (peerColor ?? (data?.encrypted ? "#475569" : "#b45309"));
  return (
    <>
      <g ref={group}>
        <BaseEdge
          id={id}
          path={path}
          markerEnd={markerEnd}
          markerStart={data?.bidirectional ? markerEnd : undefined}
          // Diff styling (globals.css) overrides these through the --diff-* custom properties.
          style={{
            stroke: `var(--diff-stroke, ${stroke})`,
            strokeWidth: `var(--diff-stroke-width, ${selected || peerColor ? 2.5 : 1.6}px)`,
            strokeDasharray: `var(--diff-dash, ${data?.encrypted ? "none" : "6 4"})`,
          }}
        />
      </g>
      {hidesLabel ? null : (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-auto absolute flex items-center empty:hidden gap-1 rounded border border-slate-200 bg-white/95 px-1.5 py-0.5 text-[11px] text-slate-700 shadow-sm"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {data?.encrypted ? (
              <svg
                viewBox="0 0 12 12"
                className="size-3 text-slate-500"
                fill="currentColor"
                role="img"
                aria-label="encrypted"
              >
                <path d="M3.5 5V3.8a2.5 2.5 0 0 1 5 0V5H9a.5.5 0 0 1 .5.5v4a.5.5 0 0 1-.5.5H3a.5.5 0 0 1-.5-.5v-4A.5.5 0 0 1 3 5zm1 0h3V3.8a1.5 1.5 0 0 0-3 0z" />
              </svg>
            ) : null}
            {data?.label || data?.protocol ? (
              <span className="max-w-40 truncate">{data.label || data.protocol}</span>
            ) : null}
            <ThreatBadge targetId={id} />
            <CommentMarker targetId={id} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdgeComponent = memo(FlowEdgeView);

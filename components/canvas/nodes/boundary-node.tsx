"use client";

import { type NodeProps, NodeResizer } from "@xyflow/react";
import { memo } from "react";
import type { BoundaryNode } from "@/lib/domain/flow-mapping";
import { useCanvas } from "@/lib/store/canvas-context";
import { CommentMarker } from "../comments/comment-marker";

const TRUST_STYLE = {
  untrusted: "border-red-500 bg-red-500/[0.04] text-red-700",
  partner: "border-amber-500 bg-amber-500/[0.04] text-amber-700",
  internal: "border-sky-500 bg-sky-500/[0.03] text-sky-700",
  restricted: "border-violet-600 bg-violet-500/[0.05] text-violet-700",
} as const;

/** A trust boundary: a dashed region, resizable when selected, that carries what it contains. */
function BoundaryNodeView({ id, data, selected }: NodeProps<BoundaryNode>) {
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const level = data.properties.trustLevel;
  const style = level ? TRUST_STYLE[level] : "border-slate-400 bg-slate-500/[0.03] text-slate-600";
  return (
    <div
      className={`h-full w-full rounded-lg border-2 border-dashed ${style} ${selected ? "ring-2 ring-brand-500/60" : ""}`}
    >
      <NodeResizer isVisible={selected && !isReadOnly} minWidth={160} minHeight={100} color="#3b6cf6" />
      <div className="flex items-center gap-2 px-2.5 pt-1.5 text-xs font-semibold tracking-wide uppercase">
        <span className="truncate">{data.label || "Trust boundary"}</span>
        {level ? (
          <span className="rounded bg-white/80 px-1.5 py-px text-[10px] font-medium normal-case">
            {level}
          </span>
        ) : null}
        <CommentMarker targetId={id} />
      </div>
    </div>
  );
}

export const BoundaryNodeComponent = memo(BoundaryNodeView);

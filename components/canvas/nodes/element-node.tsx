"use client";

import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { ElementNode } from "@/lib/domain/flow-mapping";
import { KIND_INFO } from "@/lib/domain/kinds";
import { CommentMarker } from "../comments/comment-marker";
import { KindIcon } from "./kind-icon";
import { ThreatBadge } from "./threat-badge";

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

// DFD conventions: processes are rounded, data stores are open-sided with double rules, external
// entities are square boxes with a heavy frame. ML kinds keep their base shape with their own icon.
const SHAPE = {
  process: "rounded-[28px] border-2 border-sky-600 bg-sky-50 text-sky-950",
  datastore:
    "rounded-none border-y-[3px] border-double border-x-0 border-emerald-700 bg-emerald-50 text-emerald-950",
  "external-entity": "rounded-sm border-[3px] border-slate-700 bg-white text-slate-900",
} as const;

const ACCENT = {
  process: "text-sky-700",
  datastore: "text-emerald-700",
  "external-entity": "text-slate-700",
} as const;

function ElementNodeView({ id, type, data, selected }: NodeProps<ElementNode>) {
  const shape = SHAPE[type];
  const kindLabel = KIND_INFO[data.kind].label;
  return (
    <div
      className={`relative flex h-full w-full items-center gap-2 px-3 ${shape} ${selected ? "ring-2 ring-brand-500 ring-offset-2" : ""} ${data.outOfScope ? "opacity-50 [border-style:dashed]" : ""}`}
      data-kind={data.kind}
    >
      <span className={`kind-icon shrink-0 ${ACCENT[type]}`}>
        <KindIcon kind={data.kind} className="size-5" />
      </span>
      <span className="min-w-0">
        <span className="line-clamp-2 text-[12.5px] leading-tight font-semibold break-words">
          {data.label || "Untitled"}
        </span>
        <span className="block truncate text-[10.5px] text-slate-500 capitalize">
          {kindLabel}
          {data.outOfScope ? " · out of scope" : ""}
        </span>
      </span>
      <ThreatBadge targetId={id} className="absolute -top-2.5 -right-2.5" />
      <CommentMarker targetId={id} className="absolute -top-2.5 -left-2.5" />
      {SIDES.map((side) => (
        <Handle
          key={side}
          id={side}
          type="source"
          position={side}
          className="!size-2.5 !border-white !bg-slate-500"
        />
      ))}
    </div>
  );
}

export const ElementNodeComponent = memo(ElementNodeView);

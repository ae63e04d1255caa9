"use client";

import { useReactFlow } from "@xyflow/react";
import { type DragEvent, memo } from "react";
import { ELEMENT_KINDS, type ElementKind, KIND_INFO } from "@/lib/domain/kinds";
import { useCanvas } from "@/lib/store/canvas-context";
import { freeSpot } from "./free-spot";
import { KindIcon } from "./nodes/kind-icon";

export const PALETTE_MIME = "application/x-trustboard-kind";

const DFD: ElementKind[] = ["process", "datastore", "external-entity", "trust-boundary"];
const ML = ELEMENT_KINDS.filter((kind) => !DFD.includes(kind));

/** Every element kind: click (or Enter) adds one in the middle of the view; drag places it. */
function PaletteView() {
  const addElement = useCanvas((s) => s.addElement);
  const select = useCanvas((s) => s.select);
  const { screenToFlowPosition, getNodes, getInternalNode } = useReactFlow();

  const addAtCentre = (kind: ElementKind) => {
    const pane = document.querySelector(".react-flow__pane")?.getBoundingClientRect();
    const centre = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    const { width, height } = KIND_INFO[kind].defaultSize;
    const corners = getNodes()
      .filter((node) => node.type !== "boundary")
      .flatMap((node) => getInternalNode(node.id)?.internals.positionAbsolute ?? []);
    const id = addElement(
      kind,
      freeSpot({ x: Math.round(centre.x - width / 2), y: Math.round(centre.y - height / 2) }, corners),
    );
    select([id]);
  };

  const onDragStart = (event: DragEvent, kind: ElementKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = "copy";
  };

  const group = (title: string, kinds: ElementKind[]) => (
    <div>
      <h3 className="px-3 pt-3 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </h3>
      <ul className="space-y-0.5 px-1.5">
        {kinds.map((kind) => {
          const label = KIND_INFO[kind].label;
          return (
            <li key={kind}>
              <button
                type="button"
                draggable
                onDragStart={(event) => onDragStart(event, kind)}
                onClick={() => addAtCentre(kind)}
                aria-label={`Add ${label}`}
                title={KIND_INFO[kind].description}
                className="flex w-full cursor-grab items-center gap-2 rounded-md px-2 py-1.5 text-left text-[13px] text-slate-700 hover:bg-slate-100 active:cursor-grabbing"
              >
                <KindIcon kind={kind} className="size-4 shrink-0 text-slate-500" />
                <span className="truncate first-letter:uppercase">{label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );

  return (
    <nav
      aria-label="Element palette"
      className="h-full overflow-y-auto border-r border-slate-200 bg-white pb-4"
    >
      {group("Data-flow diagram", DFD)}
      {group("ML and AI", ML)}
    </nav>
  );
}

export const Palette = memo(PaletteView);

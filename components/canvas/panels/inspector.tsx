"use client";

import { useMemo } from "react";
import { useCanvas } from "@/lib/store/canvas-context";
import { ElementInspector } from "./element-inspector";
import { FlowInspector } from "./flow-inspector";
import { ModelPanel } from "./model-panel";
import { PanelButton, PanelSection } from "./panel-controls";

/**
 * The side panel's content for the current selection: the model overview when nothing is
 * selected, an element or flow editor for one, a count and bulk delete for several. Each editor is
 * keyed by id so its local state (what is expanded, drafts) resets when the selection changes.
 */
export function Inspector() {
  const selectedIds = useCanvas((s) => s.selectedIds);
  const [first] = selectedIds;
  if (first === undefined) return <ModelPanel />;
  if (selectedIds.length > 1) return <MultiSelection ids={selectedIds} />;
  return <SingleSelection key={first} id={first} />;
}

function SingleSelection({ id }: { id: string }) {
  const type = useCanvas((s) =>
    s.document.elements.some((e) => e.id === id)
      ? "element"
      : s.document.flows.some((f) => f.id === id)
        ? "flow"
        : null,
  );
  if (type === "element") return <ElementInspector id={id} />;
  if (type === "flow") return <FlowInspector id={id} />;
  return <ModelPanel />;
}

function MultiSelection({ ids }: { ids: readonly string[] }) {
  // A set, so counting stays linear even with everything selected while it is dragged.
  const selected = useMemo(() => new Set(ids), [ids]);
  const elementCount = useCanvas((s) => s.document.elements.filter((e) => selected.has(e.id)).length);
  const flowCount = useCanvas((s) => s.document.flows.filter((f) => selected.has(f.id)).length);
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const deleteSelection = useCanvas((s) => s.deleteSelection);
  const parts = [
    elementCount > 0 ? `${elementCount} ${elementCount === 1 ? "element" : "elements"}` : null,
    flowCount > 0 ? `${flowCount} ${flowCount === 1 ? "flow" : "flows"}` : null,
  ].filter(Boolean);
  return (
    <PanelSection title="Selection">
      <p className="text-sm text-slate-800">
        <span className="font-semibold">{ids.length} items selected</span>
        {parts.length > 0 ? <span className="text-slate-500"> ({parts.join(", ")})</span> : null}
      </p>
      <p className="text-xs text-slate-500">
        Select a single element or flow to edit its properties and threats.
      </p>
      {isReadOnly ? null : (
        <div>
          <PanelButton variant="danger" onClick={deleteSelection}>
            Delete selected
          </PanelButton>
          <p className="mt-2 text-xs text-slate-500">
            Flows attached to deleted elements go too; threats stay in the model. Undo restores everything.
          </p>
        </div>
      )}
    </PanelSection>
  );
}

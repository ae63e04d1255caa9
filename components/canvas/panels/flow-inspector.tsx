"use client";

import { useMemo } from "react";
import { crossedBoundaries, crossesToHigherTrust } from "@/lib/domain/boundaries";
import { DATA_CLASSIFICATIONS, type Flow } from "@/lib/domain/document";
import { useCanvas } from "@/lib/store/canvas-context";
import { CLASSIFICATION_LABELS, humanize, optionsOf } from "./labels";
import { Checkbox, CheckboxGroup, PanelSection, SelectInput, TextInput } from "./panel-controls";
import { TargetThreats } from "./threat-editor";

const CLASSIFICATIONS = optionsOf(DATA_CLASSIFICATIONS, CLASSIFICATION_LABELS);

/** The side panel for one selected data flow. */
export function FlowInspector({ id }: { id: string }) {
  const flow = useCanvas((s) => s.document.flows.find((f) => f.id === id));
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const updateFlow = useCanvas((s) => s.updateFlow);
  if (!flow) return null;
  const key = (field: string) => `flow:${id}:${field}`;

  return (
    <div>
      <PanelSection title="Data flow">
        <Ends flow={flow} />
        <TextInput
          label="Label"
          value={flow.label ?? ""}
          placeholder="What data moves here?"
          isReadOnly={isReadOnly}
          onChange={(label) => updateFlow(id, { label }, key("label"))}
        />
        <div className="grid grid-cols-2 gap-2">
          <TextInput
            label="Protocol"
            value={flow.protocol ?? ""}
            placeholder="HTTPS, gRPC, S3"
            isReadOnly={isReadOnly}
            onChange={(protocol) =>
              updateFlow(id, { protocol: protocol === "" ? undefined : protocol }, key("protocol"))
            }
          />
          <SelectInput
            label="Data classification"
            value={flow.dataClassification}
            options={CLASSIFICATIONS}
            unsetLabel="Not classified"
            isReadOnly={isReadOnly}
            onChange={(dataClassification) => updateFlow(id, { dataClassification })}
          />
        </div>
        <CheckboxGroup legend="Protection">
          <Checkbox
            label="Encrypted in transit"
            checked={flow.encrypted}
            isReadOnly={isReadOnly}
            onChange={(encrypted) => updateFlow(id, { encrypted })}
          />
          <Checkbox
            label="Authenticated"
            description="Each end verifies who the other is."
            checked={flow.authenticated}
            isReadOnly={isReadOnly}
            onChange={(authenticated) => updateFlow(id, { authenticated })}
          />
          <Checkbox
            label="Bidirectional"
            description="Data moves both ways."
            checked={flow.bidirectional}
            isReadOnly={isReadOnly}
            onChange={(bidirectional) => updateFlow(id, { bidirectional })}
          />
        </CheckboxGroup>
      </PanelSection>
      <Boundaries flow={flow} />
      <TargetThreats targetId={id} />
    </div>
  );
}

function Ends({ flow }: { flow: Flow }) {
  const source = useCanvas((s) => s.document.elements.find((e) => e.id === flow.source)?.label);
  const target = useCanvas((s) => s.document.elements.find((e) => e.id === flow.target)?.label);
  return (
    <p className="flex flex-wrap items-center gap-1.5 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-800">
      <span className="font-medium break-words">{source || flow.source}</span>
      <span aria-hidden className="text-slate-400">
        {flow.bidirectional ? "⇄" : "→"}
      </span>
      <span className="sr-only">{flow.bidirectional ? "and" : "to"}</span>
      <span className="font-medium break-words">{target || flow.target}</span>
    </p>
  );
}

/** The trust boundaries the flow crosses, derived from where its ends sit. */
function Boundaries({ flow }: { flow: Flow }) {
  const elements = useCanvas((s) => s.document.elements);
  const { crossed, isEscalating } = useMemo(() => {
    const doc = { elements };
    return { crossed: crossedBoundaries(doc, flow), isEscalating: crossesToHigherTrust(doc, flow) };
  }, [elements, flow]);

  return (
    <PanelSection title="Trust boundaries">
      {isEscalating ? (
        <div
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900"
        >
          <p className="font-semibold">Crosses into higher trust</p>
          <p className="mt-0.5">
            Data enters a more trusted zone here: check authentication, input validation and what the receiver
            does with it.
          </p>
        </div>
      ) : null}
      {crossed.length === 0 ? (
        <p className="text-sm text-slate-500">Stays inside one trust zone.</p>
      ) : (
        <ol className="space-y-1.5">
          {crossed.map((boundary) => (
            <li
              key={`${boundary.id}-${boundary.direction}`}
              className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-2.5 py-1.5 text-sm"
            >
              <span className="min-w-0 break-words">
                <span className="text-slate-500">
                  {boundary.direction === "leaves" ? "Leaves " : "Enters "}
                </span>
                <span className="font-medium text-slate-900">{boundary.label || boundary.id}</span>
              </span>
              <span className="shrink-0 text-xs text-slate-500">
                {boundary.trustLevel ? humanize(boundary.trustLevel) : "No trust level"}
              </span>
            </li>
          ))}
        </ol>
      )}
    </PanelSection>
  );
}

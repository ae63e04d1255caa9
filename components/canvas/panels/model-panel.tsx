"use client";

import { type Scope, SystemTypeSchema } from "@/lib/domain/document";
import { useCanvas } from "@/lib/store/canvas-context";
import { AssetsPanel } from "./assets-panel";
import { optionsOf, SYSTEM_TYPE_LABELS } from "./labels";
import { PanelSection, SelectInput, TextInput } from "./panel-controls";
import { StringListEditor } from "./string-list-editor";

const SYSTEM_TYPES = optionsOf(SystemTypeSchema.options, SYSTEM_TYPE_LABELS);

/** What the side panel shows with nothing selected: the model's scope, assumptions and assets. */
export function ModelPanel() {
  const title = useCanvas((s) => s.document.title);
  const description = useCanvas((s) => s.document.description);
  const scope = useCanvas((s) => s.document.scope);
  const assumptions = useCanvas((s) => s.document.assumptions);
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const updateMeta = useCanvas((s) => s.updateMeta);

  const setScope = <K extends keyof Scope>(key: K, value: Scope[K]) =>
    updateMeta({ scope: { ...scope, [key]: value } }, `meta:scope:${key}`);

  return (
    <div>
      <PanelSection title="Threat model">
        <p className="text-xs text-slate-500">
          Nothing is selected. Select an element or a flow on the canvas to edit it and its threats.
        </p>
        <TextInput
          label="Title"
          value={title}
          isReadOnly={isReadOnly}
          onChange={(value) => updateMeta({ title: value }, "meta:title")}
        />
        <TextInput
          label="Description"
          value={description}
          isMultiline
          rows={4}
          isReadOnly={isReadOnly}
          onChange={(value) => updateMeta({ description: value }, "meta:description")}
        />
      </PanelSection>
      <PanelSection title="Scope">
        <TextInput
          label="Purpose"
          value={scope.purpose}
          isMultiline
          isReadOnly={isReadOnly}
          placeholder="What does the system do, for whom?"
          onChange={(value) => setScope("purpose", value)}
        />
        <SelectInput
          label="System type"
          value={scope.systemType}
          options={SYSTEM_TYPES}
          isReadOnly={isReadOnly}
          onChange={(value) => setScope("systemType", value ?? "other")}
        />
        <TextInput
          label="Success criteria"
          value={scope.successCriteria}
          isMultiline
          isReadOnly={isReadOnly}
          placeholder="What must hold for the system to be secure enough?"
          onChange={(value) => setScope("successCriteria", value)}
        />
        <TextInput
          label="Harm we must avoid"
          value={scope.harmDefinition}
          isMultiline
          isReadOnly={isReadOnly}
          placeholder="What outcome would count as harm?"
          onChange={(value) => setScope("harmDefinition", value)}
        />
      </PanelSection>
      <PanelSection title="Assumptions">
        <StringListEditor
          label="Assumptions"
          itemNoun="assumption"
          hideLabel
          items={assumptions}
          isMultiline
          isReadOnly={isReadOnly}
          placeholder="Add an assumption"
          onChange={(items, key) => updateMeta({ assumptions: items }, key && `meta:assumptions:${key}`)}
        />
      </PanelSection>
      <AssetsPanel />
    </div>
  );
}

"use client";

import { boundaryChain, effectiveTrustLevel } from "@/lib/domain/boundaries";
import type { Element } from "@/lib/domain/document";
import { KIND_INFO } from "@/lib/domain/kinds";
import { useCanvas } from "@/lib/store/canvas-context";
import { attachAsset } from "./entry-edits";
import { KindPropertiesForm } from "./kind-properties-form";
import { humanize } from "./labels";
import { Checkbox, CheckboxGroup, Chip, PanelSection, TextInput } from "./panel-controls";
import { TargetThreats } from "./threat-editor";

/** The side panel for one selected element (or trust boundary). */
export function ElementInspector({ id }: { id: string }) {
  const element = useCanvas((s) => s.document.elements.find((e) => e.id === id));
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const updateElement = useCanvas((s) => s.updateElement);
  if (!element) return null;
  const info = KIND_INFO[element.kind];
  const isBoundary = element.kind === "trust-boundary";

  return (
    <div>
      <PanelSection title={isBoundary ? "Trust boundary" : "Element"}>
        <div className="flex flex-wrap items-center gap-1.5">
          <Chip tone="brand">{humanize(info.label)}</Chip>
          {info.baseType !== element.kind ? <Chip>DFD {humanize(info.baseType).toLowerCase()}</Chip> : null}
          {element.outOfScope ? <Chip tone="amber">Out of scope</Chip> : null}
        </div>
        <p className="text-xs text-slate-500">{info.description}</p>
        <TextInput
          label="Label"
          value={element.label}
          isReadOnly={isReadOnly}
          onChange={(label) => updateElement(id, { label }, `element:${id}:label`)}
        />
        <Location id={id} isBoundary={isBoundary} />
      </PanelSection>
      <PanelSection title="Properties">
        <KindPropertiesForm element={element} />
      </PanelSection>
      <PanelSection title="Scope">
        <Checkbox
          label="Out of scope"
          description="Excluded from this threat model's analysis."
          checked={element.outOfScope}
          isReadOnly={isReadOnly}
          onChange={(outOfScope) => updateElement(id, { outOfScope })}
        />
        {element.outOfScope || element.outOfScopeReason ? (
          <TextInput
            label="Why it is out of scope"
            value={element.outOfScopeReason ?? ""}
            isMultiline
            rows={2}
            isRequired={element.outOfScope}
            error={
              element.outOfScope && !element.outOfScopeReason?.trim() && !isReadOnly
                ? "Say why, so reviewers can agree."
                : null
            }
            isReadOnly={isReadOnly}
            onChange={(value) =>
              updateElement(id, { outOfScopeReason: value === "" ? undefined : value }, `element:${id}:oos`)
            }
          />
        ) : null}
      </PanelSection>
      {isBoundary ? null : <ElementAssets element={element} />}
      <TargetThreats targetId={id} />
    </div>
  );
}

/** Where the element sits: its innermost trust boundary and the trust level it runs at (derived). */
function Location({ id, isBoundary }: { id: string; isBoundary: boolean }) {
  const boundary = useCanvas((s) => boundaryChain(s.document, id)[0]);
  const trust = useCanvas((s) => effectiveTrustLevel(s.document, id));
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-xs">
      <dt className="text-slate-500">{isBoundary ? "Nested in" : "Trust boundary"}</dt>
      <dd className="font-medium break-words text-slate-800">
        {boundary ? boundary.label || boundary.id : "None (outside every boundary)"}
      </dd>
      {isBoundary ? null : (
        <>
          <dt className="text-slate-500">Runs at trust</dt>
          <dd className="font-medium text-slate-800">{humanize(trust)}</dd>
        </>
      )}
    </dl>
  );
}

function ElementAssets({ element }: { element: Element }) {
  const assets = useCanvas((s) => s.document.assets);
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const upsertAsset = useCanvas((s) => s.upsertAsset);
  return (
    <PanelSection title="Assets">
      <CheckboxGroup
        legend="Assets stored or processed here"
        empty={assets.length === 0 ? "No assets yet. Add them with nothing selected." : undefined}
      >
        {assets.map((asset) => (
          <Checkbox
            key={asset.id}
            label={asset.name}
            description={asset.type}
            checked={asset.elementIds.includes(element.id)}
            isReadOnly={isReadOnly}
            onChange={(checked) => upsertAsset(attachAsset(asset, element.id, checked))}
          />
        ))}
      </CheckboxGroup>
    </PanelSection>
  );
}

"use client";

import { useState } from "react";
import { type Asset, CiaLevelSchema, DATA_CLASSIFICATIONS, ProvenanceSchema } from "@/lib/domain/document";
import { useCanvas } from "@/lib/store/canvas-context";
import { newId } from "@/lib/store/ids";
import { Disclosure } from "./disclosure";
import { RequiredTextInput } from "./draft-inputs";
import { attachAsset, newAsset, withOptional } from "./entry-edits";
import { CIA_LABELS, CLASSIFICATION_LABELS, labelOf, optionsOf, PROVENANCE_LABELS } from "./labels";
import { Checkbox, CheckboxGroup, PanelButton, PanelSection, SelectInput, TextInput } from "./panel-controls";

const CLASSIFICATIONS = optionsOf(DATA_CLASSIFICATIONS, CLASSIFICATION_LABELS);
const PROVENANCES = optionsOf(ProvenanceSchema.options, PROVENANCE_LABELS);
const CIA_LEVELS = optionsOf(CiaLevelSchema.options, CIA_LABELS);
type Cia = NonNullable<Asset["cia"]>;
const CIA_KEYS: readonly (readonly [keyof Cia, string])[] = [
  ["confidentiality", "Confidentiality"],
  ["integrity", "Integrity"],
  ["availability", "Availability"],
];

/** The model's assets: what an attacker wants or what must not break, and where it lives. */
export function AssetsPanel() {
  const assets = useCanvas((s) => s.document.assets);
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const upsertAsset = useCanvas((s) => s.upsertAsset);
  const [openId, setOpenId] = useState<string | null>(null);

  const add = () => {
    const asset = newAsset(newId("a"));
    upsertAsset(asset);
    setOpenId(asset.id);
  };

  return (
    <PanelSection
      title={`Assets (${assets.length})`}
      actions={isReadOnly ? null : <PanelButton onClick={add}>Add asset</PanelButton>}
    >
      {assets.length === 0 ? (
        <p className="text-sm text-slate-500">
          No assets yet. Assets are what an attacker wants: training data, model weights, API keys.
        </p>
      ) : (
        <ul className="space-y-2">
          {assets.map((asset) => (
            <Disclosure
              key={asset.id}
              title={asset.name}
              isOpen={openId === asset.id}
              onToggle={() => setOpenId(openId === asset.id ? null : asset.id)}
              meta={<AssetSummary asset={asset} />}
            >
              <AssetForm asset={asset} onDeleted={() => setOpenId(null)} />
            </Disclosure>
          ))}
        </ul>
      )}
    </PanelSection>
  );
}

function AssetSummary({ asset }: { asset: Asset }) {
  const parts = [
    asset.classification ? labelOf(CLASSIFICATION_LABELS, asset.classification) : null,
    asset.provenance ? labelOf(PROVENANCE_LABELS, asset.provenance) : null,
    `${asset.elementIds.length} ${asset.elementIds.length === 1 ? "element" : "elements"}`,
  ].filter(Boolean);
  return <span className="text-xs text-slate-500">{parts.join(" · ")}</span>;
}

function AssetForm({ asset, onDeleted }: { asset: Asset; onDeleted: () => void }) {
  const elements = useCanvas((s) => s.document.elements);
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const upsertAsset = useCanvas((s) => s.upsertAsset);
  const remove = useCanvas((s) => s.remove);
  const key = (field: string) => `asset:${asset.id}:${field}`;
  const attachable = elements.filter((element) => element.kind !== "trust-boundary");

  const setCia = (field: keyof Cia, value: Cia[keyof Cia]) => {
    const cia: Cia = { ...asset.cia };
    if (value) cia[field] = value;
    else delete cia[field];
    upsertAsset(Object.keys(cia).length > 0 ? { ...asset, cia } : withOptional(asset, "cia", undefined));
  };

  return (
    <>
      <RequiredTextInput
        label="Name"
        value={asset.name}
        isReadOnly={isReadOnly}
        onCommit={(name) => upsertAsset({ ...asset, name }, key("name"))}
      />
      <TextInput
        label="Type"
        value={asset.type ?? ""}
        placeholder="training data, model weights, API keys"
        isReadOnly={isReadOnly}
        onChange={(value) => upsertAsset(withOptional(asset, "type", value), key("type"))}
      />
      <div className="grid grid-cols-2 gap-2">
        <SelectInput
          label="Classification"
          value={asset.classification}
          options={CLASSIFICATIONS}
          unsetLabel="Not classified"
          isReadOnly={isReadOnly}
          onChange={(value) => upsertAsset(withOptional(asset, "classification", value))}
        />
        <SelectInput
          label="Provenance"
          value={asset.provenance}
          options={PROVENANCES}
          unsetLabel="Unknown"
          isReadOnly={isReadOnly}
          onChange={(value) => upsertAsset(withOptional(asset, "provenance", value))}
        />
      </div>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-600">Security needs (CIA)</legend>
        <div className="grid grid-cols-3 gap-2">
          {CIA_KEYS.map(([field, label]) => (
            <SelectInput
              key={field}
              label={label}
              value={asset.cia?.[field]}
              options={CIA_LEVELS}
              unsetLabel="Unset"
              isReadOnly={isReadOnly}
              onChange={(value) => setCia(field, value)}
            />
          ))}
        </div>
      </fieldset>
      <CheckboxGroup
        legend="Where it lives"
        empty={attachable.length === 0 ? "Add elements to the diagram to attach this asset." : undefined}
      >
        <div className="max-h-48 overflow-y-auto rounded-md border border-slate-200 p-1">
          {attachable.map((element) => (
            <Checkbox
              key={element.id}
              label={element.label || element.id}
              checked={asset.elementIds.includes(element.id)}
              isReadOnly={isReadOnly}
              onChange={(checked) => upsertAsset(attachAsset(asset, element.id, checked))}
            />
          ))}
        </div>
      </CheckboxGroup>
      {isReadOnly ? null : (
        <div className="flex justify-end">
          <PanelButton
            variant="danger"
            onClick={() => {
              remove([asset.id]);
              onDeleted();
            }}
          >
            Delete asset
          </PanelButton>
        </div>
      )}
    </>
  );
}

"use client";

import { useMemo, useState } from "react";
import { CATALOG_MITIGATIONS, findCatalogMitigation, findCatalogThreat } from "@/lib/catalog";
import type { Mitigation, Threat } from "@/lib/domain/document";
import { useCanvas } from "@/lib/store/canvas-context";
import { newId } from "@/lib/store/ids";
import { Disclosure } from "./disclosure";
import { linkMitigation, mitigationFromCatalog, newMitigation } from "./entry-edits";
import { labelOf, MITIGATION_STATUS_LABELS } from "./labels";
import { MitigationEditor } from "./mitigation-editor";
import { Chip, PanelButton, SelectInput } from "./panel-controls";

const IN_PLACE = new Set<Mitigation["status"]>(["implemented", "verified"]);

/**
 * The mitigations linked to one threat (a many-to-many link stored on the mitigation), with ways
 * to link an existing one, add one from the starter catalog, or write a custom one.
 */
export function ThreatMitigations({ threat }: { threat: Threat }) {
  const mitigations = useCanvas((s) => s.document.mitigations);
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const upsertMitigation = useCanvas((s) => s.upsertMitigation);
  const [openId, setOpenId] = useState<string | null>(null);
  const linked = useMemo(
    () => mitigations.filter((mitigation) => mitigation.threatIds.includes(threat.id)),
    [mitigations, threat.id],
  );

  const addCustom = () => {
    const mitigation = newMitigation(newId("m"), threat.id);
    upsertMitigation(mitigation);
    setOpenId(mitigation.id);
  };

  return (
    <div className="space-y-3">
      {linked.length === 0 ? (
        <p className="text-sm text-slate-500">No mitigations linked yet.</p>
      ) : (
        <ul className="space-y-2">
          {linked.map((mitigation) => (
            <Disclosure
              key={mitigation.id}
              title={mitigation.title}
              isOpen={openId === mitigation.id}
              onToggle={() => setOpenId(openId === mitigation.id ? null : mitigation.id)}
              meta={<MitigationSummary mitigation={mitigation} />}
            >
              <MitigationEditor mitigation={mitigation} onDeleted={() => setOpenId(null)} />
              {isReadOnly ? null : (
                <PanelButton
                  variant="ghost"
                  onClick={() => upsertMitigation(linkMitigation(mitigation, threat.id, false))}
                >
                  Unlink from this threat
                </PanelButton>
              )}
            </Disclosure>
          ))}
        </ul>
      )}
      {isReadOnly ? null : (
        <>
          <LinkExisting threat={threat} mitigations={mitigations} />
          <AddFromCatalog threat={threat} mitigations={mitigations} onAdded={setOpenId} />
          <PanelButton onClick={addCustom}>New custom mitigation</PanelButton>
        </>
      )}
    </div>
  );
}

function MitigationSummary({ mitigation }: { mitigation: Mitigation }) {
  const isInPlace = IN_PLACE.has(mitigation.status);
  return (
    <>
      <Chip tone={isInPlace ? "brand" : "slate"}>{labelOf(MITIGATION_STATUS_LABELS, mitigation.status)}</Chip>
      <span className="text-xs text-slate-500 tabular-nums">
        {mitigation.effectiveness === undefined
          ? "Effectiveness not set"
          : `${mitigation.effectiveness}% effective`}
      </span>
      {mitigation.catalogId ? (
        <span className="font-mono text-xs text-slate-400">{mitigation.catalogId}</span>
      ) : null}
    </>
  );
}

type PickerProps = { threat: Threat; mitigations: readonly Mitigation[] };

/** Choose, then press the button: a select alone would link on every arrow key press. */
function LinkExisting({ threat, mitigations }: PickerProps) {
  const upsertMitigation = useCanvas((s) => s.upsertMitigation);
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const options = mitigations
    .filter((mitigation) => !mitigation.threatIds.includes(threat.id))
    .map((mitigation) => ({ value: mitigation.id, label: mitigation.title }));
  if (options.length === 0) return null;
  const chosen = mitigations.find((mitigation) => mitigation.id === choice);
  return (
    <div className="flex items-end gap-1.5">
      <SelectInput
        label="Link mitigation"
        className="min-w-0 flex-1"
        value={chosen ? choice : undefined}
        options={options}
        unsetLabel="Choose a mitigation"
        onChange={setChoice}
      />
      <PanelButton
        disabled={!chosen}
        onClick={() => {
          if (chosen) upsertMitigation(linkMitigation(chosen, threat.id));
          setChoice(undefined);
        }}
      >
        Link
      </PanelButton>
    </div>
  );
}

function AddFromCatalog({ threat, mitigations, onAdded }: PickerProps & { onAdded: (id: string) => void }) {
  const upsertMitigation = useCanvas((s) => s.upsertMitigation);
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const linkedCatalogIds = new Set(
    mitigations.filter((m) => m.threatIds.includes(threat.id)).map((m) => m.catalogId),
  );
  // The controls the threat's catalog entry recommends come first.
  const recommended = new Set(
    threat.catalogId ? (findCatalogThreat(threat.catalogId)?.mitigationIds ?? []) : [],
  );
  const options = [...CATALOG_MITIGATIONS]
    .filter((entry) => !linkedCatalogIds.has(entry.id))
    .sort((a, b) => Number(recommended.has(b.id)) - Number(recommended.has(a.id)))
    .map((entry) => ({
      value: entry.id,
      label: `${recommended.has(entry.id) ? "Recommended: " : ""}${entry.title} (${entry.id})`,
    }));
  const entry = choice === undefined ? undefined : findCatalogMitigation(choice);
  return (
    <div>
      <div className="flex items-end gap-1.5">
        <SelectInput
          label="Add from catalog"
          className="min-w-0 flex-1"
          value={entry ? choice : undefined}
          options={options}
          unsetLabel="Choose a control from the catalog"
          onChange={setChoice}
        />
        <PanelButton
          disabled={!entry}
          onClick={() => {
            if (!entry) return;
            const mitigation = mitigationFromCatalog(mitigations, entry, threat.id, () => newId("m"));
            upsertMitigation(mitigation);
            onAdded(mitigation.id);
            setChoice(undefined);
          }}
        >
          Add
        </PanelButton>
      </div>
      {entry ? <p className="mt-1 text-xs text-slate-500">{entry.description}</p> : null}
    </div>
  );
}

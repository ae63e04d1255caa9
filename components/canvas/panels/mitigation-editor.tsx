"use client";

import { useId } from "react";
import { MITIGATION_STATUSES, type Mitigation, NistFunctionSchema } from "@/lib/domain/document";
import { useCanvas } from "@/lib/store/canvas-context";
import { RequiredTextInput } from "./draft-inputs";
import { needsMitigationReason, parseEffectiveness, toggleIn, withOptional } from "./entry-edits";
import { EvidenceEditor } from "./evidence-editor";
import { MITIGATION_STATUS_LABELS, NIST_LABELS, optionsOf } from "./labels";
import { Checkbox, CheckboxGroup, CONTROL_BASE, PanelButton, SelectInput, TextInput } from "./panel-controls";

const STATUSES = optionsOf(MITIGATION_STATUSES, MITIGATION_STATUS_LABELS);
const NIST = optionsOf(NistFunctionSchema.options, NIST_LABELS);

type Props = { mitigation: Mitigation; onDeleted: () => void };
type TextField = "description" | "statusReason" | "owner" | "rationale" | "dueDate";

/**
 * Every field of one mitigation. Linked threats are edited here too (many-to-many): the residual
 * risk of each linked threat is derived from the document, so it updates as soon as this changes.
 */
export function MitigationEditor({ mitigation, onDeleted }: Props) {
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const upsertMitigation = useCanvas((s) => s.upsertMitigation);
  const remove = useCanvas((s) => s.remove);
  const update = (next: Mitigation, field?: string) =>
    upsertMitigation(next, field ? `mitigation:${mitigation.id}:${field}` : undefined);
  const setText = (field: TextField, value: string) => update(withOptional(mitigation, field, value), field);
  const needsReason = needsMitigationReason(mitigation.status);

  return (
    <div className="space-y-3">
      <RequiredTextInput
        label="Title"
        value={mitigation.title}
        isReadOnly={isReadOnly}
        onCommit={(title) => update({ ...mitigation, title }, "title")}
      />
      <TextInput
        label="Description"
        value={mitigation.description ?? ""}
        isMultiline
        isReadOnly={isReadOnly}
        onChange={(value) => setText("description", value)}
      />
      <div className="grid grid-cols-2 gap-2">
        <SelectInput
          label="Status"
          value={mitigation.status}
          options={STATUSES}
          isReadOnly={isReadOnly}
          onChange={(status) => update({ ...mitigation, status: status ?? "proposed" })}
        />
        <SelectInput
          label="NIST AI RMF function"
          value={mitigation.nistFunction}
          options={NIST}
          unsetLabel="Not set"
          isReadOnly={isReadOnly}
          onChange={(value) => update(withOptional(mitigation, "nistFunction", value))}
        />
      </div>
      <TextInput
        label="Status reason"
        value={mitigation.statusReason ?? ""}
        isMultiline
        rows={2}
        isRequired={needsReason}
        isReadOnly={isReadOnly}
        placeholder={needsReason ? "Why was it rejected?" : "Optional"}
        error={
          needsReason && !mitigation.statusReason?.trim() && !isReadOnly ? "Say why it was rejected." : null
        }
        onChange={(value) => setText("statusReason", value)}
      />
      <div className="grid grid-cols-2 gap-2">
        <TextInput
          label="Owner"
          value={mitigation.owner ?? ""}
          isReadOnly={isReadOnly}
          onChange={(value) => setText("owner", value)}
        />
        <TextInput
          label="Due date"
          type="date"
          value={mitigation.dueDate ?? ""}
          isReadOnly={isReadOnly}
          onChange={(value) => setText("dueDate", value)}
        />
      </div>
      <Effectiveness
        value={mitigation.effectiveness}
        isReadOnly={isReadOnly}
        onChange={(effectiveness) =>
          update(withOptional(mitigation, "effectiveness", effectiveness), "effectiveness")
        }
      />
      <TextInput
        label="Rationale"
        value={mitigation.rationale ?? ""}
        isMultiline
        rows={2}
        placeholder="Why this control fits these threats"
        isReadOnly={isReadOnly}
        onChange={(value) => setText("rationale", value)}
      />
      <EvidenceEditor
        evidence={mitigation.evidence}
        isReadOnly={isReadOnly}
        onChange={(evidence) => update({ ...mitigation, evidence })}
      />
      <LinkedThreats mitigation={mitigation} isReadOnly={isReadOnly} onChange={update} />
      {mitigation.catalogId ? (
        <p className="text-xs text-slate-500">
          From catalog entry <span className="font-mono">{mitigation.catalogId}</span>
        </p>
      ) : null}
      {isReadOnly ? null : (
        <div className="flex justify-end">
          <PanelButton
            variant="danger"
            onClick={() => {
              remove([mitigation.id]);
              onDeleted();
            }}
          >
            Delete mitigation
          </PanelButton>
        </div>
      )}
    </div>
  );
}

function Effectiveness({
  value,
  isReadOnly,
  onChange,
}: {
  value: number | undefined;
  isReadOnly: boolean;
  onChange: (value: number | undefined) => void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        Effectiveness (%)
      </label>
      <div className="flex items-center gap-2">
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={value ?? 0}
          disabled={isReadOnly}
          aria-label="Effectiveness slider"
          aria-valuetext={value === undefined ? "Not set" : `${value}%`}
          onChange={(event) => onChange(parseEffectiveness(event.target.value))}
          className="min-w-0 flex-1 accent-brand-600"
        />
        <input
          id={id}
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          value={value ?? ""}
          readOnly={isReadOnly}
          placeholder="—"
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(parseEffectiveness(event.target.value))}
          data-readonly={isReadOnly || undefined}
          className={`${CONTROL_BASE} w-20 shrink-0 text-right tabular-nums`}
        />
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        Share of each linked threat&apos;s risk removed once implemented or verified.
      </p>
    </div>
  );
}

function LinkedThreats({
  mitigation,
  isReadOnly,
  onChange,
}: {
  mitigation: Mitigation;
  isReadOnly: boolean;
  onChange: (mitigation: Mitigation) => void;
}) {
  const threats = useCanvas((s) => s.document.threats);
  return (
    <CheckboxGroup legend="Mitigates threats" empty={threats.length === 0 ? "No threats yet." : undefined}>
      <div className="max-h-48 overflow-y-auto rounded-md border border-slate-200 p-1">
        {threats.map((threat) => (
          <Checkbox
            key={threat.id}
            label={threat.title}
            checked={mitigation.threatIds.includes(threat.id)}
            isReadOnly={isReadOnly}
            onChange={(checked) =>
              onChange({ ...mitigation, threatIds: toggleIn(mitigation.threatIds, threat.id, checked) })
            }
          />
        ))}
      </div>
    </CheckboxGroup>
  );
}

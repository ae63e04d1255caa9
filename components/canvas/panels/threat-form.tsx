"use client";

import { AttackerAccessSchema, THREAT_STATUSES, type Threat } from "@/lib/domain/document";
import { inherentRisk, mitigationsInPlace, residualRisk } from "@/lib/domain/risk";
import { useCanvas } from "@/lib/store/canvas-context";
import { RequiredTextInput } from "./draft-inputs";
import { needsThreatReason, toggleIn, withOptional } from "./entry-edits";
import {
  ACCESS_LABELS,
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  labelOf,
  optionsOf,
  THREAT_STATUS_LABELS,
} from "./labels";
import { Checkbox, CheckboxGroup, FieldGroup, PanelButton, SelectInput, TextInput } from "./panel-controls";
import { SeverityBadge } from "./severity-badge";
import { StringListEditor } from "./string-list-editor";
import { ThreatCategories } from "./threat-categories";
import { ThreatMitigations } from "./threat-mitigations";

const STATUSES = optionsOf(THREAT_STATUSES, THREAT_STATUS_LABELS);
const ACCESS = optionsOf(AttackerAccessSchema.options, ACCESS_LABELS);
const RATINGS = [1, 2, 3, 4, 5] as const;
const rating = (labels: Record<number, string>) =>
  RATINGS.map((value) => ({ value, label: `${value} · ${labels[value]}` }));
const LIKELIHOODS = rating(LIKELIHOOD_LABELS);
const IMPACTS = rating(IMPACT_LABELS);

type Props = { threat: Threat; onDeleted: () => void };

/** Every field of one threat. Text typing in a field is one undo step (coalesced by field). */
export function ThreatForm({ threat, onDeleted }: Props) {
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const upsertThreat = useCanvas((s) => s.upsertThreat);
  const remove = useCanvas((s) => s.remove);
  const assets = useCanvas((s) => s.document.assets);
  const update = (next: Threat, field?: string) =>
    upsertThreat(next, field ? `threat:${threat.id}:${field}` : undefined);
  const setText = <
    K extends "description" | "attackerGoal" | "impacts" | "statusReason" | "owner" | "playbook",
  >(
    field: K,
    value: string,
  ) => update(withOptional(threat, field, value), field);
  const capabilities = threat.attackerCapabilities ?? {};
  const updateCapabilities = (next: typeof capabilities, field?: string) => {
    const cleaned = Object.fromEntries(
      Object.entries(next).filter(([, value]) => value !== undefined && value !== ""),
    );
    update(
      Object.keys(cleaned).length > 0
        ? { ...threat, attackerCapabilities: cleaned }
        : withOptional(threat, "attackerCapabilities", undefined),
      field,
    );
  };
  const needsReason = needsThreatReason(threat.status);
  const statusLabel = labelOf(THREAT_STATUS_LABELS, threat.status).toLowerCase();

  return (
    <>
      <RequiredTextInput
        label="Title"
        value={threat.title}
        isReadOnly={isReadOnly}
        onCommit={(title) => update({ ...threat, title }, "title")}
      />
      <TextInput
        label="Description"
        value={threat.description ?? ""}
        isMultiline
        isReadOnly={isReadOnly}
        placeholder="How the attack works, step by step"
        onChange={(value) => setText("description", value)}
      />

      <FieldGroup title="Risk">
        <div className="grid grid-cols-2 gap-2">
          <SelectInput
            label="Likelihood"
            value={threat.likelihood}
            options={LIKELIHOODS}
            isReadOnly={isReadOnly}
            onChange={(likelihood) => update({ ...threat, likelihood: likelihood ?? 3 })}
          />
          <SelectInput
            label="Impact"
            value={threat.impact}
            options={IMPACTS}
            isReadOnly={isReadOnly}
            onChange={(impact) => update({ ...threat, impact: impact ?? 3 })}
          />
        </div>
        <RiskScores threat={threat} />
      </FieldGroup>

      <FieldGroup title="Status">
        <div className="grid grid-cols-2 gap-2">
          <SelectInput
            label="Status"
            value={threat.status}
            options={STATUSES}
            isReadOnly={isReadOnly}
            onChange={(status) => update({ ...threat, status: status ?? "open" })}
          />
          <TextInput
            label="Owner"
            value={threat.owner ?? ""}
            placeholder="Who acts on it"
            isReadOnly={isReadOnly}
            onChange={(value) => setText("owner", value)}
          />
        </div>
        <TextInput
          label="Status reason"
          value={threat.statusReason ?? ""}
          isMultiline
          rows={2}
          isRequired={needsReason}
          isReadOnly={isReadOnly}
          placeholder={needsReason ? `Why is this threat ${statusLabel}?` : "Optional while open"}
          error={
            needsReason && !threat.statusReason?.trim() && !isReadOnly
              ? `Say why this threat is ${statusLabel}.`
              : null
          }
          onChange={(value) => setText("statusReason", value)}
        />
      </FieldGroup>

      <FieldGroup title="Mitigations">
        <ThreatMitigations threat={threat} />
      </FieldGroup>

      <FieldGroup title="Categories">
        <ThreatCategories
          threat={threat}
          isReadOnly={isReadOnly}
          onChange={(next, field) => update(next, field)}
        />
      </FieldGroup>

      <FieldGroup title="Attacker and impact">
        <TextInput
          label="Attacker goal"
          value={threat.attackerGoal ?? ""}
          placeholder="What the attacker wants"
          isReadOnly={isReadOnly}
          onChange={(value) => setText("attackerGoal", value)}
        />
        <div className="space-y-3">
          <SelectInput
            label="Attacker access"
            value={capabilities.access}
            options={ACCESS}
            unsetLabel="Not set"
            isReadOnly={isReadOnly}
            onChange={(access) => updateCapabilities({ ...capabilities, access })}
          />
          <TextInput
            label="Capability notes"
            value={capabilities.notes ?? ""}
            placeholder="Skills, accounts, budget"
            isReadOnly={isReadOnly}
            onChange={(notes) => updateCapabilities({ ...capabilities, notes }, "capabilityNotes")}
          />
        </div>
        <TextInput
          label="Impacts"
          value={threat.impacts ?? ""}
          isMultiline
          rows={2}
          placeholder="What happens to the business, users, data"
          isReadOnly={isReadOnly}
          onChange={(value) => setText("impacts", value)}
        />
        <CheckboxGroup
          legend="Affected assets"
          empty={assets.length === 0 ? "No assets in this model yet." : undefined}
        >
          {assets.map((asset) => (
            <Checkbox
              key={asset.id}
              label={asset.name}
              checked={threat.assetIds.includes(asset.id)}
              isReadOnly={isReadOnly}
              onChange={(checked) =>
                update({ ...threat, assetIds: toggleIn(threat.assetIds, asset.id, checked) })
              }
            />
          ))}
        </CheckboxGroup>
      </FieldGroup>

      <FieldGroup title="Detection and response">
        <StringListEditor
          label="Detection indicators"
          itemNoun="indicator"
          isMultiline
          items={threat.indicators}
          isReadOnly={isReadOnly}
          placeholder="A signal that this is happening"
          onChange={(indicators, key) => update({ ...threat, indicators }, key && `indicators:${key}`)}
        />
        <TextInput
          label="Incident playbook"
          value={threat.playbook ?? ""}
          isMultiline
          rows={4}
          hint="Optional: the first steps to take when an indicator fires."
          isReadOnly={isReadOnly}
          onChange={(value) => setText("playbook", value)}
        />
      </FieldGroup>

      {isReadOnly ? null : (
        <div className="flex justify-end border-t border-slate-100 pt-3">
          <PanelButton
            variant="danger"
            onClick={() => {
              remove([threat.id]);
              onDeleted();
            }}
          >
            Delete threat
          </PanelButton>
        </div>
      )}
    </>
  );
}

function RiskScores({ threat }: { threat: Threat }) {
  const residual = useCanvas((s) => residualRisk(threat, s.document.mitigations));
  const inPlace = useCanvas((s) => mitigationsInPlace(threat.id, s.document.mitigations).length);
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dl className="grid grid-cols-2 gap-2">
        <div>
          <dt className="text-xs text-slate-500">Inherent risk</dt>
          <dd className="mt-0.5">
            <SeverityBadge score={inherentRisk(threat)} label="Inherent risk" />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Residual risk</dt>
          <dd className="mt-0.5">
            <SeverityBadge score={residual} label="Residual risk" />
          </dd>
        </div>
      </dl>
      <p className="mt-1.5 text-xs text-slate-500" aria-live="polite">
        {threat.status === "not-applicable"
          ? "Not applicable: no residual risk."
          : inPlace === 0
            ? "No mitigation is implemented or verified yet."
            : `After ${inPlace} ${inPlace === 1 ? "mitigation" : "mitigations"} in place.`}
      </p>
    </div>
  );
}

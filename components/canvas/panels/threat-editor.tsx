"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Threat } from "@/lib/domain/document";
import { inherentRisk, residualRisk } from "@/lib/domain/risk";
import { useCanvas } from "@/lib/store/canvas-context";
import { newId } from "@/lib/store/ids";
import { Disclosure } from "./disclosure";
import { newThreat } from "./entry-edits";
import { labelOf, THREAT_STATUS_LABELS } from "./labels";
import { Chip, PanelButton, PanelSection } from "./panel-controls";
import { SeverityBadge } from "./severity-badge";
import { ThreatForm } from "./threat-form";

/**
 * The threats that target one element or flow, each expandable into its full editor, with
 * "Add threat". The list subscribes to just these threats (shallowly), so editing a threat
 * elsewhere in the model does not re-render it.
 */
export function TargetThreats({ targetId }: { targetId: string }) {
  const threats = useCanvas(
    useShallow((s) => s.document.threats.filter((threat) => threat.targetIds.includes(targetId))),
  );
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const upsertThreat = useCanvas((s) => s.upsertThreat);
  const [openId, setOpenId] = useState<string | null>(null);

  const add = () => {
    const threat = newThreat(newId("t"), targetId);
    upsertThreat(threat);
    setOpenId(threat.id);
  };

  return (
    <PanelSection
      title={`Threats (${threats.length})`}
      actions={isReadOnly ? null : <PanelButton onClick={add}>Add threat</PanelButton>}
    >
      {threats.length === 0 ? (
        <p className="text-sm text-slate-500">
          No threats recorded here yet. Ask what can go wrong: STRIDE and the ML catalogs help.
        </p>
      ) : (
        <ul className="space-y-2">
          {threats.map((threat) => (
            <Disclosure
              key={threat.id}
              title={threat.title}
              isOpen={openId === threat.id}
              onToggle={() => setOpenId(openId === threat.id ? null : threat.id)}
              meta={<ThreatSummary threat={threat} />}
            >
              <ThreatForm threat={threat} onDeleted={() => setOpenId(null)} />
            </Disclosure>
          ))}
        </ul>
      )}
    </PanelSection>
  );
}

/** Status and inherent -> residual risk, updating live as linked mitigations change. */
export function ThreatSummary({ threat }: { threat: Threat }) {
  const residual = useCanvas((s) => residualRisk(threat, s.document.mitigations));
  return (
    <>
      <Chip>{labelOf(THREAT_STATUS_LABELS, threat.status)}</Chip>
      <SeverityBadge score={inherentRisk(threat)} label="Inherent risk" />
      <span aria-hidden className="text-xs text-slate-400">
        →
      </span>
      <SeverityBadge score={residual} label="Residual risk" />
    </>
  );
}

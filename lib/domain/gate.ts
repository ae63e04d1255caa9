import type { ThreatModelDocument } from "./document";
import { mitigationsByThreat, residualRisk, type SeverityBand, severityBand, severityRank } from "./risk";

export type GateInput = {
  document: Pick<ThreatModelDocument, "threats" | "mitigations">;
  headVersion: number;
  /** The head version has an approved (signed-off) review. */
  headSignedOff: boolean;
  /** Open threats above this residual band fail the gate. */
  maxResidual: Exclude<SeverityBand, "none">;
  /** Threats whose status is `accepted` backed by an approved acceptance that has not expired. */
  acceptedThreatIds: ReadonlySet<string>;
};

export type GateVerdict = { pass: boolean; reasons: string[] };

/**
 * The release gate a CI pipeline asks about: the head is signed off, and no threat still open (or
 * accepted without a current, approved acceptance) has a residual risk above `maxResidual`.
 */
export function gateVerdict(input: GateInput): GateVerdict {
  const reasons: string[] = [];
  if (!input.headSignedOff) {
    reasons.push(`Version ${input.headVersion} (the head) is not signed off by a review board`);
  }
  const byThreat = mitigationsByThreat(input.document.mitigations);
  for (const threat of input.document.threats) {
    const acceptanceLapsed = threat.status === "accepted" && !input.acceptedThreatIds.has(threat.id);
    if (threat.status !== "open" && !acceptanceLapsed) continue;
    const residual = residualRisk(threat, byThreat.get(threat.id) ?? []);
    const band = severityBand(residual);
    if (severityRank(band) <= severityRank(input.maxResidual)) continue;
    const state = acceptanceLapsed ? "accepted without a current approved acceptance" : "open";
    reasons.push(
      `Threat "${threat.title}" (${threat.id}) is ${state} with residual risk ${residual} (${band}), above ${input.maxResidual}`,
    );
  }
  return { pass: reasons.length === 0, reasons };
}

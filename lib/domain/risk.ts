import type { Mitigation, Threat, ThreatStatus } from "./document-analysis";

/**
 * Risk scoring. Inherent risk = likelihood x impact (1-25). Residual risk applies the effectiveness
 * of the threat's mitigations that are in place (implemented or verified) as independent
 * reductions. A threat marked not-applicable carries no residual risk; mitigated, accepted and
 * transferred threats keep their computed residual, because the status is a claim and the
 * residual shows what the mitigations in place actually support.
 */
export type SeverityBand = "none" | "low" | "medium" | "high" | "critical";
export const SEVERITY_BANDS = ["none", "low", "medium", "high", "critical"] as const satisfies SeverityBand[];

type Scored = Pick<Threat, "likelihood" | "impact">;
type Linked = Pick<Mitigation, "threatIds" | "status" | "effectiveness">;

export function inherentRisk(threat: Scored): number {
  return threat.likelihood * threat.impact;
}

/**
 * low 1-4, medium 5-9, high 10-16, critical 17-25. A fractional residual score belongs to the band
 * above once it passes a band's top (4.5 is medium); 0 is "none".
 */
export function severityBand(score: number): SeverityBand {
  if (score <= 0) return "none";
  if (score <= 4) return "low";
  if (score <= 9) return "medium";
  if (score <= 16) return "high";
  return "critical";
}

export function severityRank(band: SeverityBand): number {
  return SEVERITY_BANDS.indexOf(band);
}

const IN_PLACE = new Set<Mitigation["status"]>(["implemented", "verified"]);

/** Mitigations that reduce this threat's risk now: linked to it and implemented or verified. */
export function mitigationsInPlace<M extends Linked>(threatId: string, mitigations: readonly M[]): M[] {
  return mitigations.filter((m) => IN_PLACE.has(m.status) && m.threatIds.includes(threatId));
}

/**
 * inherent x product(1 - effectiveness/100) over mitigations in place, rounded to one decimal.
 * Never below 1 while any risk remains; exactly 0 only when a mitigation is 100% effective or the
 * threat is not applicable. A mitigation without an effectiveness counts as 0%.
 */
export function residualRisk(
  threat: Scored & Pick<Threat, "id" | "status">,
  mitigations: readonly Linked[],
): number {
  if (threat.status === "not-applicable") return 0;
  let remaining = 1;
  for (const mitigation of mitigationsInPlace(threat.id, mitigations)) {
    remaining *= 1 - Math.min(100, Math.max(0, mitigation.effectiveness ?? 0)) / 100;
  }
  if (remaining === 0) return 0;
  const residual = Math.round(inherentRisk(threat) * remaining * 10) / 10;
  return Math.max(1, residual);
}

/** Mitigations grouped by the threats they link to, to score many threats in one pass. */
export function mitigationsByThreat<M extends Linked>(mitigations: readonly M[]): Map<string, M[]> {
  const index = new Map<string, M[]>();
  for (const mitigation of mitigations) {
    for (const threatId of new Set(mitigation.threatIds)) {
      const list = index.get(threatId);
      if (list) list.push(mitigation);
      else index.set(threatId, [mitigation]);
    }
  }
  return index;
}

type Analysis = { threats: readonly Threat[]; mitigations: readonly Mitigation[] };

/** 5 x 5 counts, indexed [likelihood - 1][impact - 1]. */
export type RiskMatrix = number[][];

/** Threats a risk matrix shows by default: every status except not-applicable. */
export const MATRIX_STATUSES: readonly ThreatStatus[] = ["open", "mitigated", "accepted", "transferred"];

/**
 * Counts threats per cell. Inherent: by likelihood and impact. Residual: mitigations are not
 * recorded as reducing likelihood or impact specifically, so the threat keeps its likelihood and
 * takes the smallest impact whose cell score covers the residual (ceil(residual / likelihood)), so
 * a cell never understates it. Threats with no residual risk (0) are left out of the residual matrix.
 */
export function riskMatrix(
  doc: Analysis,
  mode: "inherent" | "residual",
  statuses: readonly ThreatStatus[] = MATRIX_STATUSES,
): RiskMatrix {
  const matrix = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const byThreat = mitigationsByThreat(doc.mitigations);
  for (const threat of doc.threats) {
    if (!statuses.includes(threat.status)) continue;
    let impact = threat.impact;
    if (mode === "residual") {
      const residual = residualRisk(threat, byThreat.get(threat.id) ?? []);
      if (residual === 0) continue;
      impact = Math.min(5, Math.max(1, Math.ceil(residual / threat.likelihood - 1e-9)));
    }
    const row = matrix[threat.likelihood - 1];
    if (row) row[impact - 1] = (row[impact - 1] ?? 0) + 1;
  }
  return matrix;
}

export type OpenThreatSummary = { openCount: number; highestBand: SeverityBand };

/**
 * For every element or flow targeted by an open threat: how many open threats target it and the
 * highest residual severity among them (the element badge). Ids without open threats are absent.
 */
export function openThreatSummaries(doc: Analysis): Map<string, OpenThreatSummary> {
  const byThreat = mitigationsByThreat(doc.mitigations);
  const summaries = new Map<string, OpenThreatSummary>();
  for (const threat of doc.threats) {
    if (threat.status !== "open") continue;
    const band = severityBand(residualRisk(threat, byThreat.get(threat.id) ?? []));
    for (const targetId of new Set(threat.targetIds)) {
      const summary = summaries.get(targetId) ?? { openCount: 0, highestBand: "none" };
      summaries.set(targetId, {
        openCount: summary.openCount + 1,
        highestBand: severityRank(band) > severityRank(summary.highestBand) ? band : summary.highestBand,
      });
    }
  }
  return summaries;
}

/** The badge for one element or flow; prefer openThreatSummaries when drawing many. */
export function openThreatSummary(doc: Analysis, targetId: string): OpenThreatSummary {
  let openCount = 0;
  let highestBand: SeverityBand = "none";
  for (const threat of doc.threats) {
    if (threat.status !== "open" || !threat.targetIds.includes(targetId)) continue;
    openCount += 1;
    const band = severityBand(residualRisk(threat, doc.mitigations));
    if (severityRank(band) > severityRank(highestBand)) highestBand = band;
  }
  return { openCount, highestBand };
}

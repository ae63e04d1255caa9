import {
  type Element,
  type Flow,
  type Mitigation,
  STRIDE,
  THREAT_STATUSES,
  type Threat,
  type ThreatStatus,
} from "@/lib/domain/document";
import {
  inherentRisk,
  mitigationsByThreat,
  residualRisk,
  type SeverityBand,
  severityBand,
  severityRank,
} from "@/lib/domain/risk";

/**
 * Rows of the model-wide threats table: built once per document change (O(threats + targets)),
 * then filtered and sorted without touching the document again.
 */
export type ThreatRow = {
  id: string;
  title: string;
  targetLabels: string[];
  firstTargetId: string | undefined;
  stride: string;
  status: ThreatStatus;
  owner: string;
  inherent: number;
  residual: number;
  inherentBand: SeverityBand;
  residualBand: SeverityBand;
  /** Lower-cased text the filter box matches against. */
  haystack: string;
};

type Sources = {
  threats: readonly Threat[];
  mitigations: readonly Mitigation[];
  elements: readonly Element[];
  flows: readonly Flow[];
};

/** Labels for every element and flow; a flow without a label reads "Source → Target". */
export function targetLabels(elements: readonly Element[], flows: readonly Flow[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const element of elements) labels.set(element.id, element.label || element.id);
  for (const flow of flows) {
    const fallback = `${labels.get(flow.source) ?? flow.source} → ${labels.get(flow.target) ?? flow.target}`;
    labels.set(flow.id, flow.label || fallback);
  }
  return labels;
}

export function buildThreatRows({ threats, mitigations, elements, flows }: Sources): ThreatRow[] {
  const labels = targetLabels(elements, flows);
  const byThreat = mitigationsByThreat(mitigations);
  return threats.map((threat) => {
    const inherent = inherentRisk(threat);
    const residual = residualRisk(threat, byThreat.get(threat.id) ?? []);
    const names = threat.targetIds.map((id) => labels.get(id) ?? id);
    const stride = STRIDE.filter((letter) => threat.categories.stride.includes(letter)).join("");
    const { atlas, owaspMl, owaspLlm } = threat.categories;
    return {
      id: threat.id,
      title: threat.title,
      targetLabels: names,
      firstTargetId: threat.targetIds[0],
      stride,
      status: threat.status,
      owner: threat.owner ?? "",
      inherent,
      residual,
      inherentBand: severityBand(inherent),
      residualBand: severityBand(residual),
      haystack: [
        threat.title,
        threat.description ?? "",
        threat.owner ?? "",
        ...names,
        ...atlas,
        ...owaspMl,
        ...owaspLlm,
      ]
        .join("\n")
        .toLowerCase(),
    };
  });
}

export type ThreatFilter = { text: string; status: ThreatStatus | "all"; severity: SeverityBand | "all" };

/** Text matches title, description, owner, targets or category ids; severity is the residual band. */
export function filterThreatRows(rows: readonly ThreatRow[], filter: ThreatFilter): readonly ThreatRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 && filter.status === "all" && filter.severity === "all") return rows;
  return rows.filter(
    (row) =>
      (filter.status === "all" || row.status === filter.status) &&
      (filter.severity === "all" || row.residualBand === filter.severity) &&
      words.every((word) => row.haystack.includes(word)),
  );
}

export const SORT_KEYS = ["title", "targets", "stride", "status", "owner", "inherent", "residual"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; direction: "ascending" | "descending" };

const text = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function compareBy(key: SortKey, a: ThreatRow, b: ThreatRow): number {
  switch (key) {
    case "title":
      return text.compare(a.title, b.title);
    case "targets":
      return text.compare(a.targetLabels.join(", "), b.targetLabels.join(", "));
    case "stride":
      // Rows without STRIDE letters sort last when ascending.
      return (a.stride === "" ? 1 : 0) - (b.stride === "" ? 1 : 0) || text.compare(a.stride, b.stride);
    case "status":
      return THREAT_STATUSES.indexOf(a.status) - THREAT_STATUSES.indexOf(b.status);
    case "owner":
      return (a.owner === "" ? 1 : 0) - (b.owner === "" ? 1 : 0) || text.compare(a.owner, b.owner);
    case "inherent":
      return a.inherent - b.inherent;
    case "residual":
      return a.residual - b.residual || severityRank(a.residualBand) - severityRank(b.residualBand);
  }
}

/** A new sorted array; ties fall back to the title, then the id, so the order is stable. */
export function sortThreatRows(rows: readonly ThreatRow[], sort: Sort): ThreatRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * compareBy(sort.key, a, b) || text.compare(a.title, b.title) || (a.id < b.id ? -1 : 1),
  );
}

/** Clicking a header: a new column starts descending for scores and ascending otherwise. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) {
    return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  return { key, direction: key === "inherent" || key === "residual" ? "descending" : "ascending" };
}

import type { SeverityBand } from "@/lib/domain/risk";

/**
 * Human labels for the document's enum values, so panels never show raw kebab-case ids. Values
 * without an entry fall back to `humanize`.
 */
export function humanize(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const PROVENANCE_LABELS: Record<string, string> = {
  "first-party": "First party (we collect it)",
  "third-party-broker": "Third-party broker",
  "user-generated": "User generated",
  "vendor-model": "Vendor model",
};

export const CLASSIFICATION_LABELS: Record<string, string> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  restricted: "Restricted",
};

export const THREAT_STATUS_LABELS: Record<string, string> = {
  open: "Open",
  mitigated: "Mitigated",
  accepted: "Accepted",
  transferred: "Transferred",
  "not-applicable": "Not applicable",
};

export const MITIGATION_STATUS_LABELS: Record<string, string> = {
  proposed: "Proposed",
  planned: "Planned",
  "in-progress": "In progress",
  implemented: "Implemented",
  verified: "Verified",
  rejected: "Rejected",
};

export const ACCESS_LABELS: Record<string, string> = {
  local: "Local",
  remote: "Remote",
  authenticated: "Authenticated user",
  insider: "Insider",
  "supply-chain": "Supply chain",
};

export const NIST_LABELS: Record<string, string> = {
  govern: "Govern",
  map: "Map",
  measure: "Measure",
  manage: "Manage",
};

export const STRIDE_LABELS: Record<string, string> = {
  S: "Spoofing",
  T: "Tampering",
  R: "Repudiation",
  I: "Information disclosure",
  D: "Denial of service",
  E: "Elevation of privilege",
};

export const LINDDUN_LABELS: Record<string, string> = {
  linking: "Linking",
  identifying: "Identifying",
  "non-repudiation": "Non-repudiation",
  detecting: "Detecting",
  "data-disclosure": "Data disclosure",
  unawareness: "Unawareness",
  "non-compliance": "Non-compliance",
};

export const SYSTEM_TYPE_LABELS: Record<string, string> = {
  "ml-pipeline": "ML pipeline",
  "inference-api": "Inference API",
  "llm-app": "LLM application",
  agentic: "Agentic system",
  other: "Other",
};

export const CIA_LABELS: Record<string, string> = { low: "Low", medium: "Medium", high: "High" };

export const LIKELIHOOD_LABELS: Record<number, string> = {
  1: "Rare",
  2: "Unlikely",
  3: "Possible",
  4: "Likely",
  5: "Almost certain",
};

export const IMPACT_LABELS: Record<number, string> = {
  1: "Negligible",
  2: "Minor",
  3: "Moderate",
  4: "Major",
  5: "Severe",
};

export const BAND_LABELS: Record<SeverityBand, string> = {
  none: "None",
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

/** The label from a table, else the humanized value. */
export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? humanize(value);
}

/** Options for a select, in the given order. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<string, string>) {
  return values.map((value) => ({ value, label: labelOf(labels, value) }));
}

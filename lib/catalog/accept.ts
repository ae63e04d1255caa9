import {
  type Mitigation,
  MitigationSchema,
  type ThreatModelDocument,
  ThreatSchema,
} from "@/lib/domain/document";
import { findCatalogMitigation, findCatalogThreat } from "./index";
import type { CatalogMitigation } from "./types";

/** What accepting needs of a suggestion: which catalog threat, on which elements or flows. */
export type AcceptedSuggestion = { catalogId: string; targetIds: readonly string[] };

/**
 * The document's mitigation for a catalog entry, now linked to `threatId`: the existing one when the
 * document already applies that control (one control stays one mitigation, with one status and one
 * set of evidence), otherwise a new, proposed one taken from the entry.
 */
export function linkCatalogMitigation(
  mitigations: readonly Mitigation[],
  entry: Pick<CatalogMitigation, "id" | "title" | "description" | "nistFunction">,
  threatId: string,
  newId: () => string,
): Mitigation {
  const existing = mitigations.find((mitigation) => mitigation.catalogId === entry.id);
  if (existing) {
    return existing.threatIds.includes(threatId)
      ? existing
      : { ...existing, threatIds: [...existing.threatIds, threatId] };
  }
  return MitigationSchema.parse({
    id: newId(),
    catalogId: entry.id,
    title: entry.title,
    description: entry.description,
    nistFunction: entry.nistFunction,
    threatIds: [threatId],
  });
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((entry) => entry.id === item.id);
  return index < 0 ? [...list, item] : list.map((entry, i) => (i === index ? item : entry));
}

/**
 * Adds accepted suggestions as open threats filled in from the catalog (title, description,
 * categories, default likelihood and impact, indicators), each linked to the catalog's mitigations.
 * Unknown catalog ids are skipped. Pure: returns a new document.
 */
export function acceptSuggestions(
  document: ThreatModelDocument,
  accepted: readonly AcceptedSuggestion[],
  newId: (prefix: string) => string,
): ThreatModelDocument {
  let next = document;
  for (const suggestion of accepted) {
    const entry = findCatalogThreat(suggestion.catalogId);
    if (!entry) continue;
    const threat = ThreatSchema.parse({
      id: newId("t"),
      catalogId: entry.id,
      title: entry.title,
      description: entry.description,
      categories: entry.categories,
      targetIds: [...suggestion.targetIds],
      indicators: [...entry.indicators],
      likelihood: entry.defaultLikelihood,
      impact: entry.defaultImpact,
    });
    let mitigations = next.mitigations;
    for (const mitigationId of entry.mitigationIds) {
      const control = findCatalogMitigation(mitigationId);
      if (control)
        mitigations = upsert(
          mitigations,
          linkCatalogMitigation(mitigations, control, threat.id, () => newId("m")),
        );
    }
    next = { ...next, threats: [...next.threats, threat], mitigations };
  }
  return next;
}

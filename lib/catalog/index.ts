import { CATALOG_MITIGATIONS } from "./mitigations";
import { CATALOG_THREATS } from "./threats";
import type { CatalogFramework, CatalogMitigation, CatalogThreat } from "./types";

export * from "./types";
export { CATALOG_MITIGATIONS, CATALOG_THREATS };

/** A mitigation with the catalog threats it addresses (derived from the threats' links, never typed twice). */
export type CatalogMitigationView = CatalogMitigation & { threatIds: readonly string[] };

const threatsById = new Map(CATALOG_THREATS.map((threat) => [threat.id, threat]));
const mitigationViews: readonly CatalogMitigationView[] = CATALOG_MITIGATIONS.map((mitigation) => ({
  ...mitigation,
  threatIds: CATALOG_THREATS.filter((threat) => threat.mitigationIds.includes(mitigation.id)).map(
    (t) => t.id,
  ),
}));
const mitigationsById = new Map(mitigationViews.map((mitigation) => [mitigation.id, mitigation]));

export function findCatalogThreat(id: string): CatalogThreat | undefined {
  return threatsById.get(id);
}

export function findCatalogMitigation(id: string): CatalogMitigationView | undefined {
  return mitigationsById.get(id);
}

const FRAMEWORK_REF: Record<CatalogFramework, RegExp> = {
  atlas: /^AML\.T/,
  stride: /^STRIDE:/,
  "owasp-ml": /^ML(0[1-9]|10):2023$/,
  "owasp-llm": /^LLM(0[1-9]|10):2025$/,
  linddun: /^LINDDUN:/,
};

export function refersToFramework(refs: readonly string[], framework: CatalogFramework): boolean {
  return refs.some((ref) => FRAMEWORK_REF[framework].test(ref));
}

function matchesText(
  entry: { id: string; title: string; description: string; refs: readonly string[] },
  q: string,
) {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return [entry.id, entry.title, entry.description, ...entry.refs].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

/** Catalog threats, optionally only those citing a framework and matching a search text. */
export function searchCatalogThreats(
  filter: { framework?: CatalogFramework; q?: string } = {},
): CatalogThreat[] {
  return CATALOG_THREATS.filter(
    (threat) =>
      (filter.framework === undefined || refersToFramework(threat.refs, filter.framework)) &&
      matchesText(threat, filter.q ?? ""),
  );
}

export function searchCatalogMitigations(filter: { q?: string } = {}): CatalogMitigationView[] {
  return mitigationViews.filter((mitigation) => matchesText(mitigation, filter.q ?? ""));
}

import type { Mitigation, Threat } from "@/lib/domain/document";
import type { ElementKind } from "@/lib/domain/kinds";

/**
 * The built-in threat and mitigation catalog: data, not code. Ids are stable forever (documents
 * store them as `catalogId`); titles and descriptions are our own words. Facts (ATLAS, OWASP ids)
 * come from ../shared/reference. Mitigation ids of ATLAS mitigations are their ATLAS ids.
 */

/** A framework a catalog entry can be filtered by (`GET /api/v1/catalog/threats?framework=`). */
export const CATALOG_FRAMEWORKS = ["atlas", "stride", "owasp-ml", "owasp-llm", "linddun"] as const;
export type CatalogFramework = (typeof CATALOG_FRAMEWORKS)[number];

export type Rating = 1 | 2 | 3 | 4 | 5;

export type CatalogThreat = {
  /** Stable, kebab-case, e.g. "ml-training-data-poisoning" or "stride-process-spoofing". */
  id: string;
  title: string;
  description: string;
  /**
   * Framework ids, each in its canonical spelling: ATLAS `AML.T0020` / `AML.T0010.002`, OWASP ML
   * `ML02:2023`, OWASP LLM `LLM01:2025`, STRIDE `STRIDE:T`, LINDDUN `LINDDUN:linking`, OWASP AI
   * Exchange `AIX:<slug>`.
   */
  refs: readonly string[];
  /** The document element kinds this threat applies to (lib/domain/kinds.ts). */
  appliesTo: readonly ElementKind[];
  /** Whether it applies to data flows (STRIDE for flows: tampering, disclosure, denial). */
  appliesToFlows?: boolean;
  defaultLikelihood: Rating;
  defaultImpact: Rating;
  /** Observable signs that the threat is happening. */
  indicators: readonly string[];
  /** Catalog mitigation ids that address it. */
  mitigationIds: readonly string[];
  /** The document's threat categories this entry fills in when accepted. */
  categories: Partial<Threat["categories"]>;
};

export type NistFunction = NonNullable<Mitigation["nistFunction"]>;

export type CatalogMitigation = {
  /** ATLAS mitigations keep their ATLAS id (`AML.M0004`); others are kebab-case ("ctl-rate-limiting"). */
  id: string;
  title: string;
  description: string;
  /** ATLAS technique and mitigation ids, OWASP ids, NIST or ISO control references. */
  refs: readonly string[];
  nistFunction: NistFunction;
};

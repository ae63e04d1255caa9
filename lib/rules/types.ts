import type { DataClassification, Provenance } from "@/lib/domain/document";
import type { TrustLevel } from "@/lib/domain/kind-properties";
import type { DfdBaseType, ElementKind } from "@/lib/domain/kinds";

/**
 * The rule language: a rule is plain data (a condition tree, the catalog threats it suggests and a
 * reason template), read by the small interpreter in engine.ts. Nothing here is executable, so rules
 * can be listed, diffed and tested like any other data.
 */

/** The catalog threats a rule may suggest; the catalog guarantees every one of them exists. */
export const SUGGESTABLE_THREAT_IDS = [
  "stride-process-spoofing",
  "stride-process-tampering",
  "stride-process-repudiation",
  "stride-process-disclosure",
  "stride-process-dos",
  "stride-process-elevation",
  "stride-datastore-tampering",
  "stride-datastore-repudiation",
  "stride-datastore-disclosure",
  "stride-datastore-dos",
  "stride-external-spoofing",
  "stride-external-repudiation",
  "stride-flow-tampering",
  "stride-flow-disclosure",
  "stride-flow-dos",
  "ml-training-data-poisoning",
  "ml-label-poisoning",
  "ml-feedback-loop-poisoning",
  "ml-data-supply-chain",
  "ml-model-supply-chain",
  "ml-unsafe-model-deserialization",
  "ml-model-extraction",
  "ml-evasion",
  "ml-membership-inference",
  "ml-model-inversion",
  "ml-model-tampering-registry",
  "ml-model-theft-registry",
  "ml-training-environment-compromise",
  "ml-feature-store-manipulation",
  "ml-unmonitored-drift",
  "ml-denial-of-ml-service",
  "llm-prompt-injection-direct",
  "llm-prompt-injection-indirect",
  "llm-rag-poisoning",
  "llm-excessive-agency",
  "llm-system-prompt-leakage",
  "llm-sensitive-information-disclosure",
  "llm-improper-output-handling",
  "llm-unbounded-consumption",
  "llm-misinformation",
  "llm-vector-embedding-weakness",
  "linddun-linking",
  "linddun-identifying",
  "linddun-non-repudiation",
  "linddun-detecting",
  "linddun-data-disclosure",
  "linddun-unawareness",
  "linddun-non-compliance",
] as const;
export type SuggestableThreatId = (typeof SUGGESTABLE_THREAT_IDS)[number];

/**
 * Words a reason or note template may use, written `{name}`. Each is bound by the test that found
 * it: `neighbour`/`flow`/`classification` by a flow test, `asset`/`provenance` by an asset test,
 * `zone` by a trust test, `exposure` by the exposure test, `value` by a property test, `boundary` by
 * a crossing test; `target`, `source` and `destination` name the rule's subject; `why` joins the
 * notes of the conditions that matched.
 */
export const PLACEHOLDERS = [
  "target",
  "why",
  "neighbour",
  "flow",
  "source",
  "destination",
  "asset",
  "provenance",
  "classification",
  "zone",
  "boundary",
  "value",
  "exposure",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A test on one property value. An absent property matches none of them (wrap in `not` for "unless"). */
export type ValueTest =
  | { readonly is: string | number | boolean }
  | { readonly oneOf: readonly string[] }
  /** A non-empty string or list. */
  | { readonly nonEmpty: true }
  /** A string, or a list item, containing one of these words (case-insensitive, whole words). */
  | { readonly hasWord: readonly string[] };

/** A note is a template explaining, in the reason, why this part of the condition matched. */
type Noted = { readonly note?: string };

export type Combinator<C> =
  | { readonly op: "all"; readonly of: readonly C[] }
  /** Every matching branch contributes to the explanation, not only the first. */
  | { readonly op: "any"; readonly of: readonly C[] }
  /** Like any, but explained by the first matching branch alone (for long, overlapping lists). */
  | { readonly op: "first"; readonly of: readonly C[] }
  | { readonly op: "not"; readonly of: C };

export type AssetMatch = {
  readonly provenance?: readonly Provenance[];
  readonly classification?: readonly DataClassification[];
  /** Words in the asset's name or type. */
  readonly words?: readonly string[];
};

export type FlowDirection = "in" | "out" | "either";

/** Tests on one element: the rule's target, or the element at the other end of a flow. */
export type ElementTest =
  | { readonly op: "kind"; readonly kinds: readonly ElementKind[] }
  | { readonly op: "base-type"; readonly baseTypes: readonly DfdBaseType[] }
  | { readonly op: "property"; readonly key: string; readonly test: ValueTest }
  | { readonly op: "label"; readonly words: readonly string[] }
  /** Its effective trust level (boundaries.ts; outside every boundary is untrusted). */
  | { readonly op: "trust"; readonly levels: readonly TrustLevel[] }
  /**
   * In an untrusted zone, or receiving a flow from an element that is, or from an end user, data
   * broker or external entity.
   */
  | { readonly op: "exposed" }
  /** Some asset whose `elementIds` include the element matches. */
  | { readonly op: "asset"; readonly match: AssetMatch }
  /** Some flow into (or out of, or either) the element matches; bidirectional flows go both ways. */
  | { readonly op: "flow"; readonly direction: FlowDirection; readonly match: FlowCondition };

// Combinators spelled out (not Combinator<...>) so the recursive alias stays legal.
export type ElementCondition = Noted &
  (
    | { readonly op: "all"; readonly of: readonly ElementCondition[] }
    | { readonly op: "any"; readonly of: readonly ElementCondition[] }
    | { readonly op: "first"; readonly of: readonly ElementCondition[] }
    | { readonly op: "not"; readonly of: ElementCondition }
    | ElementTest
  );

/** Tests on one flow: the rule's target, or a flow an element test is looking at. */
export type FlowTest =
  | { readonly op: "encrypted"; readonly value: boolean }
  | { readonly op: "authenticated"; readonly value: boolean }
  /** A flow without a classification matches no level. */
  | { readonly op: "classification"; readonly levels: readonly DataClassification[] }
  | { readonly op: "label"; readonly words: readonly string[] }
  | { readonly op: "crosses-boundary" }
  /** Carries data into a more (higher) or less (lower) trusted zone, as crossesToHigherTrust reads it. */
  | { readonly op: "trust-change"; readonly direction: "higher" | "lower" }
  | { readonly op: "from"; readonly where: ElementCondition }
  | { readonly op: "to"; readonly where: ElementCondition }
  /** The other end from the element being examined; on a flow rule, either end. */
  | { readonly op: "neighbour"; readonly where: ElementCondition };

export type FlowCondition = Noted &
  (
    | { readonly op: "all"; readonly of: readonly FlowCondition[] }
    | { readonly op: "any"; readonly of: readonly FlowCondition[] }
    | { readonly op: "first"; readonly of: readonly FlowCondition[] }
    | { readonly op: "not"; readonly of: FlowCondition }
    | FlowTest
  );

type RuleBase = {
  /** Stable, kebab-case; suggestions carry it so a reviewer can see which rule spoke. */
  readonly id: string;
  readonly suggests: readonly SuggestableThreatId[];
  /** One line for listings: when the rule fires. */
  readonly summary: string;
  /** Template naming the elements involved, e.g. "{target} {why}". */
  readonly reason: string;
};
export type ElementRule = RuleBase & { readonly target: "element"; readonly when: ElementCondition };
export type FlowRule = RuleBase & { readonly target: "flow"; readonly when: FlowCondition };
export type Rule = ElementRule | FlowRule;

// Constructors, so the rule files read as tables. They only build data.

/** An element rule; its reason defaults to "{target} {why}": the label, then the matched notes. */
export const elementRule = (
  rule: Omit<ElementRule, "target" | "reason"> & { reason?: string },
): ElementRule => ({
  target: "element",
  reason: "{target} {why}",
  ...rule,
});
export const flowRule = (rule: Omit<FlowRule, "target">): FlowRule => ({ target: "flow", ...rule });

export const all = <C>(of: readonly C[]) => ({ op: "all", of }) as const;
export const any = <C>(of: readonly C[]) => ({ op: "any", of }) as const;
export const first = <C>(of: readonly C[]) => ({ op: "first", of }) as const;
export const not = <C>(of: C) => ({ op: "not", of }) as const;
export const because = <C extends ElementCondition | FlowCondition>(note: string, condition: C): C => ({
  ...condition,
  note,
});

export const kind = (...kinds: ElementKind[]): ElementCondition => ({ op: "kind", kinds });
export const baseType = (...baseTypes: DfdBaseType[]): ElementCondition => ({ op: "base-type", baseTypes });
export const property = (key: string, test: ValueTest): ElementCondition => ({ op: "property", key, test });
export const isTrue = (key: string): ElementCondition => property(key, { is: true });
export const labelHas = (...words: string[]): ElementCondition => ({ op: "label", words });
export const trust = (...levels: TrustLevel[]): ElementCondition => ({ op: "trust", levels });
export const exposed = (): ElementCondition => ({ op: "exposed" });
export const asset = (match: AssetMatch): ElementCondition => ({ op: "asset", match });
export const flowIn = (match: FlowCondition): ElementCondition => ({ op: "flow", direction: "in", match });
export const flowOut = (match: FlowCondition): ElementCondition => ({ op: "flow", direction: "out", match });
export const flowEither = (match: FlowCondition): ElementCondition => ({
  op: "flow",
  direction: "either",
  match,
});

export const encrypted = (value: boolean): FlowCondition => ({ op: "encrypted", value });
export const authenticated = (value: boolean): FlowCondition => ({ op: "authenticated", value });
export const classified = (...levels: DataClassification[]): FlowCondition => ({
  op: "classification",
  levels,
});
export const flowLabelHas = (...words: string[]): FlowCondition => ({ op: "label", words });
export const crossesBoundary = (): FlowCondition => ({ op: "crosses-boundary" });
export const toTrust = (direction: "higher" | "lower"): FlowCondition => ({ op: "trust-change", direction });
export const from = (where: ElementCondition): FlowCondition => ({ op: "from", where });
export const to = (where: ElementCondition): FlowCondition => ({ op: "to", where });
export const neighbour = (where: ElementCondition): FlowCondition => ({ op: "neighbour", where });

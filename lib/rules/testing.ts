import fc from "fast-check";
import {
  DATA_CLASSIFICATIONS,
  ProvenanceSchema,
  type ThreatModelDocument,
  type ThreatModelDocumentInput,
  ThreatModelDocumentSchema,
} from "@/lib/domain/document";
import { KIND_PROPERTY_SCHEMAS, TRUST_LEVELS, type TrustLevel } from "@/lib/domain/kind-properties";
import { ELEMENT_KINDS, type ElementKind } from "@/lib/domain/kinds";
import type { CatalogLookup } from "./suggest";
import { SUGGESTABLE_THREAT_IDS } from "./types";

/** Test support for the rule tests: small document builders, a stub catalog and a document arbitrary. */

/** A catalog that knows exactly the ids the rules may suggest. */
export const stubLookup: CatalogLookup = (catalogId) =>
  (SUGGESTABLE_THREAT_IDS as readonly string[]).includes(catalogId)
    ? { title: `Title of ${catalogId}`, refs: [`REF:${catalogId}`], mitigationIds: [`m-${catalogId}`] }
    : undefined;

type ElementInput = NonNullable<ThreatModelDocumentInput["elements"]>[number];
type FlowInput = NonNullable<ThreatModelDocumentInput["flows"]>[number];
type AssetInput = NonNullable<ThreatModelDocumentInput["assets"]>[number];

export function buildDocument(parts: {
  elements: ElementInput[];
  flows?: FlowInput[];
  assets?: AssetInput[];
  threats?: ThreatModelDocumentInput["threats"];
}): ThreatModelDocument {
  return ThreatModelDocumentSchema.parse({ schemaVersion: 1, ...parts });
}

/** Trust zones every test document may use. */
export const ZONES = {
  internet: zone("internet", "Internet", "untrusted"),
  partner: zone("partner", "Partner network", "partner"),
  corp: zone("corp", "Corporate network", "internal"),
  vault: zone("vault", "Vault", "restricted"),
};

export function zone(id: string, label: string, trustLevel?: TrustLevel, parentId?: string): ElementInput {
  return {
    id,
    kind: "trust-boundary",
    label,
    ...(parentId ? { parentId } : {}),
    properties: trustLevel ? { trustLevel } : {},
  };
}

/** An element; `in` names its zone (default: the internal corporate network). */
export function node(
  id: string,
  kind: Exclude<ElementKind, "trust-boundary">,
  label: string,
  properties: Record<string, unknown> = {},
  options: { in?: keyof typeof ZONES | null; outOfScope?: boolean } = {},
): ElementInput {
  const parent = options.in === undefined ? "corp" : options.in;
  return {
    id,
    kind,
    label,
    properties,
    ...(parent ? { parentId: parent } : {}),
    ...(options.outOfScope ? { outOfScope: true } : {}),
  } as ElementInput;
}

export function link(
  source: string,
  target: string,
  options: Omit<FlowInput, "id" | "source" | "target"> = {},
): FlowInput {
  return { id: `${source}->${target}`, source, target, ...options };
}

// --- A document arbitrary: anything ThreatModelDocumentSchema accepts, biased toward rule triggers.

const VALUE_POOL: readonly unknown[] = [
  true,
  false,
  ...TRUST_LEVELS,
  "suggests-only",
  "acts-with-confirmation",
  "acts-without-confirmation",
  "pickle",
  "safetensors",
  "LLM",
  "gradient boosting",
  [],
  ["scraped web pages"],
  ["internal wiki"],
  ["search", "send-email"],
];

/** For each kind, its documented properties and the pool values each accepts. */
const PROPERTY_CHOICES = new Map(
  ELEMENT_KINDS.map((kind) => {
    const shape = KIND_PROPERTY_SCHEMAS[kind].shape as Record<
      string,
      { safeParse(v: unknown): { success: boolean } }
    >;
    const choices = Object.entries(shape)
      .map(([key, schema]) => [key, VALUE_POOL.filter((value) => schema.safeParse(value).success)] as const)
      .filter(([, values]) => values.length > 0);
    return [kind, choices] as const;
  }),
);

// Keys the registry does not declare but rules read (loose objects keep them).
const EXTRA_PROPERTIES = {
  servesLlm: fc.boolean(),
  modelType: fc.constantFrom("LLM", "large language model", "gradient boosting"),
  rateLimited: fc.boolean(),
};

function propertiesArbitrary(kind: ElementKind) {
  const documented = Object.fromEntries(
    (PROPERTY_CHOICES.get(kind) ?? []).map(([key, values]) => [key, fc.constantFrom(...values)]),
  );
  return fc.record({ ...documented, ...EXTRA_PROPERTIES }, { requiredKeys: [] });
}

const NODE_KINDS = ELEMENT_KINDS.filter((kind) => kind !== "trust-boundary");
const LABELS = ["", "Feedback dataset", "Audit log", "Customer", "Scoring API", "Node"];

const boundaryArbitrary = fc.record({
  trustLevel: fc.option(fc.constantFrom(...TRUST_LEVELS), { nil: undefined }),
  parent: fc.option(fc.nat(), { nil: undefined }),
});
const elementArbitrary = fc.constantFrom(...NODE_KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    properties: propertiesArbitrary(kind),
    label: fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 12 })),
    parent: fc.option(fc.nat(), { nil: undefined }),
    outOfScope: fc.boolean(),
  }),
);
const flowArbitrary = fc.record({
  source: fc.nat(),
  target: fc.nat(),
  encrypted: fc.boolean(),
  authenticated: fc.boolean(),
  bidirectional: fc.boolean(),
  dataClassification: fc.option(fc.constantFrom(...DATA_CLASSIFICATIONS), { nil: undefined }),
  label: fc.option(fc.constantFrom("feedback", "ratings", "events", ""), { nil: undefined }),
});
const assetArbitrary = fc.record({
  name: fc.constantFrom("Customer records", "Model weights", "Notes", "Personal data"),
  type: fc.option(fc.constantFrom("personal data", "model", "documents"), { nil: undefined }),
  provenance: fc.option(fc.constantFrom(...ProvenanceSchema.options), { nil: undefined }),
  classification: fc.option(fc.constantFrom(...DATA_CLASSIFICATIONS), { nil: undefined }),
  elements: fc.array(fc.nat(), { maxLength: 3 }),
});
const threatArbitrary = fc.record({
  catalogId: fc.option(fc.constantFrom(...SUGGESTABLE_THREAT_IDS, "not-in-catalog"), { nil: undefined }),
  targets: fc.array(fc.nat(), { maxLength: 3 }),
});

/** Schema-valid documents: random kinds and properties, nested boundaries, flows, assets and threats. */
export const documentArbitrary: fc.Arbitrary<ThreatModelDocument> = fc
  .record({
    boundaries: fc.array(boundaryArbitrary, { maxLength: 4 }),
    elements: fc.array(elementArbitrary, { maxLength: 14 }),
    flows: fc.array(flowArbitrary, { maxLength: 20 }),
    assets: fc.array(assetArbitrary, { maxLength: 4 }),
    threats: fc.array(threatArbitrary, { maxLength: 6 }),
  })
  .map((drawn) => {
    // A boundary's parent is an earlier boundary, so nesting never forms a cycle.
    const boundaries: ElementInput[] = drawn.boundaries.map((boundary, i) =>
      zone(
        `b${i}`,
        `Zone ${i}`,
        boundary.trustLevel,
        boundary.parent !== undefined && i > 0 ? `b${boundary.parent % i}` : undefined,
      ),
    );
    const pickBoundary = (n: number | undefined) =>
      n !== undefined && boundaries.length > 0 ? `b${n % boundaries.length}` : undefined;
    const nodes = drawn.elements.map(
      (element, i) =>
        ({
          id: `e${i}`,
          kind: element.kind,
          label: element.label,
          properties: element.properties,
          outOfScope: element.outOfScope,
          ...(pickBoundary(element.parent) ? { parentId: pickBoundary(element.parent) } : {}),
        }) as ElementInput,
    );
    const flows: FlowInput[] =
      nodes.length === 0
        ? []
        : drawn.flows.map((flow, i) => ({
            id: `f${i}`,
            source: `e${flow.source % nodes.length}`,
            target: `e${flow.target % nodes.length}`,
            encrypted: flow.encrypted,
            authenticated: flow.authenticated,
            bidirectional: flow.bidirectional,
            ...(flow.dataClassification ? { dataClassification: flow.dataClassification } : {}),
            ...(flow.label !== undefined ? { label: flow.label } : {}),
          }));
    const allElements = [...boundaries, ...nodes];
    const assets: AssetInput[] = drawn.assets.map((asset, i) => ({
      id: `a${i}`,
      name: asset.name,
      ...(asset.type ? { type: asset.type } : {}),
      ...(asset.provenance ? { provenance: asset.provenance } : {}),
      ...(asset.classification ? { classification: asset.classification } : {}),
      elementIds:
        allElements.length === 0
          ? []
          : asset.elements.map((n) => allElements[n % allElements.length]?.id ?? ""),
    }));
    const targets = [...allElements.map((element) => element.id), ...flows.map((flow) => flow.id)];
    const threats = drawn.threats.map((threat, i) => ({
      id: `t${i}`,
      title: `Threat ${i}`,
      ...(threat.catalogId ? { catalogId: threat.catalogId } : {}),
      targetIds: targets.length === 0 ? [] : threat.targets.map((n) => targets[n % targets.length] ?? ""),
    }));
    return ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: allElements,
      flows,
      assets,
      threats,
    });
  });

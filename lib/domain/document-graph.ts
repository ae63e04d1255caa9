import { z } from "zod";
import { KIND_PROPERTY_SCHEMAS } from "./kind-properties";
import { defaultSizeOf, type ElementKind } from "./kinds";

/**
 * The diagram part of the document: elements (nodes and trust boundaries) and flows. Entries are
 * loose objects so a key this schema does not know is kept rather than silently dropped.
 *
 * Coordinates: `position` is the ABSOLUTE canvas position of the element's top-left corner, even
 * for an element inside a trust boundary. React Flow's parent-relative positions are a view
 * concern, converted in flow-mapping.ts. Reparenting an element therefore never moves it.
 */
export const IdSchema = z.string().min(1, "id must not be empty");

export const PositionSchema = z.object({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof PositionSchema>;

export const SizeSchema = z.object({ width: z.number().positive(), height: z.number().positive() });

export const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export const DataClassificationSchema = z.enum(DATA_CLASSIFICATIONS);
export type DataClassification = z.infer<typeof DataClassificationSchema>;

const elementShape = {
  id: IdSchema,
  label: z.string(),
  position: PositionSchema.default(() => ({ x: 0, y: 0 })),
  /** The enclosing trust boundary, if any. */
  parentId: IdSchema.optional(),
  outOfScope: z.boolean().default(false),
  outOfScopeReason: z.string().optional(),
};

function variant<K extends ElementKind, P extends z.ZodType>(kind: K, properties: P) {
  return z.looseObject({
    ...elementShape,
    kind: z.literal(kind),
    size: SizeSchema.default(() => defaultSizeOf(kind)),
    properties,
  });
}

const P = KIND_PROPERTY_SCHEMAS;

// One variant per kind, so `properties` is validated against (and typed by) the element's kind.
export const ElementSchema = z.discriminatedUnion("kind", [
  variant("process", P.process.prefault({})),
  variant("datastore", P.datastore.prefault({})),
  variant("external-entity", P["external-entity"].prefault({})),
  variant("trust-boundary", P["trust-boundary"].prefault({})),
  variant("dataset", P.dataset.prefault({})),
  variant("data-pipeline", P["data-pipeline"].prefault({})),
  variant("feature-store", P["feature-store"].prefault({})),
  variant("labeling-workforce", P["labeling-workforce"].prefault({})),
  variant("model-registry", P["model-registry"].prefault({})),
  variant("training-job", P["training-job"].prefault({})),
  variant("inference-endpoint", P["inference-endpoint"].prefault({})),
  variant("prompt-template", P["prompt-template"].prefault({})),
  variant("llm-agent", P["llm-agent"].prefault({})),
  variant("third-party-model", P["third-party-model"].prefault({})),
  variant("vector-store", P["vector-store"].prefault({})),
  variant("monitoring", P.monitoring.prefault({})),
  variant("data-broker", P["data-broker"].prefault({})),
  variant("end-user", P["end-user"].prefault({})),
]);

/** A parsed element: a union discriminated by `kind`, with defaults applied. */
export type Element = z.infer<typeof ElementSchema>;
/** What a client may send for an element (defaults not yet applied). */
export type ElementInput = z.input<typeof ElementSchema>;
export type ElementOfKind<K extends ElementKind> = Extract<Element, { kind: K }>;
export type TrustBoundaryElement = ElementOfKind<"trust-boundary">;

export function isTrustBoundary(element: Element): element is TrustBoundaryElement {
  return element.kind === "trust-boundary";
}

export const FlowSchema = z.looseObject({
  id: IdSchema,
  /** Element ids; never a trust boundary. */
  source: IdSchema,
  target: IdSchema,
  label: z.string().optional(),
  protocol: z.string().optional(),
  dataClassification: DataClassificationSchema.optional(),
  encrypted: z.boolean().default(false),
  authenticated: z.boolean().default(false),
  bidirectional: z.boolean().default(false),
  properties: z.looseObject({}).prefault({}),
});
export type Flow = z.infer<typeof FlowSchema>;
export type FlowInput = z.input<typeof FlowSchema>;

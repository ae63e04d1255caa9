import { z } from "zod";
import { KIND_PROPERTY_SCHEMAS } from "./kind-properties";
import { defaultSizeOf, type ElementKind } from "./kinds";
import { sortedShape } from "./sorted-shape";

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

export const SizeSchema = z.object(
  sortedShape({ width: z.number().positive(), height: z.number().positive() }),
);

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
  return z.looseObject(
    sortedShape({
      ...elementShape,
      kind: z.literal(kind),
      size: SizeSchema.prefault(() => defaultSizeOf(kind)),
      properties,
    }),
  );
}

/** A kind's documented properties, parsed with sorted keys; the inspector lists them as declared. */
function props<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  // Every documented property is optional, so {} is valid for each kind (TypeScript cannot see it
  // through the generic shape).
  return z.looseObject(sortedShape(schema.shape)).prefault({} as never);
}

const P = KIND_PROPERTY_SCHEMAS;

// One variant per kind, so `properties` is validated against (and typed by) the element's kind.
export const ElementSchema = z.discriminatedUnion("kind", [
  variant("process", props(P.process)),
  variant("datastore", props(P.datastore)),
  variant("external-entity", props(P["external-entity"])),
  variant("trust-boundary", props(P["trust-boundary"])),
  variant("dataset", props(P.dataset)),
  variant("data-pipeline", props(P["data-pipeline"])),
  variant("feature-store", props(P["feature-store"])),
  variant("labeling-workforce", props(P["labeling-workforce"])),
  variant("model-registry", props(P["model-registry"])),
  variant("training-job", props(P["training-job"])),
  variant("inference-endpoint", props(P["inference-endpoint"])),
  variant("prompt-template", props(P["prompt-template"])),
  variant("llm-agent", props(P["llm-agent"])),
  variant("third-party-model", props(P["third-party-model"])),
  variant("vector-store", props(P["vector-store"])),
  variant("monitoring", props(P.monitoring)),
  variant("data-broker", props(P["data-broker"])),
  variant("end-user", props(P["end-user"])),
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

export const FlowSchema = z.looseObject(
  sortedShape({
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
  }),
);
export type Flow = z.infer<typeof FlowSchema>;
export type FlowInput = z.input<typeof FlowSchema>;

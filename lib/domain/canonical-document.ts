import { contentHash } from "./canonical";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "./document";

/**
 * Fields React Flow (or any canvas) keeps on nodes and edges that are per-user or measured from
 * the DOM. Entries are loose objects, so a client that sends React Flow nodes as elements would
 * otherwise store them; they never belong in the document or its hash. `size` is durable and kept.
 */
const TRANSIENT_ENTRY_FIELDS = ["selected", "dragging", "measured", "resizing"] as const;
/** React Flow's top-level node dimensions; the document's durable equivalent is `size`. */
const TRANSIENT_ELEMENT_FIELDS = [...TRANSIENT_ENTRY_FIELDS, "width", "height"] as const;

function omitFields<T extends Record<string, unknown>>(entry: T, fields: readonly string[]): T {
  if (!fields.some((field) => Object.hasOwn(entry, field))) return entry;
  const copy: Record<string, unknown> = { ...entry };
  for (const field of fields) delete copy[field];
  return copy as T;
}

/**
 * The canonical document: parsed through the schema (defaults applied, invalid input throws a
 * ZodError naming the path) with transient UI fields removed from elements and flows. Object key
 * order is irrelevant (canonical JSON sorts keys); array order is content and is kept.
 */
export function canonicalizeDocument(input: unknown): ThreatModelDocument {
  return canonicalizeParsed(ThreatModelDocumentSchema.parse(input));
}

/**
 * The canonical form of a document the schema has already parsed (a route's validated body):
 * the same result as `canonicalizeDocument` without validating a large document a second time.
 */
export function canonicalizeParsed(doc: ThreatModelDocument): ThreatModelDocument {
  return {
    ...doc,
    elements: doc.elements.map((element) => omitFields(element, TRANSIENT_ELEMENT_FIELDS)),
    flows: doc.flows.map((flow) => omitFields(flow, TRANSIENT_ENTRY_FIELDS)),
  };
}

/** sha256 of the canonical JSON of the canonical document: the version's `contentHash`. */
export function documentHash(input: unknown): string {
  return contentHash(canonicalizeDocument(input));
}

import type { ThreatModelDocument } from "./document";
import type { Element } from "./document-graph";
import { jsonEqual } from "./json-equal";

/**
 * What changed between two versions of a document, entry by entry. This is the body of the public
 * `GET /models/:id/diff` endpoint, and its field granularity (top-level fields, one name per key of
 * an element's `properties`) is the one rebase.ts merges at.
 */
export const DIFF_COLLECTIONS = ["elements", "flows", "assets", "threats", "mitigations"] as const;
export type DiffCollection = (typeof DIFF_COLLECTIONS)[number];
export type ChangedEntry = { id: string; fields: string[] };
export type CollectionDiff = { added: string[]; removed: string[]; changed: ChangedEntry[] };
export type DocumentDiff = Record<DiffCollection, CollectionDiff>;
export type DiffStatus = "added" | "removed" | "changed";

/** Any entry of a collection, seen as a loose JSON object. */
export type Entry = { id: string; [key: string]: unknown };

/**
 * Lists whose order means nothing (id lists and category tags), compared as sets. A name with a
 * dot is a list inside a top-level field. Every other array compares in order.
 */
export const UNORDERED_LISTS: Record<DiffCollection, readonly string[]> = {
  elements: [],
  flows: [],
  assets: ["elementIds"],
  threats: [
    "targetIds",
    "assetIds",
    "categories.stride",
    "categories.atlas",
    "categories.owaspMl",
    "categories.owaspLlm",
    "categories.linddun",
  ],
  mitigations: ["threatIds"],
};

const PROPERTY_PREFIX = "properties.";

/** Top-level field -> the unordered lists inside it ("" for the field itself), per collection. */
const UNORDERED_BY_FIELD = mapCollections((collection) => {
  const byField = new Map<string, string[]>();
  for (const path of UNORDERED_LISTS[collection]) {
    const [field = "", inner = ""] = path.split(".", 2);
    byField.set(field, [...(byField.get(field) ?? []), inner]);
  }
  return byField;
});

export function mapCollections<T>(make: (collection: DiffCollection) => T): Record<DiffCollection, T> {
  return {
    elements: make("elements"),
    flows: make("flows"),
    assets: make("assets"),
    threats: make("threats"),
    mitigations: make("mitigations"),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a field name is one key of an element's properties (`properties.<key>`). */
export function propertyKeyOf(collection: DiffCollection, field: string): string | undefined {
  return collection === "elements" && field.startsWith(PROPERTY_PREFIX)
    ? field.slice(PROPERTY_PREFIX.length)
    : undefined;
}

/** The value of one diff field of an entry; undefined when absent. */
export function readField(collection: DiffCollection, entry: Entry, field: string): unknown {
  const key = propertyKeyOf(collection, field);
  if (key === undefined) return entry[field];
  return isRecord(entry.properties) ? entry.properties[key] : undefined;
}

function asSet(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const items = value.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
  return [...new Set(items)].sort();
}

/** The value with its unordered lists sorted, so plain JSON equality ignores their order. */
function comparable(collection: DiffCollection, field: string, value: unknown): unknown {
  const inner = UNORDERED_BY_FIELD[collection].get(field);
  if (!inner) return value;
  if (inner.includes("")) return asSet(value);
  if (!isRecord(value)) return value;
  const copy = { ...value };
  for (const key of inner) if (key in copy) copy[key] = asSet(copy[key]);
  return copy;
}

/** Equality of two values of the same diff field (set semantics for unordered lists). */
export function isSameField(collection: DiffCollection, field: string, a: unknown, b: unknown): boolean {
  if (propertyKeyOf(collection, field) !== undefined) return jsonEqual(a, b);
  return jsonEqual(comparable(collection, field, a), comparable(collection, field, b));
}

function unionKeys(a: object, b: object): Set<string> {
  return new Set([...Object.keys(a), ...Object.keys(b)]);
}

function changedPropertyKeys(before: unknown, after: unknown): string[] {
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  return [...unionKeys(left, right)]
    .filter((key) => !jsonEqual(left[key], right[key]))
    .map((key) => PROPERTY_PREFIX + key);
}

/** Sorted names of the fields whose values differ between two versions of one entry. */
export function changedFields(collection: DiffCollection, before: Entry, after: Entry): string[] {
  if (before === after) return [];
  const fields: string[] = [];
  for (const key of unionKeys(before, after)) {
    if (collection === "elements" && key === "properties") {
      fields.push(...changedPropertyKeys(before[key], after[key]));
    } else if (!isSameField(collection, key, before[key], after[key])) {
      fields.push(key);
    }
  }
  return fields.sort();
}

function diffCollection(
  collection: DiffCollection,
  from: readonly Entry[],
  to: readonly Entry[],
): CollectionDiff {
  const before = new Map(from.map((entry) => [entry.id, entry]));
  const after = new Set(to.map((entry) => entry.id));
  const changed: ChangedEntry[] = [];
  for (const entry of to) {
    const old = before.get(entry.id);
    const fields = old ? changedFields(collection, old, entry) : [];
    if (fields.length > 0) changed.push({ id: entry.id, fields });
  }
  return {
    added: to.filter((entry) => !before.has(entry.id)).map((entry) => entry.id),
    removed: from.filter((entry) => !after.has(entry.id)).map((entry) => entry.id),
    changed,
  };
}

/** Entries matched by id; moving an entry within its collection is not a change. */
export function diffDocuments(from: ThreatModelDocument, to: ThreatModelDocument): DocumentDiff {
  return mapCollections((collection) => diffCollection(collection, from[collection], to[collection]));
}

export function isEmptyDiff(diff: DocumentDiff): boolean {
  return DIFF_COLLECTIONS.every((collection) => {
    const { added, removed, changed } = diff[collection];
    return added.length === 0 && removed.length === 0 && changed.length === 0;
  });
}

const SCOPE_PREFIX = "scope.";

/** The value of one document-level field: title, description, scope.<key> or assumptions. */
export function readMetaField(doc: ThreatModelDocument, field: string): unknown {
  if (field.startsWith(SCOPE_PREFIX)) {
    const scope: Record<string, unknown> = doc.scope;
    return scope[field.slice(SCOPE_PREFIX.length)];
  }
  if (field === "title" || field === "description" || field === "assumptions") return doc[field];
  return undefined;
}

/** Sorted names of the document-level fields that differ; assumptions compare in order. */
export function diffMeta(from: ThreatModelDocument, to: ThreatModelDocument): string[] {
  const scopeFields = [...unionKeys(from.scope, to.scope)].map((key) => SCOPE_PREFIX + key);
  return ["title", "description", "assumptions", ...scopeFields]
    .filter((field) => !jsonEqual(readMetaField(from, field), readMetaField(to, field)))
    .sort();
}

/**
 * A document to draw a comparison on: `to` plus ghosts of the removed elements (at their old
 * position) and of the removed flows whose two ends are still drawn. Ghosts never break the
 * document's rules: a ghost whose parent is not drawn is shown at the top level, and a ghost whose
 * id is now used by another entry is left out.
 */
export function diffOverlay(
  from: ThreatModelDocument,
  to: ThreatModelDocument,
  diff: DocumentDiff = diffDocuments(from, to),
): { document: ThreatModelDocument; status: Map<string, DiffStatus> } {
  const taken = new Set(DIFF_COLLECTIONS.flatMap((collection) => to[collection].map((entry) => entry.id)));
  const removedElements = new Set(diff.elements.removed);
  const ghosts = from.elements.filter((element) => removedElements.has(element.id) && !taken.has(element.id));
  const drawn = new Map([...to.elements, ...ghosts].map((element) => [element.id, element]));
  const isBoundary = (id: string) => drawn.get(id)?.kind === "trust-boundary";
  const placeGhost = (element: Element): Element => {
    if (element.parentId === undefined || isBoundary(element.parentId)) return element;
    const next: Element = { ...element };
    delete next.parentId;
    return next;
  };
  const isDrawnEnd = (id: string) => drawn.has(id) && !isBoundary(id);
  const removedFlows = new Set(diff.flows.removed);
  const ghostFlows = from.flows.filter(
    (flow) =>
      removedFlows.has(flow.id) && !taken.has(flow.id) && isDrawnEnd(flow.source) && isDrawnEnd(flow.target),
  );
  const document = {
    ...to,
    elements: [...to.elements, ...ghosts.map(placeGhost)],
    flows: [...to.flows, ...ghostFlows],
  };
  return { document, status: statusOf(diff) };
}

function statusOf(diff: DocumentDiff): Map<string, DiffStatus> {
  const status = new Map<string, DiffStatus>();
  for (const collection of ["elements", "flows"] as const) {
    const { added, removed, changed } = diff[collection];
    for (const id of added) status.set(id, "added");
    for (const id of removed) status.set(id, "removed");
    for (const { id } of changed) status.set(id, "changed");
  }
  return status;
}

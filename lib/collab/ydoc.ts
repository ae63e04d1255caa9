import * as Y from "yjs";
import { canonicalJson } from "@/lib/domain/canonical";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";

/**
 * The live form of a threat-model document: one Y.Map per element, flow, asset, threat and
 * mitigation (field -> JSON value), so two people editing different fields of one entry both keep
 * their edit, and a drag rewrites one `position` key, not the whole entry. Top-level fields live in
 * the `meta` map. Entry order is kept by an `order` key (ties broken by id).
 */
export const COLLECTIONS = ["elements", "flows", "assets", "threats", "mitigations"] as const;
export type Collection = (typeof COLLECTIONS)[number];
const META_FIELDS = ["schemaVersion", "title", "description", "scope", "assumptions"] as const;
const ORDER = "order";

type Entry = { id: string; [field: string]: unknown };
type EntryMap = Y.Map<unknown>;

/** Deep equality of JSON values; `undefined` (a missing field) equals only itself. */
const same = (a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/**
 * Writes `next` into the Y.Doc. Without `previous` the Y.Doc ends up holding exactly `next`. With
 * `previous` (what `next` was edited from) only the changes from `previous` to `next` are written,
 * field by field: entries and fields someone else added or changed meanwhile are kept, so edits made
 * before a tab finished syncing (or while it was offline) merge instead of overwriting.
 */
export function writeDocument(
  ydoc: Y.Doc,
  next: ThreatModelDocument,
  previous?: ThreatModelDocument,
  origin: unknown = null,
): void {
  ydoc.transact(() => {
    const meta = ydoc.getMap("meta");
    for (const field of META_FIELDS) {
      const value = next[field];
      if (previous && previous[field] === value) continue;
      if (!same(meta.get(field), value)) meta.set(field, value);
    }
    for (const collection of COLLECTIONS) {
      const map = ydoc.getMap<EntryMap>(collection);
      const before = new Map((previous?.[collection] ?? []).map((e) => [e.id, e as Entry]));
      const wanted = new Set<string>();
      let lastOrder = Math.max(0, ...[...map.values()].map((live) => Number(live.get(ORDER)) || 0));
      for (const raw of next[collection]) {
        const entry = raw as Entry;
        wanted.add(entry.id);
        if (before.get(entry.id) === entry && map.has(entry.id)) continue;
        let live = map.get(entry.id);
        if (!live) {
          // New entries go last; existing ones keep their place whoever edits them.
          live = new Y.Map<unknown>();
          live.set(ORDER, ++lastOrder);
          map.set(entry.id, live);
        }
        writeEntry(live, entry, before.get(entry.id));
      }
      for (const id of [...map.keys()]) {
        if (!wanted.has(id) && (!previous || before.has(id))) map.delete(id);
      }
    }
  }, origin);
}

function writeEntry(live: EntryMap, entry: Entry, before?: Entry) {
  for (const [field, value] of Object.entries(entry)) {
    if (value === undefined) continue;
    // A field this edit did not change keeps its live value (which may be someone else's edit).
    if (before && live.has(field) && same(before[field], value)) continue;
    if (!same(live.get(field), value)) live.set(field, value);
  }
  for (const field of [...live.keys()]) {
    if (field === ORDER || field in entry) continue;
    if (before && !(field in before)) continue; // added by someone else, not removed by this edit
    live.delete(field);
  }
}

/**
 * Reads the document back. Entries equal to `previous`'s keep their object identity (so React
 * Flow nodes and memoised panels see no change); references left dangling by concurrent edits
 * (a flow to an element someone else deleted) are dropped; the result is schema-valid.
 */
export function readDocument(ydoc: Y.Doc, previous?: ThreatModelDocument): ThreatModelDocument {
  const meta = ydoc.getMap("meta");
  const raw: Record<string, unknown> = { schemaVersion: 1 };
  for (const field of META_FIELDS) if (meta.has(field)) raw[field] = meta.get(field);
  for (const collection of COLLECTIONS) {
    const entries = [...ydoc.getMap<EntryMap>(collection).entries()].map(([id, live]) => {
      const entry: Entry = { id };
      let order = Number.MAX_SAFE_INTEGER;
      for (const [field, value] of live.entries()) {
        if (field === ORDER) order = Number(value);
        else entry[field] = value;
      }
      entry.id = id;
      return { entry, order };
    });
    entries.sort((a, b) => a.order - b.order || (a.entry.id < b.entry.id ? -1 : 1));
    raw[collection] = entries.map((e) => e.entry);
  }
  const parsed = ThreatModelDocumentSchema.safeParse(repairReferences(raw));
  if (!parsed.success) {
    // A malformed entry (a client outside the UI wrote junk): keep what was good before.
    return previous ?? ThreatModelDocumentSchema.parse({ schemaVersion: 1 });
  }
  return previous ? reuseUnchanged(parsed.data, previous) : parsed.data;
}

function repairReferences(raw: Record<string, unknown>): Record<string, unknown> {
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as Entry[]) : []);
  const ids = (key: string) => new Set(list(key).map((e) => e.id));
  const elements = ids("elements");
  const flows = list("flows").filter((f) => elements.has(String(f.source)) && elements.has(String(f.target)));
  const flowIds = new Set(flows.map((f) => f.id));
  const targets = new Set([...elements, ...flowIds]);
  const assets = ids("assets");
  const threats = ids("threats");
  const keep = (value: unknown, allowed: Set<string>) =>
    Array.isArray(value) ? value.filter((id) => allowed.has(String(id))) : value;
  return {
    ...raw,
    elements: list("elements").map((e) => {
      if (e.parentId === undefined || elements.has(String(e.parentId))) return e;
      const { parentId: _, ...rest } = e;
      return rest;
    }),
    flows,
    assets: list("assets").map((a) => ({ ...a, elementIds: keep(a.elementIds, elements) })),
    threats: list("threats").map((t) => ({
      ...t,
      targetIds: keep(t.targetIds, targets),
      assetIds: keep(t.assetIds, assets),
    })),
    mitigations: list("mitigations").map((m) => ({ ...m, threatIds: keep(m.threatIds, threats) })),
  };
}

function reuseUnchanged(next: ThreatModelDocument, previous: ThreatModelDocument): ThreatModelDocument {
  const result = { ...next } as Record<string, unknown>;
  for (const collection of COLLECTIONS) {
    const before = new Map((previous[collection] as Entry[]).map((e) => [e.id, e]));
    const merged = (next[collection] as Entry[]).map((entry) => {
      const old = before.get(entry.id);
      return old && same(old, entry) ? old : entry;
    });
    const isSame =
      merged.length === previous[collection].length && merged.every((e, i) => e === previous[collection][i]);
    result[collection] = isSame ? previous[collection] : merged;
  }
  for (const field of META_FIELDS) {
    if (same(previous[field], next[field])) result[field] = previous[field];
  }
  const keys = [...COLLECTIONS, ...META_FIELDS] as const;
  return keys.every((key) => result[key] === previous[key]) ? previous : (result as ThreatModelDocument);
}

/** A Y.Doc holding `document`, as the server seeds a model that has no live state yet. */
export function documentToYDoc(document: ThreatModelDocument): Y.Doc {
  const ydoc = new Y.Doc();
  writeDocument(ydoc, document);
  return ydoc;
}

/**
 * The first state of a live document, written by a fixed Yjs client id: two app instances that seed
 * the same model at once produce the very same update, so their replicas merge instead of holding
 * two competing copies of every entry (where a concurrent edit could land in the losing copy).
 */
export function seedUpdate(document: ThreatModelDocument): Uint8Array {
  const seed = new Y.Doc();
  seed.clientID = 0;
  writeDocument(seed, document);
  return Y.encodeStateAsUpdate(seed);
}

import type { ZodType } from "zod";
import {
  changedFields,
  DIFF_COLLECTIONS,
  type DiffCollection,
  diffMeta,
  type Entry,
  isRecord,
  isSameField,
  propertyKeyOf,
  readField,
  readMetaField,
} from "./diff";
import { ScopeSchema, type ThreatModelDocument } from "./document";
import { AssetSchema, MitigationSchema, ThreatSchema } from "./document-analysis";
import { removeFromDocument } from "./document-edits";
import { ElementSchema, FlowSchema } from "./document-graph";
import { findReferenceProblems } from "./document-references";
import { jsonEqual } from "./json-equal";

/**
 * Three-way rebase of a working copy (`ours`, edited from `base`) onto a newer head (`theirs`):
 * start from theirs and re-apply what ours changed, at the diff's field granularity. Ours wins
 * where both sides changed the same field, and every such case, every deleted-versus-edited entry
 * and every link dropped to keep the document valid is reported, so no work is lost silently.
 */
export type RebaseConflict = {
  collection: DiffCollection | "model";
  id: string | null;
  /** A diff field name, or "*" for the entry as a whole. */
  field: string;
  note: string;
};
export type RebaseResult = { document: ThreatModelDocument; conflicts: RebaseConflict[] };

type Context = {
  base: ThreatModelDocument;
  ours: ThreatModelDocument;
  theirs: ThreatModelDocument;
  /** Base as each side's own deletions left it: the cascade of a delete is not an edit. */
  baseOurs: ThreatModelDocument;
  baseTheirs: ThreatModelDocument;
  /** Which collection of theirs uses each id. */
  taken: Map<string, DiffCollection>;
  conflicts: RebaseConflict[];
};

export function rebaseDocument(
  base: ThreatModelDocument,
  ours: ThreatModelDocument,
  theirs: ThreatModelDocument,
): RebaseResult {
  const removedByOurs = missingIds(base, ours);
  const context: Context = {
    base,
    ours,
    theirs,
    baseOurs: removeFromDocument(base, removedByOurs),
    baseTheirs: removeFromDocument(base, missingIds(base, theirs)),
    taken: new Map(
      DIFF_COLLECTIONS.flatMap((collection) => theirs[collection].map(({ id }) => [id, collection] as const)),
    ),
    conflicts: [],
  };
  const merged: ThreatModelDocument = {
    ...theirs,
    ...mergeMeta(context),
    elements: mergeCollection("elements", (doc) => doc.elements, ElementSchema, context),
    flows: mergeCollection("flows", (doc) => doc.flows, FlowSchema, context),
    assets: mergeCollection("assets", (doc) => doc.assets, AssetSchema, context),
    threats: mergeCollection("threats", (doc) => doc.threats, ThreatSchema, context),
    mitigations: mergeCollection("mitigations", (doc) => doc.mitigations, MitigationSchema, context),
  };
  const repaired = removeDeleted(merged, removedByOurs, context);
  return { document: fixReferenceProblems(repaired, context.conflicts), conflicts: context.conflicts };
}

function idsOf(doc: ThreatModelDocument): string[] {
  return DIFF_COLLECTIONS.flatMap((collection) => doc[collection].map(({ id }) => id));
}

function missingIds(from: ThreatModelDocument, to: ThreatModelDocument): Set<string> {
  const kept = new Set(idsOf(to));
  return new Set(idsOf(from).filter((id) => !kept.has(id)));
}

function byId<T extends Entry>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((entry) => [entry.id, entry]));
}

const SAME_FIELD_NOTE = "changed in the newer version too; your value was kept";

function mergeMeta(
  context: Context,
): Pick<ThreatModelDocument, "title" | "description" | "scope" | "assumptions"> {
  const { base, ours, theirs } = context;
  const mine = new Set(diffMeta(base, ours));
  const changedByTheirs = new Set(diffMeta(base, theirs));
  for (const field of mine) {
    if (changedByTheirs.has(field) && !jsonEqual(readMetaField(ours, field), readMetaField(theirs, field))) {
      context.conflicts.push({ collection: "model", id: null, field, note: SAME_FIELD_NOTE });
    }
  }
  const scopeFields = [...mine].filter((field) => field.startsWith("scope."));
  const scope: Record<string, unknown> = { ...theirs.scope };
  for (const field of scopeFields)
    setOrDelete(scope, field.slice("scope.".length), readMetaField(ours, field));
  return {
    title: mine.has("title") ? ours.title : theirs.title,
    description: mine.has("description") ? ours.description : theirs.description,
    scope: scopeFields.length > 0 ? ScopeSchema.parse(scope) : theirs.scope,
    assumptions: mine.has("assumptions") ? ours.assumptions : theirs.assumptions,
  };
}

/** Theirs' entries in theirs' order, merged with ours' edits; then ours' entries theirs lacks. */
function mergeCollection<T extends Entry>(
  collection: DiffCollection,
  pick: (doc: ThreatModelDocument) => readonly T[],
  schema: ZodType<T>,
  context: Context,
): T[] {
  const index = (doc: ThreatModelDocument) => byId(pick(doc));
  const base = index(context.base);
  const baseOurs = index(context.baseOurs);
  const baseTheirs = index(context.baseTheirs);
  const ours = index(context.ours);
  const theirs = index(context.theirs);
  const versionsOf = (id: string) => {
    const original = base.get(id);
    const before = { baseOurs: baseOurs.get(id) ?? original, baseTheirs: baseTheirs.get(id) ?? original };
    return { original, ours: ours.get(id), ...before };
  };
  const report = (id: string, field: string, note: string) =>
    context.conflicts.push({ collection, id, field, note });

  const result: T[] = [];
  for (const entry of pick(context.theirs)) {
    const versions = versionsOf(entry.id);
    if (versions.ours) {
      result.push(
        mergeEntry(collection, schema, context, { ...versions, ours: versions.ours, theirs: entry }),
      );
      continue;
    }
    result.push(entry); // removeDeleted drops it, with its links, if ours deleted it
    const theirEdits = versions.baseTheirs ? changedFields(collection, versions.baseTheirs, entry) : [];
    if (theirEdits.length > 0) {
      report(entry.id, "*", `you deleted it; it was changed in the newer version (${theirEdits.join(", ")})`);
    }
  }
  for (const mine of pick(context.ours)) {
    if (theirs.has(mine.id)) continue;
    const { original, baseOurs: before } = versionsOf(mine.id);
    if (before && changedFields(collection, before, mine).length === 0) continue; // theirs deleted it
    const owner = context.taken.get(mine.id);
    if (owner) {
      report(mine.id, "id", `the newer version uses this id in its ${owner}; your entry was dropped`);
      continue;
    }
    if (original) report(mine.id, "*", "it was deleted in the newer version; your edited copy was kept");
    result.push(mine);
  }
  return result;
}

type EntryVersions<T> = {
  ours: T;
  theirs: T;
  original: T | undefined;
  baseOurs: T | undefined;
  baseTheirs: T | undefined;
};

/** Theirs' entry with every field ours changed set to ours' value. */
function mergeEntry<T extends Entry>(
  collection: DiffCollection,
  schema: ZodType<T>,
  context: Context,
  { ours, theirs, original, baseOurs, baseTheirs }: EntryVersions<T>,
): T {
  // Untouched in theirs since base: ours is the merge, down to the order of its unordered lists.
  if (original && jsonEqual(theirs, original)) return ours;
  const added: Entry = { id: ours.id }; // both sides added this id: every field counts as new
  const mine = changedFields(collection, baseOurs ?? added, ours);
  if (mine.length === 0) return theirs;
  const changedByTheirs = new Set(changedFields(collection, baseTheirs ?? added, theirs));
  const merged: Record<string, unknown> = { ...theirs };
  for (const field of mine) {
    const value = readField(collection, ours, field);
    const their = readField(collection, theirs, field);
    if (changedByTheirs.has(field) && !isSameField(collection, field, value, their)) {
      context.conflicts.push({ collection, id: ours.id, field, note: SAME_FIELD_NOTE });
    }
    writeField(collection, merged, field, value);
  }
  const parsed = schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  context.conflicts.push({
    collection,
    id: ours.id,
    field: "*",
    note: "your changes do not fit the newer version of this entry; your copy was kept",
  });
  return ours;
}

function setOrDelete(record: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete record[key];
  else record[key] = value;
}

function writeField(
  collection: DiffCollection,
  entry: Record<string, unknown>,
  field: string,
  value: unknown,
): void {
  const key = propertyKeyOf(collection, field);
  if (key === undefined) {
    setOrDelete(entry, field, value);
    return;
  }
  const properties = { ...(isRecord(entry.properties) ? entry.properties : {}) };
  setOrDelete(properties, key, value);
  entry.properties = properties;
}

/**
 * Removes what ours deleted and every link to an entry that no longer exists on either side, with
 * the cascade of document-edits.ts. A link that was already in base is the expected cascade of a
 * delete; dropping anything newer (an entry, a link, a move into a boundary) is reported.
 */
function removeDeleted(
  merged: ThreatModelDocument,
  removedByOurs: Set<string>,
  context: Context,
): ThreatModelDocument {
  const present = new Set(idsOf(merged));
  const gone = new Set(removedByOurs);
  for (const doc of [context.base, context.ours, context.theirs]) {
    for (const id of idsOf(doc)) if (!present.has(id)) gone.add(id);
  }
  const repaired = removeFromDocument(merged, gone);
  for (const collection of DIFF_COLLECTIONS) {
    const after = byId<Entry>(repaired[collection]);
    const base = byId<Entry>(context.base[collection]);
    for (const entry of merged[collection]) {
      const next = after.get(entry.id);
      if (next === entry || removedByOurs.has(entry.id)) continue;
      if (!next) context.conflicts.push(droppedFlow(entry, gone));
      else context.conflicts.push(...describeRepairs(collection, entry, next, base.get(entry.id)));
    }
  }
  return repaired;
}

function droppedFlow(flow: Entry, gone: Set<string>): RebaseConflict {
  const end = (["source", "target"] as const).find((key) => gone.has(String(flow[key]))) ?? "source";
  const note = `flow dropped: element "${String(flow[end])}" no longer exists`;
  return { collection: "flows", id: flow.id, field: end, note };
}

function describeRepairs(
  collection: DiffCollection,
  before: Entry,
  after: Entry,
  original: Entry | undefined,
): RebaseConflict[] {
  const conflicts: RebaseConflict[] = [];
  const report = (field: string, note: string) => conflicts.push({ collection, id: before.id, field, note });
  for (const field of changedFields(collection, before, after)) {
    const was = readField(collection, before, field);
    const now = readField(collection, after, field);
    const inBase = original ? readField(collection, original, field) : undefined;
    if (Array.isArray(was)) {
      const kept = new Set(Array.isArray(now) ? now : []);
      const linkedInBase = new Set(Array.isArray(inBase) ? inBase : []);
      const dropped = was.filter((id) => !kept.has(id) && !linkedInBase.has(id)).map(String);
      if (dropped.length > 0)
        report(field, `dropped links to entries that no longer exist: ${quote(dropped)}`);
    } else if (was !== inBase) {
      const where = now === undefined ? "the top level" : `"${String(now)}"`;
      report(field, `"${String(was)}" no longer exists; moved to ${where}`);
    }
  }
  return conflicts;
}

function quote(ids: string[]): string {
  return ids.map((id) => `"${id}"`).join(", ");
}

/**
 * The rare problems a field-by-field merge can still leave (a kind changed on one side, parents
 * set into a cycle, an id reused across collections): drop the offending link, flow or entry and
 * report it. Every round removes something, so the loop ends.
 */
function fixReferenceProblems(doc: ThreatModelDocument, conflicts: RebaseConflict[]): ThreatModelDocument {
  let current = doc;
  for (let problems = findReferenceProblems(current); problems.length > 0; ) {
    const fixes = new Map<string, Fix[]>();
    for (const { path, message } of problems) {
      const [collection, index, field, item] = path;
      const fix: Fix = { field: String(field), item: typeof item === "number" ? item : undefined, message };
      const key = `${String(collection)}:${String(index)}`;
      fixes.set(key, [...(fixes.get(key) ?? []), fix]);
    }
    current = mapEntries(current, (collection, entry, index) => {
      const entryFixes = fixes.get(`${collection}:${index}`);
      return entryFixes ? applyFixes(collection, entry, entryFixes, conflicts) : entry;
    });
    problems = findReferenceProblems(current);
  }
  return current;
}

type Fix = { field: string; item: number | undefined; message: string };

function applyFixes<T extends Entry>(
  collection: DiffCollection,
  entry: T,
  fixes: Fix[],
  conflicts: RebaseConflict[],
): T | undefined {
  const report = (field: string, note: string) => conflicts.push({ collection, id: entry.id, field, note });
  const whole = fixes.find((fix) => fix.item === undefined && fix.field !== "parentId");
  if (whole) {
    report(whole.field, `dropped: ${whole.message}`);
    return undefined;
  }
  const next: T = { ...entry };
  const badItems = new Map<string, Set<number>>();
  for (const { field, item, message } of fixes) {
    if (item === undefined) {
      report(field, `moved to the top level: ${message}`);
      delete next[field];
    } else {
      report(field, `link dropped: ${message}`);
      badItems.set(field, (badItems.get(field) ?? new Set()).add(item));
    }
  }
  for (const [field, bad] of badItems) {
    const list = entry[field];
    if (Array.isArray(list)) Object.assign(next, { [field]: list.filter((_, i) => !bad.has(i)) });
  }
  return next;
}

function mapEntries(
  doc: ThreatModelDocument,
  map: <T extends Entry>(collection: DiffCollection, entry: T, index: number) => T | undefined,
): ThreatModelDocument {
  const each = <T extends Entry>(collection: DiffCollection, list: readonly T[]): T[] =>
    list.flatMap((entry, index) => map(collection, entry, index) ?? []);
  return {
    ...doc,
    elements: each("elements", doc.elements),
    flows: each("flows", doc.flows),
    assets: each("assets", doc.assets),
    threats: each("threats", doc.threats),
    mitigations: each("mitigations", doc.mitigations),
  };
}

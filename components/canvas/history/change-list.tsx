"use client";

import { useMemo } from "react";
import {
  DIFF_COLLECTIONS,
  type DiffCollection,
  type DiffStatus,
  type DocumentDiff,
  type Entry,
  readField,
  readMetaField,
} from "@/lib/domain/diff";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { DIFF_STYLES } from "./diff-legend";

type Props = {
  from: ThreatModelDocument;
  to: ThreatModelDocument;
  diff: DocumentDiff;
  metaFields: string[];
  onJump: (id: string) => void;
};

type Change = {
  id: string;
  status: DiffStatus;
  name: string;
  fields: { name: string; before: string; after: string }[];
  /** The element or flow on the canvas this change jumps to, if any. */
  jumpId?: string;
};

const HEADINGS: Record<DiffCollection, string> = {
  elements: "Elements",
  flows: "Flows",
  assets: "Assets",
  threats: "Threats",
  mitigations: "Mitigations",
};

/** Every change between two versions, grouped; elements, flows and threats jump to the canvas. */
export function ChangeList({ from, to, diff, metaFields, onJump }: Props) {
  const names = useMemo(() => nameIndex(from, to), [from, to]);
  const groups = useMemo(() => buildChanges(from, to, diff, names), [from, to, diff, names]);
  const total = groups.reduce((sum, group) => sum + group.changes.length, 0) + metaFields.length;
  return (
    <nav aria-label="Changes" className="flex h-full flex-col">
      <header className="border-b border-slate-200 px-3 py-2.5">
        <h2 className="text-sm font-semibold text-ink">Changes</h2>
        <p className="text-xs text-slate-500" data-testid="change-count">
          {total === 0
            ? "The two versions have the same content."
            : `${total} ${total === 1 ? "change" : "changes"}`}
        </p>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {metaFields.length > 0 ? (
          <ChangeGroup heading="Model">
            {metaFields.map((field) => (
              <li key={field} className="px-3 py-2">
                <p className="text-xs font-medium text-slate-800">{field}</p>
                <FieldTable
                  fields={[
                    {
                      name: field,
                      before: formatValue(readMetaField(from, field), names),
                      after: formatValue(readMetaField(to, field), names),
                    },
                  ]}
                />
              </li>
            ))}
          </ChangeGroup>
        ) : null}
        {groups.map((group) =>
          group.changes.length === 0 ? null : (
            <ChangeGroup
              key={group.collection}
              heading={`${HEADINGS[group.collection]} (${group.changes.length})`}
            >
              {group.changes.map((change) => (
                <ChangeItem key={`${change.status}:${change.id}`} change={change} onJump={onJump} />
              ))}
            </ChangeGroup>
          ),
        )}
      </div>
    </nav>
  );
}

function ChangeGroup({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <section className="border-b border-slate-100">
      <h3 className="bg-slate-50 px-3 py-1.5 text-[11px] font-semibold tracking-wide text-slate-600 uppercase">
        {heading}
      </h3>
      <ul className="divide-y divide-slate-100">{children}</ul>
    </section>
  );
}

function ChangeItem({ change, onJump }: { change: Change; onJump: (id: string) => void }) {
  const style = DIFF_STYLES[change.status];
  const title = (
    <>
      <span className={`mr-1.5 text-[10px] font-semibold uppercase ${style.text}`}>{style.label}</span>
      <span className="font-medium text-slate-800">{change.name}</span>
    </>
  );
  return (
    <li className="px-3 py-2 text-xs" data-testid={`change-${change.id}`}>
      {change.jumpId ? (
        <button
          type="button"
          onClick={() => change.jumpId && onJump(change.jumpId)}
          className="w-full rounded text-left hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
          title="Show on the diagram"
        >
          {title}
        </button>
      ) : (
        <p>{title}</p>
      )}
      {change.fields.length > 0 ? <FieldTable fields={change.fields} /> : null}
    </li>
  );
}

function FieldTable({ fields }: { fields: Change["fields"] }) {
  return (
    <table className="mt-1 w-full table-fixed border-collapse text-[11px]">
      <thead className="sr-only">
        <tr>
          <th>Field</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.name} className="align-top">
            <th scope="row" className="w-1/4 py-0.5 pr-1 text-left font-normal break-words text-slate-500">
              {field.name}
            </th>
            <td className="py-0.5 pr-1 break-words text-red-800 line-through decoration-red-300">
              {field.before}
            </td>
            <td className="py-0.5 break-words text-emerald-800">{field.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function buildChanges(
  from: ThreatModelDocument,
  to: ThreatModelDocument,
  diff: DocumentDiff,
  names: ReadonlyMap<string, string>,
) {
  return DIFF_COLLECTIONS.map((collection) => {
    const before = new Map<string, Entry>(from[collection].map((e) => [e.id, e as Entry]));
    const after = new Map<string, Entry>(to[collection].map((e) => [e.id, e as Entry]));
    const jumpFor = (entry: Entry | undefined) => jumpTarget(collection, entry);
    const { added, removed, changed } = diff[collection];
    const changes: Change[] = [
      ...added.map((id) => ({
        id,
        status: "added" as const,
        name: names.get(id) ?? id,
        fields: [],
        jumpId: jumpFor(after.get(id)),
      })),
      ...changed.map(({ id, fields }) => {
        const old = before.get(id);
        const now = after.get(id);
        return {
          id,
          status: "changed" as const,
          name: names.get(id) ?? id,
          fields: fields.map((name) => ({
            name,
            before: old ? formatValue(readField(collection, old, name), names) : "",
            after: now ? formatValue(readField(collection, now, name), names) : "",
          })),
          jumpId: jumpFor(now),
        };
      }),
      ...removed.map((id) => ({
        id,
        status: "removed" as const,
        name: names.get(id) ?? id,
        fields: [],
        // Removed elements and flows are drawn as ghosts, so they can be shown too.
        jumpId: collection === "elements" || collection === "flows" ? id : undefined,
      })),
    ];
    return { collection, changes };
  });
}

/** Elements and flows jump to themselves; a threat jumps to the first thing it targets. */
function jumpTarget(collection: DiffCollection, entry: Entry | undefined): string | undefined {
  if (!entry) return undefined;
  if (collection === "elements" || collection === "flows") return entry.id;
  if (collection === "threats" && Array.isArray(entry.targetIds)) {
    const [first] = entry.targetIds;
    return typeof first === "string" ? first : undefined;
  }
  return undefined;
}

/** A readable name for every id in either version (labels, titles, "source → target"). */
function nameIndex(from: ThreatModelDocument, to: ThreatModelDocument): Map<string, string> {
  const names = new Map<string, string>();
  for (const doc of [from, to]) {
    for (const e of doc.elements) names.set(e.id, e.label || e.id);
    for (const a of doc.assets) names.set(a.id, a.name);
    for (const t of doc.threats) names.set(t.id, t.title);
    for (const m of doc.mitigations) names.set(m.id, m.title);
  }
  for (const doc of [from, to]) {
    for (const f of doc.flows) {
      const ends = `${names.get(f.source) ?? f.source} → ${names.get(f.target) ?? f.target}`;
      names.set(f.id, f.label ? `${f.label} (${ends})` : ends);
    }
  }
  return names;
}

/** A short, human form of a field value: ids become names, lists are joined, empty is a dash. */
export function formatValue(value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    return value
      .map((item) => (typeof item === "string" ? (names.get(item) ?? item) : formatValue(item, names)))
      .join(", ");
  }
  if (typeof value === "object") {
    const parts = Object.entries(value)
      .filter(([, item]) => item !== undefined && !(Array.isArray(item) && item.length === 0))
      .map(([key, item]) => `${key}: ${formatValue(item, names)}`);
    return parts.length > 0 ? parts.join("; ") : "—";
  }
  const text = String(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

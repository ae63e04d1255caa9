"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { SidePanelHeader } from "../side-panel-header";
import type { VersionSummary } from "./use-versions";

export type HistoryView = { kind: "version"; number: number } | { kind: "compare"; from: number; to: number };

type Props = {
  versions: VersionSummary[] | null;
  error: string | null;
  isLoading: boolean;
  view: HistoryView | null;
  canRestore: boolean;
  onView: (number: number) => void;
  onCompare: (from: number, to: number) => void;
  onRestore: (version: VersionSummary) => void;
  onClose: () => void;
};

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });

/** Every version of the model, newest first: open one read-only, compare two, restore one. */
export function HistoryPanel(props: Props) {
  const { versions } = props;
  const head = versions?.at(-1)?.number ?? 0;
  return (
    <section aria-labelledby="history-heading" className="flex h-full flex-col">
      <SidePanelHeader
        id="history-heading"
        title="History"
        closeLabel="Close history"
        onClose={props.onClose}
      />
      {props.error ? (
        <div className="p-4">
          <Alert>{props.error}</Alert>
        </div>
      ) : null}
      {versions === null ? (
        <p className="p-4 text-sm text-slate-500" role="status">
          {props.isLoading ? "Loading versions…" : ""}
        </p>
      ) : (
        <>
          <ComparePicker versions={versions} view={props.view} onCompare={props.onCompare} />
          <ol aria-label="Versions" className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto">
            {[...versions].reverse().map((version) => (
              <VersionRow
                key={version.number}
                version={version}
                isHead={version.number === head}
                isShown={isShown(props.view, version.number)}
                canRestore={props.canRestore && version.number !== head}
                onView={() => props.onView(version.number)}
                onCompareWithHead={() => props.onCompare(version.number, head)}
                onRestore={() => props.onRestore(version)}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function isShown(view: HistoryView | null, number: number): boolean {
  if (!view) return false;
  return view.kind === "version" ? view.number === number : view.from === number || view.to === number;
}

function VersionRow(props: {
  version: VersionSummary;
  isHead: boolean;
  isShown: boolean;
  canRestore: boolean;
  onView: () => void;
  onCompareWithHead: () => void;
  onRestore: () => void;
}) {
  const { version } = props;
  return (
    <li
      className={`px-4 py-2.5 ${props.isShown ? "bg-brand-50" : ""}`}
      aria-current={props.isShown || undefined}
      data-testid={`version-${version.number}`}
    >
      <div className="flex items-baseline gap-2">
        <span className="text-sm font-semibold text-ink">Version {version.number}</span>
        {props.isHead ? (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-[10px] font-semibold text-emerald-800 uppercase">
            Head
          </span>
        ) : null}
        {version.restoredFrom !== undefined ? (
          <span className="rounded bg-violet-100 px-1.5 py-0.5 text-[10px] font-medium text-violet-800">
            restored from {version.restoredFrom}
          </span>
        ) : null}
      </div>
      <p className="mt-0.5 text-sm break-words text-slate-700">
        {version.message || <span className="text-slate-400 italic">No message</span>}
      </p>
      <p className="mt-0.5 text-xs text-slate-500">
        {version.author.name} · <time dateTime={version.createdAt}>{when(version.createdAt)}</time> ·{" "}
        <code title={`Content hash ${version.contentHash}`} className="font-mono">
          {version.contentHash.slice(0, 8)}
        </code>
      </p>
      <div className="mt-1.5 flex flex-wrap gap-1">
        <RowButton onClick={props.onView} label={`View version ${version.number}`}>
          View
        </RowButton>
        {props.isHead ? null : (
          <RowButton
            onClick={props.onCompareWithHead}
            label={`Compare version ${version.number} with the head`}
          >
            Compare with head
          </RowButton>
        )}
        {props.canRestore ? (
          <RowButton onClick={props.onRestore} label={`Restore version ${version.number}`}>
            Restore
          </RowButton>
        ) : null}
      </div>
    </li>
  );
}

function RowButton(props: { onClick: () => void; label: string; children: string }) {
  return (
    <button
      type="button"
      onClick={props.onClick}
      aria-label={props.label}
      className="rounded border border-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 hover:border-brand-300 hover:bg-brand-50 hover:text-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
    >
      {props.children}
    </button>
  );
}

/** Two pickers and a button: compare any two versions, older on the left by default. */
function ComparePicker(props: {
  versions: VersionSummary[];
  view: HistoryView | null;
  onCompare: (from: number, to: number) => void;
}) {
  const numbers = props.versions.map((v) => v.number);
  const head = numbers.at(-1) ?? 1;
  const [from, setFrom] = useState(Math.max(1, head - 1));
  const [to, setTo] = useState(head);
  // Follow the comparison shown (e.g. opened from a row or the conflict dialog).
  useEffect(() => {
    if (props.view?.kind === "compare") {
      setFrom(props.view.from);
      setTo(props.view.to);
    }
  }, [props.view]);
  if (numbers.length < 2) {
    return (
      <p className="border-b border-slate-200 px-4 py-2.5 text-xs text-slate-500">
        Save another version to compare.
      </p>
    );
  }
  const options = [...numbers].reverse().map((n) => (
    <option key={n} value={n}>
      {n === head ? `${n} (head)` : n}
    </option>
  ));
  return (
    <form
      className="grid grid-cols-[1fr_1fr_auto] items-end gap-2 border-b border-slate-200 px-4 py-2.5"
      aria-label="Compare two versions"
      onSubmit={(event) => {
        event.preventDefault();
        props.onCompare(from, to);
      }}
    >
      <SelectField label="From" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
        {options}
      </SelectField>
      <SelectField label="To" value={to} onChange={(e) => setTo(Number(e.target.value))}>
        {options}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={from === to} className="!px-3">
        Compare
      </Button>
    </form>
  );
}

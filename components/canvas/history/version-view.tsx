"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { type ReactNode, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type DiffStatus, diffDocuments, diffMeta, diffOverlay } from "@/lib/domain/diff";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { CanvasStoreProvider } from "@/lib/store/canvas-context";
import { Canvas } from "../canvas";
import { Inspector } from "../panels/inspector";
import { useJumpTo } from "../use-jump-to";
import { ChangeList } from "./change-list";
import { DiffLegend } from "./diff-legend";
import type { HistoryView } from "./history-panel";
import { useVersionDocuments, type VersionSummary } from "./use-versions";

type Props = {
  modelId: string;
  view: HistoryView;
  versions: VersionSummary[] | null;
  /** The history list, shown beside the canvas. */
  history: ReactNode;
  /** What the way back says: editors go back to editing, readers to the current version. */
  exitLabel: string;
  /** Extra actions in the banner (e.g. resolving a save conflict). */
  actions?: ReactNode;
  onExit: () => void;
};

/**
 * A stored version, or a comparison of two, drawn read-only in place of the editor's canvas. It has
 * its own store, so the working copy underneath is untouched and comes back as it was.
 */
export function VersionView(props: Props) {
  const numbers = props.view.kind === "version" ? [props.view.number] : [props.view.from, props.view.to];
  const { documents, error } = useVersionDocuments(props.modelId, numbers);
  const key = numbers.join("-");
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <Banner
        view={props.view}
        versions={props.versions}
        actions={props.actions}
        exitLabel={props.exitLabel}
        onExit={props.onExit}
      />
      {error ? (
        <div className="p-4">
          <Alert>{error}</Alert>
        </div>
      ) : documents === null ? (
        <p role="status" className="p-4 text-sm text-slate-500">
          Loading version…
        </p>
      ) : (
        <Loaded key={key} view={props.view} documents={documents} history={props.history} />
      )}
    </div>
  );
}

function Banner(props: {
  view: HistoryView;
  versions: VersionSummary[] | null;
  actions?: ReactNode;
  exitLabel: string;
  onExit: () => void;
}) {
  const authorAndMessage = (n: number) => {
    const version = props.versions?.find((v) => v.number === n);
    return version ? ` (${version.author.name}${version.message ? `: ${version.message}` : ""})` : "";
  };
  const text =
    props.view.kind === "version"
      ? `Viewing version ${props.view.number}${authorAndMessage(props.view.number)}, read-only.`
      : `Comparing version ${props.view.from} with version ${props.view.to}, read-only.`;
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-2 border-b border-violet-200 bg-violet-50 px-4 py-1.5 text-xs text-violet-900"
      data-testid="version-banner"
    >
      <span className="min-w-0 flex-1 font-medium">{text}</span>
      {props.actions}
      <Button variant="secondary" className="!px-2.5 !py-1 text-xs" onClick={props.onExit}>
        {props.exitLabel}
      </Button>
    </div>
  );
}

function Loaded(props: { view: HistoryView; documents: ThreatModelDocument[]; history: ReactNode }) {
  const [from, to] = props.documents as [ThreatModelDocument, ThreatModelDocument | undefined];
  const comparison = useMemo(() => {
    if (!to) return null;
    const diff = diffDocuments(from, to);
    return { diff, meta: diffMeta(from, to), overlay: diffOverlay(from, to, diff) };
  }, [from, to]);
  const shown = comparison ? comparison.overlay.document : from;
  const number = props.view.kind === "version" ? props.view.number : props.view.to;
  return (
    <CanvasStoreProvider document={shown} baseVersion={number} isReadOnly>
      <ReactFlowProvider>
        <div className="flex min-h-0 flex-1">
          {comparison && to ? (
            <aside className="w-72 shrink-0 border-r border-slate-200 bg-white">
              <JumpingChangeList from={from} to={to} comparison={comparison} />
            </aside>
          ) : null}
          <div className="relative min-w-0 flex-1 bg-slate-50">
            <Canvas decorations={comparison?.overlay.status} />
            {comparison ? <DiffLegend counts={countStatuses(comparison.overlay.status)} /> : null}
          </div>
          <SidePanel history={props.history} />
        </div>
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

export function JumpingChangeList(props: {
  from: ThreatModelDocument;
  to: ThreatModelDocument;
  comparison: { diff: ReturnType<typeof diffDocuments>; meta: string[] };
}) {
  const jumpTo = useJumpTo();
  return (
    <ChangeList
      from={props.from}
      to={props.to}
      diff={props.comparison.diff}
      metaFields={props.comparison.meta}
      onJump={jumpTo}
    />
  );
}

/** History and the read-only details of what is selected, one at a time. */
function SidePanel({ history }: { history: ReactNode }) {
  const [tab, setTab] = useState<"history" | "details">("history");
  return (
    <aside
      aria-label="Version details"
      className="flex w-[360px] shrink-0 flex-col border-l border-slate-200 bg-white"
    >
      <div
        role="tablist"
        aria-label="Side panel"
        className="flex gap-1 border-b border-slate-200 px-3 py-1.5"
      >
        {(["history", "details"] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={`rounded px-2.5 py-1 text-xs font-medium ${tab === id ? "bg-slate-100 text-ink" : "text-slate-600 hover:text-ink"}`}
          >
            {id === "history" ? "History" : "Details"}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">{tab === "history" ? history : <Inspector />}</div>
    </aside>
  );
}

export function countStatuses(status: ReadonlyMap<string, DiffStatus>): Record<DiffStatus, number> {
  const counts: Record<DiffStatus, number> = { added: 0, changed: 0, removed: 0 };
  for (const value of status.values()) counts[value] += 1;
  return counts;
}

"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import Link from "next/link";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { CanvasStoreProvider, useCanvasStoreApi } from "@/lib/store/canvas-context";
import { computeLayout } from "./auto-layout";
import { Canvas } from "./canvas";
import { ConflictDialog } from "./conflict-dialog";
import { ConnectDialog } from "./connect-dialog";
import { EditorToolbar } from "./editor-toolbar";
import { exportDiagram } from "./export-image";
import { Palette } from "./palette";
import { Inspector } from "./panels/inspector";
import { RiskMatrix } from "./panels/risk-matrix";
import { ThreatsTable } from "./panels/threats-table";
import { SaveVersionDialog } from "./save-version-dialog";
import { commandFor, isTypingTarget } from "./shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { usePersistence } from "./use-persistence";

export type EditorProps = {
  modelId: string;
  modelName: string;
  workspace: { id: string; name: string };
  headVersion: number;
  document: ThreatModelDocument;
  canEdit: boolean;
  roleLabel: string;
  /** An autosaved working copy found on load, started from instead of the head. */
  draft: { baseVersion: number; document: ThreatModelDocument; updatedAt: string; updatedBy: string } | null;
};

type Tab = "diagram" | "threats" | "risk";
const TABS: { id: Tab; label: string }[] = [
  { id: "diagram", label: "Diagram" },
  { id: "threats", label: "Threats" },
  { id: "risk", label: "Risk matrix" },
];

export function ThreatModelEditor(props: EditorProps) {
  const startFromDraft = props.canEdit && props.draft !== null;
  return (
    <CanvasStoreProvider
      document={startFromDraft && props.draft ? props.draft.document : props.document}
      baseVersion={props.headVersion}
      isReadOnly={!props.canEdit}
      isDirty={startFromDraft}
    >
      <ReactFlowProvider>
        <EditorLayout {...props} startedFromDraft={startFromDraft} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

function EditorLayout(props: EditorProps & { startedFromDraft: boolean }) {
  const store = useCanvasStoreApi();
  const { fitView, setCenter, getInternalNode } = useReactFlow();
  const persistence = usePersistence(store, props.modelId, props.canEdit);
  const [tab, setTab] = useState<Tab>("diagram");
  const [dialog, setDialog] = useState<"save" | "help" | "connect" | null>(null);
  const [notice, setNotice] = useState<string | null>(
    props.startedFromDraft && props.draft
      ? `Restored unsaved changes autosaved ${new Date(props.draft.updatedAt).toLocaleString()} by ${props.draft.updatedBy}` +
          (props.draft.baseVersion < props.headVersion
            ? ` (they were based on version ${props.draft.baseVersion}; saving puts them on top of version ${props.headVersion}).`
            : ".")
      : null,
  );
  const [isLayingOut, setLayingOut] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 5_000);
    return () => clearTimeout(timer);
  }, [flash]);

  const jumpTo = useCallback(
    (id: string) => {
      setTab("diagram");
      const { document, select } = store.getState();
      select([id]);
      const flow = document.flows.find((f) => f.id === id);
      const ids = flow ? [flow.source, flow.target] : [id];
      requestAnimationFrame(() => {
        const nodes = ids.map((nodeId) => getInternalNode(nodeId)).filter((n) => n !== undefined);
        if (nodes.length === 1 && nodes[0]) {
          const { x, y } = nodes[0].internals.positionAbsolute;
          setCenter(x + (nodes[0].measured.width ?? 0) / 2, y + (nodes[0].measured.height ?? 0) / 2, {
            zoom: 1.2,
            duration: 300,
          });
        } else void fitView({ nodes: ids.map((nodeId) => ({ id: nodeId })), duration: 300, padding: 0.4 });
      });
    },
    [fitView, getInternalNode, setCenter, store],
  );

  const layout = useCallback(async () => {
    setLayingOut(true);
    try {
      store.getState().applyLayout(await computeLayout(store.getState().document));
      requestAnimationFrame(() => void fitView({ duration: 300 }));
    } finally {
      setLayingOut(false);
    }
  }, [fitView, store]);

  const exportAs = useCallback(
    (format: "svg" | "png") => {
      setTab("diagram");
      requestAnimationFrame(
        () => void exportDiagram(store.getState().nodes, format, props.modelName.replace(/[^\w-]+/g, "-")),
      );
    },
    [props.modelName, store],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      const command = commandFor(event);
      if (!command) return;
      const state = store.getState();
      const edits = props.canEdit;
      const run: Record<typeof command, () => void> = {
        undo: () => edits && state.undo(),
        redo: () => edits && state.redo(),
        copy: () => state.copySelection(),
        paste: () => edits && state.paste(),
        selectAll: () => state.select([...state.nodes.map((n) => n.id), ...state.edges.map((e) => e.id)]),
        save: () => edits && setDialog("save"),
        fit: () => void fitView({ duration: 300 }),
        connect: () => edits && setDialog("connect"),
        help: () => setDialog("help"),
      };
      event.preventDefault();
      run[command]();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [fitView, props.canEdit, store]);

  return (
    <div className="flex h-[calc(100vh-3.5rem)] min-h-[520px] flex-col">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <div className="flex min-w-0 items-center gap-3">
          <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm">
            <Link
              href={`/w/${props.workspace.id}`}
              className="truncate text-slate-500 hover:text-ink hover:underline"
            >
              {props.workspace.name}
            </Link>
            <span aria-hidden className="text-slate-300">
              /
            </span>
          </nav>
          <h1 className="truncate text-base font-semibold text-ink">{props.modelName}</h1>
          <div role="tablist" aria-label="Views" className="flex rounded-md bg-slate-100 p-0.5">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                onClick={() => setTab(t.id)}
                className={`rounded px-2.5 py-1 text-xs font-medium ${tab === t.id ? "bg-white text-ink shadow-xs" : "text-slate-600 hover:text-ink"}`}
              >
                {t.label}
              </button>
            ))}
          </div>
        </div>
        <EditorToolbar
          canEdit={props.canEdit}
          draft={persistence.draft}
          onSave={() => setDialog("save")}
          onConnect={() => setDialog("connect")}
          onLayout={layout}
          onExport={exportAs}
          onHelp={() => setDialog("help")}
          isLayingOut={isLayingOut}
        />
      </div>
      {!props.canEdit ? (
        <div className="border-b border-sky-100 bg-sky-50 px-4 py-1.5 text-xs text-sky-800">
          Read-only: you are a {props.roleLabel} in this workspace. You can explore, select and export, but
          not change the model.
        </div>
      ) : null}
      {notice ? (
        <div className="border-b border-amber-100 px-4 py-1.5">
          <Alert tone="info">
            <span>{notice} </span>
            <button type="button" className="font-medium underline" onClick={() => setNotice(null)}>
              Dismiss
            </button>{" "}
            <button
              type="button"
              className="font-medium underline"
              onClick={async () => {
                await persistence.discardDraft();
                store.getState().resetDocument(props.document, props.headVersion);
                setNotice(null);
              }}
            >
              Discard these changes
            </button>
          </Alert>
        </div>
      ) : null}
      {flash ? (
        <div
          role="status"
          className="border-b border-emerald-100 bg-emerald-50 px-4 py-1.5 text-xs font-medium text-emerald-800"
        >
          {flash}
        </div>
      ) : null}
      <div className="flex min-h-0 flex-1">
        {props.canEdit ? (
          <div className="w-52 shrink-0">
            <Palette />
          </div>
        ) : null}
        <div
          className="relative min-w-0 flex-1 bg-slate-50"
          role="tabpanel"
          aria-label={TABS.find((t) => t.id === tab)?.label}
        >
          <div className={tab === "diagram" ? "absolute inset-0" : "hidden"}>
            <Canvas />
          </div>
          {tab === "threats" ? (
            <div className="absolute inset-0 overflow-auto p-4">
              <ThreatsTable onJumpTo={jumpTo} />
            </div>
          ) : null}
          {tab === "risk" ? (
            <div className="absolute inset-0 overflow-auto p-4">
              <RiskMatrix />
            </div>
          ) : null}
        </div>
        <aside
          aria-label="Details"
          className="w-[360px] shrink-0 overflow-y-auto border-l border-slate-200 bg-white"
        >
          <Inspector />
        </aside>
      </div>
      <SaveVersionDialog
        isOpen={dialog === "save"}
        onClose={() => setDialog(null)}
        onSave={persistence.saveVersion}
        onSaved={(result) => {
          setNotice(null);
          setFlash(
            result.isNew
              ? `Saved as version ${result.number}.`
              : `Nothing changed since version ${result.number}.`,
          );
        }}
      />
      <ShortcutsDialog isOpen={dialog === "help"} onClose={() => setDialog(null)} />
      {props.canEdit ? <ConnectDialog isOpen={dialog === "connect"} onClose={() => setDialog(null)} /> : null}
      <ConflictDialog
        conflict={persistence.conflict}
        modelId={props.modelId}
        baseVersion={store.getState().baseVersion}
        onRebase={persistence.rebaseOntoHead}
        onLoadHead={persistence.loadHead}
      />
    </div>
  );
}

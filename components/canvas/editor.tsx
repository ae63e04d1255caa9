"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useState } from "react";
import { GovernancePanel } from "@/components/reviews/governance-panel";
import type { STAGE_LABELS } from "@/components/reviews/labels";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { CanvasStoreProvider, useCanvasStoreApi } from "@/lib/store/canvas-context";
import { computeLayout } from "./auto-layout";
import { Canvas } from "./canvas";
import { CommentsPanel } from "./comments/comments-panel";
import { CommentMarkersProvider, useCommentMarkers } from "./comments/use-comments";
import { ConflictActions, ConflictDialog } from "./conflict-dialog";
import { ConnectDialog } from "./connect-dialog";
import { describeRebase, EditorNotices } from "./editor-notices";
import { EditorTitle, TABS, type Tab } from "./editor-title";
import { EditorToolbar } from "./editor-toolbar";
import { exportDiagram } from "./export-image";
import { HistoryPanel, type HistoryView } from "./history/history-panel";
import { RestoreDialog } from "./history/restore-dialog";
import { useVersionList, type VersionSummary } from "./history/use-versions";
import { VersionView } from "./history/version-view";
import { PresenceContext } from "./live/presence";
import { useLiveSession } from "./live/use-live-session";
import { Palette } from "./palette";
import { Inspector } from "./panels/inspector";
import { RiskMatrix } from "./panels/risk-matrix";
import { ThreatsTable } from "./panels/threats-table";
import { SaveVersionDialog } from "./save-version-dialog";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { CatalogBrowser } from "./suggestions/catalog-browser";
import { SuggestionsPanel } from "./suggestions/suggestions-panel";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useJumpTo } from "./use-jump-to";
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
  /** Who is editing: their presence and their own undo history on the live canvas. */
  currentUser: { id: string; name: string };
  /** Connect to the live document (off for pages that only show a snapshot). */
  isLive?: boolean;
  /** Owners, editors and reviewers write comments; everyone reads them. */
  canComment: boolean;
  /** Stage and ledger state as the page loaded (the Sign-off panel shows them live). */
  governance: {
    stage: keyof typeof STAGE_LABELS;
    ledger: { valid: boolean; entries: number };
    expiredAcceptances: number;
  };
};

type SidePanel = "details" | "history" | "suggestions" | "catalog" | "governance" | "comments";

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
  const { fitView } = useReactFlow();
  const persistence = usePersistence(store, props.modelId, props.canEdit);
  const [tab, setTab] = useState<Tab>("diagram");
  const [dialog, setDialog] = useState<"save" | "help" | "connect" | null>(null);
  const history = useVersionList(props.modelId);
  const { comments, live } = useLiveSession(store, {
    modelId: props.modelId,
    user: props.currentUser,
    isEnabled: props.isLive ?? true,
    onVersionsChanged: history.reload,
  });
  const [side, setSide] = useState<SidePanel>("details");
  const toggleSide = (panel: SidePanel) => setSide((open) => (open === panel ? "details" : panel));
  const [commentFocus, setCommentFocus] = useState<string | null>(null);
  const showComments = useCallback((anchorId: string) => {
    setCommentFocus(anchorId);
    setSide("comments");
  }, []);
  const markers = useCommentMarkers(comments.threads, showComments);
  const [view, setView] = useState<HistoryView | null>(null);
  const [restoreTarget, setRestoreTarget] = useState<VersionSummary | null>(null);
  const [mergeNote, setMergeNote] = useState<string | null>(null);
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

  const showDiagram = useCallback(() => setTab("diagram"), []);
  const jumpTo = useJumpTo(showDiagram);

  const rebase = useCallback(async () => {
    const conflicts = await persistence.rebaseOntoHead();
    setView(null);
    setMergeNote(describeRebase(conflicts, store.getState().baseVersion));
    void history.reload();
  }, [history.reload, persistence.rebaseOntoHead, store]);

  const loadHead = useCallback(async () => {
    await persistence.loadHead();
    setView(null);
    void history.reload();
  }, [history.reload, persistence.loadHead]);

  const restore = useCallback(
    async (number: number, message: string) => {
      const created = await persistence.restoreVersion(number, message);
      setView(null);
      setNotice(null);
      setFlash(`Restored version ${number} as version ${created.number}.`);
      void history.reload();
    },
    [history.reload, persistence.restoreVersion],
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

  const fit = useCallback(() => void fitView({ duration: 300 }), [fitView]);
  useEditorShortcuts({
    canEdit: props.canEdit,
    isShowingVersion: view !== null,
    onDialog: setDialog,
    onFit: fit,
  });

  const historyPanel = (
    <HistoryPanel
      versions={history.versions}
      error={history.error}
      isLoading={history.isLoading}
      view={view}
      canRestore={props.canEdit}
      onView={(number) => setView({ kind: "version", number })}
      onCompare={(from, to) => setView({ kind: "compare", from, to })}
      onRestore={setRestoreTarget}
      onClose={() => {
        setSide("details");
        setView(null);
      }}
    />
  );

  return (
    <PresenceContext.Provider value={live.presence}>
      <CommentMarkersProvider value={markers}>
        <div className="flex h-[calc(100vh-3.5rem)] min-h-[520px] flex-col">
          {/* Title and toolbar share a row when they fit, and the toolbar wraps below the title when not. */}
          <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
            <EditorTitle
              workspace={props.workspace}
              modelName={props.modelName}
              governance={props.governance}
              tab={tab}
              onTab={setTab}
              onGovernance={() => setSide("governance")}
              liveStatus={live.status}
            />
            <EditorToolbar
              canEdit={props.canEdit}
              isShowingVersion={view !== null}
              draft={persistence.draft}
              onSave={() => setDialog("save")}
              onConnect={() => setDialog("connect")}
              onLayout={layout}
              onExport={exportAs}
              onHelp={() => setDialog("help")}
              onHistory={() => toggleSide("history")}
              isHistoryOpen={side === "history" || view !== null}
              onSuggest={() => toggleSide("suggestions")}
              isSuggestOpen={side === "suggestions"}
              onCatalog={() => toggleSide("catalog")}
              isCatalogOpen={side === "catalog"}
              onGovernance={() => toggleSide("governance")}
              isGovernanceOpen={side === "governance"}
              onComments={() => {
                setCommentFocus(null);
                toggleSide("comments");
              }}
              isCommentsOpen={side === "comments"}
              openComments={comments.threads?.filter((t) => !t.resolvedAt).length ?? 0}
              isLayingOut={isLayingOut}
            />
          </div>
          {!props.canEdit ? (
            <div className="border-b border-sky-100 bg-sky-50 px-4 py-1.5 text-xs text-sky-800">
              Read-only: you are a {props.roleLabel} in this workspace. You can explore, select and export,
              but not change the model.
            </div>
          ) : null}
          <EditorNotices
            notice={notice}
            onDismissNotice={() => setNotice(null)}
            onDiscardDraft={async () => {
              await persistence.discardDraft();
              store.getState().resetDocument(props.document, props.headVersion);
              setNotice(null);
            }}
            mergeNote={mergeNote}
            onDismissMergeNote={() => setMergeNote(null)}
            flash={flash}
          />
          {view ? (
            <VersionView
              modelId={props.modelId}
              view={view}
              versions={history.versions}
              history={historyPanel}
              exitLabel={props.canEdit ? "Back to editing" : "Back to the current version"}
              onExit={() => setView(null)}
              actions={
                persistence.conflict ? (
                  <ConflictActions
                    headVersion={persistence.conflict.headVersion}
                    onRebase={rebase}
                    onLoadHead={loadHead}
                  />
                ) : null
              }
            />
          ) : (
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
                {side === "history" ? historyPanel : null}
                {side === "suggestions" ? (
                  <SuggestionsPanel onClose={() => setSide("details")} onJump={jumpTo} />
                ) : null}
                {side === "catalog" ? (
                  <CatalogBrowser
                    workspaceId={props.workspace.id}
                    canAddCustom={props.canEdit}
                    onClose={() => setSide("details")}
                  />
                ) : null}
                {side === "governance" ? (
                  <GovernancePanel
                    modelId={props.modelId}
                    workspaceId={props.workspace.id}
                    canEdit={props.canEdit}
                    onClose={() => setSide("details")}
                  />
                ) : null}
                {side === "comments" ? (
                  <CommentsPanel
                    threads={comments.threads}
                    error={comments.error}
                    canComment={props.canComment}
                    focus={commentFocus}
                    onClearFocus={() => setCommentFocus(null)}
                    onStart={comments.start}
                    onReply={comments.reply}
                    onResolve={comments.setResolved}
                    onJump={jumpTo}
                    onClose={() => setSide("details")}
                  />
                ) : null}
                {side === "details" ? <Inspector /> : null}
              </aside>
            </div>
          )}
          <SaveVersionDialog
            isOpen={dialog === "save"}
            onClose={() => setDialog(null)}
            onSave={persistence.saveVersion}
            onSaved={(result) => {
              setNotice(null);
              void history.reload();
              setFlash(
                result.isNew
                  ? `Saved as version ${result.number}.`
                  : `Nothing changed since version ${result.number}.`,
              );
            }}
          />
          <ShortcutsDialog isOpen={dialog === "help"} onClose={() => setDialog(null)} />
          {props.canEdit ? (
            <ConnectDialog isOpen={dialog === "connect"} onClose={() => setDialog(null)} />
          ) : null}
          <ConflictDialog
            conflict={persistence.conflict}
            isOpen={view === null}
            baseVersion={store.getState().baseVersion}
            onCompare={() =>
              persistence.conflict &&
              setView({
                kind: "compare",
                from: store.getState().baseVersion,
                to: persistence.conflict.headVersion,
              })
            }
            onRebase={rebase}
            onLoadHead={loadHead}
          />
          <RestoreDialog
            version={restoreTarget}
            headVersion={history.versions?.at(-1)?.number ?? props.headVersion}
            hasUnsavedChanges={store.getState().isDirty}
            onClose={() => setRestoreTarget(null)}
            onRestore={restore}
          />
        </div>
      </CommentMarkersProvider>
    </PresenceContext.Provider>
  );
}

"use client";

import { memo, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { MenuButton } from "@/components/ui/menu-button";
import { useCanvas } from "@/lib/store/canvas-context";
import type { DraftStatus } from "./use-persistence";

type Props = {
  canEdit: boolean;
  /** A stored version is on screen: editing and export apply to the working copy, so they hide. */
  isShowingVersion: boolean;
  draft: DraftStatus;
  onSave: () => void;
  onConnect: () => void;
  onLayout: () => void;
  onExport: (format: "svg" | "png") => void;
  onHelp: () => void;
  onHistory: () => void;
  isHistoryOpen: boolean;
  onSuggest: () => void;
  isSuggestOpen: boolean;
  onCatalog: () => void;
  isCatalogOpen: boolean;
  onGovernance: () => void;
  isGovernanceOpen: boolean;
  onComments: () => void;
  isCommentsOpen: boolean;
  /** Open comment threads, shown on the button. */
  openComments: number;
  isLayingOut: boolean;
};

/** Toolbar buttons sit closer together than the app's default buttons so the header fits 1280 px. */
const COMPACT = "whitespace-nowrap px-2.5";

const time = (date?: Date) => date?.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) ?? "";

function SaveState({ draft }: { draft: DraftStatus }) {
  const isDirty = useCanvas((s) => s.isDirty);
  const baseVersion = useCanvas((s) => s.baseVersion);
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  let text = `Saved as version ${baseVersion}`;
  let tone = "text-slate-500";
  if (isReadOnly) text = `Read-only · version ${baseVersion}`;
  else if (isDirty) {
    tone = "text-amber-700";
    text = "Unsaved changes";
    if (draft.state === "pending" || draft.state === "saving") text += " · autosaving draft…";
    if (draft.state === "saved") text += ` · draft autosaved ${time(draft.at)}`;
    if (draft.state === "error") {
      tone = "text-red-700";
      text += ` · autosave failed: ${draft.message ?? "unknown error"}`;
    }
  }
  return (
    <span
      role="status"
      aria-live="polite"
      className={`block min-w-0 max-w-56 truncate text-xs font-medium ${tone}`}
      title={text}
      data-testid="save-state"
    >
      {isDirty && !isReadOnly ? (
        <span className="mr-1.5 inline-block size-2 rounded-full bg-amber-500" aria-hidden />
      ) : null}
      {text}
    </span>
  );
}

function EditorToolbarView(props: Props) {
  const undo = useCanvas((s) => s.undo);
  const redo = useCanvas((s) => s.redo);
  const canUndo = useCanvas((s) => s.canUndo);
  const canRedo = useCanvas((s) => s.canRedo);
  const isDirty = useCanvas((s) => s.isDirty);
  return (
    <div role="toolbar" aria-label="Editor" className="ml-auto flex shrink-0 items-center gap-0.5">
      <SaveState draft={props.draft} />
      <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
      {props.canEdit && !props.isShowingVersion ? (
        <>
          <Button
            variant="ghost"
            className={COMPACT}
            onClick={undo}
            disabled={!canUndo}
            title="Undo (Ctrl+Z)"
          >
            Undo
          </Button>
          <Button
            variant="ghost"
            className={COMPACT}
            onClick={redo}
            disabled={!canRedo}
            title="Redo (Ctrl+Shift+Z)"
          >
            Redo
          </Button>
          <Button
            variant="ghost"
            className={COMPACT}
            onClick={props.onConnect}
            title="Connect two elements (L)"
          >
            Connect
          </Button>
          <Button
            variant="ghost"
            className={COMPACT}
            onClick={props.onLayout}
            isBusy={props.isLayingOut}
            title="Arrange the diagram automatically"
          >
            Auto-layout
          </Button>
        </>
      ) : null}
      {props.isShowingVersion ? null : (
        <MenuButton
          label="Export"
          title="Download the diagram as an image"
          className={COMPACT}
          items={[
            { label: "SVG image", onSelect: () => props.onExport("svg") },
            { label: "PNG image", onSelect: () => props.onExport("png") },
          ]}
        />
      )}
      {props.canEdit && !props.isShowingVersion ? (
        <PanelToggle
          onClick={props.onSuggest}
          isOpen={props.isSuggestOpen}
          title="Threats the diagram calls for, with the reason for each"
        >
          Suggest threats
        </PanelToggle>
      ) : null}
      {props.isShowingVersion ? null : (
        <PanelToggle
          onClick={props.onCatalog}
          isOpen={props.isCatalogOpen}
          title="Browse the threat catalog (ATLAS, STRIDE, OWASP, LINDDUN)"
        >
          Catalog
        </PanelToggle>
      )}
      <PanelToggle
        onClick={props.onGovernance}
        isOpen={props.isGovernanceOpen}
        title="Reviews, sign-off, stage and the tamper-evident history"
      >
        Sign-off
      </PanelToggle>
      <PanelToggle
        onClick={props.onComments}
        isOpen={props.isCommentsOpen}
        title="Comment threads on elements, flows and threats"
      >
        Comments
        {props.openComments > 0 ? (
          <span className="rounded-full bg-violet-600 px-1.5 text-[11px] font-semibold text-white">
            <span className="sr-only">, open threads: </span>
            {props.openComments}
          </span>
        ) : null}
      </PanelToggle>
      <PanelToggle
        onClick={props.onHistory}
        isOpen={props.isHistoryOpen}
        title="Versions: view, compare, restore"
      >
        History
      </PanelToggle>
      <Button
        variant="ghost"
        className={COMPACT}
        onClick={props.onHelp}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </Button>
      {props.canEdit && !props.isShowingVersion ? (
        <Button onClick={props.onSave} title="Save version (Ctrl+S)" disabled={!isDirty}>
          Save version
        </Button>
      ) : null}
    </div>
  );
}

export const EditorToolbar = memo(EditorToolbarView);

/** A toolbar button that opens a side panel, pressed while its panel is open. */
function PanelToggle(props: { onClick: () => void; isOpen: boolean; title: string; children: ReactNode }) {
  return (
    <Button
      variant="ghost"
      onClick={props.onClick}
      aria-pressed={props.isOpen}
      title={props.title}
      className={`${COMPACT} ${props.isOpen ? "bg-slate-100" : ""}`}
    >
      {props.children}
    </Button>
  );
}

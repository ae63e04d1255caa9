"use client";

import { memo } from "react";
import { Button } from "@/components/ui/button";
import { useCanvas } from "@/lib/store/canvas-context";
import type { DraftStatus } from "./use-persistence";

type Props = {
  canEdit: boolean;
  draft: DraftStatus;
  onSave: () => void;
  onConnect: () => void;
  onLayout: () => void;
  onExport: (format: "svg" | "png") => void;
  onHelp: () => void;
  isLayingOut: boolean;
};

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
      className={`block max-w-72 truncate text-xs font-medium ${tone}`}
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
    <div role="toolbar" aria-label="Editor" className="flex shrink-0 items-center gap-1">
      <SaveState draft={props.draft} />
      <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
      {props.canEdit ? (
        <>
          <Button variant="ghost" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
            Undo
          </Button>
          <Button variant="ghost" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </Button>
          <Button variant="ghost" onClick={props.onConnect} title="Connect two elements (L)">
            Connect
          </Button>
          <Button
            variant="ghost"
            onClick={props.onLayout}
            isBusy={props.isLayingOut}
            title="Arrange the diagram automatically"
          >
            Auto-layout
          </Button>
        </>
      ) : null}
      <Button variant="ghost" onClick={() => props.onExport("svg")} title="Download the diagram as SVG">
        Export SVG
      </Button>
      <Button variant="ghost" onClick={() => props.onExport("png")} title="Download the diagram as PNG">
        Export PNG
      </Button>
      <Button
        variant="ghost"
        onClick={props.onHelp}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </Button>
      {props.canEdit ? (
        <Button onClick={props.onSave} title="Save version (Ctrl+S)" disabled={!isDirty}>
          Save version
        </Button>
      ) : null}
    </div>
  );
}

export const EditorToolbar = memo(EditorToolbarView);

"use client";

import { useEffect } from "react";
import { useCanvasStoreApi } from "@/lib/store/canvas-context";
import { commandFor, isTypingTarget } from "./shortcuts";

/**
 * The editor's keyboard shortcuts (listed in the help dialog). Editing commands need edit rights;
 * while a stored version is on screen only help works, so the working copy never changes unseen.
 */
export function useEditorShortcuts(options: {
  canEdit: boolean;
  isShowingVersion: boolean;
  onDialog: (dialog: "save" | "connect" | "help") => void;
  onFit: () => void;
}) {
  const store = useCanvasStoreApi();
  const { canEdit, isShowingVersion, onDialog, onFit } = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      const command = commandFor(event);
      if (!command || (isShowingVersion && command !== "help")) return;
      const state = store.getState();
      const run: Record<typeof command, () => void> = {
        undo: () => canEdit && state.undo(),
        redo: () => canEdit && state.redo(),
        copy: () => state.copySelection(),
        paste: () => canEdit && state.paste(),
        selectAll: () => state.select([...state.nodes.map((n) => n.id), ...state.edges.map((e) => e.id)]),
        save: () => canEdit && onDialog("save"),
        fit: onFit,
        connect: () => canEdit && onDialog("connect"),
        help: () => onDialog("help"),
      };
      event.preventDefault();
      run[command]();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, isShowingVersion, onDialog, onFit, store]);
}

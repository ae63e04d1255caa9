"use client";

import type { StoreApi } from "zustand";
import type { CanvasStore } from "@/lib/store/canvas-contract";
import { useComments } from "../comments/use-comments";
import { fetchVersionDocument } from "../history/use-versions";
import { useLiveCanvas } from "./use-live-canvas";

/**
 * The editor's live session: the live canvas, and what the server announces beside the document:
 * new comments (reloaded) and versions saved or restored by anyone (they become this tab's base,
 * so its next save is not refused as stale, and "unsaved changes" compares against them).
 */
export function useLiveSession(
  store: StoreApi<CanvasStore>,
  options: {
    modelId: string;
    user: { id: string; name: string };
    isEnabled: boolean;
    onVersionsChanged: () => void;
  },
) {
  const { modelId, onVersionsChanged } = options;
  const comments = useComments(modelId);
  const takeSavedVersion = async (number: number) => {
    onVersionsChanged();
    if (number <= store.getState().baseVersion) return;
    const saved = await fetchVersionDocument(modelId, number);
    if (number > store.getState().baseVersion) store.getState().markSaved(saved, number);
  };
  const live = useLiveCanvas(store, {
    modelId,
    user: options.user,
    isEnabled: options.isEnabled,
    onEvent: (event) => {
      if (event.type === "comments") void comments.reload();
      if (event.type === "saved") void takeSavedVersion(event.number);
    },
  });
  return { comments, live };
}

"use client";

import { useEffect, useRef, useState } from "react";
import type { StoreApi } from "zustand";
import type { LiveEvent } from "@/lib/collab/registry";
import type { CanvasStore } from "@/lib/store/canvas-contract";
import { createPresenceStore, type PresenceState } from "./presence";

export type LiveStatus = "connecting" | "live" | "offline";

/**
 * Binds the canvas store to the model's live Yjs document on the app's /collab WebSocket: this
 * tab's edits go to the live document, everyone else's come back through `applyRemote`; undo and
 * redo only touch this user's changes (Y.UndoManager); presence travels in awareness. Offline
 * edits stay in the local Y.Doc and merge when the connection returns.
 */
export function useLiveCanvas(
  store: StoreApi<CanvasStore>,
  options: {
    modelId: string;
    user: { id: string; name: string };
    isEnabled: boolean;
    /** Server events outside the document (new comments). */
    onEvent?: (event: LiveEvent) => void;
  },
): { presence: StoreApi<PresenceState>; status: LiveStatus } {
  const [presence] = useState(() => createPresenceStore());
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // The latest handler, read when an event arrives (the connection is not rebuilt when it changes).
  const onEvent = useRef(options.onEvent);
  onEvent.current = options.onEvent;
  const { modelId, isEnabled } = options;
  const userId = options.user.id;
  const userName = options.user.name;

  useEffect(() => {
    if (!isEnabled) return;
    // What this tab shows as it starts connecting: edits made before the first sync are the changes
    // from here, merged into the live document once it arrives (not overwritten by it).
    const beforeSync = store.getState().document;
    let disconnect: (() => void) | null = null;
    let isCancelled = false;
    void import("./live-binding").then(({ bindLiveCanvas }) => {
      if (isCancelled) return;
      disconnect = bindLiveCanvas({
        store,
        presence,
        modelId,
        userId,
        userName,
        beforeSync,
        setStatus,
        onEvent: (event) => onEvent.current?.(event),
      });
    });
    return () => {
      isCancelled = true;
      disconnect?.();
    };
  }, [store, presence, modelId, isEnabled, userId, userName]);

  return { presence, status };
}

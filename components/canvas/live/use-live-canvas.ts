"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import type { StoreApi } from "zustand";
import type { LiveEvent } from "@/lib/collab/registry";
import { readDocument, writeDocument } from "@/lib/collab/ydoc";
import type { CanvasStore, HistoryDelegate } from "@/lib/store/canvas-contract";
import { createPresenceStore, type LocalPresence, type Peer, type PresenceState } from "./presence";

/** Origin of this tab's own writes to the live document (its undo manager tracks only these). */
const LOCAL = Symbol("local edit");

export type LiveStatus = "connecting" | "live" | "offline";

const COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#4d7c0f"];
const colorFor = (id: string) => COLORS[[...id].reduce((sum, c) => sum + c.charCodeAt(0), 0) % COLORS.length];

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
  const [onEvent] = useState(() => ({ current: options.onEvent }));
  onEvent.current = options.onEvent;
  const { modelId, isEnabled } = options;
  const userId = options.user.id;
  const userName = options.user.name;

  useEffect(() => {
    if (!isEnabled) return;
    const ydoc = new Y.Doc();
    const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
    const provider = new HocuspocusProvider({
      url: `${protocol}//${window.location.host}/collab`,
      name: `model:${modelId}`,
      document: ydoc,
      // The server authenticates with the session cookie the upgrade request carries.
      token: "session",
      // "Live" waits for the first sync after each (re)connection: until then edits stay local.
      onStatus: ({ status: next }) => setStatus(next === "disconnected" ? "offline" : "connecting"),
    });
    let isSynced = false;
    let applyingRemote = false;
    // What this tab showed when it started connecting: edits made before the first sync are the
    // changes from here, merged into the live document once it arrives (not overwritten by it).
    const beforeSync = store.getState().document;

    const pullRemote = () => {
      const current = store.getState().document;
      const next = readDocument(ydoc, current);
      if (next === current) return;
      applyingRemote = true;
      try {
        store.getState().applyRemote(next);
      } finally {
        applyingRemote = false;
      }
    };

    const undoManager = new Y.UndoManager(
      ["meta", "elements", "flows", "assets", "threats", "mitigations"].map((name) => ydoc.getMap(name)),
      { trackedOrigins: new Set([LOCAL]), captureTimeout: 400 },
    );
    const delegate: HistoryDelegate = {
      undo: () => undoManager.undo(),
      redo: () => undoManager.redo(),
      canUndo: () => undoManager.canUndo(),
      canRedo: () => undoManager.canRedo(),
    };
    const refreshHistory = () => store.getState().setHistory(delegate);
    undoManager.on("stack-item-added", refreshHistory);
    undoManager.on("stack-item-popped", refreshHistory);

    provider.on("synced", () => {
      setStatus("live");
      if (isSynced) return;
      isSynced = true;
      store.getState().setHistory(delegate);
      const { document, isReadOnly } = store.getState();
      if (document !== beforeSync && !isReadOnly) writeDocument(ydoc, document, beforeSync, LOCAL);
      pullRemote();
    });
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL || !isSynced) return;
      pullRemote();
    };
    ydoc.on("update", onUpdate);

    const unsubscribe = store.subscribe((state, previous) => {
      if (!isSynced || applyingRemote || state.isReadOnly || state.document === previous.document) return;
      writeDocument(ydoc, state.document, previous.document, LOCAL);
    });

    const local: LocalPresence = {
      cursor: null,
      selection: store.getState().selectedIds,
      view: null,
      dragging: null,
    };
    provider.setAwarenessField("user", { id: userId, name: userName, color: colorFor(userId) });
    provider.setAwarenessField("presence", local);
    presence.setState({
      publish: (patch) => {
        Object.assign(local, patch);
        provider.setAwarenessField("presence", { ...local });
      },
    });
    const onAwareness = () => {
      const states = provider.awareness?.getStates() ?? new Map();
      const peers: Peer[] = [];
      for (const [clientId, state] of states) {
        const { user, presence: shared } = state as {
          user?: { id: string; name: string; color: string };
          presence?: Partial<LocalPresence>;
        };
        if (!user) continue;
        peers.push({
          clientId,
          userId: user.id,
          name: user.name,
          color: user.color,
          isMe: clientId === ydoc.clientID,
          cursor: shared?.cursor ?? null,
          selection: Array.isArray(shared?.selection) ? shared.selection : [],
          view: shared?.view ?? null,
          dragging: shared?.dragging ?? null,
        });
      }
      peers.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
      const { following } = presence.getState();
      // Stop following someone who left.
      const isStillHere = following === null || peers.some((peer) => peer.clientId === following);
      presence.setState({ peers, ...(isStillHere ? {} : { following: null }) });
    };
    provider.on("awarenessChange", onAwareness);
    onAwareness();
    const publishSelection = store.subscribe((state, previous) => {
      if (state.selectedIds !== previous.selectedIds)
        presence.getState().publish({ selection: state.selectedIds });
    });
    provider.on("stateless", ({ payload }: { payload: string }) => {
      try {
        const event = JSON.parse(payload) as LiveEvent;
        if (event && typeof event.type === "string") onEvent.current?.(event);
      } catch {
        // Not ours: ignore.
      }
    });

    return () => {
      unsubscribe();
      publishSelection();
      presence.setState({ peers: [], following: null, publish: () => {} });
      ydoc.off("update", onUpdate);
      store.getState().setHistory(null);
      undoManager.destroy();
      provider.destroy();
      ydoc.destroy();
    };
  }, [store, presence, onEvent, modelId, isEnabled, userId, userName]);

  return { presence, status };
}

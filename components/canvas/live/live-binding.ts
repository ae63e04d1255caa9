"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import type { StoreApi } from "zustand";
import type { LiveEvent } from "@/lib/collab/registry";
import { readDocument, writeDocument } from "@/lib/collab/ydoc";
import type { ThreatModelDocument } from "@/lib/domain/document";
import type { CanvasStore, HistoryDelegate } from "@/lib/store/canvas-contract";
import type { LocalPresence, Peer, PresenceState } from "./presence";
import type { LiveStatus } from "./use-live-canvas";

/** Origin of this tab's own writes to the live document (its undo manager tracks only these). */
const LOCAL = Symbol("local edit");

const COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#4d7c0f"];
const colorFor = (id: string) => COLORS[[...id].reduce((sum, c) => sum + c.charCodeAt(0), 0) % COLORS.length];

export type LiveBinding = {
  store: StoreApi<CanvasStore>;
  presence: StoreApi<PresenceState>;
  modelId: string;
  userId: string;
  userName: string;
  /** What the tab showed when it started connecting (edits since then merge after the first sync). */
  beforeSync: ThreatModelDocument;
  setStatus: (status: LiveStatus) => void;
  onEvent: (event: LiveEvent) => void;
};

/**
 * Connects the canvas store to the model's live Yjs document on the app's /collab WebSocket (see
 * useLiveCanvas) and returns the disconnect. Loaded on demand in the browser only, so Yjs and the
 * provider stay out of the server render and the editor's first bundle.
 */
export function bindLiveCanvas({
  store,
  presence,
  modelId,
  userId,
  userName,
  beforeSync,
  setStatus,
  onEvent,
}: LiveBinding): () => void {
  const ydoc = new Y.Doc();
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  let isSynced = false;
  let created: HocuspocusProvider | null = null;
  const provider = new HocuspocusProvider({
    url: `${protocol}//${window.location.host}/collab`,
    name: `model:${modelId}`,
    document: ydoc,
    // The server authenticates with the session cookie the upgrade request carries.
    token: "session",
    // "Live" waits for the sync after each (re)connection: until then edits stay local. Once the
    // tab has been live, any time without a sync (reconnect attempts included) reads "offline".
    onStatus: ({ status: next }) => {
      if (next === "connected" && created?.isSynced) setStatus("live");
      else setStatus(next === "disconnected" || isSynced ? "offline" : "connecting");
    },
  });
  created = provider;
  let applyingRemote = false;

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
  // This tab's own pointer, view and drag updates change nothing it draws: skip those (they come
  // at up to 25 a second while someone works).
  const onAwarenessChange = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (origin === "local" && changed.every((clientId) => clientId === ydoc.clientID)) return;
    onAwareness();
  };
  provider.awareness?.on("change", onAwarenessChange);
  onAwareness();
  const publishSelection = store.subscribe((state, previous) => {
    if (state.selectedIds !== previous.selectedIds)
      presence.getState().publish({ selection: state.selectedIds });
  });
  provider.on("stateless", ({ payload }: { payload: string }) => {
    try {
      const event = JSON.parse(payload) as LiveEvent;
      if (event && typeof event.type === "string") onEvent(event);
    } catch {
      // Not ours: ignore.
    }
  });

  return () => {
    provider.awareness?.off("change", onAwarenessChange);
    unsubscribe();
    publishSelection();
    presence.setState({ peers: [], following: null, publish: () => {} });
    ydoc.off("update", onUpdate);
    store.getState().setHistory(null);
    undoManager.destroy();
    provider.destroy();
    ydoc.destroy();
  };
}

"use client";

import type { XYPosition } from "@xyflow/react";
import { createContext, useContext } from "react";
import { createStore, type StoreApi, useStore } from "zustand";

/** Where someone is looking: the centre of their view in diagram coordinates, and their zoom. */
export type ViewCentre = { x: number; y: number; zoom: number };

/** What each tab shares about itself through Yjs awareness (never stored, gone when it leaves). */
export type LocalPresence = {
  /** Pointer over the diagram, in diagram coordinates; null when it is elsewhere. */
  cursor: XYPosition | null;
  /** Selected element and flow ids. */
  selection: readonly string[];
  view: ViewCentre | null;
  /** Elements being dragged and where they are now (positions are committed on drag end). */
  dragging: Readonly<Record<string, XYPosition>> | null;
};

export type Peer = LocalPresence & {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  isMe: boolean;
};

export type PresenceState = {
  /** Every tab on the canvas, this one included (`isMe`). */
  peers: readonly Peer[];
  /** The tab whose view this one follows, if any. */
  following: number | null;
  follow: (clientId: number | null) => void;
  /** Shares part of this tab's presence; a no-op when the canvas is not live. */
  publish: (patch: Partial<LocalPresence>) => void;
};

export function createPresenceStore(publish: PresenceState["publish"] = () => {}): StoreApi<PresenceState> {
  return createStore<PresenceState>()((set) => ({
    peers: [],
    following: null,
    follow: (clientId) => set({ following: clientId }),
    publish,
  }));
}

const offline = createPresenceStore();
export const PresenceContext = createContext<StoreApi<PresenceState>>(offline);

export function usePresence<T>(selector: (state: PresenceState) => T): T {
  return useStore(useContext(PresenceContext), selector);
}

export function usePresenceApi(): StoreApi<PresenceState> {
  return useContext(PresenceContext);
}

/** Everyone else, each once (a person with two tabs shows up once, with their latest tab). */
export function others(peers: readonly Peer[]): Peer[] {
  return peers.filter((peer) => !peer.isMe);
}

/**
 * Calls `send` at most once per `ms` with the latest value, so a pointer moving at 120 Hz costs a
 * handful of awareness messages a second rather than one per frame.
 */
export function throttle<T>(send: (value: T) => void, ms: number): (value: T) => void {
  let last = 0;
  let pending: { value: T } | null = null;
  let isScheduled = false;
  const flush = () => {
    isScheduled = false;
    if (!pending) return;
    last = Date.now();
    const { value } = pending;
    pending = null;
    send(value);
  };
  return (value) => {
    pending = { value };
    if (isScheduled) return;
    const wait = ms - (Date.now() - last);
    if (wait <= 0) flush();
    else {
      isScheduled = true;
      setTimeout(flush, wait);
    }
  };
}

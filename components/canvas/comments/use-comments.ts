"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/client/api";

export type AnchorKind = "element" | "flow" | "threat";
export type Anchor = { kind: AnchorKind; id: string };
type Person = { id: string; name: string };
export type Reply = { id: string; author: Person; body: string; createdAt: string; versionNumber: number };
export type Thread = Reply & {
  anchor: Anchor;
  resolvedAt: string | null;
  resolvedBy: Person | null;
  replies: Reply[];
};

/**
 * The model's comment threads, loaded on mount and again whenever `reload` is called (the live
 * canvas calls it when someone else comments). Writes reload the list so the server's order and
 * timestamps are what everyone sees.
 */
export function useComments(modelId: string) {
  const [threads, setThreads] = useState<Thread[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/v1/models/${modelId}/comments`;

  const reload = useCallback(async () => {
    try {
      setThreads(await apiFetch<Thread[]>(base));
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not load the comments.");
    }
  }, [base]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const start = useCallback(
    async (anchor: Anchor, body: string) => {
      const thread = await apiFetch<Thread>(base, { method: "POST", body: { anchor, body } });
      await reload();
      return thread;
    },
    [base, reload],
  );
  const reply = useCallback(
    async (threadId: string, body: string) => {
      await apiFetch(`${base}/${threadId}/replies`, { method: "POST", body: { body } });
      await reload();
    },
    [base, reload],
  );
  const setResolved = useCallback(
    async (threadId: string, resolved: boolean) => {
      await apiFetch(`${base}/${threadId}`, { method: "PATCH", body: { resolved } });
      await reload();
    },
    [base, reload],
  );

  return { threads, error, reload, start, reply, setResolved };
}

/** Open threads per anchored id, for the markers on the canvas. */
export function openThreadCounts(threads: readonly Thread[] | null): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads ?? []) {
    if (thread.resolvedAt) continue;
    counts.set(thread.anchor.id, (counts.get(thread.anchor.id) ?? 0) + 1);
  }
  return counts;
}

type Markers = { counts: ReadonlyMap<string, number>; show: (anchorId: string) => void };
const MarkersContext = createContext<Markers>({ counts: new Map(), show: () => {} });
export const CommentMarkersProvider = MarkersContext.Provider;

export function useCommentMarkers(
  threads: readonly Thread[] | null,
  show: (anchorId: string) => void,
): Markers {
  return useMemo(() => ({ counts: openThreadCounts(threads), show }), [threads, show]);
}

/** How many open threads are anchored to `id`, and a way to show them. */
export function useCommentMarker(id: string): { count: number; show: () => void } {
  const { counts, show } = useContext(MarkersContext);
  return { count: counts.get(id) ?? 0, show: () => show(id) };
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { StoreApi } from "zustand";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { type RebaseConflict, rebaseDocument } from "@/lib/domain/rebase";
import type { CanvasStore } from "@/lib/store/canvas-contract";
import { fetchVersionDocument } from "./history/use-versions";

const AUTOSAVE_DELAY_MS = 1_500;

export type DraftStatus = {
  state: "idle" | "pending" | "saving" | "saved" | "error";
  at?: Date;
  message?: string;
};
export type Conflict = { headVersion: number; message: string };

/**
 * Persistence of one editor: autosaves the working copy (debounced) so a closed tab loses nothing,
 * and saves immutable versions. A 409 on save becomes a conflict the editor shows.
 */
export function usePersistence(store: StoreApi<CanvasStore>, modelId: string, canEdit: boolean) {
  const [draft, setDraft] = useState<DraftStatus>({ state: "idle" });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<ThreatModelDocument | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const modelUrl = `/api/v1/models/${modelId}`;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const document = pending.current;
    if (!document) return;
    pending.current = null;
    setDraft({ state: "saving" });
    const request = apiFetch(`${modelUrl}/working-copy`, {
      method: "PUT",
      body: { baseVersion: store.getState().baseVersion, document },
    }).then(
      () => setDraft({ state: "saved", at: new Date() }),
      (error: unknown) =>
        setDraft({
          state: "error",
          message: error instanceof ApiClientError ? error.message : "Autosave failed",
        }),
    );
    inFlight.current = request;
    await request;
  }, [modelUrl, store]);

  useEffect(() => {
    if (!canEdit) return;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document === previous.document || !state.isDirty) return;
      pending.current = state.document;
      setDraft({ state: "pending" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    });
    // Closing the tab: send what is pending with keepalive so the request outlives the page.
    const onPageHide = () => {
      const document = pending.current;
      if (!document) return;
      const body = JSON.stringify({ baseVersion: store.getState().baseVersion, document });
      void fetch(`${modelUrl}/working-copy`, {
        method: "PUT",
        body,
        keepalive: body.length < 60_000,
        headers: { "content-type": "application/json" },
      });
    };
    window.addEventListener("pagehide", onPageHide);
    return () => {
      unsubscribe();
      window.removeEventListener("pagehide", onPageHide);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [modelUrl, canEdit, flush, store]);

  const saveVersion = useCallback(
    async (message: string): Promise<{ number: number; isNew: boolean } | null> => {
      if (timer.current) clearTimeout(timer.current);
      pending.current = null;
      // An autosave still on its way would otherwise land after the save and revive an old draft.
      await inFlight.current;
      const { document, baseVersion } = store.getState();
      try {
        const response = await fetch(`${modelUrl}/versions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ baseVersion, document, message }),
        });
        const payload = (await response.json().catch(() => null)) as
          | { number: number; error?: undefined }
          | { error: { message: string; details?: { headVersion?: number } } }
          | null;
        if (response.status === 409 && payload && "error" in payload && payload.error) {
          setConflict({
            headVersion: payload.error.details?.headVersion ?? baseVersion + 1,
            message: payload.error.message,
          });
          return null;
        }
        if (!response.ok || !payload || payload.error) {
          throw new ApiClientError(
            response.status,
            "save",
            payload?.error?.message ?? `Saving failed (${response.status})`,
          );
        }
        store.getState().markSaved(document, payload.number);
        setDraft({ state: "idle" });
        const current = store.getState().document;
        if (current !== document) {
          // Edited while the save was on its way: those edits become a draft on the new version.
          pending.current = current;
          void flush();
        }
        return { number: payload.number, isNew: response.status === 201 };
      } catch (error) {
        throw error instanceof ApiClientError
          ? error
          : new ApiClientError(0, "network", "Could not reach the server.");
      }
    },
    [modelUrl, flush, store],
  );

  /** Loads the newest head, dropping local changes. */
  const loadHead = useCallback(async () => {
    const head = await apiFetch<{ headVersion: number; document: ThreatModelDocument }>(modelUrl);
    store.getState().resetDocument(head.document, head.headVersion);
    await apiFetch(`${modelUrl}/working-copy`, { method: "DELETE" }).catch(() => undefined);
    setConflict(null);
  }, [modelUrl, store]);

  /**
   * Keeps local changes and replays them onto the newest head (a three-way merge with the version
   * they started from), to be saved on top of it. Returns the fields both sides changed.
   */
  const rebaseOntoHead = useCallback(async (): Promise<RebaseConflict[]> => {
    const { document: ours, baseVersion } = store.getState();
    const [head, baseDocument] = await Promise.all([
      apiFetch<{ headVersion: number; document: ThreatModelDocument }>(modelUrl),
      fetchVersionDocument(modelId, baseVersion),
    ]);
    const result = rebaseDocument(baseDocument, ours, head.document);
    store.getState().resetDocument(result.document, head.headVersion, { isDirty: true });
    setConflict(null);
    return result.conflicts;
  }, [modelUrl, modelId, store]);

  /** Makes version n the new head (a new version) and loads it, dropping unsaved local changes. */
  const restoreVersion = useCallback(
    async (number: number, message: string): Promise<{ number: number }> => {
      if (timer.current) clearTimeout(timer.current);
      pending.current = null;
      await inFlight.current;
      const created = await apiFetch<{ number: number; contentHash: string }>(
        `${modelUrl}/versions/${number}/restore`,
        { method: "POST", body: { message } },
      );
      store.getState().resetDocument(await fetchVersionDocument(modelId, number), created.number);
      setDraft({ state: "idle" });
      return created;
    },
    [modelUrl, modelId, store],
  );

  const discardDraft = useCallback(async () => {
    await apiFetch(`${modelUrl}/working-copy`, { method: "DELETE" });
    setDraft({ state: "idle" });
  }, [modelUrl]);

  return { draft, conflict, saveVersion, loadHead, rebaseOntoHead, restoreVersion, discardDraft, flush };
}

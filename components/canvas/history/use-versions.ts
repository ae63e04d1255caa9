"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import type { ThreatModelDocument } from "@/lib/domain/document";

export type VersionSummary = {
  number: number;
  contentHash: string;
  message: string;
  author: { id: string; name: string };
  createdAt: string;
  restoredFrom?: number;
};

/** The model's versions, oldest first, fetched on mount and whenever `reload` is called. */
export function useVersionList(modelId: string) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setVersions(await apiFetch<VersionSummary[]>(`/api/v1/models/${modelId}/versions`));
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not load the history.");
    } finally {
      setLoading(false);
    }
  }, [modelId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { versions, error, isLoading, reload };
}

// Versions never change once stored, so their documents can be kept for the life of the page.
const documents = new Map<string, Promise<ThreatModelDocument>>();

/** Version n's document (cached: versions are immutable). */
export function fetchVersionDocument(modelId: string, number: number): Promise<ThreatModelDocument> {
  const key = `${modelId}:${number}`;
  let pending = documents.get(key);
  if (!pending) {
    pending = apiFetch<{ document: ThreatModelDocument }>(
      `/api/v1/models/${modelId}/versions/${number}`,
    ).then((version) => version.document);
    // A failed fetch is not cached: the next attempt asks again.
    pending.catch(() => documents.delete(key));
    documents.set(key, pending);
  }
  return pending;
}

/** Loads the documents a view needs; `null` while loading. */
export function useVersionDocuments(modelId: string, numbers: readonly number[]) {
  const [state, setState] = useState<{ documents: ThreatModelDocument[] | null; error: string | null }>({
    documents: null,
    error: null,
  });
  const key = numbers.join(",");
  useEffect(() => {
    let isCurrent = true;
    setState({ documents: null, error: null });
    Promise.all(key.split(",").map((n) => fetchVersionDocument(modelId, Number(n)))).then(
      (loaded) => isCurrent && setState({ documents: loaded, error: null }),
      (caught: unknown) =>
        isCurrent &&
        setState({
          documents: null,
          error: caught instanceof ApiClientError ? caught.message : "Could not load the version.",
        }),
    );
    return () => {
      isCurrent = false;
    };
  }, [key, modelId]);
  return state;
}

import type { ThreatModelDocument } from "@/lib/domain/document";

/** What the rest of the app may ask of the live-document server (no Hocuspocus import here). */
export type LiveDocuments = {
  /** Replaces a model's live content (a version saved or restored through the API). */
  replaceDocument: (modelId: string, document: ThreatModelDocument) => Promise<void>;
};

// One per process, shared between server.ts and API routes (which Next.js bundles separately).
const KEY = Symbol.for("trustboard.live-documents");

export function setLiveDocuments(live: LiveDocuments | null): void {
  (globalThis as Record<symbol, unknown>)[KEY] = live;
}

export function liveDocuments(): LiveDocuments | null {
  return ((globalThis as Record<symbol, unknown>)[KEY] as LiveDocuments | undefined) ?? null;
}

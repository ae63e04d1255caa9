import type { ThreatModelDocument } from "@/lib/domain/document";

/** What the rest of the app may ask of the live-document server (no Hocuspocus import here). */
export type LiveDocuments = {
  /** Replaces a model's live content (a version saved or restored through the API). */
  /**
   * Brings a new head into a model's live document. `load` is only called when the document is
   * open here (saves of models nobody has open pay nothing): with `previous` (the head it replaced)
   * only the changes from `previous` are applied, so unsaved live edits by others survive; without
   * it the live content becomes exactly `document`.
   */
  replaceDocument: (modelId: string, load: () => Promise<NewHead | null>) => Promise<void>;
  /** The live content of a model open on this instance (unsaved edits included), else null. */
  currentDocument: (modelId: string) => ThreatModelDocument | null;
  /** Tells every browser on a model's live canvas that something outside the document changed. */
  announce: (modelId: string, event: LiveEvent) => Promise<void>;
};

export type NewHead = { document: ThreatModelDocument; previous?: ThreatModelDocument };

/** Stateless messages the server sends to a live canvas (JSON in Hocuspocus' stateless channel). */
export type LiveEvent =
  | { type: "comments" }
  /** A version was saved or restored: open canvases take it as their new base. */
  | { type: "saved"; number: number; contentHash: string };

// One per process, shared between server.ts and API routes (which Next.js bundles separately).
const KEY = Symbol.for("trustboard.live-documents");

export function setLiveDocuments(live: LiveDocuments | null): void {
  (globalThis as Record<symbol, unknown>)[KEY] = live;
}

export function liveDocuments(): LiveDocuments | null {
  return ((globalThis as Record<symbol, unknown>)[KEY] as LiveDocuments | undefined) ?? null;
}

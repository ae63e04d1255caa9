import type { Connection, EdgeChange, NodeChange, XYPosition } from "@xyflow/react";
import type { Asset, Element, Flow, Mitigation, Threat, ThreatModelDocument } from "@/lib/domain/document";
import type { CanvasNode, FlowEdge } from "@/lib/domain/flow-mapping";
import type { ElementKind } from "@/lib/domain/kinds";

/**
 * What canvas components may read and call. Components depend on this contract only, so the
 * source behind it (a local zustand store today, a live Yjs document later) can change without
 * touching them. Durable state is `document`; `nodes`/`edges` are its React Flow view plus local
 * fields (selection, measured size, live drag positions).
 */
export type CanvasState = {
  document: ThreatModelDocument;
  nodes: CanvasNode[];
  edges: FlowEdge[];
  /** Selected element and flow ids, kept apart from `nodes` so panels re-render only on selection. */
  selectedIds: readonly string[];
  isReadOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** The version the working copy is based on, and whether it differs from what was saved. */
  baseVersion: number;
  isDirty: boolean;
};

export type DocumentMeta = Partial<
  Pick<ThreatModelDocument, "title" | "description" | "scope" | "assumptions">
>;

export type CanvasActions = {
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  /** Adds an element at an absolute canvas position (inside the boundary there, if any); returns its id. */
  addElement: (kind: ElementKind, position: XYPosition) => string;
  /** Adds a flow between two elements; returns its id, or null when the pair cannot be connected. */
  addFlow: (source: string, target: string) => string | null;
  updateElement: (id: string, patch: Partial<Element>, coalesceKey?: string) => void;
  updateFlow: (id: string, patch: Partial<Flow>, coalesceKey?: string) => void;
  updateMeta: (patch: DocumentMeta, coalesceKey?: string) => void;
  upsertAsset: (asset: Asset, coalesceKey?: string) => void;
  upsertThreat: (threat: Threat, coalesceKey?: string) => void;
  upsertMitigation: (mitigation: Mitigation, coalesceKey?: string) => void;
  /** Removes entries of any collection by id, repairing references. */
  remove: (ids: readonly string[]) => void;
  select: (ids: readonly string[]) => void;
  deleteSelection: () => void;
  copySelection: () => void;
  paste: () => void;
  /** Moves (and for boundaries, resizes) elements in one undoable step (auto-layout). */
  applyLayout: (
    layout: ReadonlyMap<string, { position: XYPosition; size?: { width: number; height: number } }>,
  ) => void;
  /** A pure edit of the whole document as one undoable step (bulk work, e.g. accepting suggestions). */
  applyEdit: (recipe: (document: ThreatModelDocument) => ThreatModelDocument) => void;
  undo: () => void;
  redo: () => void;
  /** Replaces the whole working copy (load, rebase, restore a draft); not undoable. */
  resetDocument: (
    document: ThreatModelDocument,
    baseVersion: number,
    options?: { isDirty?: boolean },
  ) => void;
  /** Records that `document` was stored as `baseVersion`. */
  markSaved: (document: ThreatModelDocument, baseVersion: number) => void;
  /**
   * Takes a document that changed elsewhere (a live collaborator): no undo step of ours, and
   * `isDirty` by content against what was saved.
   */
  applyRemote: (document: ThreatModelDocument) => void;
  /**
   * Hands undo and redo to another history (live editing: a Y.UndoManager that only undoes this
   * user's changes); null returns to the store's own.
   */
  setHistory: (history: HistoryDelegate | null) => void;
};

/** An undo history kept outside the store. `onChange` is how it reports canUndo/canRedo. */
export type HistoryDelegate = {
  undo: () => void;
  redo: () => void;
  canUndo: () => boolean;
  canRedo: () => boolean;
};

export type CanvasStore = CanvasState & CanvasActions;

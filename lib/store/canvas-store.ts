import { applyEdgeChanges, applyNodeChanges, type NodeChange, type XYPosition } from "@xyflow/react";
import { createStore, type StoreApi } from "zustand/vanilla";
import { containingBoundary } from "@/lib/domain/boundaries";
import { canonicalJson } from "@/lib/domain/canonical";
import { canonicalizeParsed } from "@/lib/domain/canonical-document";
import type { Element, Flow, ThreatModelDocument } from "@/lib/domain/document";
import { createElement, removeFromDocument } from "@/lib/domain/document-edits";
import {
  applyNodeChangesToDocument,
  type CanvasNode,
  documentToEdges,
  documentToNodes,
  type FlowEdge,
} from "@/lib/domain/flow-mapping";
import { defaultSizeOf } from "@/lib/domain/kinds";
import type { CanvasStore, HistoryDelegate } from "./canvas-contract";
import { copyFragment, type Fragment, pasteFragment } from "./clipboard";
import { emptyHistory, type History, record, redo, undo } from "./history";
import { newId } from "./ids";

type Internal = {
  history: History<ThreatModelDocument>;
  saved: ThreatModelDocument;
  clipboard: Fragment | null;
  /** Set in live editing: undo and redo belong to it, and commits record nothing here. */
  delegate: HistoryDelegate | null;
};

const sameContent = (a: ThreatModelDocument, b: ThreatModelDocument) =>
  a === b || canonicalJson(canonicalizeParsed(a)) === canonicalJson(canonicalizeParsed(b));

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

function selectedIdsOf(
  nodes: readonly CanvasNode[],
  edges: readonly FlowEdge[],
  previous: readonly string[],
) {
  const ids = [
    ...nodes.filter((n) => n.selected).map((n) => n.id),
    ...edges.filter((e) => e.selected).map((e) => e.id),
  ];
  const isSame = ids.length === previous.length && ids.every((id, i) => id === previous[i]);
  return isSame ? previous : ids;
}

function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...items, item];
  const next = items.slice();
  next[index] = item;
  return next;
}

/** Creates one canvas store (one per mounted editor; never a module singleton). */
export function createCanvasStore(initial: {
  document: ThreatModelDocument;
  baseVersion: number;
  isReadOnly: boolean;
  isDirty?: boolean;
}): StoreApi<CanvasStore> {
  const internal: Internal = {
    history: emptyHistory(),
    saved: initial.document,
    clipboard: null,
    delegate: null,
  };

  return createStore<CanvasStore>()((set, get) => {
    /** Derives the React Flow view of a new document, reusing unchanged nodes and edges. */
    const view = (document: ThreatModelDocument) => {
      const { nodes, edges, selectedIds } = get();
      const nextNodes = documentToNodes(document, { previous: byId(nodes) });
      const nextEdges = documentToEdges(document, { previous: byId(edges) });
      return {
        nodes: nextNodes,
        edges: nextEdges,
        selectedIds: selectedIdsOf(nextNodes, nextEdges, selectedIds),
      };
    };

    const historyFlags = () =>
      internal.delegate
        ? { canUndo: internal.delegate.canUndo(), canRedo: internal.delegate.canRedo() }
        : { canUndo: internal.history.past.length > 0, canRedo: internal.history.future.length > 0 };

    /** The one way the document changes: records undo history and refreshes the view. */
    const commit = (recipe: (doc: ThreatModelDocument) => ThreatModelDocument, coalesceKey?: string) => {
      const { document, isReadOnly } = get();
      if (isReadOnly) return;
      const next = recipe(document);
      if (next === document) return;
      if (!internal.delegate) internal.history = record(internal.history, document, coalesceKey, Date.now());
      set({ document: next, ...view(next), ...historyFlags(), isDirty: next !== internal.saved });
    };

    const restore = (step: { history: History<ThreatModelDocument>; value: ThreatModelDocument } | null) => {
      if (!step || get().isReadOnly) return;
      internal.history = step.history;
      set({
        document: step.value,
        ...view(step.value),
        ...historyFlags(),
        isDirty: step.value !== internal.saved,
      });
    };

    /** After a drag ends, an element dropped into (or out of) a boundary takes it as its parent. */
    const reparentDropped = (doc: ThreatModelDocument, ids: readonly string[]): ThreatModelDocument => {
      let next = doc;
      for (const id of ids) {
        const element = next.elements.find((e) => e.id === id);
        if (!element) continue;
        const centre = {
          x: element.position.x + element.size.width / 2,
          y: element.position.y + element.size.height / 2,
        };
        const parentId = containingBoundary(next, centre, element.id)?.id;
        if (parentId === element.parentId) continue;
        const moved: Element = { ...element };
        if (parentId) moved.parentId = parentId;
        else delete moved.parentId;
        next = { ...next, elements: next.elements.map((e) => (e.id === id ? moved : e)) };
      }
      return next;
    };

    const initialNodes = documentToNodes(initial.document);
    const initialEdges = documentToEdges(initial.document);

    return {
      document: initial.document,
      nodes: initialNodes,
      edges: initialEdges,
      selectedIds: [],
      isReadOnly: initial.isReadOnly,
      canUndo: false,
      canRedo: false,
      baseVersion: initial.baseVersion,
      isDirty: initial.isDirty ?? false,

      onNodesChange: (changes) => {
        const { isReadOnly } = get();
        // Selection and measurement are local and always apply; geometry only when editable.
        const allowed = isReadOnly
          ? changes.filter((change) => change.type === "select" || change.type === "dimensions")
          : changes.filter((change) => change.type !== "remove");
        const nodes = applyNodeChanges(allowed, get().nodes);
        set({ nodes, selectedIds: selectedIdsOf(nodes, get().edges, get().selectedIds) });
        if (isReadOnly) return;
        const finished: NodeChange<CanvasNode>[] = [];
        for (const change of allowed) {
          if (change.type === "position" && change.dragging === false) finished.push(change);
          if (change.type === "dimensions" && change.resizing === false) {
            // Resizing from a left or top handle also moves the node: keep where it ended up.
            const node = nodes.find((n) => n.id === change.id);
            if (node)
              finished.push({ type: "position", id: node.id, position: node.position, dragging: false });
            finished.push(change);
          }
        }
        const removed = changes.filter((change) => change.type === "remove").map((change) => change.id);
        if (finished.length > 0) {
          const dropped = finished.filter((c) => c.type === "position").map((c) => c.id);
          commit((doc) => reparentDropped(applyNodeChangesToDocument(doc, finished), dropped));
        }
        if (removed.length > 0) commit((doc) => removeFromDocument(doc, removed));
      },

      onEdgesChange: (changes) => {
        const edges = applyEdgeChanges(
          changes.filter((change) => change.type !== "remove"),
          get().edges,
        );
        set({ edges, selectedIds: selectedIdsOf(get().nodes, edges, get().selectedIds) });
        const removed = changes.filter((change) => change.type === "remove").map((change) => change.id);
        if (removed.length > 0) commit((doc) => removeFromDocument(doc, removed));
      },

      onConnect: (connection) => {
        get().addFlow(connection.source, connection.target);
      },

      addElement: (kind, position) => {
        const id = newId("e");
        commit((doc) => {
          const { width, height } = defaultSizeOf(kind);
          // The centre decides, as it does when an element is dragged (reparentDropped).
          const centre = { x: position.x + width / 2, y: position.y + height / 2 };
          const parentId = kind === "trust-boundary" ? undefined : containingBoundary(doc, centre)?.id;
          const element = createElement(kind, id, position, parentId ? { parentId } : {});
          return { ...doc, elements: [...doc.elements, element] };
        });
        return id;
      },

      addFlow: (source, target) => {
        const { document } = get();
        const ends = [source, target].map((id) => document.elements.find((e) => e.id === id));
        if (source === target || ends.some((e) => !e || e.kind === "trust-boundary")) return null;
        const id = newId("f");
        const flow: Flow = {
          id,
          source,
          target,
          label: "",
          encrypted: false,
          authenticated: false,
          bidirectional: false,
          properties: {},
        };
        commit((doc) => ({ ...doc, flows: [...doc.flows, flow] }));
        return id;
      },

      updateElement: (id, patch, coalesceKey) =>
        commit(
          (doc) => ({
            ...doc,
            elements: doc.elements.map((e) => (e.id === id ? ({ ...e, ...patch } as Element) : e)),
          }),
          coalesceKey,
        ),

      updateFlow: (id, patch, coalesceKey) =>
        commit(
          (doc) => ({ ...doc, flows: doc.flows.map((f) => (f.id === id ? { ...f, ...patch } : f)) }),
          coalesceKey,
        ),

      updateMeta: (patch, coalesceKey) => commit((doc) => ({ ...doc, ...patch }), coalesceKey),
      applyEdit: (recipe) => commit(recipe),
      upsertAsset: (asset, key) => commit((doc) => ({ ...doc, assets: upsert(doc.assets, asset) }), key),
      upsertThreat: (threat, key) => commit((doc) => ({ ...doc, threats: upsert(doc.threats, threat) }), key),
      upsertMitigation: (mitigation, key) =>
        commit((doc) => ({ ...doc, mitigations: upsert(doc.mitigations, mitigation) }), key),
      remove: (ids) => commit((doc) => removeFromDocument(doc, ids)),

      select: (ids) => {
        const wanted = new Set(ids);
        const nodes = get().nodes.map((n) =>
          Boolean(n.selected) === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) },
        );
        const edges = get().edges.map((e) =>
          Boolean(e.selected) === wanted.has(e.id) ? e : { ...e, selected: wanted.has(e.id) },
        );
        set({ nodes, edges, selectedIds: selectedIdsOf(nodes, edges, get().selectedIds) });
      },

      deleteSelection: () => get().remove(get().selectedIds),

      copySelection: () => {
        internal.clipboard = copyFragment(get().document, get().selectedIds);
      },

      paste: () => {
        const fragment = internal.clipboard;
        if (!fragment) return;
        const { document: pasted, ids } = pasteFragment(get().document, fragment, newId);
        commit(() => pasted);
        get().select(ids);
        internal.clipboard = { ...fragment, offset: fragment.offset + 40 };
      },

      applyLayout: (layout) =>
        commit((doc) => ({
          ...doc,
          elements: doc.elements.map((e) => {
            const placed = layout.get(e.id);
            if (!placed) return e;
            const position = { x: placed.position.x, y: placed.position.y };
            return placed.size ? { ...e, position, size: { ...placed.size } } : { ...e, position };
          }),
        })),

      undo: () => {
        if (internal.delegate) {
          if (!get().isReadOnly) internal.delegate.undo();
          set(historyFlags());
        } else restore(undo(internal.history, get().document));
      },
      redo: () => {
        if (internal.delegate) {
          if (!get().isReadOnly) internal.delegate.redo();
          set(historyFlags());
        } else restore(redo(internal.history, get().document));
      },

      applyRemote: (document) => {
        if (document === get().document) return;
        set({
          document,
          ...view(document),
          ...historyFlags(),
          isDirty: !sameContent(document, internal.saved),
        });
      },

      setHistory: (delegate) => {
        internal.delegate = delegate;
        internal.history = emptyHistory();
        set(historyFlags());
      },

      resetDocument: (document, baseVersion, options = {}) => {
        internal.history = emptyHistory();
        if (!options.isDirty) internal.saved = document;
        set({
          document,
          baseVersion,
          ...view(document),
          ...historyFlags(),
          isDirty: options.isDirty ?? false,
        });
      },

      markSaved: (document, baseVersion) => {
        internal.saved = document;
        const current = get().document;
        set({
          baseVersion,
          isDirty: internal.delegate ? !sameContent(current, document) : current !== document,
        });
      },
    };
  });
}

export type { XYPosition };

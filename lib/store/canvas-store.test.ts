import { describe, expect, it } from "vitest";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { createCanvasStore } from "./canvas-store";

function documentWithBoundary(): ThreatModelDocument {
  return ThreatModelDocumentSchema.parse({
    schemaVersion: 1,
    title: "Store test",
    elements: [
      {
        id: "b1",
        kind: "trust-boundary",
        label: "Internal",
        position: { x: 0, y: 0 },
        size: { width: 400, height: 300 },
      },
      { id: "p1", kind: "process", label: "API", position: { x: 500, y: 40 } },
      { id: "d1", kind: "datastore", label: "DB", position: { x: 40, y: 40 }, parentId: "b1" },
    ],
    flows: [{ id: "f1", source: "p1", target: "d1", label: "query" }],
  });
}

const storeFor = (isReadOnly = false) =>
  createCanvasStore({ document: documentWithBoundary(), baseVersion: 1, isReadOnly });

describe("canvas store", () => {
  it("adds an element inside the boundary under the drop point, undoably", () => {
    const store = storeFor();
    const id = store.getState().addElement("inference-endpoint", { x: 100, y: 150 });
    const added = store.getState().document.elements.find((e) => e.id === id);
    expect(added).toMatchObject({ kind: "inference-endpoint", parentId: "b1", position: { x: 100, y: 150 } });
    expect(store.getState().nodes.find((n) => n.id === id)?.position).toEqual({ x: 100, y: 150 });
    expect(store.getState().isDirty).toBe(true);
    store.getState().undo();
    expect(store.getState().document.elements.some((e) => e.id === id)).toBe(false);
    expect(store.getState().isDirty).toBe(false);
    store.getState().redo();
    expect(store.getState().document.elements.some((e) => e.id === id)).toBe(true);
  });

  it("keeps live drag frames out of the document and commits on drag end, reparenting on drop", () => {
    const store = storeFor();
    const before = store.getState().document;
    store
      .getState()
      .onNodesChange([{ type: "position", id: "p1", position: { x: 300, y: 60 }, dragging: true }]);
    expect(store.getState().document).toBe(before);
    expect(store.getState().nodes.find((n) => n.id === "p1")?.position).toEqual({ x: 300, y: 60 });
    store
      .getState()
      .onNodesChange([{ type: "position", id: "p1", position: { x: 120, y: 60 }, dragging: false }]);
    const moved = store.getState().document.elements.find((e) => e.id === "p1");
    expect(moved).toMatchObject({ position: { x: 120, y: 60 }, parentId: "b1" });
    expect(store.getState().canUndo).toBe(true);
  });

  it("moves a boundary's contents with it", () => {
    const store = storeFor();
    store
      .getState()
      .onNodesChange([{ type: "position", id: "b1", position: { x: 100, y: 10 }, dragging: false }]);
    expect(store.getState().document.elements.find((e) => e.id === "d1")?.position).toEqual({
      x: 140,
      y: 50,
    });
  });

  it("connects elements but never to a boundary or to itself", () => {
    const store = storeFor();
    expect(store.getState().addFlow("d1", "p1")).toMatch(/^f-/);
    expect(store.getState().addFlow("p1", "b1")).toBeNull();
    expect(store.getState().addFlow("p1", "p1")).toBeNull();
    expect(store.getState().document.flows).toHaveLength(2);
  });

  it("deletes the selection and the flows touching it", () => {
    const store = storeFor();
    store.getState().select(["d1"]);
    expect(store.getState().selectedIds).toEqual(["d1"]);
    store.getState().deleteSelection();
    expect(store.getState().document.elements.map((e) => e.id)).toEqual(["b1", "p1"]);
    expect(store.getState().document.flows).toHaveLength(0);
  });

  it("pastes copies under new ids with the flows between them", () => {
    const store = storeFor();
    store.getState().select(["p1", "b1"]);
    store.getState().copySelection();
    store.getState().paste();
    const { document, selectedIds } = store.getState();
    expect(document.elements).toHaveLength(6);
    expect(document.flows).toHaveLength(2);
    expect(selectedIds).toHaveLength(4);
    const pastedDb = document.elements.find((e) => e.label === "DB" && e.id !== "d1");
    expect(pastedDb?.position).toEqual({ x: 80, y: 80 });
    expect(pastedDb?.parentId).not.toBe("b1");
    expect(() => ThreatModelDocumentSchema.parse(document)).not.toThrow();
  });

  it("merges typing in one field into one undo step", () => {
    const store = storeFor();
    store.getState().updateElement("p1", { label: "A" }, "label:p1");
    store.getState().updateElement("p1", { label: "AP" }, "label:p1");
    store.getState().updateElement("p1", { label: "APIs" }, "label:p1");
    store.getState().undo();
    expect(store.getState().document.elements.find((e) => e.id === "p1")?.label).toBe("API");
  });

  it("is read-only for viewers: selection works, edits do nothing", () => {
    const store = storeFor(true);
    const before = store.getState().document;
    store.getState().addElement("process", { x: 0, y: 0 });
    store
      .getState()
      .onNodesChange([{ type: "position", id: "p1", position: { x: 1, y: 1 }, dragging: false }]);
    store.getState().select(["p1"]);
    expect(store.getState().document).toBe(before);
    expect(store.getState().selectedIds).toEqual(["p1"]);
  });

  it("reuses node objects for elements an edit did not touch", () => {
    const store = storeFor();
    const [boundary, api, db] = store.getState().nodes;
    store.getState().updateElement("p1", { label: "Renamed" });
    const after = store.getState().nodes;
    expect(after.find((n) => n.id === "b1")).toBe(boundary);
    expect(after.find((n) => n.id === "d1")).toBe(db);
    expect(after.find((n) => n.id === "p1")).not.toBe(api);
  });
});

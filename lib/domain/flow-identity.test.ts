import type { NodeChange } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { type Element, ThreatModelDocumentSchema } from "./document";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import {
  applyNodeChangesToDocument,
  byId,
  type CanvasNode,
  documentToEdges,
  documentToNodes,
  nodesToElements,
} from "./flow-mapping";

function expectSameObjects<T>(actual: readonly T[], expected: readonly (T | undefined)[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((item, i) => {
    expect(item).toBe(expected[i]);
  });
}

const load = () => ThreatModelDocumentSchema.parse(fraudScoringDocument());
const elementById = (elements: readonly Element[], id: string) => elements.find((e) => e.id === id);

describe("identity reuse", () => {
  it("returns the previous node object for every unchanged element", () => {
    const doc = load();
    const first = documentToNodes(doc);
    const again = documentToNodes(structuredClone(doc), { previous: byId(first) });
    expectSameObjects(
      again,
      again.map((n) => first.find((p) => p.id === n.id)),
    );
  });

  it("creates a new object only for the changed node, keeping its local fields", () => {
    const doc = load();
    const first = documentToNodes(doc).map((n) => (n.id === "api" ? { ...n, selected: true } : n));
    const elements = doc.elements.map((e) => (e.id === "api" ? { ...e, label: "Scoring API v2" } : e));
    const next = documentToNodes({ elements }, { previous: byId(first) });
    const previousById = byId(first);
    for (const n of next) {
      if (n.id === "api") {
        expect(n).not.toBe(previousById.get("api"));
        expect(n).toMatchObject({ selected: true, data: { label: "Scoring API v2" } });
      } else {
        expect(n).toBe(previousById.get(n.id));
      }
    }
  });

  it("keeps the data object when only the geometry changed", () => {
    const doc = load();
    const first = documentToNodes(doc);
    const elements = doc.elements.map((e) =>
      e.id === "labelers" ? { ...e, position: { x: 0, y: 900 } } : e,
    );
    const moved = documentToNodes({ elements }, { previous: byId(first) }).find((n) => n.id === "labelers");
    const before = first.find((n) => n.id === "labelers");
    expect(moved).not.toBe(before);
    expect(moved?.position).toEqual({ x: 0, y: 900 });
    expect(moved?.data).toBe(before?.data);
  });

  it("reuses children when their boundary moves with them (relative positions unchanged)", () => {
    const doc = load();
    const first = documentToNodes(doc);
    const shift = (e: Element) => ({ ...e, position: { x: e.position.x + 50, y: e.position.y } });
    const inside = new Set(["b-serving", "api", "features", "registry"]);
    const elements = doc.elements.map((e) => (inside.has(e.id) ? shift(e) : e));
    const next = documentToNodes({ elements }, { previous: byId(first) });
    const previousById = byId(first);
    expect(next.find((n) => n.id === "b-serving")).not.toBe(previousById.get("b-serving"));
    for (const id of ["api", "features", "registry"]) {
      expect(next.find((n) => n.id === id)).toBe(previousById.get(id));
    }
  });

  it("removes parentId from a reused node whose element left its boundary", () => {
    const doc = load();
    const first = documentToNodes(doc);
    const elements = doc.elements.map((e) => {
      if (e.id !== "cardholder") return e;
      const { parentId: _parent, ...rest } = e;
      return rest as Element;
    });
    const next = documentToNodes({ elements }, { previous: byId(first) }).find((n) => n.id === "cardholder");
    expect(next).not.toHaveProperty("parentId");
    expect(next?.position).toEqual({ x: 40, y: 60 });
  });

  it("reuses unchanged edges and replaces changed ones", () => {
    const doc = load();
    const first = documentToEdges(doc);
    const flows = doc.flows.map((f) => (f.id === "f-train" ? { ...f, encrypted: true } : f));
    const next = documentToEdges({ elements: doc.elements, flows }, { previous: byId(first) });
    next.forEach((edge, i) => {
      if (edge.id === "f-train") expect(edge).not.toBe(first[i]);
      else expect(edge).toBe(first[i]);
    });
  });

  it("returns the same elements array entries for a node list React Flow only decorated", () => {
    const doc = load();
    const nodes = documentToNodes(doc).map((n): CanvasNode => ({ ...n, selected: true, dragging: false }));
    expectSameObjects(nodesToElements(nodes, doc.elements), doc.elements);
  });
});

describe("applyNodeChangesToDocument", () => {
  it("turns a parent-relative drag into an absolute position", () => {
    const doc = load();
    const next = applyNodeChangesToDocument(doc, [
      { id: "api", type: "position", position: { x: 100, y: 100 } },
    ]);
    expect(elementById(next.elements, "api")?.position).toEqual({ x: 500, y: 140 });
    next.elements.forEach((e, i) => {
      if (e.id !== "api") expect(e).toBe(doc.elements[i]);
    });
  });

  it("moves everything inside a boundary with it", () => {
    const doc = load();
    const next = applyNodeChangesToDocument(doc, [
      { id: "b-platform", type: "position", position: { x: 400, y: 10 }, dragging: false },
    ]);
    expect(elementById(next.elements, "b-platform")?.position).toEqual({ x: 400, y: 10 });
    expect(elementById(next.elements, "b-serving")?.position).toEqual({ x: 440, y: 50 });
    expect(elementById(next.elements, "api")?.position).toEqual({ x: 480, y: 110 });
    expect(elementById(next.elements, "pipeline")?.position).toEqual({ x: 960, y: 70 });
    expect(elementById(next.elements, "cardholder")).toBe(elementById(doc.elements, "cardholder"));
  });

  it("applies a resize from the top-left, where React Flow keeps the children in place", () => {
    const doc = load();
    // NodeResizer: the boundary moves and grows, its children get compensating relative positions.
    const changes: NodeChange[] = [
      { id: "b-serving", type: "position", position: { x: 20, y: 40 } },
      {
        id: "b-serving",
        type: "dimensions",
        dimensions: { width: 480, height: 300 },
        resizing: true,
        setAttributes: true,
      },
      { id: "api", type: "position", position: { x: 60, y: 60 } },
    ];
    const next = applyNodeChangesToDocument(doc, changes);
    expect(elementById(next.elements, "b-serving")).toMatchObject({
      position: { x: 380, y: 40 },
      size: { width: 480, height: 300 },
    });
    expect(elementById(next.elements, "api")?.position).toEqual({ x: 440, y: 100 });
  });

  it("applies a one-sided resize to that side only", () => {
    const doc = load();
    const next = applyNodeChangesToDocument(doc, [
      {
        id: "b-vendor",
        type: "dimensions",
        dimensions: { width: 350, height: 999 },
        resizing: true,
        setAttributes: "width",
      },
    ]);
    expect(elementById(next.elements, "b-vendor")?.size).toEqual({ width: 350, height: 400 });
  });

  it("ignores DOM measurements, selection and removal, returning the same document", () => {
    const doc = load();
    const changes: NodeChange[] = [
      { id: "api", type: "dimensions", dimensions: { width: 190, height: 80 } },
      { id: "api", type: "select", selected: true },
      { id: "api", type: "remove" },
      { id: "api", type: "position", dragging: true },
    ];
    expect(applyNodeChangesToDocument(doc, changes)).toBe(doc);
  });
});

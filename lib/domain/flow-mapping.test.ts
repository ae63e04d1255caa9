import { describe, expect, it } from "vitest";
import { documentHash } from "./canonical-document";
import { type Element, ThreatModelDocumentSchema } from "./document";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import {
  applyNodeChangesToDocument,
  byId,
  type CanvasNode,
  documentToEdges,
  documentToNodes,
  edgesToFlows,
  type FlowEdge,
  nodesToElements,
  nodeTypeOf,
} from "./flow-mapping";

function expectSameObjects<T>(actual: readonly T[], expected: readonly (T | undefined)[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((item, i) => {
    expect(item).toBe(expected[i]);
  });
}

const load = () => ThreatModelDocumentSchema.parse(fraudScoringDocument());
const node = (nodes: CanvasNode[], id: string) => {
  const found = nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};

describe("documentToNodes", () => {
  it("maps kinds to DFD node types and carries kind-specific data", () => {
    const nodes = documentToNodes(load());
    expect(node(nodes, "api")).toMatchObject({
      type: "process",
      width: 180,
      height: 72,
      data: {
        kind: "inference-endpoint",
        label: "Scoring API",
        properties: { public: true, rateLimited: false },
        outOfScope: false,
      },
    });
    expect(node(nodes, "features").type).toBe("datastore");
    expect(node(nodes, "vendor-model").type).toBe("external-entity");
    expect(node(nodes, "b-platform")).toMatchObject({
      type: "boundary",
      width: 1100,
      height: 700,
      data: { kind: "trust-boundary", properties: { trustLevel: "internal" } },
    });
    expect(node(nodes, "labelers").data).toMatchObject({
      outOfScope: true,
      outOfScopeReason: expect.any(String),
    });
    expect(node(nodes, "api")).not.toHaveProperty("extent");
  });

  it("orders every parent before its children, boundaries first", () => {
    const nodes = documentToNodes(load());
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const n of nodes) {
      if (n.parentId !== undefined) expect(index.get(n.parentId)).toBeLessThan(index.get(n.id) ?? -1);
    }
    expect(nodes.slice(0, 4).map((n) => n.type)).toEqual(["boundary", "boundary", "boundary", "boundary"]);
  });

  it("positions children relative to their parent node (document positions are absolute)", () => {
    const nodes = documentToNodes(load());
    expect(node(nodes, "b-platform")).toMatchObject({ position: { x: 360, y: 0 } });
    expect(node(nodes, "b-platform")).not.toHaveProperty("parentId");
    expect(node(nodes, "b-serving")).toMatchObject({ parentId: "b-platform", position: { x: 40, y: 40 } });
    expect(node(nodes, "api")).toMatchObject({ parentId: "b-serving", position: { x: 40, y: 60 } });
    expect(node(nodes, "labelers")).toMatchObject({ position: { x: 1540, y: 500 } });
  });

  it("never hands React Flow a broken parent", () => {
    const doc = load();
    const broken: Element[] = [
      ...doc.elements,
      { ...structuredClone(doc.elements[0] as Element), id: "loop-a", parentId: "loop-b" } as Element,
      { ...structuredClone(doc.elements[0] as Element), id: "loop-b", parentId: "loop-a" } as Element,
      { ...(doc.elements[4] as Element), id: "orphan", parentId: "gone" },
    ];
    const nodes = documentToNodes({ elements: broken });
    expect(node(nodes, "loop-a")).not.toHaveProperty("parentId");
    expect(node(nodes, "loop-b")).not.toHaveProperty("parentId");
    expect(node(nodes, "orphan")).toMatchObject({ position: { x: 40, y: 60 } });
    expect(node(nodes, "orphan")).not.toHaveProperty("parentId");
  });
});

describe("documentToEdges", () => {
  it("maps flows to flow edges with their durable fields", () => {
    const edges = documentToEdges(load());
    expect(edges).toHaveLength(12);
    expect(edges.find((e) => e.id === "f-score")).toEqual({
      id: "f-score",
      type: "flow",
      source: "checkout",
      target: "api",
      data: {
        label: "Score request",
        protocol: "HTTPS",
        dataClassification: "confidential",
        encrypted: true,
        authenticated: true,
        bidirectional: true,
        properties: {},
      },
    });
  });

  it("leaves out flows whose ends are missing", () => {
    const doc = load();
    const flows = [
      ...doc.flows,
      { ...(doc.flows[0] as (typeof doc.flows)[number]), id: "f-dangling", target: "gone" },
    ];
    expect(documentToEdges({ elements: doc.elements, flows }).map((e) => e.id)).not.toContain("f-dangling");
  });
});

describe("round trip", () => {
  it("document -> nodes/edges -> document is identical, entry for entry", () => {
    const doc = load();
    const elements = nodesToElements(documentToNodes(doc), doc.elements);
    const flows = edgesToFlows(documentToEdges(doc), doc.flows);
    expectSameObjects(elements, doc.elements);
    expectSameObjects(flows, doc.flows);
    expect(documentHash({ ...doc, elements, flows })).toBe(documentHash(doc));
  });

  it("survives fractional coordinates without floating-point drift", () => {
    // (10.3 - 1000.1) + 1000.1 is 10.299999999999955 in floating point
    const doc = ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: [
        { id: "far", kind: "trust-boundary", label: "Far", position: { x: 1000.1, y: 100.9 } },
        { id: "near", kind: "process", label: "Near", parentId: "far", position: { x: 10.3, y: 0.7 } },
      ],
    });
    const nodes = documentToNodes(doc);
    expect(nodes[1]?.position.x).toBeCloseTo(-989.8);
    expectSameObjects(nodesToElements(nodes, doc.elements), doc.elements);
    const moved = applyNodeChangesToDocument(doc, [
      { id: "near", type: "position", position: nodes[1]?.position },
    ]);
    expect(moved).toBe(doc);
  });

  it("works without a previous document, rebuilding a valid, hash-equal one", () => {
    const doc = load();
    const elements = nodesToElements(documentToNodes(doc));
    const flows = edgesToFlows(documentToEdges(doc));
    const order = new Map(doc.elements.map((e, i) => [e.id, i]));
    elements.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    expect(documentHash({ ...doc, elements, flows })).toBe(documentHash(doc));
  });

  it("writes canvas edits back as absolute positions, sizes and parents", () => {
    const doc = load();
    const nodes = documentToNodes(doc).map((n): CanvasNode => {
      if (n.id === "b-platform") return { ...n, position: { x: 460, y: 100 } }; // boundary moved
      if (n.id === "b-internet")
        return { ...n, width: 320, selected: true, measured: { width: 1, height: 1 } };
      if (n.id === "cardholder") {
        // dragged out of its boundary: the canvas clears parentId and gives an absolute position
        const { parentId: _parent, ...rest } = n;
        return { ...rest, position: { x: -200, y: 10 } };
      }
      return n;
    });
    const elements = nodesToElements(nodes, doc.elements);
    const byElement = byId(elements);
    expect(byElement.get("b-platform")?.position).toEqual({ x: 460, y: 100 });
    expect(byElement.get("b-serving")?.position).toEqual({ x: 500, y: 140 });
    expect(byElement.get("api")?.position).toEqual({ x: 540, y: 200 });
    expect(byElement.get("b-internet")?.size).toEqual({ width: 320, height: 500 });
    expect(byElement.get("b-internet")).not.toHaveProperty("measured");
    expect(byElement.get("cardholder")).not.toHaveProperty("parentId");
    expect(byElement.get("cardholder")?.position).toEqual({ x: -200, y: 10 });
    expect(byElement.get("b-vendor")).toBe(doc.elements[3]);
    expect(ThreatModelDocumentSchema.safeParse({ ...doc, elements }).success).toBe(true);
  });

  it("drops deleted nodes and edges and appends new ones with defaults", () => {
    const doc = load();
    const nodes: CanvasNode[] = [
      ...documentToNodes(doc).filter((n) => n.id !== "labelers"),
      {
        id: "rag",
        type: "datastore",
        parentId: "b-serving",
        position: { x: 10, y: 10 },
        data: { kind: "vector-store", label: "Docs", properties: { sources: ["wiki"] }, outOfScope: false },
      },
    ];
    const edges: FlowEdge[] = [
      ...documentToEdges(doc).filter((e) => e.id !== "f-labels"),
      { id: "f-rag", type: "flow", source: "rag", target: "api" },
    ];
    const elements = nodesToElements(nodes, doc.elements);
    const flows = edgesToFlows(edges, doc.flows);
    expect(elements.map((e) => e.id)).not.toContain("labelers");
    expect(elements.at(-1)).toEqual({
      id: "rag",
      kind: "vector-store",
      label: "Docs",
      properties: { sources: ["wiki"] },
      outOfScope: false,
      parentId: "b-serving",
      position: { x: 410, y: 50 },
      size: { width: 180, height: 72 },
    });
    expect(flows.at(-1)).toEqual({
      id: "f-rag",
      source: "rag",
      target: "api",
      encrypted: false,
      authenticated: false,
      bidirectional: false,
      properties: {},
    });
    const next = { ...doc, elements, flows, threats: [], mitigations: [], assets: [] };
    expect(ThreatModelDocumentSchema.safeParse(next).error?.issues).toBeUndefined();
  });

  it("writes edited edge data back and clears removed optional fields", () => {
    const doc = load();
    const edges = documentToEdges(doc).map((e): FlowEdge => {
      if (e.id !== "f-score" || !e.data) return e;
      const { protocol: _protocol, ...data } = e.data;
      return { ...e, data: { ...data, label: "Score", encrypted: false } };
    });
    const flow = edgesToFlows(edges, doc.flows).find((f) => f.id === "f-score");
    expect(flow).toMatchObject({ label: "Score", encrypted: false, authenticated: true });
    expect(flow).not.toHaveProperty("protocol");
  });
});

describe("nodeTypeOf", () => {
  it("draws each kind with its DFD base shape", () => {
    expect(nodeTypeOf("llm-agent")).toBe("process");
    expect(nodeTypeOf("vector-store")).toBe("datastore");
    expect(nodeTypeOf("end-user")).toBe("external-entity");
    expect(nodeTypeOf("trust-boundary")).toBe("boundary");
  });
});

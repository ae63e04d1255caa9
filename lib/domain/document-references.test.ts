import { describe, expect, it } from "vitest";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import { issuesOf, pathsOf, twoElements } from "./fixtures/schema-issues";

describe("document schema: cross-references", () => {
  const base = () => structuredClone(fraudScoringDocument());

  it("rejects duplicate ids across collections, at the later entry", () => {
    const doc = base();
    doc.threats?.push({ id: "api", title: "Clashes with an element id" });
    doc.flows?.push({ id: "f-pay", source: "cardholder", target: "checkout" });
    expect(pathsOf(doc)).toEqual([
      ["flows", 12, "id"],
      ["threats", 9, "id"],
    ]);
  });

  it("requires flows to join existing elements that are not trust boundaries", () => {
    const doc = base();
    doc.flows?.push({ id: "f-x", source: "nowhere", target: "b-serving" });
    expect(issuesOf(doc)).toEqual([
      { path: ["flows", 12, "source"], message: 'no element with id "nowhere"' },
      { path: ["flows", 12, "target"], message: expect.stringContaining("trust boundary") },
    ]);
  });

  it("requires parentId to name an existing trust boundary", () => {
    const missing = {
      ...twoElements,
      elements: [{ id: "a", kind: "process", label: "A", parentId: "zone" }],
    };
    expect(pathsOf(missing)).toEqual([["elements", 0, "parentId"]]);
    const notBoundary = {
      ...twoElements,
      elements: [...twoElements.elements, { id: "c", kind: "process", label: "C", parentId: "b" }],
    };
    expect(issuesOf(notBoundary)).toEqual([
      { path: ["elements", 2, "parentId"], message: '"b" is a datastore, not a trust boundary' },
    ]);
  });

  it("rejects parent cycles, including an element that is its own parent", () => {
    const zone = (id: string, parentId: string) => ({ id, kind: "trust-boundary", label: id, parentId });
    expect(pathsOf({ schemaVersion: 1, elements: [zone("z", "z")] })).toEqual([["elements", 0, "parentId"]]);
    const cycle = { schemaVersion: 1, elements: [zone("x", "y"), zone("y", "x"), zone("inner", "x")] };
    expect(pathsOf(cycle)).toEqual([
      ["elements", 0, "parentId"],
      ["elements", 1, "parentId"],
    ]);
  });

  it("requires asset, threat and mitigation id lists to point at the right collections", () => {
    const doc = base();
    doc.assets?.push({ id: "a-x", name: "X", elementIds: ["dataset", "t-evasion"] });
    doc.threats?.push({
      id: "t-x",
      title: "X",
      targetIds: ["api", "f-score", "a-model"],
      assetIds: ["a-model", "api"],
    });
    doc.mitigations?.push({ id: "m-x", title: "X", threatIds: ["t-x", "m-rate"] });
    expect(pathsOf(doc)).toEqual([
      ["assets", 4, "elementIds", 1],
      ["threats", 9, "targetIds", 2],
      ["threats", 9, "assetIds", 1],
      ["mitigations", 6, "threatIds", 1],
    ]);
  });
});

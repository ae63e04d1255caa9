import { describe, expect, it } from "vitest";
import { ThreatModelDocumentSchema } from "./document";
import { createElement, removeFromDocument } from "./document-edits";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";

const load = () => ThreatModelDocumentSchema.parse(fraudScoringDocument());

describe("removeFromDocument", () => {
  it("removes an element with its flows and every reference to them, leaving a valid document", () => {
    const doc = load();
    const next = removeFromDocument(doc, ["api"]);
    expect(next.elements.map((e) => e.id)).not.toContain("api");
    expect(next.flows.map((f) => f.id)).toEqual(
      doc.flows
        .filter((f) => !["f-score", "f-features", "f-model", "f-telemetry"].includes(f.id))
        .map((f) => f.id),
    );
    expect(next.threats.find((t) => t.id === "t-extraction")?.targetIds).toEqual([]);
    expect(next.threats.find((t) => t.id === "t-evasion")).toBeDefined();
    expect(next.assets.find((a) => a.id === "a-model")?.elementIds).toEqual(["registry"]);
    expect(ThreatModelDocumentSchema.safeParse(next).error?.issues).toBeUndefined();
  });

  it("moves the contents of a deleted boundary up to the next boundary without moving them", () => {
    const doc = load();
    const next = removeFromDocument(doc, ["b-serving"]);
    expect(next.elements.find((e) => e.id === "api")).toMatchObject({
      parentId: "b-platform",
      position: { x: 440, y: 100 },
    });
    const top = removeFromDocument(doc, ["b-internet"]);
    expect(top.elements.find((e) => e.id === "cardholder")).not.toHaveProperty("parentId");
    expect(ThreatModelDocumentSchema.safeParse(next).success).toBe(true);
    expect(ThreatModelDocumentSchema.safeParse(top).success).toBe(true);
  });

  it("removes threats, assets and mitigations from the lists that link them", () => {
    const doc = load();
    const next = removeFromDocument(doc, ["t-extraction", "a-model", "m-sign"]);
    expect(next.mitigations.find((m) => m.id === "m-rate")?.threatIds).toEqual(["t-evasion"]);
    expect(next.threats.find((t) => t.id === "t-evasion")?.assetIds).toEqual([]);
    expect(next.mitigations.map((m) => m.id)).not.toContain("m-sign");
    expect(ThreatModelDocumentSchema.safeParse(next).success).toBe(true);
  });

  it("keeps untouched entries as the same objects", () => {
    const doc = load();
    const next = removeFromDocument(doc, ["labelers"]);
    expect(next.elements[0]).toBe(doc.elements[0]);
    expect(next.threats[0]).toBe(doc.threats[0]);
    expect(next.mitigations[0]).toBe(doc.mitigations[0]);
    expect(removeFromDocument(doc, [])).toBe(doc);
  });
});

describe("createElement", () => {
  it("creates an element with the kind's defaults and a label from the palette name", () => {
    expect(createElement("dataset", "d1", { x: 10, y: 20 })).toStrictEqual({
      id: "d1",
      kind: "dataset",
      label: "Training data store",
      position: { x: 10, y: 20 },
      size: { width: 180, height: 72 },
      properties: {},
      outOfScope: false,
    });
    const boundary = createElement(
      "trust-boundary",
      "z",
      { x: 0, y: 0 },
      { label: "DMZ", parentId: "outer" },
    );
    expect(boundary).toMatchObject({ label: "DMZ", parentId: "outer", size: { width: 420, height: 280 } });
  });
});

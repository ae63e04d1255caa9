import { describe, expect, it } from "vitest";
import { contentHash } from "./canonical";
import { canonicalizeDocument, canonicalizeParsed, documentHash } from "./canonical-document";
import { ThreatModelDocumentSchema } from "./document";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import { generatedDocument } from "./fixtures/generated";

/** The same value with object keys reversed at every depth (arrays keep their order). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reverseKeys(item)]),
    );
  }
  return value;
}

/** Paths of objects whose keys are not in sorted order. */
function unsortedPaths(value: unknown, path = "doc"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unsortedPaths(item, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const keys = Object.keys(value);
  const here = keys.join() === [...keys].sort().join() ? [] : [path];
  return [
    ...here,
    ...keys.flatMap((key) => unsortedPaths((value as Record<string, unknown>)[key], `${path}.${key}`)),
  ];
}

describe("canonical document and hash", () => {
  it("parses a document, keys in any order, into canonical key order (hashing copies nothing)", () => {
    for (const input of [fraudScoringDocument(), generatedDocument(60, 80)]) {
      expect(unsortedPaths(ThreatModelDocumentSchema.parse(reverseKeys(input)))).toEqual([]);
    }
    // A key the schema does not know comes after the known ones: only that object is out of order.
    const parsed = ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: [{ id: "a", kind: "process", label: "A", properties: {}, aa: 1 }],
    });
    expect(unsortedPaths(parsed)).toEqual(["doc.elements[0]"]);
  });

  it("applies defaults, so a minimal document and its spelled-out form hash equally", () => {
    const minimal = { schemaVersion: 1, title: "T" };
    const spelled = {
      schemaVersion: 1,
      title: "T",
      description: "",
      scope: { purpose: "", systemType: "other", successCriteria: "", harmDefinition: "" },
      elements: [],
      flows: [],
      assets: [],
      threats: [],
      mitigations: [],
      assumptions: [],
    };
    expect(canonicalizeDocument(minimal)).toEqual(spelled);
    expect(documentHash(minimal)).toBe(documentHash(spelled));
    expect(documentHash(minimal)).toBe(contentHash(spelled));
  });

  it("ignores object key order at every depth", () => {
    const doc = fraudScoringDocument();
    expect(documentHash(reverseKeys(doc))).toBe(documentHash(doc));
  });

  it("treats array order as content", () => {
    const doc = fraudScoringDocument();
    const reordered = { ...doc, flows: [...(doc.flows ?? [])].reverse() };
    expect(documentHash(reordered)).not.toBe(documentHash(doc));
    const assumptions = { ...doc, assumptions: [...(doc.assumptions ?? [])].reverse() };
    expect(documentHash(assumptions)).not.toBe(documentHash(doc));
  });

  it("changes with the title, the description and any durable field", () => {
    const doc = fraudScoringDocument();
    const hash = documentHash(doc);
    expect(documentHash({ ...doc, title: "Other" })).not.toBe(hash);
    expect(documentHash({ ...doc, description: "Other" })).not.toBe(hash);
    const moved = structuredClone(doc);
    const first = moved.elements?.[4];
    if (first) first.position = { x: 41, y: 60 };
    expect(documentHash(moved)).not.toBe(hash);
    const resized = structuredClone(doc);
    const boundary = resized.elements?.[0];
    if (boundary) boundary.size = { width: 301, height: 500 };
    expect(documentHash(resized)).not.toBe(hash);
  });

  it("strips transient UI fields from elements and flows, but keeps size and properties", () => {
    const doc = fraudScoringDocument();
    const withUi = structuredClone(doc) as {
      elements: Record<string, unknown>[];
      flows: Record<string, unknown>[];
    };
    Object.assign(withUi.elements[0] ?? {}, {
      selected: true,
      dragging: false,
      resizing: true,
      measured: { width: 300, height: 500 },
      width: 300,
      height: 500,
    });
    Object.assign(withUi.flows[0] ?? {}, { selected: true });
    const canonical = canonicalizeDocument(withUi);
    expect(canonical.elements[0]).not.toHaveProperty("selected");
    expect(canonical.elements[0]).not.toHaveProperty("measured");
    expect(canonical.elements[0]).not.toHaveProperty("width");
    expect(canonical.elements[0]?.size).toEqual({ width: 300, height: 500 });
    expect(canonical.flows[0]).not.toHaveProperty("selected");
    expect(documentHash(withUi)).toBe(documentHash(doc));
  });

  it("keeps properties that happen to share a UI field's name", () => {
    const doc = {
      schemaVersion: 1,
      elements: [{ id: "a", kind: "process", label: "A", properties: { selected: "model-b", width: 3 } }],
    };
    expect(canonicalizeDocument(doc).elements[0]?.properties).toEqual({ selected: "model-b", width: 3 });
  });

  it("is idempotent", () => {
    const canonical = canonicalizeDocument(fraudScoringDocument());
    expect(canonicalizeDocument(canonical)).toEqual(canonical);
    expect(documentHash(canonical)).toBe(contentHash(canonical));
  });

  it("gives a parsed document the same canonical form without parsing it again", () => {
    const input = fraudScoringDocument();
    const parsed = ThreatModelDocumentSchema.parse(input);
    const withUiFields = {
      ...parsed,
      elements: parsed.elements.map((e) => ({ ...e, selected: true, measured: { width: 1, height: 1 } })),
      flows: parsed.flows.map((f) => ({ ...f, selected: false })),
    };
    expect(canonicalizeParsed(withUiFields)).toEqual(canonicalizeDocument(input));
    expect(contentHash(canonicalizeParsed(withUiFields))).toBe(documentHash(input));
  });

  it("refuses an invalid document", () => {
    expect(() =>
      canonicalizeDocument({ schemaVersion: 1, flows: [{ id: "f", source: "a", target: "b" }] }),
    ).toThrow(/no element with id/);
  });
});

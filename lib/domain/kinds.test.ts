import { describe, expect, it } from "vitest";
import { baseTypeOf, DFD_BASE_TYPES, defaultSizeOf, ELEMENT_KINDS, isElementKind, KIND_INFO } from "./kinds";

describe("element kind registry", () => {
  it("describes every kind from the spec, and only those", () => {
    expect([...ELEMENT_KINDS].sort()).toEqual(
      [
        "process",
        "datastore",
        "external-entity",
        "trust-boundary",
        "dataset",
        "data-pipeline",
        "feature-store",
        "labeling-workforce",
        "model-registry",
        "training-job",
        "inference-endpoint",
        "prompt-template",
        "llm-agent",
        "third-party-model",
        "vector-store",
        "monitoring",
        "data-broker",
        "end-user",
      ].sort(),
    );
    expect(Object.keys(KIND_INFO).sort()).toEqual([...ELEMENT_KINDS].sort());
    for (const kind of ELEMENT_KINDS) {
      expect(KIND_INFO[kind].kind).toBe(kind);
      expect(KIND_INFO[kind].description.length).toBeGreaterThan(10);
    }
  });

  it("maps each kind to its DFD base type", () => {
    const byBase = Object.fromEntries(
      DFD_BASE_TYPES.map((base) => [base, ELEMENT_KINDS.filter((kind) => baseTypeOf(kind) === base).sort()]),
    );
    expect(byBase).toEqual({
      process: [
        "data-pipeline",
        "inference-endpoint",
        "llm-agent",
        "monitoring",
        "process",
        "prompt-template",
        "training-job",
      ],
      datastore: ["dataset", "datastore", "feature-store", "model-registry", "vector-store"],
      "external-entity": [
        "data-broker",
        "end-user",
        "external-entity",
        "labeling-workforce",
        "third-party-model",
      ],
      "trust-boundary": ["trust-boundary"],
    });
  });

  it("gives the palette a unique human label per kind", () => {
    expect(KIND_INFO.process.label).toBe("process");
    expect(KIND_INFO.datastore.label).toBe("data store");
    expect(KIND_INFO["external-entity"].label).toBe("external entity");
    expect(KIND_INFO["trust-boundary"].label).toBe("trust boundary");
    expect(KIND_INFO.dataset.label).toBe("training data store");
    expect(KIND_INFO["inference-endpoint"].label).toBe("inference endpoint");
    const labels = ELEMENT_KINDS.map((kind) => KIND_INFO[kind].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("sizes boundaries as regions and everything else as boxes, returning fresh objects", () => {
    const boundary = defaultSizeOf("trust-boundary");
    const box = defaultSizeOf("process");
    expect(boundary.width).toBeGreaterThan(box.width * 2);
    expect(boundary.height).toBeGreaterThan(box.height * 2);
    box.width = 1;
    expect(defaultSizeOf("process").width).toBe(180);
  });

  it("validates documented properties, all optional, and keeps unknown keys", () => {
    expect(KIND_INFO["trust-boundary"].properties.parse({})).toEqual({});
    expect(
      KIND_INFO["llm-agent"].properties.parse({ tools: ["search"], autonomy: "suggests-only", x: 1 }),
    ).toEqual({
      tools: ["search"],
      autonomy: "suggests-only",
      x: 1,
    });
    expect(KIND_INFO["trust-boundary"].properties.safeParse({ trustLevel: "trusted" }).success).toBe(false);
    expect(KIND_INFO["inference-endpoint"].properties.safeParse({ rateLimited: "yes" }).success).toBe(false);
    expect(
      KIND_INFO["third-party-model"].properties.safeParse({ vendor: "A", verifiedChecksum: true }).success,
    ).toBe(true);
  });

  it("recognises kinds", () => {
    expect(isElementKind("vector-store")).toBe(true);
    expect(isElementKind("vector_store")).toBe(false);
    expect(isElementKind(3)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  boundaryChain,
  containingBoundary,
  crossedBoundaries,
  crossesToHigherTrust,
  effectiveTrustLevel,
} from "./boundaries";
import { type Element, ThreatModelDocumentSchema } from "./document";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";

const doc = ThreatModelDocumentSchema.parse(fraudScoringDocument());
const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
const flow = (id: string) => {
  const found = doc.flows.find((f) => f.id === id);
  if (!found) throw new Error(`no flow ${id}`);
  return found;
};

describe("boundaryChain", () => {
  it("lists enclosing boundaries innermost first", () => {
    expect(ids(boundaryChain(doc, "api"))).toEqual(["b-serving", "b-platform"]);
    expect(ids(boundaryChain(doc, "pipeline"))).toEqual(["b-platform"]);
    expect(ids(boundaryChain(doc, "b-serving"))).toEqual(["b-platform"]);
    expect(boundaryChain(doc, "labelers")).toEqual([]);
    expect(boundaryChain(doc, "no-such-id")).toEqual([]);
  });

  it("terminates on a malformed parent cycle", () => {
    const zone = (id: string, parentId: string) =>
      ({
        id,
        kind: "trust-boundary",
        label: id,
        parentId,
        position: { x: 0, y: 0 },
        size: { width: 9, height: 9 },
        properties: {},
        outOfScope: false,
      }) as Element;
    const elements = [zone("x", "y"), zone("y", "x"), { ...zone("inner", "x"), kind: "process" } as Element];
    expect(boundaryChain({ elements }, "x")).toEqual([]);
    expect(ids(boundaryChain({ elements }, "inner"))).toEqual(["x"]);
  });
});

describe("crossedBoundaries", () => {
  it("is empty for a flow inside one zone", () => {
    expect(crossedBoundaries(doc, flow("f-pay"))).toEqual([]);
    expect(crossedBoundaries(doc, flow("f-features"))).toEqual([]);
  });

  it("lists the boundaries left, then those entered, with their trust levels", () => {
    expect(crossedBoundaries(doc, flow("f-score"))).toEqual([
      { id: "b-internet", label: "Internet", trustLevel: "untrusted", direction: "leaves" },
      { id: "b-platform", label: "ML platform", trustLevel: "internal", direction: "enters" },
      { id: "b-serving", label: "Serving", trustLevel: "restricted", direction: "enters" },
    ]);
    expect(crossedBoundaries(doc, { source: "api", target: "monitoring" })).toEqual([
      { id: "b-serving", label: "Serving", trustLevel: "restricted", direction: "leaves" },
    ]);
  });

  it("counts a boundary once when only one end is outside every boundary", () => {
    expect(ids(crossedBoundaries(doc, flow("f-labels")))).toEqual(["b-platform"]);
  });
});

describe("trust levels", () => {
  it("takes the innermost stated level; outside every boundary is untrusted", () => {
    expect(effectiveTrustLevel(doc, "api")).toBe("restricted");
    expect(effectiveTrustLevel(doc, "dataset")).toBe("internal");
    expect(effectiveTrustLevel(doc, "broker")).toBe("partner");
    expect(effectiveTrustLevel(doc, "labelers")).toBe("untrusted");
  });

  it("inherits from the enclosing boundary when a boundary states no level", () => {
    const elements = doc.elements.map((e) =>
      e.id === "b-serving" && e.kind === "trust-boundary" ? { ...e, properties: {} } : e,
    );
    expect(effectiveTrustLevel({ elements }, "api")).toBe("internal");
  });

  it("detects flows into more trusted zones", () => {
    expect(crossesToHigherTrust(doc, flow("f-chargebacks"))).toBe(true); // partner -> internal
    expect(crossesToHigherTrust(doc, flow("f-labels"))).toBe(true); // untrusted -> internal
    expect(crossesToHigherTrust(doc, flow("f-publish"))).toBe(true); // internal -> restricted
    expect(crossesToHigherTrust(doc, flow("f-telemetry"))).toBe(false); // restricted -> internal
    expect(crossesToHigherTrust(doc, flow("f-ingest"))).toBe(false); // same zone
  });

  it("treats a bidirectional flow as carrying data both ways", () => {
    expect(crossesToHigherTrust(doc, { source: "api", target: "checkout" })).toBe(false);
    expect(crossesToHigherTrust(doc, { source: "api", target: "checkout", bidirectional: true })).toBe(true);
    expect(crossesToHigherTrust(doc, { source: "pipeline", target: "dataset", bidirectional: true })).toBe(
      false,
    );
  });
});

describe("containingBoundary", () => {
  it("returns the innermost boundary containing the point", () => {
    expect(containingBoundary(doc, { x: 450, y: 60 })?.id).toBe("b-serving");
    expect(containingBoundary(doc, { x: 1000, y: 600 })?.id).toBe("b-platform");
    expect(containingBoundary(doc, { x: 100, y: 100 })?.id).toBe("b-internet");
    expect(containingBoundary(doc, { x: 330, y: 100 })).toBeUndefined();
    expect(containingBoundary(doc, { x: 2000, y: 100 })).toBeUndefined();
  });

  it("includes the edges of a rectangle", () => {
    expect(containingBoundary(doc, { x: 400, y: 40 })?.id).toBe("b-serving");
    expect(containingBoundary(doc, { x: 860, y: 340 })?.id).toBe("b-serving");
    expect(containingBoundary(doc, { x: 860.5, y: 340 })?.id).toBe("b-platform");
  });

  it("excludes a boundary and its descendants, so a dragged boundary never lands in itself", () => {
    expect(containingBoundary(doc, { x: 450, y: 60 }, "b-serving")?.id).toBe("b-platform");
    expect(containingBoundary(doc, { x: 450, y: 60 }, "b-platform")).toBeUndefined();
  });

  it("prefers the smaller of two overlapping unnested boundaries", () => {
    const overlap = {
      ...(doc.elements[0] as Element),
      id: "b-overlap",
      label: "Overlap",
      position: { x: 200, y: 100 },
      size: { width: 400, height: 450 },
    } as Element;
    const elements = [...doc.elements, overlap];
    expect(containingBoundary({ elements }, { x: 250, y: 150 })?.id).toBe("b-internet");
    expect(containingBoundary({ elements }, { x: 380, y: 150 })?.id).toBe("b-overlap");
  });
});

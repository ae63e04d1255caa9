import { describe, expect, it } from "vitest";
import { baseTypeOf } from "@/lib/domain/kinds";
import { residualRisk } from "@/lib/domain/risk";
import { demoDocument } from "./seed";

describe("demo model", () => {
  const doc = demoDocument();

  it("validates and is rich enough to show what good looks like", () => {
    const components = doc.elements.filter((e) => e.kind !== "trust-boundary");
    const mlKinds = new Set(
      components
        .filter((e) => !["process", "datastore", "external-entity"].includes(e.kind))
        .map((e) => e.kind),
    );
    expect(components.length).toBeGreaterThanOrEqual(12);
    expect(mlKinds.size).toBeGreaterThanOrEqual(4);
    expect(doc.elements.filter((e) => baseTypeOf(e.kind) === "trust-boundary").length).toBeGreaterThanOrEqual(
      2,
    );
    expect(doc.flows.length).toBeGreaterThanOrEqual(10);
    expect(doc.threats.length).toBeGreaterThanOrEqual(8);
    expect(doc.mitigations.length).toBeGreaterThanOrEqual(6);
    expect(doc.assets.every((a) => a.provenance !== undefined)).toBe(true);
  });

  it("links every mitigation to a threat, and mitigations in place lower residual risk", () => {
    expect(doc.mitigations.every((m) => m.threatIds.length > 0)).toBe(true);
    const evasion = doc.threats.find((t) => t.id === "t-evasion");
    expect(evasion).toBeDefined();
    if (evasion)
      expect(residualRisk(evasion, doc.mitigations)).toBeLessThan(evasion.likelihood * evasion.impact);
  });
});

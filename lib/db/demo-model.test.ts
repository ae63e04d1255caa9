import { describe, expect, it } from "vitest";
import { documentHash } from "@/lib/domain/canonical-document";
import { diffDocuments } from "@/lib/domain/diff";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { baseTypeOf } from "@/lib/domain/kinds";
import { residualRisk } from "@/lib/domain/risk";
import { demoHistory } from "./demo-history";
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

describe("demo model history", () => {
  const history = demoHistory(demoDocument());

  it("has three valid, distinct versions ending in the complete demo document", () => {
    expect(history.map((v) => v.message)).toHaveLength(3);
    const hashes = history.map((v) => documentHash(v.document));
    expect(new Set(hashes).size).toBe(3);
    expect(hashes[2]).toBe(documentHash(demoDocument()));
    for (const version of history)
      expect(() => ThreatModelDocumentSchema.parse(version.document)).not.toThrow();
  });

  it("grows the way a team works: components first, then threats, then mitigations", () => {
    const [sketch, threats, complete] = history.map((v) => v.document);
    if (!sketch || !threats || !complete) throw new Error("three versions expected");
    const first = diffDocuments(sketch, threats);
    expect(first.elements.added).toEqual(["e-copilot", "e-prompt", "e-notes"]);
    expect(first.threats.added.length).toBe(complete.threats.length);
    expect(sketch.mitigations).toEqual([]);
    const second = diffDocuments(threats, complete);
    expect(second.elements).toEqual({ added: [], removed: [], changed: [] });
    expect(second.mitigations.added.length).toBe(complete.mitigations.length);
    expect(second.threats.changed).toContainEqual({ id: "t-agency", fields: ["status", "statusReason"] });
  });
});

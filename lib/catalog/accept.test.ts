import { describe, expect, it } from "vitest";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { acceptSuggestions } from "./accept";
import { findCatalogThreat } from "./index";

const base = () =>
  ThreatModelDocumentSchema.parse({
    schemaVersion: 1,
    elements: [
      { id: "api", kind: "inference-endpoint", label: "Scoring API", position: { x: 0, y: 0 } },
      { id: "agent", kind: "llm-agent", label: "Copilot", position: { x: 300, y: 0 } },
    ],
  });

function counter() {
  let n = 0;
  return (prefix: string) => `${prefix}-${++n}`;
}

describe("accepting suggestions", () => {
  it("adds open threats filled in from the catalog, linked to its mitigations as proposed", () => {
    const entry = findCatalogThreat("ml-model-extraction");
    if (!entry) throw new Error("catalog has ml-model-extraction");
    const next = acceptSuggestions(base(), [{ catalogId: entry.id, targetIds: ["api"] }], counter());
    expect(next.threats).toHaveLength(1);
    const [threat] = next.threats;
    expect(threat).toMatchObject({
      catalogId: entry.id,
      title: entry.title,
      targetIds: ["api"],
      likelihood: entry.defaultLikelihood,
      impact: entry.defaultImpact,
      status: "open",
    });
    expect(next.mitigations.map((m) => m.catalogId).sort()).toEqual([...entry.mitigationIds].sort());
    expect(
      next.mitigations.every((m) => m.status === "proposed" && m.threatIds.includes(threat?.id ?? "")),
    ).toBe(true);
    expect(() => ThreatModelDocumentSchema.parse(next)).not.toThrow();
  });

  it("keeps one mitigation per control when two accepted threats share it", () => {
    const extraction = findCatalogThreat("ml-model-extraction");
    const evasion = findCatalogThreat("ml-evasion");
    if (!extraction || !evasion) throw new Error("catalog entries missing");
    const shared = extraction.mitigationIds.filter((id) => evasion.mitigationIds.includes(id));
    const next = acceptSuggestions(
      base(),
      [
        { catalogId: extraction.id, targetIds: ["api"] },
        { catalogId: evasion.id, targetIds: ["api"] },
      ],
      counter(),
    );
    for (const id of shared) {
      const copies = next.mitigations.filter((m) => m.catalogId === id);
      expect(copies).toHaveLength(1);
      expect(copies[0]?.threatIds).toHaveLength(2);
    }
    const catalogIds = next.mitigations.map((m) => m.catalogId);
    expect(new Set(catalogIds).size).toBe(catalogIds.length);
  });

  it("skips unknown catalog ids and leaves the input untouched", () => {
    const doc = base();
    const copy = structuredClone(doc);
    expect(acceptSuggestions(doc, [{ catalogId: "no-such-threat", targetIds: ["api"] }], counter())).toEqual(
      doc,
    );
    acceptSuggestions(doc, [{ catalogId: "ml-evasion", targetIds: ["api"] }], counter());
    expect(doc).toEqual(copy);
  });
});

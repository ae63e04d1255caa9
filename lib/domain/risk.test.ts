import { describe, expect, it } from "vitest";
import { type MitigationInput, MitigationSchema, ThreatModelDocumentSchema, ThreatSchema } from "./document";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import {
  inherentRisk,
  openThreatSummaries,
  openThreatSummary,
  residualRisk,
  riskMatrix,
  severityBand,
} from "./risk";

const threat = (likelihood: number, impact: number, status = "open") =>
  ThreatSchema.parse({ id: "t", title: "T", likelihood, impact, status });
const mitigation = (
  effectiveness: number | undefined,
  status: MitigationInput["status"] = "implemented",
  id = "t",
) => MitigationSchema.parse({ id: `m-${Math.random()}`, title: "M", threatIds: [id], status, effectiveness });

describe("inherent risk and bands", () => {
  it("multiplies likelihood and impact", () => {
    expect(inherentRisk(threat(1, 1))).toBe(1);
    expect(inherentRisk(threat(4, 3))).toBe(12);
    expect(inherentRisk(threat(5, 5))).toBe(25);
  });

  it.each([
    [1, "low"],
    [4, "low"],
    [5, "medium"],
    [9, "medium"],
    [10, "high"],
    [16, "high"],
    [17, "critical"],
    [25, "critical"],
  ] as const)("scores %i as %s", (score, band) => {
    expect(severityBand(score)).toBe(band);
  });

  it("puts fractional residuals in the band above once past a band's top, and 0 in none", () => {
    expect(severityBand(4.5)).toBe("medium");
    expect(severityBand(9.1)).toBe("high");
    expect(severityBand(16.5)).toBe("critical");
    expect(severityBand(0)).toBe("none");
  });
});

describe("residual risk", () => {
  it("equals inherent risk without mitigations in place", () => {
    expect(residualRisk(threat(4, 5), [])).toBe(20);
  });

  it("combines mitigations as independent reductions, rounded to one decimal", () => {
    // 20 x 0.5 x 0.7 = 7
    expect(residualRisk(threat(4, 5), [mitigation(50), mitigation(30, "verified")])).toBe(7);
    // 12 x 0.75 x 0.9 x 0.85 = 6.885 -> 6.9
    expect(residualRisk(threat(3, 4), [mitigation(25), mitigation(10), mitigation(15)])).toBe(6.9);
  });

  it("counts only implemented or verified mitigations linked to the threat", () => {
    const others = (["proposed", "planned", "in-progress", "rejected"] as const).map((s) =>
      mitigation(90, s),
    );
    expect(residualRisk(threat(4, 5), others)).toBe(20);
    expect(residualRisk(threat(4, 5), [mitigation(90, "implemented", "other-threat")])).toBe(20);
    expect(residualRisk(threat(4, 5), [mitigation(undefined)])).toBe(20);
  });

  it("never drops below 1 unless a mitigation is fully effective", () => {
    expect(residualRisk(threat(1, 2), [mitigation(99), mitigation(99)])).toBe(1);
    expect(residualRisk(threat(5, 5), [mitigation(100), mitigation(10)])).toBe(0);
  });

  it("is 0 for not-applicable threats and computed for other closed statuses", () => {
    expect(residualRisk(threat(5, 5, "not-applicable"), [])).toBe(0);
    expect(residualRisk(threat(4, 5, "accepted"), [mitigation(50)])).toBe(10);
    expect(residualRisk(threat(4, 5, "mitigated"), [])).toBe(20);
    expect(residualRisk(threat(4, 5, "transferred"), [mitigation(25)])).toBe(15);
  });
});

describe("risk matrix", () => {
  const doc = ThreatModelDocumentSchema.parse(fraudScoringDocument());
  const cells = (matrix: number[][]) =>
    matrix.flatMap((row, l) => row.flatMap((count, i) => (count ? [[l + 1, i + 1, count]] : [])));

  it("places threats by likelihood and impact, leaving out not-applicable ones", () => {
    const matrix = riskMatrix(doc, "inherent");
    expect(matrix).toHaveLength(5);
    expect(matrix.every((row) => row.length === 5)).toBe(true);
    expect(cells(matrix)).toEqual([
      [1, 4, 1], // features (accepted)
      [2, 3, 2], // poison labels, membership
      [2, 4, 1], // vendor
      [2, 5, 2], // poison feed, registry
      [3, 4, 1], // extraction
      [4, 4, 1], // evasion
    ]);
  });

  it("places residual risk at the same likelihood and the smallest impact covering it", () => {
    // evasion 16 x 0.5 = 8 -> L4 I2; extraction 12 x 0.5 x 0.6 = 3.6 -> L3 I2; registry 10 x 0.2 = 2 -> L2 I1;
    // vendor 8 x 0.3 = 2.4 -> L2 I2; membership 6 x 0.6 = 3.6 -> L2 I2; poison feed 10 and labels 6 (in progress).
    expect(cells(riskMatrix(doc, "residual"))).toEqual([
      [1, 4, 1],
      [2, 1, 1],
      [2, 2, 2],
      [2, 3, 1],
      [2, 5, 1],
      [3, 2, 1],
      [4, 2, 1],
    ]);
  });

  it("can be limited to some statuses", () => {
    const total = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);
    expect(total(riskMatrix(doc, "inherent", ["open"]))).toBe(6);
    expect(total(riskMatrix(doc, "inherent"))).toBe(8);
  });
});

describe("open threat badge", () => {
  const doc = ThreatModelDocumentSchema.parse(fraudScoringDocument());

  it("counts open threats on an element with their highest residual band", () => {
    // evasion residual 8 (medium), extraction 3.6 (low), membership 3.6 (low); prompt injection is n/a
    expect(openThreatSummary(doc, "api")).toEqual({ openCount: 3, highestBand: "medium" });
    expect(openThreatSummary(doc, "registry")).toEqual({ openCount: 0, highestBand: "none" });
    expect(openThreatSummary(doc, "f-chargebacks")).toEqual({ openCount: 1, highestBand: "high" });
  });

  it("agrees with the bulk summaries used for drawing every badge", () => {
    const all = openThreatSummaries(doc);
    for (const element of [...doc.elements, ...doc.flows]) {
      expect(all.get(element.id) ?? { openCount: 0, highestBand: "none" }).toEqual(
        openThreatSummary(doc, element.id),
      );
    }
    expect(all.has("registry")).toBe(false);
  });
});

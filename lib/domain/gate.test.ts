import { describe, expect, it } from "vitest";
import { gateVerdict } from "./gate";

const threat = (id: string, likelihood: number, impact: number, status = "open") =>
  ({ id, title: `Threat ${id}`, likelihood, impact, status }) as never;

describe("gateVerdict", () => {
  const base = {
    headVersion: 4,
    headSignedOff: true,
    maxResidual: "high" as const,
    acceptedThreatIds: new Set<string>(),
  };

  it("passes a signed-off head without open threats above the threshold", () => {
    const document = { threats: [threat("t1", 4, 4), threat("t2", 5, 5, "mitigated")], mitigations: [] };
    expect(gateVerdict({ ...base, document })).toEqual({ pass: true, reasons: [] });
  });

  it("fails a head that is not signed off, naming the version", () => {
    const verdict = gateVerdict({
      ...base,
      headSignedOff: false,
      document: { threats: [], mitigations: [] },
    });
    expect(verdict).toEqual({
      pass: false,
      reasons: ["Version 4 (the head) is not signed off by a review board"],
    });
  });

  it("fails on an open threat above maxResidual, after mitigations in place", () => {
    const document = {
      threats: [threat("t1", 5, 4)],
      mitigations: [{ id: "m1", threatIds: ["t1"], status: "proposed", effectiveness: 90 }] as never[],
    };
    const verdict = gateVerdict({ ...base, maxResidual: "medium", document });
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons[0]).toContain(
      'Threat "Threat t1" (t1) is open with residual risk 20 (critical), above medium',
    );

    const mitigated = {
      ...document,
      mitigations: [{ id: "m1", threatIds: ["t1"], status: "implemented", effectiveness: 80 }] as never[],
    };
    expect(gateVerdict({ ...base, maxResidual: "medium", document: mitigated })).toEqual({
      pass: true,
      reasons: [],
    });
  });

  it("treats an accepted threat without a current acceptance as open", () => {
    const document = { threats: [threat("t1", 5, 5, "accepted")], mitigations: [] };
    expect(gateVerdict({ ...base, document }).reasons[0]).toContain(
      "accepted without a current approved acceptance",
    );
    expect(gateVerdict({ ...base, document, acceptedThreatIds: new Set(["t1"]) }).pass).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { buildThreatRows, filterThreatRows, nextSort, sortThreatRows, type ThreatRow } from "./threat-rows";

const doc = ThreatModelDocumentSchema.parse({
  schemaVersion: 1,
  elements: [
    { id: "e-api", kind: "inference-endpoint", label: "Scoring API" },
    { id: "e-db", kind: "datastore", label: "Ledger" },
  ],
  flows: [
    { id: "f-1", source: "e-api", target: "e-db" },
    { id: "f-2", source: "e-db", target: "e-api", label: "Replay" },
  ],
  threats: [
    {
      id: "t-extract",
      title: "Model extraction",
      targetIds: ["e-api", "f-1"],
      categories: { stride: ["I", "S"], atlas: ["AML.T0024"] },
      likelihood: 4,
      impact: 5,
      owner: "Bob",
    },
    {
      id: "t-dos",
      title: "Denial of service",
      targetIds: ["f-2"],
      likelihood: 2,
      impact: 2,
      status: "accepted",
    },
    { id: "t-na", title: "Tampering the ledger", targetIds: [], status: "not-applicable", owner: "alice" },
  ],
  mitigations: [
    { id: "m-1", title: "Rate limits", threatIds: ["t-extract"], status: "implemented", effectiveness: 50 },
    { id: "m-2", title: "Planned", threatIds: ["t-extract"], status: "planned", effectiveness: 90 },
  ],
});

const rows = buildThreatRows(doc);
const byId = (id: string) => rows.find((row) => row.id === id) as ThreatRow;
const ids = (list: readonly ThreatRow[]) => list.map((row) => row.id);

describe("threat rows", () => {
  it("derives labels, STRIDE in canonical order, and both risks", () => {
    expect(byId("t-extract")).toMatchObject({
      targetLabels: ["Scoring API", "Scoring API → Ledger"],
      firstTargetId: "e-api",
      stride: "SI",
      inherent: 20,
      inherentBand: "critical",
      residual: 10,
      residualBand: "high",
      owner: "Bob",
    });
    expect(byId("t-dos").targetLabels).toEqual(["Replay"]);
    expect(byId("t-na")).toMatchObject({ firstTargetId: undefined, residual: 0, residualBand: "none" });
  });

  it("filters by words across fields, status and residual severity", () => {
    const all = { text: "", status: "all", severity: "all" } as const;
    expect(filterThreatRows(rows, all)).toBe(rows);
    expect(ids(filterThreatRows(rows, { ...all, text: "ledger" }))).toEqual(["t-extract", "t-na"]);
    expect(ids(filterThreatRows(rows, { ...all, text: "aml.t0024 bob" }))).toEqual(["t-extract"]);
    expect(ids(filterThreatRows(rows, { ...all, status: "accepted" }))).toEqual(["t-dos"]);
    expect(ids(filterThreatRows(rows, { ...all, severity: "high" }))).toEqual(["t-extract"]);
    expect(ids(filterThreatRows(rows, { ...all, text: "nothing-matches" }))).toEqual([]);
  });

  it("sorts by each column, with ties broken by title", () => {
    expect(ids(sortThreatRows(rows, { key: "residual", direction: "descending" }))).toEqual([
      "t-extract",
      "t-dos",
      "t-na",
    ]);
    expect(ids(sortThreatRows(rows, { key: "title", direction: "ascending" }))).toEqual([
      "t-dos",
      "t-extract",
      "t-na",
    ]);
    expect(ids(sortThreatRows(rows, { key: "status", direction: "ascending" }))).toEqual([
      "t-extract",
      "t-dos",
      "t-na",
    ]);
    // Case-insensitive, and rows without an owner last.
    expect(ids(sortThreatRows(rows, { key: "owner", direction: "ascending" }))).toEqual([
      "t-na",
      "t-extract",
      "t-dos",
    ]);
    expect(ids(sortThreatRows(rows, { key: "stride", direction: "ascending" }))[0]).toBe("t-extract");
  });

  it("does not mutate the rows it sorts", () => {
    const before = ids(rows);
    sortThreatRows(rows, { key: "inherent", direction: "ascending" });
    expect(ids(rows)).toEqual(before);
  });

  it("toggles direction on the same column and picks a sensible start on a new one", () => {
    expect(nextSort({ key: "title", direction: "ascending" }, "title").direction).toBe("descending");
    expect(nextSort({ key: "title", direction: "ascending" }, "residual")).toEqual({
      key: "residual",
      direction: "descending",
    });
    expect(nextSort({ key: "residual", direction: "descending" }, "owner").direction).toBe("ascending");
  });
});

import { describe, expect, it } from "vitest";
import { emptyDocument, type ThreatModelDocumentInput, ThreatModelDocumentSchema } from "./document";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import { issuesOf, pathsOf, twoElements } from "./fixtures/schema-issues";

describe("document schema: defaults", () => {
  it("keeps emptyDocument's exact shape", () => {
    expect(emptyDocument("T", "D")).toEqual({
      schemaVersion: 1,
      title: "T",
      description: "D",
      scope: { purpose: "", systemType: "other", successCriteria: "", harmDefinition: "" },
      elements: [],
      flows: [],
      assets: [],
      threats: [],
      mitigations: [],
      assumptions: [],
    });
  });

  it("fills in defaults for a hand-written document with only required fields", () => {
    const doc = ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: [
        { id: "api", kind: "inference-endpoint", label: "API" },
        { id: "zone", kind: "trust-boundary", label: "Zone" },
      ],
      flows: [{ id: "f", source: "api", target: "api" }],
      assets: [{ id: "a", name: "Weights" }],
      threats: [{ id: "t", title: "Extraction" }],
      mitigations: [{ id: "m", title: "Rate limit" }],
    });
    expect(doc.elements[0]).toEqual({
      id: "api",
      kind: "inference-endpoint",
      label: "API",
      position: { x: 0, y: 0 },
      size: { width: 180, height: 72 },
      properties: {},
      outOfScope: false,
    });
    expect(doc.elements[1]?.size).toEqual({ width: 420, height: 280 });
    expect(doc.flows[0]).toEqual({
      id: "f",
      source: "api",
      target: "api",
      encrypted: false,
      authenticated: false,
      bidirectional: false,
      properties: {},
    });
    expect(doc.assets[0]).toEqual({ id: "a", name: "Weights", elementIds: [] });
    expect(doc.threats[0]).toEqual({
      id: "t",
      title: "Extraction",
      categories: { stride: [], atlas: [], owaspMl: [], owaspLlm: [], linddun: [] },
      targetIds: [],
      assetIds: [],
      indicators: [],
      likelihood: 3,
      impact: 3,
      status: "open",
    });
    expect(doc.mitigations[0]).toEqual({
      id: "m",
      title: "Rate limit",
      threatIds: [],
      status: "proposed",
      evidence: [],
    });
    expect(doc.scope).toEqual({ purpose: "", systemType: "other", successCriteria: "", harmDefinition: "" });
  });

  it("is idempotent: parsing a parsed document changes nothing", () => {
    const doc = ThreatModelDocumentSchema.parse(fraudScoringDocument());
    expect(ThreatModelDocumentSchema.parse(structuredClone(doc))).toEqual(doc);
  });

  it("validates a realistic full document", () => {
    const result = ThreatModelDocumentSchema.safeParse(fraudScoringDocument());
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.elements).toHaveLength(16);
    expect(result.data?.threats.find((t) => t.id === "t-extraction")?.categories.atlas).toEqual([
      "AML.T0024.002",
    ]);
  });
});

describe("document schema: nothing silently dropped", () => {
  it("keeps unknown properties and unknown entry keys", () => {
    const doc = ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: [
        {
          id: "a",
          kind: "llm-agent",
          label: "Agent",
          notes: "x",
          properties: { tools: ["mail"], sandbox: "none" },
        },
      ],
      threats: [{ id: "t", title: "T", categories: { stride: ["S"], custom: ["X1"] }, cvss: 7.5 }],
    });
    expect(doc.elements[0]).toMatchObject({ notes: "x", properties: { tools: ["mail"], sandbox: "none" } });
    expect(doc.threats[0]).toMatchObject({ cvss: 7.5, categories: { stride: ["S"], custom: ["X1"] } });
  });

  it("validates properties against the element's kind", () => {
    expect(
      issuesOf({
        schemaVersion: 1,
        elements: [{ id: "a", kind: "trust-boundary", label: "Z", properties: { trustLevel: "high" } }],
      }),
    ).toEqual([{ path: ["elements", 0, "properties", "trustLevel"], message: expect.any(String) }]);
    expect(
      pathsOf({
        schemaVersion: 1,
        elements: [{ id: "a", kind: "llm-agent", label: "A", properties: { autonomy: "full", tools: "x" } }],
      }),
    ).toEqual([
      // Problems come in key order: schemas parse their keys sorted (sorted-shape.ts).
      ["elements", 0, "properties", "autonomy"],
      ["elements", 0, "properties", "tools"],
    ]);
    // The same key is free-form on a kind that does not document it.
    expect(
      pathsOf({
        schemaVersion: 1,
        elements: [{ id: "a", kind: "process", label: "P", properties: { trustLevel: "high" } }],
      }),
    ).toEqual([]);
  });
});

describe("document schema: bad values name their path", () => {
  const cases: [string, ThreatModelDocumentInput | Record<string, unknown>, (string | number)[]][] = [
    [
      "unknown kind",
      { schemaVersion: 1, elements: [{ id: "a", kind: "robot", label: "R" }] },
      ["elements", 0, "kind"],
    ],
    ["system type", { schemaVersion: 1, scope: { systemType: "chatbot" } }, ["scope", "systemType"]],
    ["schema version", { schemaVersion: 2 }, ["schemaVersion"]],
    [
      "classification",
      { ...twoElements, flows: [{ id: "f", source: "a", target: "b", dataClassification: "secret" }] },
      ["flows", 0, "dataClassification"],
    ],
    [
      "provenance",
      { schemaVersion: 1, assets: [{ id: "x", name: "X", provenance: "scraped" }] },
      ["assets", 0, "provenance"],
    ],
    [
      "cia level",
      { schemaVersion: 1, assets: [{ id: "x", name: "X", cia: { integrity: "max" } }] },
      ["assets", 0, "cia", "integrity"],
    ],
    [
      "stride letter",
      { schemaVersion: 1, threats: [{ id: "t", title: "T", categories: { stride: ["X"] } }] },
      ["threats", 0, "categories", "stride", 0],
    ],
    [
      "owasp llm id",
      { schemaVersion: 1, threats: [{ id: "t", title: "T", categories: { owaspLlm: ["LLM01"] } }] },
      ["threats", 0, "categories", "owaspLlm", 0],
    ],
    [
      "threat status",
      { schemaVersion: 1, threats: [{ id: "t", title: "T", status: "closed" }] },
      ["threats", 0, "status"],
    ],
    [
      "likelihood above 5",
      { schemaVersion: 1, threats: [{ id: "t", title: "T", likelihood: 6 }] },
      ["threats", 0, "likelihood"],
    ],
    [
      "impact not integer",
      { schemaVersion: 1, threats: [{ id: "t", title: "T", impact: 2.5 }] },
      ["threats", 0, "impact"],
    ],
    [
      "attacker access",
      { schemaVersion: 1, threats: [{ id: "t", title: "T", attackerCapabilities: { access: "physical" } }] },
      ["threats", 0, "attackerCapabilities", "access"],
    ],
    ["threat without title", { schemaVersion: 1, threats: [{ id: "t" }] }, ["threats", 0, "title"]],
    [
      "mitigation status",
      { schemaVersion: 1, mitigations: [{ id: "m", title: "M", status: "done" }] },
      ["mitigations", 0, "status"],
    ],
    [
      "effectiveness",
      { schemaVersion: 1, mitigations: [{ id: "m", title: "M", effectiveness: 120 }] },
      ["mitigations", 0, "effectiveness"],
    ],
    [
      "due date format",
      { schemaVersion: 1, mitigations: [{ id: "m", title: "M", dueDate: "31/03/2026" }] },
      ["mitigations", 0, "dueDate"],
    ],
    [
      "impossible due date",
      { schemaVersion: 1, mitigations: [{ id: "m", title: "M", dueDate: "2026-02-30" }] },
      ["mitigations", 0, "dueDate"],
    ],
    [
      "evidence url scheme",
      {
        schemaVersion: 1,
        mitigations: [{ id: "m", title: "M", evidence: [{ label: "x", url: "javascript:alert(1)" }] }],
      },
      ["mitigations", 0, "evidence", 0, "url"],
    ],
    [
      "nist function",
      { schemaVersion: 1, mitigations: [{ id: "m", title: "M", nistFunction: "protect" }] },
      ["mitigations", 0, "nistFunction"],
    ],
    [
      "negative size",
      {
        schemaVersion: 1,
        elements: [{ id: "a", kind: "process", label: "A", size: { width: -1, height: 5 } }],
      },
      ["elements", 0, "size", "width"],
    ],
  ];
  it.each(cases)("%s", (_name, input, path) => {
    expect(pathsOf(input)).toEqual([path]);
  });

  it("accepts http and https evidence links", () => {
    const mitigation = (url: string) => ({
      schemaVersion: 1,
      mitigations: [{ id: "m", title: "M", evidence: [{ label: "run", url }] }],
    });
    expect(pathsOf(mitigation("http://ci.internal/run/1"))).toEqual([]);
    expect(pathsOf(mitigation("https://ci.example.com/run/1"))).toEqual([]);
    expect(pathsOf(mitigation("ftp://files.example.com/x"))).toEqual([
      ["mitigations", 0, "evidence", 0, "url"],
    ]);
  });
});

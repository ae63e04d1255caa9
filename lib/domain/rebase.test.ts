import { describe, expect, it } from "vitest";
import {
  AssetSchema,
  ElementSchema,
  FlowSchema,
  type ThreatModelDocument,
  ThreatModelDocumentSchema,
  ThreatSchema,
} from "./document";
import { removeFromDocument } from "./document-edits";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import { rebaseDocument } from "./rebase";

const load = () => ThreatModelDocumentSchema.parse(fraudScoringDocument());

/** A changed copy of a document; the original is left alone. */
function edited(doc: ThreatModelDocument, change: (copy: ThreatModelDocument) => void): ThreatModelDocument {
  const copy = structuredClone(doc);
  change(copy);
  return ThreatModelDocumentSchema.parse(copy);
}

function entry<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`no entry "${id}"`);
  return found;
}

/** Rebases, checking on every call that the inputs are untouched and the result is a valid document. */
function rebase(base: ThreatModelDocument, ours: ThreatModelDocument, theirs: ThreatModelDocument) {
  const before = structuredClone({ base, ours, theirs });
  const result = rebaseDocument(base, ours, theirs);
  expect({ base, ours, theirs }).toStrictEqual(before);
  expect(ThreatModelDocumentSchema.parse(result.document)).toEqual(result.document);
  return result;
}

const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe("rebaseDocument", () => {
  it("keeps both sides' edits when they touch different entries or fields", () => {
    const base = load();
    const ours = edited(base, (copy) => {
      entry(copy.elements, "api").label = "Scoring API v2";
      Object.assign(entry(copy.elements, "api").properties, { rateLimited: true });
      entry(copy.threats, "t-evasion").targetIds.push("f-score");
      copy.threats.push(ThreatSchema.parse({ id: "t-ours", title: "Ours", targetIds: ["api"] }));
    });
    const theirs = edited(base, (copy) => {
      entry(copy.elements, "api").position = { x: 500, y: 120 };
      Object.assign(entry(copy.elements, "api").properties, { public: false });
      entry(copy.threats, "t-evasion").likelihood = 5;
      copy.flows.push(FlowSchema.parse({ id: "f-theirs", source: "api", target: "dataset" }));
      copy.threats.push(ThreatSchema.parse({ id: "t-theirs", title: "Theirs" }));
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(entry(document.elements, "api")).toMatchObject({
      label: "Scoring API v2",
      position: { x: 500, y: 120 },
      properties: { public: false, rateLimited: true, authenticated: true },
    });
    expect(entry(document.threats, "t-evasion")).toMatchObject({
      likelihood: 5,
      targetIds: ["api", "f-score"],
    });
    expect(ids(document.threats).slice(-2)).toEqual(["t-theirs", "t-ours"]);
    expect(ids(document.flows).at(-1)).toBe("f-theirs");
  });

  it("keeps ours where both sides changed the same field differently, and reports it", () => {
    const base = load();
    const ours = edited(base, (copy) => {
      entry(copy.elements, "api").label = "Ours";
      Object.assign(entry(copy.elements, "api").properties, { rateLimited: true });
      entry(copy.threats, "t-evasion").status = "accepted";
      entry(copy.mitigations, "m-rate").owner = "sec";
    });
    const theirs = edited(base, (copy) => {
      entry(copy.elements, "api").label = "Theirs";
      Object.assign(entry(copy.elements, "api").properties, { rateLimited: undefined });
      entry(copy.threats, "t-evasion").status = "accepted";
      entry(copy.mitigations, "m-rate").owner = "platform-2";
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(entry(document.elements, "api")).toMatchObject({
      label: "Ours",
      properties: { rateLimited: true },
    });
    expect(entry(document.mitigations, "m-rate").owner).toBe("sec");
    expect(conflicts.map(({ collection, id, field }) => ({ collection, id, field }))).toEqual([
      { collection: "elements", id: "api", field: "label" },
      { collection: "elements", id: "api", field: "properties.rateLimited" },
      { collection: "mitigations", id: "m-rate", field: "owner" },
    ]);
    expect(conflicts[0]?.note).toContain("your value was kept");
  });

  it("removes what ours deleted even when theirs changed it, and reports that", () => {
    const base = load();
    const ours = removeFromDocument(base, ["t-vendor"]);
    const theirs = edited(base, (copy) => {
      entry(copy.threats, "t-vendor").likelihood = 5;
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(ids(document.threats)).not.toContain("t-vendor");
    expect(entry(document.mitigations, "m-checksum").threatIds).toEqual([]);
    expect(conflicts).toEqual([
      {
        collection: "threats",
        id: "t-vendor",
        field: "*",
        note: "you deleted it; it was changed in the newer version (likelihood)",
      },
    ]);
  });

  it("keeps ours' edited copy of what theirs deleted, and reports that", () => {
    const base = load();
    const ours = edited(base, (copy) => {
      entry(copy.mitigations, "m-round").status = "verified";
      entry(copy.elements, "labelers").label = "QA team";
    });
    const theirs = removeFromDocument(base, ["m-round", "labelers"]);
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(entry(document.mitigations, "m-round")).toEqual(entry(ours.mitigations, "m-round"));
    expect(ids(document.mitigations).at(-1)).toBe("m-round");
    expect(entry(document.elements, "labelers").label).toBe("QA team");
    expect(ids(document.flows)).not.toContain("f-labels"); // theirs deleted it and ours did not edit it
    expect(conflicts).toEqual([
      {
        collection: "elements",
        id: "labelers",
        field: "*",
        note: "it was deleted in the newer version; your edited copy was kept",
      },
      {
        collection: "mitigations",
        id: "m-round",
        field: "*",
        note: "it was deleted in the newer version; your edited copy was kept",
      },
    ]);
  });

  it("drops ours' flows, links and nesting that point at what theirs deleted, and reports each", () => {
    const base = load();
    const ours = edited(base, (copy) => {
      copy.flows.push(FlowSchema.parse({ id: "f-alert", source: "training", target: "monitoring" }));
      copy.threats.push(
        ThreatSchema.parse({ id: "t-drift", title: "Drift", targetIds: ["monitoring", "f-alert", "api"] }),
      );
      entry(copy.elements, "labelers").parentId = "b-vendor";
    });
    const theirs = removeFromDocument(base, ["monitoring", "b-vendor"]);
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(ids(document.flows)).not.toContain("f-alert");
    expect(entry(document.threats, "t-drift").targetIds).toEqual(["api"]);
    expect(entry(document.elements, "labelers")).not.toHaveProperty("parentId");
    expect(conflicts.map(({ collection, id, field }) => ({ collection, id, field }))).toEqual([
      { collection: "elements", id: "labelers", field: "parentId" },
      { collection: "flows", id: "f-alert", field: "target" },
      { collection: "threats", id: "t-drift", field: "targetIds" },
    ]);
    expect(conflicts[1]?.note).toBe('flow dropped: element "monitoring" no longer exists');
    expect(conflicts[2]?.note).toContain('"monitoring", "f-alert"');
  });

  it("applies ours' deletes with their cascade, reporting only what theirs had added", () => {
    const base = load();
    const ours = removeFromDocument(base, ["labelers", "b-serving"]);
    const theirs = edited(base, (copy) => {
      copy.flows.push(FlowSchema.parse({ id: "f-qa", source: "labelers", target: "training" }));
      copy.elements.push(
        ElementSchema.parse({ id: "cache", kind: "datastore", label: "Cache", parentId: "b-serving" }),
      );
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(ids(document.flows)).not.toContain("f-labels");
    expect(ids(document.flows)).not.toContain("f-qa");
    expect(entry(document.threats, "t-poison-labels").targetIds).toEqual([]);
    expect(entry(document.elements, "api").parentId).toBe("b-platform");
    expect(entry(document.elements, "cache").parentId).toBe("b-platform");
    expect(conflicts).toEqual([
      {
        collection: "elements",
        id: "cache",
        field: "parentId",
        note: '"b-serving" no longer exists; moved to "b-platform"',
      },
      {
        collection: "flows",
        id: "f-qa",
        field: "source",
        note: 'flow dropped: element "labelers" no longer exists',
      },
    ]);
  });

  it("does not count the cascade of a delete as an edit", () => {
    const base = load();
    const ours = removeFromDocument(base, ["labelers", "registry"]);
    const theirs = edited(removeFromDocument(base, ["t-poison-labels"]), (copy) => {
      entry(copy.threats, "t-registry").targetIds.push("training");
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    // Ours' copy lost its link to the labelers' flow, but theirs' delete still stands.
    expect(ids(document.threats)).not.toContain("t-poison-labels");
    expect(entry(document.threats, "t-registry").targetIds).toEqual(["training"]);
    expect(entry(document.assets, "a-model").elementIds).toEqual(["api"]);
    expect(conflicts).toEqual([]);
  });

  it("merges document-level fields three ways", () => {
    const base = load();
    const ours = edited(base, (copy) => {
      copy.title = "Ours";
      copy.scope.purpose = "Our purpose";
      copy.scope.systemType = "llm-app";
    });
    const theirs = edited(base, (copy) => {
      copy.description = "Theirs";
      copy.scope.purpose = "Their purpose";
      copy.scope.harmDefinition = "Their harm";
      copy.assumptions.push("A new assumption");
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(document).toMatchObject({
      title: "Ours",
      description: "Theirs",
      scope: { purpose: "Our purpose", systemType: "llm-app", harmDefinition: "Their harm" },
      assumptions: theirs.assumptions,
    });
    expect(conflicts).toEqual([
      {
        collection: "model",
        id: null,
        field: "scope.purpose",
        note: "changed in the newer version too; your value was kept",
      },
    ]);
  });

  it("does not mutate its inputs", () => {
    const base = load();
    const ours = edited(removeFromDocument(base, ["b-serving", "t-vendor"]), (copy) => {
      Object.assign(entry(copy.elements, "api").properties, { rateLimited: true });
      copy.flows.push(FlowSchema.parse({ id: "f-alert", source: "training", target: "monitoring" }));
    });
    const theirs = edited(removeFromDocument(base, ["monitoring"]), (copy) => {
      Object.assign(entry(copy.elements, "api").properties, { public: false });
      entry(copy.threats, "t-vendor").likelihood = 1;
    });
    const snapshot = structuredClone({ base, ours, theirs });
    const { document } = rebaseDocument(base, ours, theirs);
    expect({ base, ours, theirs }).toStrictEqual(snapshot);
    expect(ThreatModelDocumentSchema.safeParse(document).error?.issues).toBeUndefined();
  });

  it("gives ours when theirs is base, and theirs when ours is base", () => {
    const base = load();
    const ours = edited(removeFromDocument(base, ["b-serving", "labelers", "t-vendor"]), (copy) => {
      copy.title = "Ours";
      Object.assign(entry(copy.elements, "api").properties, { rateLimited: true });
      entry(copy.threats, "t-extraction").targetIds.reverse();
      copy.assets.push(AssetSchema.parse({ id: "a-keys", name: "API keys", elementIds: ["api"] }));
      copy.threats.push(ThreatSchema.parse({ id: "t-keys", title: "Leaked keys", assetIds: ["a-keys"] }));
    });
    expect(rebase(base, ours, base)).toEqual({ document: ours, conflicts: [] });
    expect(rebase(base, base, ours)).toEqual({ document: ours, conflicts: [] });
    expect(rebase(base, base, base)).toEqual({ document: base, conflicts: [] });
  });

  it("merges an entry both sides added under the same id, field by field", () => {
    const base = load();
    const added = { id: "t-new", title: "New threat", targetIds: ["api"] };
    const ours = edited(base, (copy) => {
      copy.threats.push(ThreatSchema.parse({ ...added, likelihood: 5 }));
    });
    const theirs = edited(base, (copy) => {
      copy.threats.push(ThreatSchema.parse({ ...added, owner: "sec", likelihood: 4 }));
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(document.threats.filter((t) => t.id === "t-new")).toEqual([
      expect.objectContaining({ likelihood: 5, owner: "sec" }),
    ]);
    expect(conflicts.map((c) => c.field)).toEqual(["likelihood"]);
  });

  it("repairs what only the combination breaks: parent cycles, kind changes, reused ids", () => {
    const base = load();
    const ours = edited(removeFromDocument(base, ["f-telemetry"]), (copy) => {
      entry(copy.elements, "b-vendor").parentId = "b-internet";
      copy.elements = copy.elements.map((e) =>
        e.id === "monitoring" ? ElementSchema.parse({ ...e, kind: "trust-boundary", properties: {} }) : e,
      );
      copy.assets.push(AssetSchema.parse({ id: "x", name: "X" }));
    });
    const theirs = edited(base, (copy) => {
      entry(copy.elements, "b-internet").parentId = "b-vendor";
      copy.flows.push(FlowSchema.parse({ id: "f-logs", source: "training", target: "monitoring" }));
      copy.threats.push(ThreatSchema.parse({ id: "x", title: "X" }));
    });
    const { document, conflicts } = rebase(base, ours, theirs);
    expect(entry(document.elements, "b-vendor")).not.toHaveProperty("parentId");
    expect(entry(document.elements, "b-internet")).not.toHaveProperty("parentId");
    expect(ids(document.flows)).not.toContain("f-logs");
    expect(document.assets.map((a) => a.id)).not.toContain("x");
    expect(conflicts.map(({ collection, id, field }) => ({ collection, id, field }))).toEqual([
      { collection: "assets", id: "x", field: "id" },
      { collection: "elements", id: "b-internet", field: "parentId" },
      { collection: "elements", id: "b-vendor", field: "parentId" },
      { collection: "flows", id: "f-logs", field: "target" },
    ]);
  });
});

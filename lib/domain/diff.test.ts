import { describe, expect, it } from "vitest";
import { diffDocuments, diffMeta, diffOverlay, isEmptyDiff } from "./diff";
import { ElementSchema, type ThreatModelDocument, ThreatModelDocumentSchema, ThreatSchema } from "./document";
import { removeFromDocument } from "./document-edits";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import { generatedDocument } from "./fixtures/generated";

const load = () => ThreatModelDocumentSchema.parse(fraudScoringDocument());

/** A changed copy of a document; the original is left alone. */
function edited(doc: ThreatModelDocument, change: (copy: ThreatModelDocument) => void): ThreatModelDocument {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

function entry<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`no entry "${id}"`);
  return found;
}

const nothing = { added: [], removed: [], changed: [] };

describe("diffDocuments", () => {
  it("finds nothing between a document and a copy of it", () => {
    const doc = load();
    const diff = diffDocuments(doc, structuredClone(doc));
    expect(diff).toEqual({
      elements: nothing,
      flows: nothing,
      assets: nothing,
      threats: nothing,
      mitigations: nothing,
    });
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it("reports added, removed and changed entries of every collection by id", () => {
    const doc = load();
    const next = edited(doc, (copy) => {
      copy.elements = copy.elements.filter((e) => e.id !== "labelers");
      copy.elements.push({ ...entry(copy.elements, "training"), id: "eval", label: "Evaluation" });
      entry(copy.elements, "api").label = "Scoring API v2";
      copy.flows = copy.flows.filter((f) => f.id !== "f-labels");
      copy.flows.push({ ...entry(copy.flows, "f-train"), id: "f-eval", target: "eval" });
      entry(copy.flows, "f-pay").protocol = "HTTP/3";
      copy.assets = copy.assets.filter((a) => a.id !== "a-labels");
      copy.assets.push({ id: "a-keys", name: "API keys", elementIds: ["api"] });
      entry(copy.assets, "a-model").classification = "confidential";
      copy.threats = copy.threats.filter((t) => t.id !== "t-poison-labels");
      copy.threats.push({ ...entry(copy.threats, "t-vendor"), id: "t-new", title: "New" });
      entry(copy.threats, "t-evasion").likelihood = 5;
      copy.mitigations = copy.mitigations.filter((m) => m.id !== "m-validate");
      copy.mitigations.push({ ...entry(copy.mitigations, "m-sign"), id: "m-new", threatIds: [] });
      entry(copy.mitigations, "m-rate").status = "verified";
    });
    const diff = diffDocuments(doc, next);
    expect(diff).toEqual({
      elements: { added: ["eval"], removed: ["labelers"], changed: [{ id: "api", fields: ["label"] }] },
      flows: { added: ["f-eval"], removed: ["f-labels"], changed: [{ id: "f-pay", fields: ["protocol"] }] },
      assets: {
        added: ["a-keys"],
        removed: ["a-labels"],
        changed: [{ id: "a-model", fields: ["classification"] }],
      },
      threats: {
        added: ["t-new"],
        removed: ["t-poison-labels"],
        changed: [{ id: "t-evasion", fields: ["likelihood"] }],
      },
      mitigations: {
        added: ["m-new"],
        removed: ["m-validate"],
        changed: [{ id: "m-rate", fields: ["status"] }],
      },
    });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("lists added ids in the new order, removed in the old, changed in the new", () => {
    const doc = load();
    const next = edited(doc, (copy) => {
      copy.threats = copy.threats.filter((t) => t.id !== "t-evasion" && t.id !== "t-prompt");
      copy.threats.unshift(
        ThreatSchema.parse({ id: "t-b", title: "B" }),
        ThreatSchema.parse({ id: "t-a", title: "A" }),
      );
      for (const id of ["t-features", "t-extraction"]) entry(copy.threats, id).owner = "sec";
      copy.threats.reverse();
    });
    const diff = diffDocuments(doc, next);
    expect(diff.threats.added).toEqual(["t-a", "t-b"]);
    expect(diff.threats.removed).toEqual(["t-evasion", "t-prompt"]);
    expect(diff.threats.changed.map((c) => c.id)).toEqual(["t-features", "t-extraction"]);
  });

  it("names every differing field, sorted, and each element property as properties.<key>", () => {
    const doc = load();
    const next = edited(doc, (copy) => {
      const api = entry(copy.elements, "api");
      Object.assign(api, { label: "API", position: { x: 1, y: 2 }, outOfScope: true });
      Object.assign(api.properties, { rateLimited: true, authenticated: undefined, region: "eu" });
      entry(copy.flows, "f-vendor").properties = { sla: "hourly" };
      Object.assign(entry(copy.mitigations, "m-sign"), { dueDate: "2026-01-01", effectiveness: 90 });
    });
    const diff = diffDocuments(doc, next);
    expect(diff.elements.changed).toEqual([
      {
        id: "api",
        fields: [
          "label",
          "outOfScope",
          "position",
          "properties.authenticated",
          "properties.rateLimited",
          "properties.region",
        ],
      },
    ]);
    expect(diff.flows.changed).toEqual([{ id: "f-vendor", fields: ["properties"] }]);
    expect(diff.mitigations.changed).toEqual([{ id: "m-sign", fields: ["dueDate", "effectiveness"] }]);
  });

  it("does not report moving entries within a collection", () => {
    const doc = load();
    const next = edited(doc, (copy) => {
      copy.elements.reverse();
      copy.flows.reverse();
      copy.assets.reverse();
      copy.threats.reverse();
      copy.mitigations.reverse();
    });
    expect(isEmptyDiff(diffDocuments(doc, next))).toBe(true);
  });

  it("compares id lists and category tags as sets, other lists in order", () => {
    const doc = load();
    const reordered = edited(doc, (copy) => {
      entry(copy.assets, "a-model").elementIds.reverse();
      const extraction = entry(copy.threats, "t-extraction");
      extraction.targetIds.reverse();
      extraction.categories.stride = ["I", "I"];
      const labels = entry(copy.threats, "t-poison-labels");
      labels.categories.stride.reverse();
      entry(copy.mitigations, "m-validate").threatIds.reverse();
    });
    expect(isEmptyDiff(diffDocuments(doc, reordered))).toBe(true);

    const withLists = edited(doc, (copy) => {
      entry(copy.threats, "t-extraction").indicators = ["a", "b"];
      entry(copy.mitigations, "m-sign").evidence = [
        { label: "CI run", url: "https://ci.example.com/runs/42" },
        { label: "Audit", url: "https://audit.example.com" },
      ];
    });
    const shuffled = edited(withLists, (copy) => {
      entry(copy.threats, "t-extraction").indicators.reverse();
      entry(copy.mitigations, "m-sign").evidence.reverse();
      entry(copy.threats, "t-evasion").categories.stride.push("S");
    });
    const diff = diffDocuments(withLists, shuffled);
    expect(diff.threats.changed).toEqual([
      { id: "t-evasion", fields: ["categories"] },
      { id: "t-extraction", fields: ["indicators"] },
    ]);
    expect(diff.mitigations.changed).toEqual([{ id: "m-sign", fields: ["evidence"] }]);
  });

  it("compares unknown keys too: appearing, disappearing and changing", () => {
    const doc = ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: [{ id: "a", kind: "process", label: "A", notes: "old", color: "red" }],
      threats: [{ id: "t", title: "T", cvss: 7.5 }],
    });
    const next = edited(doc, (copy) => {
      const element = entry(copy.elements, "a");
      element.notes = "new";
      delete element.color;
      element.owner = "ml-team";
      entry(copy.threats, "t").categories.custom = ["X1"];
    });
    const diff = diffDocuments(doc, next);
    expect(diff.elements.changed).toEqual([{ id: "a", fields: ["color", "notes", "owner"] }]);
    expect(diff.threats.changed).toEqual([{ id: "t", fields: ["categories"] }]);
  });

  it("treats a key whose value is undefined as absent", () => {
    const doc = load();
    const next = edited(doc, (copy) => {
      Object.assign(entry(copy.threats, "t-prompt"), { owner: undefined, description: undefined });
      Object.assign(entry(copy.elements, "api").properties, { vendor: undefined });
    });
    expect(isEmptyDiff(diffDocuments(doc, next))).toBe(true);
    const cleared = edited(doc, (copy) => {
      entry(copy.threats, "t-evasion").owner = undefined;
    });
    expect(diffDocuments(doc, cleared).threats.changed).toEqual([{ id: "t-evasion", fields: ["owner"] }]);
  });

  it("compares two 1,000-element documents and counts what changed", () => {
    const doc = ThreatModelDocumentSchema.parse(generatedDocument(1000, 1500));
    const next = edited(doc, (copy) => {
      copy.elements.reverse();
      for (const element of copy.elements.slice(0, 25)) element.label += " (renamed)";
      copy.flows = copy.flows.filter((flow) => !flow.id.endsWith("7"));
      copy.threats.push({ ...entry(copy.threats, "t0"), id: "t-new" });
    });
    const diff = diffDocuments(doc, next);
    expect(diff.elements).toMatchObject({ added: [], removed: [] });
    expect(diff.elements.changed).toHaveLength(25);
    expect(diff.flows.removed).toHaveLength(150);
    expect(diff.flows.changed).toEqual([]);
    expect(diff.threats).toEqual({ added: ["t-new"], removed: [], changed: [] });
  });
});

describe("diffMeta", () => {
  it("names the changed title, description, scope keys and assumptions, sorted", () => {
    const doc = load();
    expect(diffMeta(doc, structuredClone(doc))).toEqual([]);
    const next = edited(doc, (copy) => {
      copy.title = "Fraud scoring v2";
      copy.scope.systemType = "llm-app";
      copy.scope.harmDefinition = "";
      copy.assumptions.reverse();
    });
    expect(diffMeta(doc, next)).toEqual(["assumptions", "scope.harmDefinition", "scope.systemType", "title"]);
    expect(diffMeta(doc, { ...doc, description: "Other" })).toEqual(["description"]);
  });
});

describe("diffOverlay", () => {
  it("draws the new document plus ghosts of removed elements at their old place", () => {
    const doc = load();
    const next = edited(removeFromDocument(doc, ["b-vendor", "vendor-model", "labelers"]), (copy) => {
      entry(copy.elements, "api").label = "API";
      copy.elements.push({ ...entry(copy.elements, "training"), id: "eval" });
      copy.flows.push({ ...entry(copy.flows, "f-train"), id: "f-eval", target: "eval" });
    });
    const { document, status } = diffOverlay(doc, next);
    const ids = document.elements.map((e) => e.id);
    expect(ids).toEqual([...next.elements.map((e) => e.id), "b-vendor", "vendor-model", "labelers"]);
    expect(entry(document.elements, "vendor-model")).toEqual(entry(doc.elements, "vendor-model"));
    expect(entry(document.elements, "labelers").position).toEqual({ x: 1540, y: 500 });
    expect(document.threats).toBe(next.threats);
    expect(Object.fromEntries(status)).toEqual({
      eval: "added",
      "f-eval": "added",
      "b-vendor": "removed",
      "vendor-model": "removed",
      labelers: "removed",
      "f-vendor": "removed",
      "f-labels": "removed",
      api: "changed",
      // removeFromDocument moved the broker out of the deleted boundary
      broker: "changed",
    });
    expect(ThreatModelDocumentSchema.safeParse(document).error?.issues).toBeUndefined();
  });

  it("keeps a removed flow only when both its ends are drawn", () => {
    const doc = load();
    const withoutStore = removeFromDocument(doc, ["features"]);
    const { document } = diffOverlay(doc, withoutStore);
    expect(document.flows.map((f) => f.id).slice(-2)).toEqual(["f-features", "f-materialize"]);

    // The checkout's id now names an asset, so its ghost (and the ghosts of its flows) can't be drawn;
    // the drift monitor became a trust boundary, which a flow can't end at.
    const next = edited(removeFromDocument(doc, ["checkout", "f-telemetry"]), (copy) => {
      copy.assets.push({ id: "checkout", name: "Checkout data", elementIds: [] });
      copy.elements = copy.elements.map((e) =>
        e.id === "monitoring" ? ElementSchema.parse({ ...e, kind: "trust-boundary", properties: {} }) : e,
      );
    });
    const overlay = diffOverlay(doc, next);
    expect(overlay.document.elements.map((e) => e.id)).not.toContain("checkout");
    expect(overlay.document.flows.map((f) => f.id)).toEqual(next.flows.map((f) => f.id));
    expect(overlay.status.get("f-score")).toBe("removed");
    expect(overlay.status.get("monitoring")).toBe("changed");
    expect(ThreatModelDocumentSchema.safeParse(next).error?.issues).toBeUndefined();
    expect(ThreatModelDocumentSchema.safeParse(overlay.document).error?.issues).toBeUndefined();
  });

  it("drops a ghost's parent when that boundary is drawn in neither version", () => {
    const doc = load();
    const next = removeFromDocument(doc, ["cardholder", "checkout", "b-internet"]);
    // A diff narrowed to two elements: their boundary gets no ghost.
    const narrowed = {
      ...diffDocuments(doc, next),
      elements: { added: [], removed: ["cardholder", "checkout"], changed: [] },
    };
    const { document } = diffOverlay(doc, next, narrowed);
    expect(entry(document.elements, "cardholder")).not.toHaveProperty("parentId");
    expect(entry(document.elements, "cardholder").position).toEqual({ x: 40, y: 60 });
    expect(document.elements.map((e) => e.id)).not.toContain("b-internet");
    expect(ThreatModelDocumentSchema.safeParse(document).error?.issues).toBeUndefined();

    const full = diffOverlay(doc, next).document;
    expect(entry(full.elements, "cardholder").parentId).toBe("b-internet");
    expect(ThreatModelDocumentSchema.safeParse(full).error?.issues).toBeUndefined();
  });

  it("stays valid on large generated documents", () => {
    const doc = ThreatModelDocumentSchema.parse(generatedDocument(300, 500));
    const next = removeFromDocument(doc, ["b1", "n3", "n60", "n61"]);
    const { document, status } = diffOverlay(doc, next);
    expect(document.elements).toHaveLength(doc.elements.length);
    expect([...status.values()].filter((s) => s === "removed").length).toBeGreaterThan(4);
    expect(ThreatModelDocumentSchema.safeParse(document).error?.issues).toBeUndefined();
  });
});

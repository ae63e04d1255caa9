import { describe, expect, it } from "vitest";
import { CATALOG_MITIGATIONS } from "@/lib/catalog";
import { MitigationSchema, ThreatModelDocumentSchema } from "@/lib/domain/document";
import {
  attachAsset,
  isSafeLink,
  linkMitigation,
  mitigationFromCatalog,
  newAsset,
  newMitigation,
  newThreat,
  parseEffectiveness,
  toggleIn,
  withOptional,
} from "./entry-edits";

const entry = CATALOG_MITIGATIONS[0] ?? { id: "", title: "", description: "", nistFunction: "map", refs: [] };

describe("entry edits", () => {
  it("creates entries with the schema's defaults", () => {
    const threat = newThreat("t-1", "e-1");
    expect(threat).toMatchObject({ title: "New threat", targetIds: ["e-1"], likelihood: 3, impact: 3 });
    expect(threat.status).toBe("open");
    expect(threat.categories.stride).toEqual([]);
    expect(newMitigation("m-1", "t-1")).toMatchObject({
      status: "proposed",
      threatIds: ["t-1"],
      evidence: [],
    });
    expect(newAsset("a-1")).toEqual({ id: "a-1", name: "New asset", elementIds: [] });
  });

  it("removes optional text when emptied", () => {
    const threat = { ...newThreat("t-1", "e-1"), owner: "Bob" };
    expect("owner" in withOptional(threat, "owner", "")).toBe(false);
    expect(withOptional(threat, "owner", "Carol").owner).toBe("Carol");
  });

  it("toggles list membership without changing identity when nothing changes", () => {
    const list = ["a", "b"];
    expect(toggleIn(list, "a", true)).toBe(list);
    expect(toggleIn(list, "c", false)).toBe(list);
    expect(toggleIn(list, "c", true)).toEqual(["a", "b", "c"]);
    expect(toggleIn(list, "a", false)).toEqual(["b"]);
  });

  it("links and unlinks mitigations many-to-many", () => {
    const mitigation = newMitigation("m-1", "t-1");
    expect(linkMitigation(mitigation, "t-2").threatIds).toEqual(["t-1", "t-2"]);
    expect(linkMitigation(mitigation, "t-1")).toBe(mitigation);
    expect(linkMitigation(mitigation, "t-1", false).threatIds).toEqual([]);
  });

  it("creates a catalog mitigation once and links it to further threats", () => {
    const created = mitigationFromCatalog([], entry, "t-1", () => "m-new");
    expect(created).toMatchObject({
      id: "m-new",
      catalogId: entry.id,
      title: entry.title,
      nistFunction: entry.nistFunction,
      threatIds: ["t-1"],
    });
    expect(MitigationSchema.safeParse(created).success).toBe(true);
    const again = mitigationFromCatalog([created], entry, "t-2", () => "m-other");
    expect(again.id).toBe("m-new");
    expect(again.threatIds).toEqual(["t-1", "t-2"]);
  });

  it("attaches assets to elements", () => {
    const asset = newAsset("a-1");
    expect(attachAsset(asset, "e-1", true).elementIds).toEqual(["e-1"]);
    expect(attachAsset(asset, "e-1", false)).toBe(asset);
  });

  it("clamps effectiveness and treats empty as unknown", () => {
    expect(parseEffectiveness("")).toBeUndefined();
    expect(parseEffectiveness("150")).toBe(100);
    expect(parseEffectiveness("-3")).toBe(0);
    expect(parseEffectiveness("42.4")).toBe(42);
    expect(parseEffectiveness("abc")).toBeUndefined();
  });

  it("links only http(s) evidence", () => {
    expect(isSafeLink("https://ci.example.com/run/1")).toBe(true);
    expect(isSafeLink("HTTP://example.com")).toBe(true);
    expect(isSafeLink("javascript:alert(1)")).toBe(false);
    expect(isSafeLink(" https://example.com")).toBe(false);
    expect(isSafeLink("https://")).toBe(false);
  });

  it("produces documents that still validate", () => {
    const doc = ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: [{ id: "e-1", kind: "process", label: "P" }],
      threats: [newThreat("t-1", "e-1")],
      mitigations: [mitigationFromCatalog([], entry, "t-1", () => "m-1")],
      assets: [attachAsset(newAsset("a-1"), "e-1", true)],
    });
    expect(doc.mitigations[0]?.threatIds).toEqual(["t-1"]);
  });
});

import { describe, expect, it } from "vitest";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { computeLayout } from "./auto-layout";

const doc = ThreatModelDocumentSchema.parse({
  schemaVersion: 1,
  elements: [
    { id: "b", kind: "trust-boundary", label: "Inside", position: { x: 0, y: 0 } },
    { id: "u", kind: "end-user", label: "User", position: { x: 900, y: 900 } },
    { id: "api", kind: "inference-endpoint", label: "API", position: { x: 5, y: 5 }, parentId: "b" },
    { id: "db", kind: "datastore", label: "DB", position: { x: 5, y: 5 }, parentId: "b" },
  ],
  flows: [
    { id: "f1", source: "u", target: "api" },
    { id: "f2", source: "api", target: "db" },
  ],
});

describe("auto-layout", () => {
  it("places elements left to right, keeps contents inside their boundary, and sizes the boundary", async () => {
    const layout = await computeLayout(doc);
    const at = (id: string) => layout.get(id)?.position ?? { x: Number.NaN, y: Number.NaN };
    expect(at("u").x).toBeLessThan(at("api").x);
    expect(at("api").x).toBeLessThan(at("db").x);
    const boundary = layout.get("b");
    expect(boundary?.size).toBeDefined();
    for (const id of ["api", "db"]) {
      expect(at(id).x).toBeGreaterThanOrEqual(at("b").x);
      expect(at(id).x + 180).toBeLessThanOrEqual(at("b").x + (boundary?.size?.width ?? 0));
    }
  });
});

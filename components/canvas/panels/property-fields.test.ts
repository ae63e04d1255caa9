import { describe, expect, it } from "vitest";
import { ElementSchema } from "@/lib/domain/document";
import { ELEMENT_KINDS, KIND_INFO } from "@/lib/domain/kinds";
import { propertyFieldsOf, undocumentedProperties, withProperty } from "./property-fields";

describe("property fields", () => {
  it("covers every documented property of every kind", () => {
    for (const kind of ELEMENT_KINDS) {
      const keys = propertyFieldsOf(kind).map((field) => field.key);
      expect(new Set(keys), kind).toEqual(new Set(Object.keys(KIND_INFO[kind].properties.shape)));
    }
  });

  it("maps schema types to controls", () => {
    const byKey = (kind: Parameters<typeof propertyFieldsOf>[0]) =>
      new Map(propertyFieldsOf(kind).map((field) => [field.key, field]));
    expect(byKey("trust-boundary").get("trustLevel")).toMatchObject({
      type: "enum",
      options: ["untrusted", "partner", "internal", "restricted"],
    });
    expect(byKey("inference-endpoint").get("rateLimited")).toMatchObject({ type: "boolean" });
    expect(byKey("prompt-template").get("includesUntrustedInput")).toMatchObject({
      type: "boolean",
      label: "Includes untrusted input",
    });
    expect(byKey("llm-agent").get("tools")).toMatchObject({ type: "list", label: "Tools" });
    expect(byKey("llm-agent").get("autonomy")).toMatchObject({ type: "enum" });
    expect(byKey("third-party-model").get("vendor")).toMatchObject({ type: "string", label: "Vendor" });
  });

  it("puts checkboxes after the other controls", () => {
    const types = propertyFieldsOf("third-party-model").map((field) => field.type);
    expect(types).toEqual(["string", "string", "boolean", "boolean"]);
  });

  it("sets a property, and removes it when emptied, keeping unknown keys", () => {
    const properties = { vendor: "Acme", custom: 1 };
    expect(withProperty(properties, "verifiedChecksum", false)).toEqual({
      ...properties,
      verifiedChecksum: false,
    });
    expect(withProperty(properties, "vendor", "")).toEqual({ custom: 1 });
    expect(withProperty({ tools: ["a"] }, "tools", [])).toEqual({});
    const element = ElementSchema.parse({
      id: "e1",
      kind: "third-party-model",
      label: "M",
      properties: withProperty(properties, "verifiedChecksum", true),
    });
    expect(element.properties).toMatchObject({ vendor: "Acme", custom: 1, verifiedChecksum: true });
  });

  it("lists properties the kind does not document", () => {
    expect(undocumentedProperties("process", { technology: "Go", sla: { p99: 50 }, team: "risk" })).toEqual([
      ["sla", '{"p99":50}'],
      ["team", "risk"],
    ]);
  });
});

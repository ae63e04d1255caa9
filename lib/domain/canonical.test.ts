import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, sha256Hex } from "./canonical";
import { fraudScoringDocument } from "./fixtures/fraud-scoring";
import { generatedDocument } from "./fixtures/generated";

describe("canonical JSON", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("drops undefined object values so optional fields do not change the hash", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it("hashes equal content equally regardless of key order", () => {
    expect(contentHash({ x: 1, y: [1, 2] })).toBe(contentHash({ y: [1, 2], x: 1 }));
    expect(contentHash({ y: [2, 1] })).not.toBe(contentHash({ y: [1, 2] }));
  });

  it("produces sha256 hex", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(contentHash({})).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes exactly what JSON.stringify writes for a key-sorted copy", () => {
    const sortedCopy = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortedCopy(item)));
      if (value === null || typeof value !== "object") return value;
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .filter((key) => record[key] !== undefined)
          .map((key) => [key, sortedCopy(record[key])]),
      );
    };
    const samples: unknown[] = [
      fraudScoringDocument(),
      generatedDocument(120, 200),
      {
        "\u2028": "line\u2028sep",
        é: "é",
        "": [undefined, null, -0, 1e21, 5e-7],
        Z: { a: { b: [] } },
        a: {},
      },
      ["x", [[]], { q: '"quoted" \\ back' }],
      "just a string",
      42,
    ];
    for (const sample of samples) {
      expect(canonicalJson(sample)).toBe(JSON.stringify(sortedCopy(sample)));
      // Parts already in canonical form are written as they are: the same text either way.
      const canonical = JSON.parse(canonicalJson(sample)) as unknown;
      expect(canonicalJson(canonical)).toBe(canonicalJson(sample));
    }
  });

  it("writes objects that are not plain by their own keys, never through their toJSON", () => {
    class Sorted {
      a = 1;
      toJSON() {
        return "not this";
      }
    }
    expect(canonicalJson({ a: new Sorted(), d: new Date(0) })).toBe('{"a":{"a":1},"d":{}}');
    expect(canonicalJson(Object.assign(Object.create(null), { a: [1], b: undefined }))).toBe('{"a":[1]}');
    // An own "__proto__" key from JSON.parse is not content, sorted input or not.
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"a":2}');
  });

  it("refuses values JSON cannot represent faithfully", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/Infinity/);
    expect(() => canonicalJson({ b: BigInt(1) })).toThrow(/bigint/);
  });
});

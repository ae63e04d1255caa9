import { describe, expect, it } from "vitest";
import { ThreatCategoriesSchema } from "@/lib/domain/document";
import { commaListError, formatCommaList, parseCommaList, validateCommaList } from "./comma-list";

const atlas = ThreatCategoriesSchema.shape.atlas.unwrap().element;
const owaspLlm = ThreatCategoriesSchema.shape.owaspLlm.unwrap().element;

describe("comma lists", () => {
  it("trims, drops empty entries and duplicates, and accepts newlines", () => {
    expect(parseCommaList(" AML.T0051 ,, AML.T0024,\nAML.T0051 ")).toEqual(["AML.T0051", "AML.T0024"]);
    expect(parseCommaList("  ")).toEqual([]);
  });

  it("round-trips through formatting", () => {
    const values = ["ML01:2023", "ML05:2023"];
    expect(parseCommaList(formatCommaList(values))).toEqual(values);
  });

  it("separates ids the schema accepts from those it rejects", () => {
    const parsed = validateCommaList("AML.T0051, AML.T0024.002, AML.T51, aml.t0051", atlas);
    expect(parsed.values).toEqual(["AML.T0051", "AML.T0024.002"]);
    expect(parsed.invalid).toEqual(["AML.T51", "aml.t0051"]);
  });

  it("names the rejected entries in the error, or returns null", () => {
    expect(commaListError(validateCommaList("LLM01:2025", owaspLlm), "LLM01:2025")).toBeNull();
    expect(commaListError(validateCommaList("LLM11:2025", owaspLlm), "LLM01:2025")).toBe(
      '"LLM11:2025" is not a valid id; expected ids like LLM01:2025.',
    );
    expect(commaListError(validateCommaList("x, y", owaspLlm), "LLM01:2025")).toMatch(/are not valid ids/);
  });
});

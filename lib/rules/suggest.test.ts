import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoDocument } from "@/lib/db/seed";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { generatedDocument } from "@/lib/domain/fixtures/generated";
import { type Suggestion, suggestThreats, suggestWithRules } from "./suggest";
import { buildDocument, documentArbitrary, link, node, stubLookup, ZONES } from "./testing";
import { isTrue, kind, type Rule, SUGGESTABLE_THREAT_IDS } from "./types";

const Z = Object.values(ZONES);

function labelOf(document: ThreatModelDocument, id: string | undefined): string {
  const entry = [...document.elements, ...document.flows].find((e) => e.id === id);
  return entry?.label ?? `(no label: ${id})`;
}

const pairs = (document: ThreatModelDocument, suggestions: Suggestion[]) =>
  suggestions.map((s) => [s.catalogId, labelOf(document, s.targetIds[0])]);

describe("suggestThreats on the demo model", () => {
  // Checked pair by pair against the diagram: e.g. the public, unlimited Scoring API gets extraction,
  // evasion and denial of service; the copilot's autonomy is acts-with-confirmation, so it gets no
  // excessive agency; the unencrypted Historical features flow crosses into the training enclave.
  it("suggests exactly these threats", () => {
    const document = demoDocument();
    expect(pairs(document, suggestThreats(document, stubLookup))).toEqual([
      ["stride-external-repudiation", "Card holder"],
      ["stride-external-spoofing", "Card holder"],
      ["linddun-unawareness", "Card holder"],
      ["ml-model-supply-chain", "Device-risk model (vendor)"],
      ["stride-external-repudiation", "Device-risk model (vendor)"],
      ["stride-external-spoofing", "Device-risk model (vendor)"],
      ["linddun-linking", "Chargeback feed"],
      ["linddun-non-compliance", "Chargeback feed"],
      ["linddun-unawareness", "Chargeback feed"],
      ["ml-label-poisoning", "Labelling contractors"],
      ["stride-process-spoofing", "Checkout service"],
      ["stride-process-repudiation", "Checkout service"],
      ["stride-process-dos", "Checkout service"],
      ["ml-evasion", "Scoring API"],
      ["ml-model-extraction", "Scoring API"],
      ["ml-denial-of-ml-service", "Scoring API"],
      ["stride-datastore-disclosure", "Online feature store"],
      ["ml-unmonitored-drift", "Drift monitor"],
      ["stride-datastore-disclosure", "Transaction ledger"],
      ["linddun-data-disclosure", "Transaction ledger"],
      ["linddun-identifying", "Transaction ledger"],
      ["linddun-linking", "Transaction ledger"],
      ["llm-prompt-injection-indirect", "Analyst copilot"],
      ["llm-improper-output-handling", "Analyst copilot"],
      ["llm-sensitive-information-disclosure", "Analyst copilot"],
      ["llm-prompt-injection-indirect", "Case summary prompt"],
      ["llm-rag-poisoning", "Case notes index"],
      ["llm-vector-embedding-weakness", "Case notes index"],
      ["ml-training-data-poisoning", "Labelled transactions"],
      ["ml-data-supply-chain", "Labelled transactions"],
      ["stride-datastore-disclosure", "Labelled transactions"],
      ["linddun-data-disclosure", "Labelled transactions"],
      ["linddun-identifying", "Labelled transactions"],
      ["linddun-linking", "Labelled transactions"],
      ["ml-model-tampering-registry", "Model registry"],
      ["ml-model-theft-registry", "Model registry"],
      ["stride-flow-disclosure", "Historical features"],
      ["stride-flow-tampering", "Historical features"],
    ]);
  });

  it("explains a suggestion with the labels involved and carries the catalog entry", () => {
    const scoring = suggestThreats(demoDocument(), stubLookup).find(
      (s) => s.catalogId === "ml-denial-of-ml-service",
    );
    expect(scoring).toEqual({
      catalogId: "ml-denial-of-ml-service",
      title: "Title of ml-denial-of-ml-service",
      targetIds: ["e-scoring"],
      refs: ["REF:ml-denial-of-ml-service"],
      ruleId: "inference-without-rate-limit",
      reason: "Scoring API is public and is not rate limited",
      mitigationIds: ["m-ml-denial-of-ml-service"],
    });
  });

  it("leaves out a pair once the model has a threat from that catalog entry on that target", () => {
    const document = demoDocument();
    const withThreat = ThreatModelDocumentSchema.parse({
      ...document,
      threats: [
        ...document.threats,
        { id: "t-new", title: "Extraction", catalogId: "ml-model-extraction", targetIds: ["e-scoring"] },
      ],
    });
    const before = suggestThreats(document, stubLookup);
    const after = suggestThreats(withThreat, stubLookup);
    expect(after).toEqual(
      before.filter((s) => !(s.catalogId === "ml-model-extraction" && s.targetIds[0] === "e-scoring")),
    );
    expect(after).toHaveLength(before.length - 1);
  });
});

describe("suggestThreats", () => {
  const service = node("service", "process", "Service");
  const document = buildDocument({
    elements: [...Z, node("customer", "end-user", "Customer", {}, { in: "internet" }), service],
    flows: [link("customer", "service", { label: "Request" })],
  });

  it("skips catalog ids the lookup does not know, and never throws for them", () => {
    const all = suggestThreats(document, stubLookup);
    const withoutSpoofing = suggestThreats(document, (id) =>
      id === "stride-process-spoofing" ? undefined : stubLookup(id),
    );
    expect(withoutSpoofing).toEqual(all.filter((s) => s.catalogId !== "stride-process-spoofing"));
    expect(suggestThreats(document, () => undefined)).toEqual([]);
  });

  it("orders by target position in the document, then rule order, then catalog id", () => {
    const rules: Rule[] = [
      {
        id: "second",
        target: "element",
        suggests: ["ml-evasion"],
        summary: "",
        reason: "{target} b",
        when: kind("process"),
      },
      {
        id: "first",
        target: "element",
        suggests: ["stride-process-dos", "linddun-linking"],
        summary: "",
        reason: "{target} a",
        when: kind("process", "end-user"),
      },
    ];
    const found = suggestWithRules(rules, document, stubLookup).map(
      (s) => `${s.targetIds[0]} ${s.catalogId}`,
    );
    expect(found).toEqual([
      "customer linddun-linking",
      "customer stride-process-dos",
      "service ml-evasion",
      "service linddun-linking",
      "service stride-process-dos",
    ]);
  });

  it("merges the reasons of rules that suggest the same threat for the same target", () => {
    const rules: Rule[] = [
      {
        id: "one",
        target: "element",
        suggests: ["ml-evasion"],
        summary: "",
        reason: "{target} is one",
        when: kind("process"),
      },
      {
        id: "two",
        target: "element",
        suggests: ["ml-evasion"],
        summary: "",
        reason: "{target} is two",
        when: kind("process"),
      },
      {
        id: "again",
        target: "element",
        suggests: ["ml-evasion"],
        summary: "",
        reason: "{target} is one",
        when: kind("process"),
      },
    ];
    expect(suggestWithRules(rules, document, stubLookup)).toEqual([
      expect.objectContaining({
        targetIds: ["service"],
        ruleId: "one",
        reason: "Service is one; Service is two",
      }),
    ]);
  });

  it("suggests nothing for out-of-scope elements, or for flows between two of them", () => {
    const outOfScope = buildDocument({
      elements: [
        ...Z,
        node("customer", "end-user", "Customer", {}, { in: "internet", outOfScope: true }),
        node("hub", "third-party-model", "Hub", {}, { in: "internet", outOfScope: true }),
      ],
      flows: [link("customer", "hub")],
    });
    expect(suggestThreats(outOfScope, stubLookup)).toEqual([]);
  });

  it("flags a rule that can match every kind only where it matches", () => {
    const rules: Rule[] = [
      {
        id: "loose",
        target: "element",
        suggests: ["ml-evasion"],
        summary: "",
        reason: "{target}",
        when: isTrue("x"),
      },
    ];
    const flagged = buildDocument({ elements: [node("a", "process", "A", { x: true }, { in: null })] });
    expect(suggestWithRules(rules, flagged, stubLookup).map((s) => s.targetIds)).toEqual([["a"]]);
  });

  it("handles a generated 1,000-element document (timed by lib/rules/suggest.bench.ts)", () => {
    const large = ThreatModelDocumentSchema.parse(generatedDocument(1000, 1500));
    const ids = new Set([...large.elements.map((e) => e.id), ...large.flows.map((f) => f.id)]);
    const suggestions = suggestThreats(large, stubLookup);
    expect(suggestions.length).toBeGreaterThan(500);
    expect(suggestions.every((s) => s.targetIds.length === 1 && ids.has(s.targetIds[0] ?? ""))).toBe(true);
  });
});

/** An element kind may receive llm-* suggestions only when it is LLM-related. */
function isLlmRelated(element: ThreatModelDocument["elements"][number]): boolean {
  if (["llm-agent", "prompt-template", "vector-store"].includes(element.kind)) return true;
  if (element.kind !== "inference-endpoint" && element.kind !== "third-party-model") return false;
  const properties = element.properties as Record<string, unknown>;
  return (
    properties.servesLlm === true ||
    (typeof properties.modelType === "string" && /\b(llm|language model)\b/i.test(properties.modelType))
  );
}

describe("suggestThreats on any schema-valid document", () => {
  it("never throws and returns valid, unique, new, deterministic suggestions", () => {
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        const suggestions = suggestThreats(document, stubLookup);
        expect(suggestThreats(document, stubLookup)).toEqual(suggestions);

        const position = new Map<string, number>();
        for (const [i, element] of document.elements.entries()) {
          if (element.kind !== "trust-boundary" && !element.outOfScope) position.set(element.id, i);
        }
        for (const [i, flow] of document.flows.entries()) position.set(flow.id, document.elements.length + i);
        const present = new Set(
          document.threats.flatMap((t) =>
            t.catalogId ? t.targetIds.map((id) => `${t.catalogId} ${id}`) : [],
          ),
        );
        // Labels are arbitrary text, braces included; a template placeholder must never survive.
        const labelsHaveBraces = document.elements.some((e) => /[{}]/.test(e.label));
        const seen = new Set<string>();
        let last = -1;
        for (const suggestion of suggestions) {
          const [target, ...rest] = suggestion.targetIds;
          expect(rest).toEqual([]);
          expect(position.has(target ?? "")).toBe(true);
          const at = position.get(target ?? "") ?? -1;
          expect(at).toBeGreaterThanOrEqual(last);
          last = at;
          const key = `${suggestion.catalogId} ${target}`;
          expect(seen.has(key)).toBe(false);
          expect(present.has(key)).toBe(false);
          seen.add(key);
          expect(SUGGESTABLE_THREAT_IDS).toContain(suggestion.catalogId);
          expect(suggestion.reason.trim()).not.toBe("");
          if (!labelsHaveBraces) expect(suggestion.reason).not.toMatch(/[{}]/);
          const element = document.elements.find((e) => e.id === target);
          if (suggestion.catalogId.startsWith("llm-")) expect(element && isLlmRelated(element)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

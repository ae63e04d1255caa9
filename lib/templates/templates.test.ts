import { describe, expect, it } from "vitest";
import { containingBoundary, effectiveTrustLevel } from "@/lib/domain/boundaries";
import {
  type Element,
  type ElementOfKind,
  type ThreatModelDocument,
  ThreatModelDocumentSchema,
} from "@/lib/domain/document";
import type { ElementKind } from "@/lib/domain/kinds";
import { suggestThreats } from "@/lib/rules/suggest";
import { stubLookup } from "@/lib/rules/testing";
import {
  findTemplate,
  instantiateTemplate,
  TEMPLATES,
  type Template,
  TemplateParametersSchema,
} from "./index";

/** Every assignment of true/false to the template's parameters. */
function combinations(template: Template): Record<string, boolean>[] {
  return template.parameters.reduce<Record<string, boolean>[]>(
    (all, p) =>
      all.flatMap((params) => [
        { ...params, [p.id]: false },
        { ...params, [p.id]: true },
      ]),
    [{}],
  );
}

function instances(template: Template) {
  return combinations(template).map((params) => ({
    params,
    name: `${template.id} ${JSON.stringify(params)}`,
    doc: instantiateTemplate(template.id, params),
  }));
}

type Rect = { left: number; top: number; right: number; bottom: number };
const rectOf = ({ position, size }: Element): Rect => ({
  left: position.x,
  top: position.y,
  right: position.x + size.width,
  bottom: position.y + size.height,
});
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const contains = (outer: Rect, inner: Rect) =>
  outer.left <= inner.left &&
  outer.top <= inner.top &&
  inner.right <= outer.right &&
  inner.bottom <= outer.bottom;

/** Ids of the boundaries around an element, by parentId. */
function ancestorsOf(doc: ThreatModelDocument, element: Element): Set<string> {
  const byId = new Map(doc.elements.map((e) => [e.id, e]));
  const found = new Set<string>();
  for (let id = element.parentId; id !== undefined && !found.has(id); id = byId.get(id)?.parentId)
    found.add(id);
  return found;
}

function elementOf<K extends ElementKind>(doc: ThreatModelDocument, id: string, kind: K): ElementOfKind<K> {
  const found = doc.elements.find((e) => e.id === id);
  if (found?.kind !== kind) throw new Error(`no ${kind} "${id}" in ${doc.title}`);
  return found as ElementOfKind<K>;
}
const has = (doc: ThreatModelDocument, id: string) =>
  doc.elements.some((e) => e.id === id) || doc.flows.some((f) => f.id === id);
const diagramOf = (doc: ThreatModelDocument) => JSON.stringify({ elements: doc.elements, flows: doc.flows });

describe("the template list", () => {
  it("offers the five common ML systems with unique ids", () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "rag-assistant",
        "supervised-training-third-party-data",
        "public-inference-api",
        "fine-tune-foundation-model",
        "agent-with-tools",
      ]),
    );
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "describes %s and its 2-4 parameters",
    (_id, template) => {
      expect(template.name).not.toBe("");
      expect(template.description).not.toBe("");
      expect(template.parameters.length).toBeGreaterThanOrEqual(2);
      expect(template.parameters.length).toBeLessThanOrEqual(4);
      expect(new Set(template.parameters.map((p) => p.id)).size).toBe(template.parameters.length);
      for (const p of template.parameters) {
        expect(p).toMatchObject({ type: "boolean", default: expect.any(Boolean) });
        expect(p.label).not.toBe("");
        expect(p.description).not.toBe("");
      }
    },
  );

  it("finds templates by id", () => {
    expect(findTemplate("rag-assistant")?.name).toBe("RAG assistant");
    expect(findTemplate("no-such-template")).toBeUndefined();
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  const all = instances(template);

  it("builds a valid document for every parameter combination", () => {
    for (const { params, name } of all) {
      const result = ThreatModelDocumentSchema.safeParse(template.build(params));
      expect(result.success ? [] : result.error.issues, name).toEqual([]);
    }
  });

  it("fills in title, description, scope and assumptions, and leaves threats to the rule engine", () => {
    for (const { doc, name } of all) {
      expect(doc.title, name).not.toBe("");
      expect(doc.description, name).not.toBe("");
      expect(["ml-pipeline", "inference-api", "llm-app", "agentic"], name).toContain(doc.scope.systemType);
      for (const field of ["purpose", "successCriteria", "harmDefinition"] as const) {
        expect(doc.scope[field], `${name} scope.${field}`).not.toBe("");
      }
      expect(doc.assumptions.length, name).toBeGreaterThan(0);
      expect(doc.threats, name).toEqual([]);
      expect(doc.mitigations, name).toEqual([]);
    }
  });

  it("uses readable ids and distinct, non-empty labels", () => {
    for (const { doc, name } of all) {
      for (const e of doc.elements) {
        expect(e.id, name).toMatch(e.kind === "trust-boundary" ? /^b-[a-z-]+$/ : /^e-[a-z-]+$/);
        expect(e.label, `${name} ${e.id}`).not.toBe("");
      }
      for (const f of doc.flows) expect(f.id, name).toMatch(/^f-[a-z-]+$/);
      for (const a of doc.assets) expect(a.id, name).toMatch(/^a-[a-z-]+$/);
      const labels = doc.elements.map((e) => e.label);
      expect(new Set(labels).size, `${name} labels ${labels}`).toBe(labels.length);
    }
  });

  it("puts every element in a trust boundary that states its trust level", () => {
    for (const { doc, name } of all) {
      for (const e of doc.elements) {
        if (e.kind === "trust-boundary") expect(e.properties.trustLevel, `${name} ${e.id}`).toBeDefined();
        else expect(e.parentId, `${name} ${e.id}`).toBeDefined();
      }
    }
  });

  it("lays elements out so that nothing overlaps except a boundary and what it encloses", () => {
    for (const { doc, name } of all) {
      for (const [i, a] of doc.elements.entries()) {
        for (const b of doc.elements.slice(i + 1)) {
          if (ancestorsOf(doc, a).has(b.id) || ancestorsOf(doc, b).has(a.id)) continue;
          expect(overlaps(rectOf(a), rectOf(b)), `${name}: ${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    }
  });

  it("draws each boundary around its children, so the canvas derives the same parents", () => {
    for (const { doc, name } of all) {
      const byId = new Map(doc.elements.map((e) => [e.id, e]));
      for (const e of doc.elements) {
        const parent = e.parentId === undefined ? undefined : byId.get(e.parentId);
        if (parent)
          expect(contains(rectOf(parent), rectOf(e)), `${name}: ${e.id} inside ${parent.id}`).toBe(true);
        // Where a dropped element would land: its top-left corner (boundaries) or centre (the rest).
        const { left, top, right, bottom } = rectOf(e);
        const point =
          e.kind === "trust-boundary"
            ? { x: left, y: top }
            : { x: (left + right) / 2, y: (top + bottom) / 2 };
        expect(containingBoundary(doc, point, e.id)?.id, `${name}: ${e.id} lands in`).toBe(e.parentId);
      }
    }
  });

  it("gives every flow a label, protocol and data classification", () => {
    for (const { doc, name } of all) {
      for (const f of doc.flows) {
        expect(f.label, `${name} ${f.id}`).toBeTruthy();
        expect(f.protocol, `${name} ${f.id}`).toBeTruthy();
        expect(f.dataClassification, `${name} ${f.id}`).toBeDefined();
      }
    }
  });

  it("lists 2-5 assets with provenance and classification, linked to elements", () => {
    for (const { doc, name } of all) {
      expect(doc.assets.length, name).toBeGreaterThanOrEqual(2);
      expect(doc.assets.length, name).toBeLessThanOrEqual(5);
      for (const a of doc.assets) {
        expect(a.provenance, `${name} ${a.id}`).toBeDefined();
        expect(a.classification, `${name} ${a.id}`).toBeDefined();
        expect(a.elementIds.length, `${name} ${a.id}`).toBeGreaterThan(0);
      }
    }
  });

  it("builds the same document from the same parameters, defaults included", () => {
    for (const { params, doc, name } of all)
      expect(instantiateTemplate(template.id, params), name).toEqual(doc);
    const defaults = Object.fromEntries(template.parameters.map((p) => [p.id, p.default]));
    expect(instantiateTemplate(template.id)).toEqual(instantiateTemplate(template.id, defaults));
  });

  it.each(template.parameters.map((p) => [p.id]))("changes the diagram when %s alone is toggled", (id) => {
    for (const { params, doc, name } of all) {
      if (params[id]) continue;
      const toggled = instantiateTemplate(template.id, { ...params, [id]: true });
      expect(diagramOf(toggled), name).not.toBe(diagramOf(doc));
    }
  });
});

describe("what the parameters mean", () => {
  it("rag-assistant: exposure moves the users, web content feeds the index, tools let the agent act", () => {
    const closed = instantiateTemplate("rag-assistant", {
      exposedToInternet: false,
      ingestsWebContent: false,
      agentHasTools: false,
    });
    const open = instantiateTemplate("rag-assistant", {
      exposedToInternet: true,
      ingestsWebContent: true,
      agentHasTools: true,
    });
    expect(effectiveTrustLevel(closed, "e-users")).toBe("internal");
    expect(effectiveTrustLevel(open, "e-users")).toBe("untrusted");
    expect(elementOf(closed, "e-chat-api", "inference-endpoint").properties.public).toBe(false);
    expect(elementOf(open, "e-chat-api", "inference-endpoint").properties.public).toBe(true);

    expect(elementOf(open, "e-vector-store", "vector-store").properties.sources).toContain(
      "scraped web pages",
    );
    expect(elementOf(closed, "e-vector-store", "vector-store").properties.sources).not.toContain(
      "scraped web pages",
    );
    const crawl = open.flows.find((f) => f.target === "e-ingestion" && f.source === "e-web-pages");
    expect(crawl && effectiveTrustLevel(open, crawl.source)).toBe("untrusted");

    expect(elementOf(open, "e-orchestrator", "llm-agent").properties).toMatchObject({
      autonomy: "acts-without-confirmation",
      tools: ["search_tickets", "create_ticket"],
    });
    expect(elementOf(closed, "e-orchestrator", "llm-agent").properties.tools).toEqual([]);
    expect(has(open, "f-tickets") && !has(closed, "f-tickets")).toBe(true);
  });

  it("supervised-training-third-party-data: labellers change zone, feedback reaches the dataset", () => {
    const id = "supervised-training-third-party-data";
    const base = { outsourcedLabelling: true, retrainsOnUserFeedback: false, containsPersonalData: false };
    const outsourced = instantiateTemplate(id, base);
    const inHouse = instantiateTemplate(id, { ...base, outsourcedLabelling: false });
    expect(effectiveTrustLevel(outsourced, "e-labellers")).toBe("partner");
    expect(effectiveTrustLevel(inHouse, "e-labellers")).toBe("internal");

    const feedback = instantiateTemplate(id, { ...base, retrainsOnUserFeedback: true });
    expect(feedback.flows.map((f) => [f.source, f.target])).toEqual(
      expect.arrayContaining([
        ["e-app-users", "e-feedback"],
        ["e-feedback", "e-dataset"],
      ]),
    );
    expect(feedback.assets.find((a) => a.provenance === "user-generated")?.elementIds).toContain("e-dataset");
    expect(outsourced.assets.some((a) => a.provenance === "user-generated")).toBe(false);

    const personal = instantiateTemplate(id, { ...base, containsPersonalData: true });
    expect(elementOf(personal, "e-dataset", "dataset").properties.containsPersonalData).toBe(true);
    expect(personal.flows.find((f) => f.id === "f-purchase")?.dataClassification).toBe("restricted");
    expect(outsourced.flows.find((f) => f.id === "f-purchase")?.dataClassification).toBe("confidential");
  });

  it("public-inference-api: the endpoint's properties follow the parameters", () => {
    for (const params of combinations(findTemplate("public-inference-api") as Template)) {
      const doc = instantiateTemplate("public-inference-api", params);
      expect(elementOf(doc, "e-endpoint", "inference-endpoint").properties).toMatchObject({
        public: true,
        authenticated: params.requiresAuthentication,
        rateLimited: params.rateLimited,
        returnsConfidenceScores: params.returnsConfidenceScores,
      });
      expect(has(doc, "e-api-keys")).toBe(params.requiresAuthentication);
      expect(has(doc, "e-quota")).toBe(params.rateLimited);
    }
  });

  it("fine-tune-foundation-model: verified weights pass through verification before training", () => {
    const verified = instantiateTemplate("fine-tune-foundation-model", { verifiedChecksums: true });
    const unverified = instantiateTemplate("fine-tune-foundation-model", { verifiedChecksums: false });
    expect(elementOf(verified, "e-base-model", "third-party-model").properties).toMatchObject({
      verifiedChecksum: true,
      serializationFormat: "safetensors",
    });
    expect(elementOf(unverified, "e-base-model", "third-party-model").properties.verifiedChecksum).toBe(
      false,
    );
    expect(verified.flows.find((f) => f.id === "f-download")?.target).toBe("e-verify");
    expect(unverified.flows.find((f) => f.id === "f-download")?.target).toBe("e-fine-tune");
    const customer = instantiateTemplate("fine-tune-foundation-model", { usesCustomerData: true });
    expect(elementOf(customer, "e-instructions", "dataset").properties.containsPersonalData).toBe(true);
    expect(effectiveTrustLevel(unverified, "e-users")).toBe("untrusted");
    const internal = instantiateTemplate("fine-tune-foundation-model", { exposedToInternet: false });
    expect(effectiveTrustLevel(internal, "e-users")).toBe("internal");
  });

  it("agent-with-tools: autonomy, external content, payments and code execution", () => {
    const careful = instantiateTemplate("agent-with-tools", {
      actsWithoutConfirmation: false,
      readsExternalContent: false,
      hasPaymentTool: false,
      executesCode: false,
    });
    const bold = instantiateTemplate("agent-with-tools", {
      actsWithoutConfirmation: true,
      readsExternalContent: true,
      hasPaymentTool: true,
      executesCode: true,
    });
    expect(elementOf(careful, "e-agent", "llm-agent").properties).toMatchObject({
      autonomy: "acts-with-confirmation",
      tools: ["send_email"],
    });
    expect(elementOf(bold, "e-agent", "llm-agent").properties).toMatchObject({
      autonomy: "acts-without-confirmation",
      tools: ["send_email", "fetch_url", "run_code", "make_payment"],
    });
    expect(has(careful, "e-approval") && !has(bold, "e-approval")).toBe(true);
    expect(effectiveTrustLevel(bold, "e-web-pages")).toBe("untrusted");
    expect(bold.flows.find((f) => f.id === "f-fetched")?.target).toBe("e-agent");
    expect(effectiveTrustLevel(bold, "e-code-runner")).toBe("untrusted");
    expect(elementOf(bold, "e-code-runner", "process").parentId).toBe("b-sandbox");
    expect(has(bold, "f-payment-order") && !has(careful, "f-payment-order")).toBe(true);
  });
});

describe("language models in the templates", () => {
  it.each([
    ["rag-assistant", "e-llm"],
    ["agent-with-tools", "e-llm"],
    ["fine-tune-foundation-model", "e-serving"],
  ])("%s marks %s as a language model, so the LLM rules reach it", (id, elementId) => {
    const document = instantiateTemplate(id);
    expect(document.elements.find((e) => e.id === elementId)?.properties.servesLlm).toBe(true);
    const llmThreats = suggestThreats(document, stubLookup).filter(
      (s) => s.targetIds.includes(elementId) && s.catalogId.startsWith("llm-"),
    );
    expect(llmThreats.length).toBeGreaterThan(0);
  });
});

describe("instantiateTemplate", () => {
  it("throws naming an unknown template", () => {
    expect(() => instantiateTemplate("no-such-template")).toThrow(/unknown template "no-such-template"/);
  });

  it("rejects parameters the template does not have or that are not booleans", () => {
    expect(() => instantiateTemplate("rag-assistant", { exposedToInternet: "yes" })).toThrow(
      /exposedToInternet/,
    );
    expect(() => instantiateTemplate("rag-assistant", { bogus: true })).toThrow(/bogus/);
  });
});

describe("TemplateParametersSchema", () => {
  const rag = findTemplate("rag-assistant") as Template;
  const schema = TemplateParametersSchema(rag);
  const messages = (value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it("fills in defaults for missing parameters and keeps the given ones", () => {
    expect(schema.parse({})).toEqual({
      exposedToInternet: true,
      ingestsWebContent: false,
      agentHasTools: false,
    });
    expect(schema.parse({ agentHasTools: true })).toMatchObject({
      exposedToInternet: true,
      agentHasTools: true,
    });
  });

  it("rejects unknown parameter ids, naming them", () => {
    expect(messages({ bogus: true, exposedToInternet: false })).toEqual([expect.stringContaining('"bogus"')]);
  });

  it("rejects non-boolean values, naming the parameter", () => {
    expect(messages({ ingestsWebContent: "true" })).toEqual([expect.stringContaining('"ingestsWebContent"')]);
    expect(schema.safeParse({ ingestsWebContent: 1 }).error?.issues[0]?.path).toEqual(["ingestsWebContent"]);
  });

  it("rejects a value that is not an object", () => {
    expect(messages([true])).toHaveLength(1);
    expect(messages(null)).toHaveLength(1);
  });
});

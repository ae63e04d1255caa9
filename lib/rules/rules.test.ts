import { describe, expect, it } from "vitest";
import { findCatalogThreat } from "@/lib/catalog";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { KIND_INFO } from "@/lib/domain/kinds";
import { kindsMatchedBy } from "./engine";
import { RULES } from "./rules";
import { suggestThreats, suggestWithRules } from "./suggest";
import { buildDocument, link, node, stubLookup, ZONES } from "./testing";
import {
  type ElementCondition,
  type FlowCondition,
  PLACEHOLDERS,
  type Rule,
  SUGGESTABLE_THREAT_IDS,
} from "./types";

const Z = Object.values(ZONES);

/** One document where the rule fires on `target`, and a near miss where it does not. */
type Case = { target: string; reason: string; fires: ThreatModelDocument; nearMiss: ThreatModelDocument };

const doc = (
  elements: Parameters<typeof buildDocument>[0]["elements"],
  flows = [] as ReturnType<typeof link>[],
) => buildDocument({ elements: [...Z, ...elements], flows });

const customer = node("customer", "end-user", "Customer", {}, { in: "internet" });
const broker = node("broker", "data-broker", "Lead broker", {}, { in: "partner" });
const service = node("service", "process", "Ticket service");
const db = node("db", "datastore", "Orders DB");

const CASES: Record<string, Case> = {
  "direct-prompt-injection": {
    target: "agent",
    reason: "Chat agent takes input from Customer",
    fires: doc([customer, node("agent", "llm-agent", "Chat agent")], [link("customer", "agent")]),
    nearMiss: doc([service, node("agent", "llm-agent", "Chat agent")], [link("service", "agent")]),
  },
  "indirect-prompt-injection": {
    target: "prompt",
    reason: "Summary prompt includes untrusted input",
    fires: doc([node("prompt", "prompt-template", "Summary prompt", { includesUntrustedInput: true })]),
    nearMiss: doc([node("prompt", "prompt-template", "Summary prompt", { includesUntrustedInput: false })]),
  },
  "rag-untrusted-sources": {
    target: "index",
    reason: "Docs index is fed from scraped web pages",
    fires: doc([node("index", "vector-store", "Docs index", { sources: ["scraped web pages", "manuals"] })]),
    nearMiss: doc([node("index", "vector-store", "Docs index", { sources: ["product manuals"] })]),
  },
  "vector-store-sensitive-content": {
    target: "index",
    reason: "Docs index holds personal data",
    fires: doc([node("index", "vector-store", "Docs index", { containsPersonalData: true })]),
    nearMiss: doc([node("index", "vector-store", "Docs index", { containsPersonalData: false })]),
  },
  "agent-acts-without-confirmation": {
    target: "agent",
    reason: "Ops agent can call refund and send-email and acts without human confirmation",
    fires: doc([
      node("agent", "llm-agent", "Ops agent", {
        tools: ["refund", "send-email"],
        autonomy: "acts-without-confirmation",
      }),
    ]),
    nearMiss: doc([
      node("agent", "llm-agent", "Ops agent", {
        tools: ["refund", "send-email"],
        autonomy: "acts-with-confirmation",
      }),
    ]),
  },
  "llm-output-consumed": {
    target: "agent",
    reason: "Ops agent sends model output to Orders DB",
    fires: doc([node("agent", "llm-agent", "Ops agent"), db], [link("agent", "db")]),
    nearMiss: doc([node("agent", "llm-agent", "Ops agent"), db], [link("db", "agent")]),
  },
  "secrets-in-prompt": {
    target: "prompt",
    reason: "System prompt contains secrets",
    fires: doc([node("prompt", "prompt-template", "System prompt", { containsSecrets: true })]),
    nearMiss: doc([node("prompt", "prompt-template", "System prompt", { containsSecrets: false })]),
  },
  "llm-handles-sensitive-data": {
    target: "agent",
    reason: "Ops agent exchanges confidential data with Orders DB",
    fires: doc(
      [node("agent", "llm-agent", "Ops agent"), db],
      [link("db", "agent", { dataClassification: "confidential" })],
    ),
    nearMiss: doc(
      [node("agent", "llm-agent", "Ops agent"), db],
      [link("db", "agent", { dataClassification: "internal" })],
    ),
  },
  "llm-exposed-without-limits": {
    target: "agent",
    reason: "Chat agent receives data from Customer and is not rate limited",
    fires: doc([customer, node("agent", "llm-agent", "Chat agent")], [link("customer", "agent")]),
    nearMiss: doc(
      [customer, node("agent", "llm-agent", "Chat agent", { rateLimited: true })],
      [link("customer", "agent")],
    ),
  },
  "llm-answers-people": {
    target: "agent",
    reason: "Chat agent answers Customer directly",
    fires: doc([customer, node("agent", "llm-agent", "Chat agent")], [link("agent", "customer")]),
    nearMiss: doc([service, node("agent", "llm-agent", "Chat agent")], [link("agent", "service")]),
  },
  "untrusted-training-data": {
    target: "data",
    reason: "Feedback dataset receives user-generated data from Customer",
    fires: doc([customer, node("data", "dataset", "Feedback dataset")], [link("customer", "data")]),
    nearMiss: doc([db, node("data", "dataset", "Feedback dataset")], [link("db", "data")]),
  },
  "feedback-loop": {
    target: "data",
    reason: "Feedback dataset collects feedback from Customer",
    fires: doc([customer, node("data", "dataset", "Feedback dataset")], [link("customer", "data")]),
    nearMiss: doc([customer, node("data", "dataset", "Survey answers")], [link("customer", "data")]),
  },
  "unvalidated-ingestion": {
    target: "etl",
    reason: "Lead ingest ingests data from Lead broker and does not validate its input schema",
    fires: doc([broker, node("etl", "data-pipeline", "Lead ingest")], [link("broker", "etl")]),
    nearMiss: doc(
      [broker, node("etl", "data-pipeline", "Lead ingest", { validatesSchema: true })],
      [link("broker", "etl")],
    ),
  },
  "broker-data-supply-chain": {
    target: "data",
    reason: "Leads receives data from the data broker Lead broker",
    fires: doc([broker, node("data", "dataset", "Leads")], [link("broker", "data")]),
    nearMiss: doc([db, node("data", "dataset", "Leads")], [link("db", "data")]),
  },
  "open-inference-endpoint": {
    target: "api",
    reason: "Scoring API is public and does not require authentication",
    fires: doc([node("api", "inference-endpoint", "Scoring API", { public: true, authenticated: false })]),
    nearMiss: doc(
      [service, node("api", "inference-endpoint", "Scoring API", { public: false, authenticated: true })],
      [link("service", "api")],
    ),
  },
  "confidence-scores-exposed": {
    target: "api",
    reason: "Scoring API is public and returns confidence scores",
    fires: doc([
      node("api", "inference-endpoint", "Scoring API", { public: true, returnsConfidenceScores: true }),
    ]),
    nearMiss: doc([
      node("api", "inference-endpoint", "Scoring API", { public: true, returnsConfidenceScores: false }),
    ]),
  },
  "inference-without-rate-limit": {
    target: "api",
    reason: "Scoring API is public and is not rate limited",
    fires: doc([node("api", "inference-endpoint", "Scoring API", { public: true, rateLimited: false })]),
    nearMiss: doc([node("api", "inference-endpoint", "Scoring API", { public: true, rateLimited: true })]),
  },
  "unverified-third-party-model": {
    target: "hub",
    reason: "Hub model has no verified checksum",
    fires: doc([node("hub", "third-party-model", "Hub model", { verifiedChecksum: false })]),
    nearMiss: doc([node("hub", "third-party-model", "Hub model", { verifiedChecksum: true })]),
  },
  "pickle-like-model": {
    target: "hub",
    reason: "Hub model is serialized as PyTorch pickle (.pkl), a format that can run code when loaded",
    fires: doc([
      node("hub", "third-party-model", "Hub model", { serializationFormat: "PyTorch pickle (.pkl)" }),
    ]),
    nearMiss: doc([node("hub", "third-party-model", "Hub model", { serializationFormat: "safetensors" })]),
  },
  "unsigned-model-registry": {
    target: "registry",
    reason: "Model registry does not sign model artifacts",
    fires: doc([node("registry", "model-registry", "Model registry", { accessControlled: true })]),
    nearMiss: doc([node("registry", "model-registry", "Model registry", { signsArtifacts: true })]),
  },
  "open-model-registry": {
    target: "registry",
    reason: "Model registry is not access controlled",
    fires: doc([node("registry", "model-registry", "Model registry", { signsArtifacts: true })]),
    nearMiss: doc([node("registry", "model-registry", "Model registry", { accessControlled: true })]),
  },
  "unvetted-outside-labellers": {
    target: "labellers",
    reason: "Labellers is outsourced and is not vetted",
    fires: doc([node("labellers", "labeling-workforce", "Labellers", { outsourced: true, vetted: false })]),
    nearMiss: doc([node("labellers", "labeling-workforce", "Labellers", { outsourced: true, vetted: true })]),
  },
  "training-not-isolated": {
    target: "train",
    reason: "Trainer runs in Corporate network (internal) and is not network-isolated",
    fires: doc([node("train", "training-job", "Trainer")]),
    nearMiss: doc([node("train", "training-job", "Trainer", { isolatedNetwork: true })]),
  },
  "feature-store-open-writes": {
    target: "features",
    reason: "Features accepts unauthenticated writes from Ticket service",
    fires: doc([service, node("features", "feature-store", "Features")], [link("service", "features")]),
    nearMiss: doc(
      [service, node("features", "feature-store", "Features")],
      [link("service", "features", { authenticated: true })],
    ),
  },
  "endpoint-without-monitoring": {
    target: "api",
    reason: "Scoring API has no flow to a monitoring element",
    fires: doc([node("api", "inference-endpoint", "Scoring API")]),
    nearMiss: doc(
      [node("api", "inference-endpoint", "Scoring API"), node("watch", "monitoring", "Monitor")],
      [link("api", "watch")],
    ),
  },
  "monitor-without-drift-detection": {
    target: "watch",
    reason: "Monitor watches Scoring API and does not detect drift",
    fires: doc(
      [node("api", "inference-endpoint", "Scoring API"), node("watch", "monitoring", "Monitor")],
      [link("api", "watch")],
    ),
    nearMiss: doc(
      [
        node("api", "inference-endpoint", "Scoring API"),
        node("watch", "monitoring", "Monitor", { detectsDrift: true }),
      ],
      [link("api", "watch")],
    ),
  },
  "process-unauthenticated-untrusted-input": {
    target: "service",
    reason: "Ticket service accepts unauthenticated requests from Customer",
    fires: doc([customer, service], [link("customer", "service")]),
    nearMiss: doc([customer, service], [link("customer", "service", { authenticated: true })]),
  },
  "process-unaudited-requests": {
    target: "service",
    reason: "Ticket service acts on requests from Customer and sends no records to monitoring",
    fires: doc([customer, service], [link("customer", "service")]),
    nearMiss: doc(
      [customer, service, node("watch", "monitoring", "Monitor")],
      [link("customer", "service"), link("service", "watch")],
    ),
  },
  "process-open-to-flooding": {
    target: "service",
    reason: "Ticket service takes requests from Customer and is not rate limited",
    fires: doc([customer, service], [link("customer", "service")]),
    nearMiss: doc(
      [customer, node("service", "process", "Ticket service", { rateLimited: true })],
      [link("customer", "service")],
    ),
  },
  "restricted-process-lower-trust-input": {
    target: "job",
    reason:
      "Settlement job runs in Vault (restricted) and receives data from Lead broker, which sits in a partner or untrusted zone",
    fires: doc(
      [broker, node("job", "process", "Settlement job", {}, { in: "vault" })],
      [link("broker", "job")],
    ),
    nearMiss: doc([broker, node("job", "process", "Settlement job")], [link("broker", "job")]),
  },
  "datastore-unauthenticated-writes": {
    target: "db",
    reason: "Orders DB accepts unauthenticated writes from Customer",
    fires: doc([customer, db], [link("customer", "db")]),
    nearMiss: doc([customer, db], [link("customer", "db", { authenticated: true })]),
  },
  "audit-store-unauthenticated-writes": {
    target: "log",
    reason: "Audit log keeps records but accepts unauthenticated writes from Ticket service",
    fires: doc([service, node("log", "datastore", "Audit log")], [link("service", "log")]),
    nearMiss: doc(
      [service, node("log", "datastore", "Audit log")],
      [link("service", "log", { authenticated: true })],
    ),
  },
  "unencrypted-sensitive-store": {
    target: "db",
    reason: "Orders DB holds personal data and is not encrypted at rest",
    fires: doc([node("db", "datastore", "Orders DB", { containsPersonalData: true })]),
    nearMiss: doc([
      node("db", "datastore", "Orders DB", { containsPersonalData: true, encryptedAtRest: true }),
    ]),
  },
  "datastore-written-by-callers": {
    target: "db",
    reason: "Orders DB is written directly by Customer",
    fires: doc([customer, db], [link("customer", "db", { authenticated: true })]),
    nearMiss: doc([service, db], [link("service", "db")]),
  },
  "unauthenticated-external-sender": {
    target: "customer",
    reason: "Customer sends data to Ticket service without authentication",
    fires: doc([customer, service], [link("customer", "service")]),
    nearMiss: doc([customer, service], [link("customer", "service", { authenticated: true })]),
  },
  "unencrypted-boundary-crossing": {
    target: "customer->service",
    reason: "Ticket (Customer → Ticket service) crosses Internet and Corporate network without encryption",
    fires: doc([customer, service], [link("customer", "service", { label: "Ticket" })]),
    nearMiss: doc([customer, service], [link("customer", "service", { label: "Ticket", encrypted: true })]),
  },
  "personal-data-at-rest": {
    target: "db",
    reason: "Orders DB holds personal data",
    fires: doc([node("db", "datastore", "Orders DB", { containsPersonalData: true })]),
    nearMiss: doc([node("db", "datastore", "Orders DB", { containsPersonalData: false })]),
  },
  "personal-data-from-people": {
    target: "customer",
    reason: "Customer supplies confidential data to Ticket service",
    fires: doc([customer, service], [link("customer", "service", { dataClassification: "confidential" })]),
    nearMiss: doc([customer, service], [link("customer", "service", { dataClassification: "internal" })]),
  },
  "personal-data-from-broker": {
    target: "broker",
    reason: "Lead broker supplies Customer profiles",
    fires: buildDocument({
      elements: [...Z, broker],
      assets: [{ id: "a", name: "Customer profiles", classification: "restricted", elementIds: ["broker"] }],
    }),
    nearMiss: buildDocument({
      elements: [...Z, broker],
      assets: [{ id: "a", name: "Customer profiles", classification: "public", elementIds: ["broker"] }],
    }),
  },
  "monitoring-logs-personal-data": {
    target: "watch",
    reason: "Monitor records restricted data from Ticket service",
    fires: doc(
      [service, node("watch", "monitoring", "Monitor")],
      [link("service", "watch", { dataClassification: "restricted" })],
    ),
    nearMiss: doc(
      [service, node("watch", "monitoring", "Monitor")],
      [link("service", "watch", { dataClassification: "internal" })],
    ),
  },
  "personal-data-to-lower-trust": {
    target: "db->partner-api",
    reason:
      "Flow Orders DB → Partner API carries confidential data from Orders DB, which holds personal data, into a less trusted zone",
    fires: doc(
      [
        node("db", "datastore", "Orders DB", { containsPersonalData: true }),
        node("partner-api", "process", "Partner API", {}, { in: "partner" }),
      ],
      [link("db", "partner-api", { dataClassification: "confidential", encrypted: true })],
    ),
    nearMiss: doc(
      [
        node("db", "datastore", "Orders DB", { containsPersonalData: true }),
        node("partner-api", "process", "Partner API", {}, { in: "vault" }),
      ],
      [link("db", "partner-api", { dataClassification: "confidential", encrypted: true })],
    ),
  },
};

const ruleById = new Map(RULES.map((rule) => [rule.id, rule]));
const suggestionsOf = (rule: Rule, document: ThreatModelDocument, target: string) =>
  suggestWithRules([rule], document, stubLookup).filter((s) => s.targetIds[0] === target);

describe("each rule", () => {
  it("has a fires and a near-miss case", () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  for (const [id, testCase] of Object.entries(CASES)) {
    describe(id, () => {
      const rule = ruleById.get(id) as Rule;

      it("fires, naming the elements involved", () => {
        const found = suggestionsOf(rule, testCase.fires, testCase.target);
        expect(found.map((s) => s.catalogId)).toEqual([...rule.suggests].sort());
        for (const suggestion of found) {
          expect(suggestion.ruleId).toBe(id);
          expect(suggestion.reason).toBe(testCase.reason);
        }
      });

      it("does not fire on the near miss", () => {
        expect(suggestionsOf(rule, testCase.nearMiss, testCase.target)).toEqual([]);
      });
    });
  }
});

describe("the must-get-right cases", () => {
  const catalogIds = (document: ThreatModelDocument, target: string) =>
    suggestThreats(document, stubLookup)
      .filter((s) => s.targetIds[0] === target)
      .map((s) => s.catalogId);

  it("untrusted text from a data broker reaching an agent is indirect prompt injection", () => {
    const document = doc([broker, node("agent", "llm-agent", "Agent")], [link("broker", "agent")]);
    expect(catalogIds(document, "agent")).toContain("llm-prompt-injection-indirect");
    expect(catalogIds(document, "agent")).not.toContain("llm-prompt-injection-direct");
  });

  it("an agent reading a vector store is exposed to indirect prompt injection", () => {
    const document = doc(
      [node("agent", "llm-agent", "Agent"), node("index", "vector-store", "Index")],
      [link("agent", "index", { label: "retrieve" })],
    );
    expect(catalogIds(document, "agent")).toContain("llm-prompt-injection-indirect");
  });

  it("training data poisoning also comes from an attached broker-supplied or user-generated asset", () => {
    for (const provenance of ["third-party-broker", "user-generated"] as const) {
      const document = buildDocument({
        elements: [...Z, node("job", "training-job", "Trainer", { isolatedNetwork: true })],
        assets: [{ id: "a", name: "Labels", provenance, elementIds: ["job"] }],
      });
      expect(catalogIds(document, "job")).toContain("ml-training-data-poisoning");
    }
    const firstParty = buildDocument({
      elements: [...Z, node("job", "training-job", "Trainer", { isolatedNetwork: true })],
      assets: [{ id: "a", name: "Labels", provenance: "first-party", elementIds: ["job"] }],
    });
    expect(catalogIds(firstParty, "job")).not.toContain("ml-training-data-poisoning");
  });

  it("predictions written back into a dataset are a feedback loop", () => {
    const document = doc(
      [node("api", "inference-endpoint", "API"), node("data", "dataset", "Training set")],
      [link("api", "data")],
    );
    expect(catalogIds(document, "data")).toContain("ml-feedback-loop-poisoning");
  });

  it("an endpoint called directly by end users is open even without the public flag", () => {
    const document = doc([customer, node("api", "inference-endpoint", "API")], [link("customer", "api")]);
    expect(catalogIds(document, "api")).toEqual(
      expect.arrayContaining(["ml-evasion", "ml-model-extraction"]),
    );
  });

  it("a vector store fed by an untrusted element is suggested RAG poisoning", () => {
    const document = doc([customer, node("index", "vector-store", "Index")], [link("customer", "index")]);
    expect(catalogIds(document, "index")).toContain("llm-rag-poisoning");
  });

  it("never suggests LLM threats on a non-LLM inference endpoint, and does once it serves an LLM", () => {
    const endpoint = (properties: Record<string, unknown>) =>
      doc(
        [customer, node("api", "inference-endpoint", "API", { public: true, ...properties })],
        [link("customer", "api", { dataClassification: "restricted" }), link("api", "customer")],
      );
    expect(catalogIds(endpoint({}), "api").filter((id) => id.startsWith("llm-"))).toEqual([]);
    expect(catalogIds(endpoint({ servesLlm: true }), "api")).toEqual(
      expect.arrayContaining([
        "llm-prompt-injection-direct",
        "llm-unbounded-consumption",
        "llm-misinformation",
      ]),
    );
    expect(catalogIds(endpoint({ modelType: "Large language model" }), "api")).toContain(
      "llm-prompt-injection-direct",
    );
  });

  it("gives a process with nothing special about it no STRIDE suggestions", () => {
    const document = doc([service, db], [link("service", "db", { authenticated: true, encrypted: true })]);
    expect(suggestThreats(document, stubLookup)).toEqual([]);
  });
});

describe("the rule data", () => {
  it("has unique kebab-case ids and suggests only catalog ids from the list", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.suggests.length).toBeGreaterThan(0);
      for (const id of rule.suggests) expect(SUGGESTABLE_THREAT_IDS).toContain(id);
    }
  });

  it("restricts every element rule to some kinds, and LLM threats to LLM-related kinds", () => {
    const llmKinds = [
      "llm-agent",
      "prompt-template",
      "vector-store",
      "inference-endpoint",
      "third-party-model",
    ];
    for (const rule of RULES) {
      if (rule.target !== "element") {
        expect(rule.suggests.some((id) => id.startsWith("llm-"))).toBe(false);
        continue;
      }
      const kinds = kindsMatchedBy(rule.when);
      expect(kinds, rule.id).toBeDefined();
      expect([...(kinds ?? [])].every((kind) => kind in KIND_INFO)).toBe(true);
      if (rule.suggests.some((id) => id.startsWith("llm-"))) {
        expect(
          [...(kinds ?? [])].filter((kind) => !llmKinds.includes(kind)),
          rule.id,
        ).toEqual([]);
      }
    }
  });

  it("suggests a catalog threat only for kinds (or flows) the catalog entry says it applies to", () => {
    for (const rule of RULES) {
      for (const id of rule.suggests) {
        const entry = findCatalogThreat(id);
        expect(entry, id).toBeDefined();
        if (rule.target === "flow") expect(entry?.appliesToFlows, `${rule.id} ${id}`).toBe(true);
        else {
          const outside = [...(kindsMatchedBy(rule.when) ?? [])].filter((k) => !entry?.appliesTo.includes(k));
          expect(outside, `${rule.id} ${id}`).toEqual([]);
        }
      }
    }
  });

  it("writes templates with known placeholders only", () => {
    const templates: string[] = [];
    const collect = (condition: ElementCondition | FlowCondition): void => {
      if (condition.note !== undefined) templates.push(condition.note);
      if (condition.op === "all" || condition.op === "any" || condition.op === "first") {
        for (const child of condition.of) collect(child);
      } else if (condition.op === "not") collect(condition.of);
      else if (condition.op === "flow") collect(condition.match);
      else if (condition.op === "from" || condition.op === "to" || condition.op === "neighbour") {
        collect(condition.where);
      }
    };
    for (const rule of RULES) {
      templates.push(rule.reason);
      collect(rule.when);
    }
    const used = templates.flatMap((template) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(40);
    for (const name of used) expect(PLACEHOLDERS).toContain(name);
  });
});

import {
  LLM_ENDPOINT,
  LLM_OUTPUT,
  LLM_RUNTIME,
  SCRAPED_OR_EXTERNAL,
  SENSITIVE,
  UNTRUSTED_CALLER,
  UNTRUSTED_SENDER,
} from "./conditions";
import {
  all,
  any,
  asset,
  baseType,
  because,
  classified,
  elementRule,
  exposed,
  flowEither,
  flowIn,
  flowOut,
  isTrue,
  kind,
  neighbour,
  not,
  property,
  type Rule,
  trust,
} from "./types";

/** Rules for LLM threats: only ever on LLM agents, prompt templates, vector stores and LLM models. */

export const LLM_RULES: readonly Rule[] = [
  elementRule({
    id: "direct-prompt-injection",
    suggests: ["llm-prompt-injection-direct"],
    summary:
      "An LLM agent, prompt template or LLM endpoint takes input straight from people or the untrusted zone.",
    when: all([
      LLM_RUNTIME,
      any([
        because("takes input from {neighbour}", flowIn(neighbour(UNTRUSTED_CALLER))),
        because("sits in {zone}", trust("untrusted")),
        because("is a public LLM endpoint", all([LLM_ENDPOINT, isTrue("public")])),
      ]),
    ]),
  }),
  elementRule({
    id: "indirect-prompt-injection",
    suggests: ["llm-prompt-injection-indirect"],
    summary:
      "An LLM agent or prompt template takes in untrusted content: retrieved passages, user or broker data, or a template with untrusted input.",
    when: all([
      kind("llm-agent", "prompt-template"),
      any([
        because("includes untrusted input", isTrue("includesUntrustedInput")),
        because(
          "handles {asset} ({provenance})",
          asset({ provenance: ["user-generated", "third-party-broker"] }),
        ),
        because("reads retrieved content from {neighbour}", flowEither(neighbour(kind("vector-store")))),
        because(
          "receives untrusted text from {neighbour}",
          flowIn(neighbour(any([kind("data-broker"), isTrue("includesUntrustedInput")]))),
        ),
      ]),
    ]),
  }),
  elementRule({
    id: "rag-untrusted-sources",
    suggests: ["llm-rag-poisoning"],
    summary:
      "A vector store is fed from scraped or external sources, user or broker data, or untrusted senders.",
    when: all([
      kind("vector-store"),
      any([
        because("is fed from {value}", property("sources", { hasWord: SCRAPED_OR_EXTERNAL })),
        because(
          "holds {asset} ({provenance})",
          asset({ provenance: ["user-generated", "third-party-broker"] }),
        ),
        because("is fed by {neighbour}", flowIn(neighbour(UNTRUSTED_SENDER))),
      ]),
    ]),
  }),
  elementRule({
    id: "vector-store-sensitive-content",
    suggests: ["llm-vector-embedding-weakness"],
    summary: "A vector store holds personal, confidential or restricted content.",
    when: all([
      kind("vector-store"),
      any([
        because("holds personal data", isTrue("containsPersonalData")),
        because("holds {asset} ({classification})", asset({ classification: SENSITIVE })),
        because("exchanges {classification} data with {neighbour}", flowEither(classified(...SENSITIVE))),
      ]),
    ]),
  }),
  elementRule({
    id: "agent-acts-without-confirmation",
    suggests: ["llm-excessive-agency"],
    summary: "An LLM agent has tools and its autonomy is acts-without-confirmation.",
    when: all([
      kind("llm-agent"),
      because("can call {value}", property("tools", { nonEmpty: true })),
      because("acts without human confirmation", property("autonomy", { is: "acts-without-confirmation" })),
    ]),
  }),
  elementRule({
    id: "llm-output-consumed",
    suggests: ["llm-improper-output-handling"],
    summary: "An LLM agent or endpoint's output drives tools or flows into another process or data store.",
    when: all([
      any([kind("llm-agent"), LLM_ENDPOINT]),
      any([
        because("calls tools ({value})", property("tools", { nonEmpty: true })),
        because(
          "sends model output to {neighbour}",
          flowOut(
            neighbour(all([baseType("process", "datastore"), not(kind("llm-agent", "prompt-template"))])),
          ),
        ),
      ]),
    ]),
  }),
  elementRule({
    id: "secrets-in-prompt",
    suggests: ["llm-system-prompt-leakage"],
    summary: "A prompt template contains secrets.",
    when: all([kind("prompt-template"), because("contains secrets", isTrue("containsSecrets"))]),
  }),
  elementRule({
    id: "llm-handles-sensitive-data",
    suggests: ["llm-sensitive-information-disclosure"],
    summary: "An LLM agent or model exchanges or handles confidential or restricted data.",
    when: all([
      LLM_OUTPUT,
      any([
        because("exchanges {classification} data with {neighbour}", flowEither(classified(...SENSITIVE))),
        because("handles {asset} ({classification})", asset({ classification: SENSITIVE })),
      ]),
    ]),
  }),
  elementRule({
    id: "llm-exposed-without-limits",
    suggests: ["llm-unbounded-consumption"],
    summary: "An LLM agent or endpoint is exposed to untrusted input and is not rate limited.",
    when: all([
      any([kind("llm-agent"), LLM_ENDPOINT]),
      because("{exposure}", exposed()),
      because("is not rate limited", not(isTrue("rateLimited"))),
    ]),
  }),
  elementRule({
    id: "llm-answers-people",
    suggests: ["llm-misinformation"],
    summary: "An LLM agent or model answers people or outside systems directly.",
    when: all([
      LLM_OUTPUT,
      because("answers {neighbour} directly", flowOut(neighbour(kind("end-user", "external-entity")))),
    ]),
  }),
];

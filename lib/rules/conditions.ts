import {
  all,
  any,
  asset,
  baseType,
  because,
  classified,
  first,
  flowIn,
  isTrue,
  kind,
  neighbour,
  property,
  trust,
} from "./types";

/** Conditions and word lists that several rule families share. */

// `servesLlm` is the documented property (inference endpoints, third-party models); a free-text
// `modelType` naming a language model counts too, for documents written by hand or imported.
export const SERVES_LLM = any([
  isTrue("servesLlm"),
  property("modelType", { hasWord: ["llm", "language model"] }),
]);
/** An endpoint or vendor model that is a language model. */
export const LLM_MODEL = all([kind("inference-endpoint", "third-party-model"), SERVES_LLM]);
export const LLM_ENDPOINT = all([kind("inference-endpoint"), SERVES_LLM]);
/** What assembles prompts or runs them for us: the targets of prompt-injection rules. */
export const LLM_RUNTIME = any([kind("llm-agent", "prompt-template"), LLM_ENDPOINT]);
/** What produces model text that something else consumes. */
export const LLM_OUTPUT = any([kind("llm-agent"), LLM_MODEL]);

export const SENSITIVE = ["confidential", "restricted"] as const;

/** Where untrusted data comes from: the untrusted zone, or people and parties outside the system. */
export const UNTRUSTED_SENDER = any([trust("untrusted"), kind("end-user", "data-broker", "external-entity")]);
/** Who sends requests: people and outside systems, or a process in the untrusted zone. */
export const UNTRUSTED_CALLER = any([
  kind("end-user", "external-entity"),
  all([trust("untrusted"), baseType("process")]),
]);

export const PERSONAL_WORDS = ["personal", "pii", "customer", "cardholder", "patient", "health", "biometric"];
/** Holds or receives personal data. */
export const PERSONAL_DATA = first([
  because("holds personal data", isTrue("containsPersonalData")),
  because("holds {asset} ({classification})", asset({ classification: SENSITIVE, words: PERSONAL_WORDS })),
  because(
    "receives {classification} data from {neighbour}",
    flowIn(all([classified(...SENSITIVE), neighbour(kind("end-user"))])),
  ),
]);

/** Reachable by callers the system does not control. */
export const OPEN_ENDPOINT = any([
  because("is public", isTrue("public")),
  because("does not require authentication", property("authenticated", { is: false })),
  because("answers requests from {neighbour}", flowIn(neighbour(UNTRUSTED_CALLER))),
]);

export const FEEDBACK_WORDS = ["feedback", "rating", "ratings", "correction", "corrections"];
export const PICKLE_LIKE = [
  "pickle",
  "pkl",
  "joblib",
  "dill",
  "cloudpickle",
  "pt",
  "pth",
  "ckpt",
  "bin",
  "pytorch",
];
export const SCRAPED_OR_EXTERNAL = [
  "web",
  "website",
  "websites",
  "internet",
  "scraped",
  "scraping",
  "crawl",
  "crawled",
  "public",
  "external",
  "user",
  "users",
  "customer",
  "customers",
  "merchant",
  "merchants",
  "partner",
  "partners",
  "vendor",
  "vendors",
  "third party",
  "upload",
  "uploads",
  "uploaded",
  "email",
  "emails",
  "forum",
  "forums",
  "social",
  "tickets",
];

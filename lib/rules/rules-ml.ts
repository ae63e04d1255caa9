import {
  FEEDBACK_WORDS,
  LLM_OUTPUT,
  OPEN_ENDPOINT,
  PICKLE_LIKE,
  SERVES_LLM,
  UNTRUSTED_SENDER,
} from "./conditions";
import {
  all,
  any,
  asset,
  authenticated,
  because,
  elementRule,
  flowEither,
  flowIn,
  flowLabelHas,
  isTrue,
  kind,
  labelHas,
  neighbour,
  not,
  property,
  type Rule,
  trust,
} from "./types";

/** Rules for threats to the ML lifecycle: data, labels, training, registry, serving, monitoring. */

export const ML_RULES: readonly Rule[] = [
  elementRule({
    id: "untrusted-training-data",
    suggests: ["ml-training-data-poisoning"],
    summary:
      "A dataset or training job receives data from end users, data brokers or the untrusted zone, or holds user-generated or broker-supplied assets.",
    when: all([
      kind("dataset", "training-job"),
      any([
        because("receives user-generated data from {neighbour}", flowIn(neighbour(kind("end-user")))),
        because("receives broker data from {neighbour}", flowIn(neighbour(kind("data-broker")))),
        because(
          "receives data from {neighbour} in an untrusted zone",
          flowIn(neighbour(all([trust("untrusted"), not(kind("end-user", "data-broker"))]))),
        ),
        because(
          "holds {asset} ({provenance})",
          asset({ provenance: ["user-generated", "third-party-broker"] }),
        ),
      ]),
    ]),
  }),
  elementRule({
    id: "feedback-loop",
    suggests: ["ml-feedback-loop-poisoning"],
    summary:
      "A dataset or data pipeline is fed by model outputs, or by a flow or store that collects feedback.",
    when: all([
      kind("dataset", "data-pipeline"),
      any([
        because(
          "receives model outputs from {neighbour}",
          flowIn(neighbour(kind("inference-endpoint", "monitoring", "llm-agent"))),
        ),
        because("receives {flow} from {neighbour}", flowIn(flowLabelHas(...FEEDBACK_WORDS))),
        because(
          "collects feedback from {neighbour}",
          all([labelHas(...FEEDBACK_WORDS), flowIn(neighbour(kind("end-user")))]),
        ),
      ]),
    ]),
  }),
  elementRule({
    id: "unvalidated-ingestion",
    suggests: ["ml-training-data-poisoning"],
    summary: "A data pipeline without schema validation ingests data from untrusted senders.",
    when: all([
      kind("data-pipeline"),
      because("ingests data from {neighbour}", flowIn(neighbour(UNTRUSTED_SENDER))),
      because("does not validate its input schema", not(isTrue("validatesSchema"))),
    ]),
  }),
  elementRule({
    id: "broker-data-supply-chain",
    suggests: ["ml-data-supply-chain"],
    summary: "A dataset or data pipeline receives data from a data broker or holds broker-supplied assets.",
    when: all([
      kind("dataset", "data-pipeline"),
      any([
        because("receives data from the data broker {neighbour}", flowIn(neighbour(kind("data-broker")))),
        because("holds {asset} ({provenance})", asset({ provenance: ["third-party-broker"] })),
      ]),
    ]),
  }),
  elementRule({
    id: "open-inference-endpoint",
    suggests: ["ml-evasion", "ml-model-extraction"],
    summary:
      "An inference endpoint is public, unauthenticated, or called directly by people or outside systems.",
    when: all([kind("inference-endpoint"), OPEN_ENDPOINT]),
  }),
  elementRule({
    id: "confidence-scores-exposed",
    suggests: ["ml-membership-inference", "ml-model-inversion"],
    summary: "An open inference endpoint returns confidence scores.",
    when: all([
      kind("inference-endpoint"),
      OPEN_ENDPOINT,
      because("returns confidence scores", isTrue("returnsConfidenceScores")),
    ]),
  }),
  elementRule({
    id: "inference-without-rate-limit",
    suggests: ["ml-denial-of-ml-service"],
    summary: "An open, non-LLM inference endpoint is not rate limited.",
    when: all([
      kind("inference-endpoint"),
      not(SERVES_LLM),
      OPEN_ENDPOINT,
      because("is not rate limited", not(isTrue("rateLimited"))),
    ]),
  }),
  elementRule({
    id: "unverified-third-party-model",
    suggests: ["ml-model-supply-chain"],
    summary: "A third-party model does not have verifiedChecksum: true.",
    when: all([
      kind("third-party-model"),
      because("has no verified checksum", not(isTrue("verifiedChecksum"))),
    ]),
  }),
  elementRule({
    id: "pickle-like-model",
    suggests: ["ml-unsafe-model-deserialization"],
    summary:
      "A third-party model or registry uses a pickle-like serialization format that runs code on load.",
    when: all([
      kind("third-party-model", "model-registry"),
      because(
        "is serialized as {value}, a format that can run code when loaded",
        property("serializationFormat", { hasWord: PICKLE_LIKE }),
      ),
    ]),
  }),
  elementRule({
    id: "unsigned-model-registry",
    suggests: ["ml-model-tampering-registry"],
    summary: "A model registry does not sign its artifacts.",
    when: all([
      kind("model-registry"),
      because("does not sign model artifacts", not(isTrue("signsArtifacts"))),
    ]),
  }),
  elementRule({
    id: "open-model-registry",
    suggests: ["ml-model-theft-registry"],
    summary: "A model registry is not access controlled.",
    when: all([kind("model-registry"), because("is not access controlled", not(isTrue("accessControlled")))]),
  }),
  elementRule({
    id: "unvetted-outside-labellers",
    suggests: ["ml-label-poisoning"],
    summary:
      "A labelling workforce is outsourced (or sits in a partner or untrusted zone) and is not vetted.",
    when: all([
      kind("labeling-workforce"),
      any([
        because("is outsourced", isTrue("outsourced")),
        because("works from {zone}", trust("untrusted", "partner")),
      ]),
      because("is not vetted", not(isTrue("vetted"))),
    ]),
  }),
  elementRule({
    id: "training-not-isolated",
    suggests: ["ml-training-environment-compromise"],
    summary:
      "A training job without network isolation runs outside a restricted zone or pulls from vendors, brokers or the untrusted zone.",
    when: all([
      kind("training-job"),
      any([
        because("runs in {zone}", trust("untrusted", "partner", "internal")),
        because(
          "pulls from {neighbour}",
          flowIn(neighbour(any([kind("third-party-model", "data-broker"), trust("untrusted")]))),
        ),
      ]),
      because("is not network-isolated", not(isTrue("isolatedNetwork"))),
    ]),
  }),
  elementRule({
    id: "feature-store-open-writes",
    suggests: ["ml-feature-store-manipulation"],
    summary: "A feature store accepts unauthenticated writes or writes from untrusted senders.",
    when: all([
      kind("feature-store"),
      any([
        because("accepts unauthenticated writes from {neighbour}", flowIn(authenticated(false))),
        because("is written by {neighbour}", flowIn(neighbour(UNTRUSTED_SENDER))),
      ]),
    ]),
  }),
  elementRule({
    id: "endpoint-without-monitoring",
    suggests: ["ml-unmonitored-drift"],
    summary: "An inference endpoint has no flow to or from a monitoring element.",
    when: all([
      kind("inference-endpoint"),
      because("has no flow to a monitoring element", not(flowEither(neighbour(kind("monitoring"))))),
    ]),
  }),
  elementRule({
    id: "monitor-without-drift-detection",
    suggests: ["ml-unmonitored-drift"],
    summary: "A monitoring element watches a model but does not say it detects drift.",
    when: all([
      kind("monitoring"),
      because("watches {neighbour}", flowEither(neighbour(any([kind("inference-endpoint"), LLM_OUTPUT])))),
      because("does not detect drift", not(isTrue("detectsDrift"))),
    ]),
  }),
];

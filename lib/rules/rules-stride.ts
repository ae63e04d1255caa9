import { SENSITIVE, UNTRUSTED_CALLER, UNTRUSTED_SENDER } from "./conditions";
import {
  all,
  any,
  asset,
  authenticated,
  baseType,
  because,
  classified,
  crossesBoundary,
  elementRule,
  encrypted,
  first,
  flowEither,
  flowIn,
  flowOut,
  flowRule,
  isTrue,
  kind,
  labelHas,
  neighbour,
  not,
  type Rule,
  toTrust,
  trust,
} from "./types";

/**
 * STRIDE rules, each behind a condition that makes its category relevant: plain STRIDE-per-element
 * would bury the useful suggestions.
 */

export const STRIDE_RULES: readonly Rule[] = [
  elementRule({
    id: "process-unauthenticated-untrusted-input",
    suggests: ["stride-process-spoofing"],
    summary:
      "A process accepts unauthenticated requests from people, outside systems or untrusted-zone processes.",
    when: all([
      baseType("process"),
      because(
        "accepts unauthenticated requests from {neighbour}",
        flowIn(all([authenticated(false), neighbour(UNTRUSTED_CALLER)])),
      ),
    ]),
  }),
  elementRule({
    id: "process-unaudited-requests",
    suggests: ["stride-process-repudiation"],
    summary: "A process acts on requests from people or outside systems and sends nothing to monitoring.",
    when: all([
      baseType("process"),
      because("acts on requests from {neighbour}", flowIn(neighbour(kind("end-user", "external-entity")))),
      because("sends no records to monitoring", not(flowEither(neighbour(kind("monitoring"))))),
    ]),
  }),
  elementRule({
    id: "process-open-to-flooding",
    suggests: ["stride-process-dos"],
    summary: "A non-ML process takes requests directly from untrusted callers and is not rate limited.",
    when: all([
      baseType("process"),
      not(kind("inference-endpoint", "llm-agent")),
      because("takes requests from {neighbour}", flowIn(neighbour(UNTRUSTED_CALLER))),
      because("is not rate limited", not(isTrue("rateLimited"))),
    ]),
  }),
  elementRule({
    id: "restricted-process-lower-trust-input",
    suggests: ["stride-process-elevation"],
    summary: "A process in a restricted zone receives data straight from a partner or untrusted zone.",
    when: all([
      baseType("process"),
      because("runs in {zone}", trust("restricted")),
      because(
        "receives data from {neighbour}, which sits in a partner or untrusted zone",
        flowIn(neighbour(trust("untrusted", "partner"))),
      ),
    ]),
  }),
  elementRule({
    id: "datastore-unauthenticated-writes",
    suggests: ["stride-datastore-tampering"],
    summary: "A data store accepts unauthenticated writes from untrusted senders or a lower-trust zone.",
    when: all([
      baseType("datastore"),
      because(
        "accepts unauthenticated writes from {neighbour}",
        flowIn(all([authenticated(false), any([toTrust("higher"), neighbour(UNTRUSTED_SENDER)])])),
      ),
    ]),
  }),
  elementRule({
    id: "audit-store-unauthenticated-writes",
    suggests: ["stride-datastore-repudiation"],
    summary: "A log or audit store accepts unauthenticated writes.",
    when: all([
      baseType("datastore"),
      labelHas("log", "logs", "audit", "journal", "trail"),
      because(
        "keeps records but accepts unauthenticated writes from {neighbour}",
        flowIn(authenticated(false)),
      ),
    ]),
  }),
  elementRule({
    id: "unencrypted-sensitive-store",
    suggests: ["stride-datastore-disclosure"],
    summary:
      "A data store, dataset or feature store holding personal, confidential or restricted data is not encrypted at rest.",
    // Only the kinds that document encryptedAtRest: others could never switch this off.
    when: all([
      kind("datastore", "dataset", "feature-store"),
      first([
        because("holds personal data", isTrue("containsPersonalData")),
        because("holds {asset} ({classification})", asset({ classification: SENSITIVE })),
        because("receives {classification} data from {neighbour}", flowIn(classified(...SENSITIVE))),
      ]),
      because("is not encrypted at rest", not(isTrue("encryptedAtRest"))),
    ]),
  }),
  elementRule({
    id: "datastore-written-by-callers",
    suggests: ["stride-datastore-dos"],
    summary: "People, outside systems or untrusted-zone processes write to a data store directly.",
    when: all([
      baseType("datastore"),
      because("is written directly by {neighbour}", flowIn(neighbour(UNTRUSTED_CALLER))),
    ]),
  }),
  elementRule({
    id: "unauthenticated-external-sender",
    suggests: ["stride-external-repudiation", "stride-external-spoofing"],
    summary: "An external entity sends data into a more trusted zone over an unauthenticated flow.",
    when: all([
      baseType("external-entity"),
      not(isTrue("authenticated")),
      because(
        "sends data to {neighbour} without authentication",
        flowOut(all([authenticated(false), toTrust("higher")])),
      ),
    ]),
  }),
  flowRule({
    id: "unencrypted-boundary-crossing",
    suggests: ["stride-flow-disclosure", "stride-flow-tampering"],
    summary: "A flow crosses a trust boundary unencrypted.",
    reason: "{target} crosses {boundary} without encryption",
    when: all([crossesBoundary(), encrypted(false)]),
  }),
];

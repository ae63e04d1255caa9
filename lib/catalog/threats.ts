import { LinddunSchema, StrideSchema } from "@/lib/domain/document-analysis";
import { baseTypeOf, type DfdBaseType, ELEMENT_KINDS, type ElementKind } from "@/lib/domain/kinds";
import type { CatalogThreat } from "./types";

/**
 * The built-in threats: STRIDE per DFD element, ML and LLM threats keyed to MITRE ATLAS 5.6.0 and the
 * OWASP ML (2023) and LLM (2025) Top 10s, and LINDDUN privacy threats. Ids are stable forever; titles
 * and descriptions are our own words. `categories` is derived from `refs` so the two cannot disagree.
 */
type ThreatSpec = Omit<CatalogThreat, "categories">;

function kindsOfBaseType(baseType: DfdBaseType): ElementKind[] {
  return ELEMENT_KINDS.filter((kind) => baseTypeOf(kind) === baseType);
}

function refsAfter(refs: readonly string[], prefix: string): string[] {
  return refs.filter((ref) => ref.startsWith(prefix)).map((ref) => ref.slice(prefix.length));
}

function categoriesOf(refs: readonly string[]): CatalogThreat["categories"] {
  const aiExchange = refsAfter(refs, "AIX:")[0];
  return {
    stride: refsAfter(refs, "STRIDE:").map((letter) => StrideSchema.parse(letter)),
    atlas: refs.filter((ref) => ref.startsWith("AML.T")),
    owaspMl: refs.filter((ref) => /^ML\d{2}:2023$/.test(ref)),
    owaspLlm: refs.filter((ref) => /^LLM\d{2}:2025$/.test(ref)),
    linddun: refsAfter(refs, "LINDDUN:").map((name) => LinddunSchema.parse(name)),
    ...(aiExchange === undefined ? {} : { aiExchange }),
  };
}

function threat(spec: ThreatSpec): CatalogThreat {
  return { ...spec, categories: categoriesOf(spec.refs) };
}

const PROCESSES = kindsOfBaseType("process");
const DATA_STORES = kindsOfBaseType("datastore");
const EXTERNAL_ENTITIES = kindsOfBaseType("external-entity");
/** Kinds that typically hold personal data at rest. */
const PERSONAL_DATA_STORES: ElementKind[] = ["datastore", "dataset", "feature-store", "vector-store"];

const STRIDE_THREATS: readonly ThreatSpec[] = [
  {
    id: "stride-process-spoofing",
    title: "Caller impersonates a trusted client of the process",
    description:
      "Someone presents stolen or forged credentials, or none at all, and the process treats them as a " +
      "legitimate user or service.",
    refs: ["STRIDE:S"],
    appliesTo: PROCESSES,
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Requests from unknown clients or locations using a valid account",
      "Spikes in failed authentications",
    ],
    mitigationIds: ["ctl-mutual-authentication", "ctl-strong-authentication", "ctl-key-rotation"],
  },
  {
    id: "stride-process-tampering",
    title: "Process code or runtime state is altered",
    description:
      "An attacker changes the code, configuration or in-memory state of the process, for example " +
      "through a vulnerable dependency or a writable deployment path, so it behaves differently.",
    refs: ["STRIDE:T", "AIX:genericsecthreats"],
    appliesTo: PROCESSES,
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Running image digest differs from the released one", "Unexpected configuration changes"],
    mitigationIds: ["ctl-artifact-signing", "AML.M0013", "ctl-input-validation"],
  },
  {
    id: "stride-process-repudiation",
    title: "Actions of the process cannot be attributed",
    description:
      "The process does not record who asked it to do what, so a user or operator can deny an action and " +
      "investigators cannot reconstruct events.",
    refs: ["STRIDE:R"],
    appliesTo: PROCESSES,
    defaultLikelihood: 3,
    defaultImpact: 2,
    indicators: ["Incident questions that logs cannot answer", "Log entries without an actor or request id"],
    mitigationIds: ["ctl-audit-logging", "AML.M0024"],
  },
  {
    id: "stride-process-disclosure",
    title: "Process exposes data it handles",
    description:
      "Error messages, debug endpoints, logs or side channels reveal data or secrets the process works " +
      "with to people who should not see them.",
    refs: ["STRIDE:I", "AIX:genericsecthreats"],
    appliesTo: PROCESSES,
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Stack traces or internal identifiers in responses",
      "Secrets or personal data found in logs",
    ],
    mitigationIds: ["ctl-access-control-least-privilege", "ctl-log-redaction", "ctl-secrets-management"],
  },
  {
    id: "stride-process-dos",
    title: "Process is overwhelmed or crashed",
    description:
      "Floods of requests, oversized inputs or inputs that trigger expensive paths exhaust the process's " +
      "CPU, memory or connections so legitimate work is refused.",
    refs: ["STRIDE:D"],
    appliesTo: PROCESSES,
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Latency and error rate climb together", "Resource saturation alerts"],
    mitigationIds: ["ctl-rate-limiting", "ctl-resource-quotas", "ctl-input-validation"],
  },
  {
    id: "stride-process-elevation",
    title: "Attacker gains more privilege through the process",
    description:
      "A flaw lets a low-privilege caller run code or reach operations with the process's own, broader " +
      "rights.",
    refs: ["STRIDE:E", "AIX:genericsecthreats"],
    appliesTo: PROCESSES,
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: ["Privileged operations on behalf of low-privilege accounts", "Unexpected child processes"],
    mitigationIds: ["ctl-access-control-least-privilege", "ctl-sandboxing", "AML.M0016"],
  },
  {
    id: "stride-datastore-tampering",
    title: "Stored data is modified without authorisation",
    description:
      "Someone with write access, legitimate or stolen, changes or deletes records in the store, and " +
      "consumers trust the altered data.",
    refs: ["STRIDE:T"],
    appliesTo: DATA_STORES,
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Writes from unusual principals or at unusual times", "Checksums of snapshots change"],
    mitigationIds: ["ctl-access-control-least-privilege", "ctl-dataset-versioning", "ctl-backup-and-restore"],
  },
  {
    id: "stride-datastore-repudiation",
    title: "Changes to the store leave no trustworthy trail",
    description:
      "Audit records of reads and writes are missing, incomplete or editable, so changes cannot be tied to " +
      "whoever made them.",
    refs: ["STRIDE:R"],
    appliesTo: DATA_STORES,
    defaultLikelihood: 3,
    defaultImpact: 2,
    indicators: ["Gaps in the audit log", "Audit entries modified or deleted"],
    mitigationIds: ["ctl-audit-logging"],
  },
  {
    id: "stride-datastore-disclosure",
    title: "Stored data is read by unauthorised parties",
    description:
      "Over-broad permissions, public buckets, leaked credentials or unencrypted backups let outsiders read " +
      "the store's contents.",
    refs: ["STRIDE:I"],
    appliesTo: DATA_STORES,
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Bulk reads or exports", "Access from principals that never read this store before"],
    mitigationIds: ["ctl-encryption-at-rest", "ctl-access-control-least-privilege", "AML.M0012"],
  },
  {
    id: "stride-datastore-dos",
    title: "Store becomes unavailable or is filled up",
    description:
      "The store is flooded with writes, exhausted of space or connections, or its data is destroyed, so " +
      "dependent components stop working.",
    refs: ["STRIDE:D"],
    appliesTo: DATA_STORES,
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Storage or connection limits reached", "Sudden large deletions"],
    mitigationIds: ["ctl-resource-quotas", "ctl-backup-and-restore"],
  },
  {
    id: "stride-external-spoofing",
    title: "Someone poses as the external party",
    description:
      "An attacker pretends to be this user, partner or supplier, for example with phished credentials or a " +
      "look-alike endpoint, and the system accepts what they send.",
    refs: ["STRIDE:S"],
    appliesTo: EXTERNAL_ENTITIES,
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Logins from new devices followed by unusual activity",
      "Deliveries from unexpected endpoints",
    ],
    mitigationIds: ["ctl-strong-authentication", "ctl-mutual-authentication"],
  },
  {
    id: "stride-external-repudiation",
    title: "External party denies what it sent or did",
    description:
      "Without signed submissions or attributable logs, a user or supplier can credibly deny having sent " +
      "data or made a request.",
    refs: ["STRIDE:R"],
    appliesTo: EXTERNAL_ENTITIES,
    defaultLikelihood: 2,
    defaultImpact: 2,
    indicators: ["Disputes that cannot be settled from records", "Unsigned deliveries accepted"],
    mitigationIds: ["ctl-audit-logging", "ctl-artifact-signing"],
  },
  {
    id: "stride-flow-tampering",
    title: "Data is altered in transit",
    description:
      "Someone on the network path or a compromised intermediary changes messages between sender and " +
      "receiver, and the receiver cannot tell.",
    refs: ["STRIDE:T"],
    appliesTo: [],
    appliesToFlows: true,
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Certificate or signature validation failures", "Payloads that fail schema checks"],
    mitigationIds: ["ctl-tls-everywhere", "ctl-mutual-authentication", "ctl-output-signing"],
  },
  {
    id: "stride-flow-disclosure",
    title: "Data is read in transit",
    description:
      "Traffic that is unencrypted, or encrypted without verifying the peer, can be captured and read " +
      "between the two ends.",
    refs: ["STRIDE:I", "AIX:inputdataleak"],
    appliesTo: [],
    appliesToFlows: true,
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Plain-text protocols on the wire", "TLS verification disabled in client configuration"],
    mitigationIds: ["ctl-tls-everywhere", "AML.M0012"],
  },
  {
    id: "stride-flow-dos",
    title: "Data flow is interrupted or flooded",
    description:
      "The channel is saturated, cut or stalled, so the receiving component starves or the sender's queue " +
      "overflows.",
    refs: ["STRIDE:D"],
    appliesTo: [],
    appliesToFlows: true,
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Queue depth or retry counts rising", "Timeouts on the link"],
    mitigationIds: ["ctl-rate-limiting", "ctl-resource-quotas"],
  },
];

const ML_DATA_THREATS: readonly ThreatSpec[] = [
  {
    id: "ml-training-data-poisoning",
    title: "Training data poisoning",
    description:
      "An attacker inserts or alters training records so the resulting model learns wrong behaviour, a " +
      "hidden trigger or a bias that serves them.",
    refs: ["AML.T0020", "ML02:2023", "STRIDE:T", "AIX:datapoison"],
    appliesTo: ["dataset", "data-pipeline", "training-job", "data-broker"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Unexplained shift in label or feature distributions between dataset versions",
      "Accuracy drops on specific classes or slices after retraining",
      "Records from a new or unusual source cluster together",
    ],
    mitigationIds: [
      "AML.M0007",
      "AML.M0025",
      "AML.M0005",
      "AML.M0008",
      "ctl-dataset-versioning",
      "ctl-input-validation",
    ],
  },
  {
    id: "ml-label-poisoning",
    title: "Malicious or careless labelling",
    description:
      "Labellers, or someone using their accounts, assign wrong labels on purpose or at scale, teaching the " +
      "model the wrong answers for chosen inputs.",
    refs: ["AML.T0020", "ML02:2023", "STRIDE:T", "AIX:datapoison"],
    appliesTo: ["labeling-workforce", "dataset"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Labeller disagrees with consensus far more often than peers",
      "Failures on hidden gold-standard items",
      "Label changes concentrated on one class",
    ],
    mitigationIds: ["ctl-label-quality-review", "AML.M0007", "AML.M0025", "AML.M0018", "ctl-audit-logging"],
  },
  {
    id: "ml-feedback-loop-poisoning",
    title: "Poisoning through the production feedback loop",
    description:
      "When user feedback or production outcomes flow back into training, an attacker submits coordinated " +
      "feedback to skew what the next model version learns.",
    refs: ["AML.T0020", "ML08:2023", "STRIDE:T", "AIX:datapoison"],
    appliesTo: ["inference-endpoint", "data-pipeline", "dataset"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Feedback volume from few accounts dominates a segment",
      "Feedback distribution diverges from organic history",
    ],
    mitigationIds: ["AML.M0007", "ctl-drift-monitoring", "ctl-anomaly-detection", "ctl-rate-limiting"],
  },
  {
    id: "ml-data-supply-chain",
    title: "Compromised third-party data source",
    description:
      "A broker, public dataset or partner feed delivers tampered or poisoned data, and it is merged into " +
      "training without checks on origin or integrity.",
    refs: ["AML.T0010.002", "AML.T0019", "ML06:2023", "ML02:2023", "STRIDE:T", "AIX:datapoison"],
    appliesTo: ["data-broker", "data-pipeline", "dataset"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Delivery checksums do not match the supplier's manifest",
      "New fields, sources or volumes in a feed without notice",
    ],
    mitigationIds: ["AML.M0014", "AML.M0025", "AML.M0023", "AML.M0007", "ctl-dataset-versioning"],
  },
  {
    id: "ml-poisoned-public-dataset",
    title: "Poisoned public dataset adopted",
    description:
      "The team downloads a popular open dataset that an attacker has seeded or republished with poisoned " +
      "samples.",
    refs: ["AML.T0019", "AML.T0002.000", "ML02:2023", "AIX:datapoison"],
    appliesTo: ["dataset", "data-pipeline"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Dataset hash differs from the publisher's original",
      "Downloaded from a mirror or fork rather than the source",
    ],
    mitigationIds: ["AML.M0014", "AML.M0025", "AML.M0023", "AML.M0007"],
  },
  {
    id: "ml-dataset-integrity-erosion",
    title: "Bulk degradation of dataset quality",
    description:
      "Rather than plant a specific behaviour, the attacker injects noise, duplicates or corrupt records so " +
      "the data becomes less useful and models trained on it perform worse.",
    refs: ["AML.T0059", "ML02:2023", "STRIDE:T", "AIX:datapoison"],
    appliesTo: ["dataset", "data-pipeline", "feature-store"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: [
      "Rising share of null, duplicate or malformed records",
      "Validation loss worsens across runs",
    ],
    mitigationIds: ["AML.M0007", "AML.M0025", "ctl-dataset-versioning", "ctl-input-validation"],
  },
  {
    id: "ml-backdoor-trigger",
    title: "Backdoor trigger planted in the model",
    description:
      "Poisoned samples or direct weight edits teach the model to behave normally except when a secret " +
      "trigger pattern appears in the input.",
    refs: ["AML.T0043.004", "AML.T0018.000", "AML.T0020", "ML02:2023", "ML10:2023", "AIX:evasionafterpoison"],
    appliesTo: ["dataset", "training-job", "model-registry", "third-party-model"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: [
      "A small input pattern flips predictions consistently",
      "Neurons or features that activate only on rare patterns",
    ],
    mitigationIds: ["AML.M0008", "AML.M0007", "AML.M0006", "AML.M0010", "AML.M0015"],
  },
  {
    id: "ml-training-data-exfiltration",
    title: "Training or feature data is exfiltrated",
    description:
      "Someone copies datasets or feature tables out through ordinary channels such as storage APIs, " +
      "notebooks or compromised jobs.",
    refs: ["AML.T0025", "AML.T0035", "STRIDE:I", "AIX:devdataleak"],
    appliesTo: ["dataset", "feature-store", "data-pipeline", "training-job"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Large downloads or exports of datasets",
      "Data transfers to unfamiliar destinations",
      "Access by accounts outside the data team",
    ],
    mitigationIds: [
      "AML.M0005",
      "AML.M0012",
      "ctl-encryption-at-rest",
      "ctl-access-control-least-privilege",
      "ctl-egress-allowlist",
      "ctl-data-minimisation",
    ],
  },
  {
    id: "ml-artifact-discovery",
    title: "Internal ML artifacts are discovered and enumerated",
    description:
      "After getting a foothold, an attacker searches storage and cloud services for models, datasets and " +
      "experiment records to pick targets for theft or tampering.",
    refs: ["AML.T0007", "AML.T0075", "AML.T0035", "STRIDE:I"],
    appliesTo: ["dataset", "model-registry", "feature-store", "training-job"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Listing calls across many buckets or projects",
      "Cloud API enumeration from workload identities",
    ],
    mitigationIds: ["AML.M0005", "AML.M0012", "ctl-access-control-least-privilege", "ctl-audit-logging"],
  },
  {
    id: "ml-feature-store-manipulation",
    title: "Feature values are manipulated",
    description:
      "Someone who can write to the feature store changes stored or online features, skewing training or " +
      "steering live predictions for chosen entities.",
    refs: ["AML.T0020", "AML.T0059", "ML02:2023", "ML01:2023", "STRIDE:T", "AIX:runtimemodelpoison"],
    appliesTo: ["feature-store"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Feature writes outside the scheduled pipeline",
      "Sudden jumps in feature values for individual entities",
    ],
    mitigationIds: [
      "ctl-access-control-least-privilege",
      "ctl-input-validation",
      "ctl-drift-monitoring",
      "AML.M0025",
      "AML.M0005",
      "ctl-audit-logging",
    ],
  },
  {
    id: "ml-pipeline-injection",
    title: "Injection through ingested records",
    description:
      "The pipeline passes record contents into queries, templates or code paths, so a crafted record runs " +
      "commands or rewrites data it should not touch.",
    refs: ["STRIDE:T", "STRIDE:E", "AIX:genericsecthreats"],
    appliesTo: ["data-pipeline"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Records containing query or script syntax", "Pipeline errors from the database layer"],
    mitigationIds: ["ctl-input-validation", "ctl-access-control-least-privilege", "AML.M0016"],
  },
  {
    id: "ml-training-resource-exhaustion",
    title: "Training or pipeline compute is exhausted",
    description:
      "Oversized or pathological inputs, or runaway jobs, consume the compute and storage budget so training " +
      "and data processing miss their windows.",
    refs: ["STRIDE:D", "AML.T0029"],
    appliesTo: ["training-job", "data-pipeline"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Job durations or costs far above baseline", "Jobs killed for memory or quota"],
    mitigationIds: ["ctl-resource-quotas", "ctl-input-validation"],
  },
];

const ML_MODEL_THREATS: readonly ThreatSpec[] = [
  {
    id: "ml-model-supply-chain",
    title: "Compromised third-party model",
    description:
      "A pretrained model from a vendor or public hub has been tampered with or published by an attacker, and " +
      "it is pulled into your system as a trusted component.",
    refs: ["AML.T0010.003", "AML.T0058", "ML06:2023", "STRIDE:T", "AIX:supplymodelpoison"],
    appliesTo: ["third-party-model", "model-registry", "training-job"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Model pulled by name or tag rather than by hash",
      "Publisher account is new or recently changed hands",
    ],
    mitigationIds: [
      "AML.M0014",
      "AML.M0013",
      "AML.M0008",
      "AML.M0023",
      "ctl-artifact-signing",
      "ctl-supplier-risk-review",
    ],
  },
  {
    id: "ml-transfer-learning-backdoor",
    title: "Backdoor survives fine-tuning from a base model",
    description:
      "A base model carries planted behaviour that persists when you fine-tune it for your task, so your " +
      "model inherits the attacker's trigger.",
    refs: ["AML.T0010.003", "AML.T0018.000", "ML07:2023", "AIX:supplymodelpoison"],
    appliesTo: ["third-party-model", "training-job"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Fine-tuned model misbehaves on inputs unrelated to the new task",
      "Base model provenance cannot be established",
    ],
    mitigationIds: ["AML.M0008", "AML.M0006", "AML.M0014", "ctl-supplier-risk-review"],
  },
  {
    id: "ml-unsafe-model-deserialization",
    title: "Code execution when loading a model file",
    description:
      "Model formats based on general object serialisation can run arbitrary code when loaded, so opening a " +
      "malicious file compromises the loading host.",
    refs: [
      "AML.T0011.000",
      "AML.T0018.002",
      "AML.T0072",
      "ML06:2023",
      "STRIDE:E",
      "STRIDE:T",
      "AIX:supplymodelpoison",
    ],
    appliesTo: ["third-party-model", "model-registry", "training-job", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 5,
    indicators: [
      "Pickle-based or other code-capable formats in the model inventory",
      "Network connections or processes started during model load",
    ],
    mitigationIds: ["ctl-safe-serialization", "AML.M0011", "AML.M0016", "AML.M0014", "ctl-sandboxing"],
  },
  {
    id: "ml-malware-embedded-model",
    title: "Malware hidden in model artifacts",
    description:
      "Executable payloads are smuggled inside weights or model packages and later extracted or run on the " +
      "machines that store or use them.",
    refs: ["AML.T0018.002", "AML.T0112.001", "ML06:2023", "STRIDE:T"],
    appliesTo: ["model-registry", "third-party-model"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Scanner findings on model files", "Model files larger than the architecture explains"],
    mitigationIds: ["AML.M0016", "ctl-safe-serialization", "AML.M0014", "AML.M0011"],
  },
  {
    id: "ml-model-tampering-registry",
    title: "Model replaced or altered in the registry",
    description:
      "Someone with write access to the registry swaps a model version, edits its weights or changes its " +
      "architecture, and serving deploys the altered model.",
    refs: [
      "AML.T0018",
      "AML.T0018.000",
      "AML.T0018.001",
      "AML.T0076",
      "ML10:2023",
      "STRIDE:T",
      "AIX:devmodelpoison",
    ],
    appliesTo: ["model-registry"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: [
      "Registry writes outside the training pipeline's identity",
      "Version hash differs from the training run's recorded output",
    ],
    mitigationIds: ["AML.M0005", "AML.M0013", "ctl-artifact-signing", "AML.M0008", "ctl-audit-logging"],
  },
  {
    id: "ml-model-theft-registry",
    title: "Model weights stolen from storage",
    description:
      "The trained model, a valuable asset, is copied from the registry or its backups, giving the thief " +
      "your capability and a white-box target for further attacks.",
    refs: [
      "AML.T0035",
      "AML.T0025",
      "AML.T0048.004",
      "AML.T0044",
      "ML05:2023",
      "STRIDE:I",
      "AIX:devmodelleak",
    ],
    appliesTo: ["model-registry"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Downloads of many model versions by one principal",
      "Registry access from outside the serving and training networks",
    ],
    mitigationIds: [
      "AML.M0005",
      "AML.M0012",
      "AML.M0017",
      "ctl-encryption-at-rest",
      "ctl-audit-logging",
      "ctl-access-control-least-privilege",
    ],
  },
  {
    id: "ml-model-promotion-bypass",
    title: "Model promoted without evaluation",
    description:
      "A model version reaches production without passing the agreed evaluation and review, letting a " +
      "poisoned or broken model through.",
    refs: ["ML10:2023", "STRIDE:T", "STRIDE:E"],
    appliesTo: ["model-registry", "training-job"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Production version lacks an evaluation record", "Stage changes made by hand"],
    mitigationIds: ["AML.M0008", "ctl-change-review", "ctl-artifact-signing"],
  },
  {
    id: "ml-model-version-rollback",
    title: "Serving forced onto an older model version",
    description:
      "An attacker points serving at a superseded version with known weaknesses, undoing fixes made since.",
    refs: ["STRIDE:T"],
    appliesTo: ["model-registry", "inference-endpoint"],
    defaultLikelihood: 1,
    defaultImpact: 3,
    indicators: ["Serving version moves backwards", "Deployment change without a linked release"],
    mitigationIds: ["ctl-artifact-signing", "ctl-audit-logging", "ctl-change-review"],
  },
  {
    id: "ml-runtime-model-tampering",
    title: "Model altered while it is served",
    description:
      "Someone with access to the serving host or its model cache changes the weights or the pre- and " +
      "post-processing logic at run time.",
    refs: ["AML.T0018", "ML10:2023", "STRIDE:T", "AIX:runtimemodelpoison"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Loaded model hash differs from the released one",
      "Prediction mix changes without a release",
    ],
    mitigationIds: ["ctl-artifact-signing", "AML.M0013", "ctl-access-control-least-privilege"],
  },
  {
    id: "ml-runtime-model-leak",
    title: "Model copied from the serving environment",
    description:
      "Weights are read from the serving host's disk or memory, or from an edge device, by someone who " +
      "reached that environment.",
    refs: ["AML.T0025", "AML.T0044", "ML05:2023", "STRIDE:I", "AIX:runtimemodelleak"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Reads of model files by processes other than the server", "Model copies found outside"],
    mitigationIds: ["AML.M0012", "AML.M0017", "ctl-access-control-least-privilege", "ctl-model-watermarking"],
  },
  {
    id: "ml-distributed-model-extraction",
    title: "Model extracted from a distributed copy",
    description:
      "A model shipped inside an app, device or customer deployment is unpacked and reused, giving full " +
      "white-box access.",
    refs: ["AML.T0044", "AML.T0048.004", "AML.T0002.001", "ML05:2023"],
    appliesTo: ["model-registry", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Model embedded in client bundles", "Your model appears in other products"],
    mitigationIds: ["AML.M0017", "AML.M0001", "ctl-model-watermarking"],
  },
  {
    id: "ml-public-information-reconnaissance",
    title: "Attackers learn the system from public material",
    description:
      "Papers, talks, repositories, job adverts and product pages reveal model type, data sources and " +
      "defences, making targeted attacks cheaper.",
    refs: ["AML.T0000", "AML.T0001", "AML.T0003", "AML.T0004", "STRIDE:I"],
    appliesTo: ["inference-endpoint", "model-registry"],
    defaultLikelihood: 3,
    defaultImpact: 2,
    indicators: ["Architecture details in public posts", "Scraping of documentation and repositories"],
    mitigationIds: ["AML.M0000"],
  },
  {
    id: "ml-proxy-model-staging",
    title: "Attacker builds a stand-in model to rehearse attacks",
    description:
      "Using released artifacts, similar public models or your outputs, an attacker trains a proxy and " +
      "develops attacks offline before using them against you.",
    refs: ["AML.T0005", "AML.T0005.000", "AML.T0005.002", "AML.T0002.001", "ML01:2023"],
    appliesTo: ["inference-endpoint", "third-party-model"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Your base model or close variants are public",
      "Attack inputs that succeed on first try in production",
    ],
    mitigationIds: ["AML.M0000", "AML.M0001", "AML.M0006", "AML.M0002"],
  },
  {
    id: "ml-supply-chain-rug-pull",
    title: "Trusted model or package turns malicious later",
    description:
      "A dependency that was safe when adopted is later swapped or updated by its publisher, or its " +
      "popularity was inflated to win trust, and the change flows in automatically.",
    refs: ["AML.T0109", "AML.T0111", "ML06:2023", "STRIDE:T"],
    appliesTo: ["third-party-model"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Floating version tags resolve to new content",
      "Sudden star or download spikes on a dependency",
    ],
    mitigationIds: ["ctl-artifact-signing", "AML.M0014", "AML.M0023", "ctl-supplier-risk-review"],
  },
  {
    id: "ml-model-publisher-masquerading",
    title: "Look-alike model publisher",
    description:
      "A model is published under a name or organisation that imitates a trusted provider, and the team " +
      "pulls the impostor.",
    refs: ["AML.T0074", "AML.T0058", "ML06:2023", "STRIDE:S"],
    appliesTo: ["third-party-model"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Publisher name differs slightly from the official one",
      "Unverified organisation on the hub",
    ],
    mitigationIds: ["ctl-supplier-risk-review", "AML.M0014", "ctl-artifact-signing"],
  },
  {
    id: "ml-software-dependency-compromise",
    title: "Malicious ML library or package",
    description:
      "A compromised framework, plug-in or package in the training or serving stack runs attacker code with " +
      "the job's permissions.",
    refs: ["AML.T0010.001", "AML.T0011.001", "ML06:2023", "STRIDE:T", "STRIDE:E"],
    appliesTo: ["data-pipeline", "training-job", "inference-endpoint", "monitoring"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Unpinned dependencies in build files",
      "Packages installed from outside the approved registry",
      "Install scripts making network calls",
    ],
    mitigationIds: ["AML.M0016", "AML.M0011", "AML.M0013", "AML.M0023", "ctl-dependency-pinning"],
  },
  {
    id: "ml-container-registry-compromise",
    title: "Poisoned container image for ML workloads",
    description:
      "Images for training or serving are pulled from a registry an attacker can write to, so jobs start " +
      "from a tampered base.",
    refs: ["AML.T0010.004", "ML06:2023", "STRIDE:T"],
    appliesTo: ["training-job", "inference-endpoint", "data-pipeline"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Images referenced by tag instead of digest", "Image digests change without a build"],
    mitigationIds: ["ctl-artifact-signing", "AML.M0013", "AML.M0016", "AML.M0014"],
  },
  {
    id: "ml-hardware-supply-chain",
    title: "Compromised accelerator hardware or firmware",
    description:
      "GPUs, accelerators or their firmware from an untrusted channel carry modifications that leak or alter " +
      "computations.",
    refs: ["AML.T0010.000", "ML06:2023"],
    appliesTo: ["training-job", "inference-endpoint"],
    defaultLikelihood: 1,
    defaultImpact: 5,
    indicators: [
      "Hardware sourced outside approved suppliers",
      "Firmware versions that do not match vendor releases",
    ],
    mitigationIds: ["ctl-supplier-risk-review", "AML.M0023", "AML.M0014"],
  },
  {
    id: "ml-training-environment-compromise",
    title: "Training environment compromised",
    description:
      "An attacker gets into notebooks, training clusters or their accounts and can read data, change code " +
      "or alter the model as it is being trained.",
    refs: [
      "AML.T0012",
      "AML.T0055",
      "AML.T0037",
      "AML.T0018.000",
      "STRIDE:E",
      "STRIDE:T",
      "AIX:devmodelpoison",
    ],
    appliesTo: ["training-job"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: [
      "Interactive sessions on training nodes",
      "Training code run that differs from the committed version",
      "Credentials used from training hosts for unrelated services",
    ],
    mitigationIds: [
      "ctl-isolated-training-environment",
      "ctl-secrets-management",
      "ctl-access-control-least-privilege",
      "AML.M0005",
      "ctl-audit-logging",
    ],
  },
  {
    id: "ml-unsecured-credentials",
    title: "Credentials exposed in ML infrastructure",
    description:
      "Cloud keys, tokens and service passwords sit in notebooks, job configs, images or host memory, where " +
      "an attacker can collect and reuse them.",
    refs: ["AML.T0055", "AML.T0090", "AML.T0106", "AML.T0012", "STRIDE:S", "STRIDE:E"],
    appliesTo: ["training-job", "data-pipeline", "inference-endpoint", "monitoring"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Secret-scanner hits in repositories or notebooks", "Keys used from unexpected networks"],
    mitigationIds: ["ctl-secrets-management", "ctl-key-rotation", "ctl-access-control-least-privilege"],
  },
  {
    id: "ml-stolen-token-lateral-movement",
    title: "Stolen access tokens reused across ML services",
    description:
      "Tokens taken from one job or service are replayed against others, letting the attacker move between " +
      "data, training and serving systems.",
    refs: ["AML.T0091", "AML.T0091.000", "STRIDE:S", "STRIDE:E"],
    appliesTo: ["training-job", "data-pipeline", "inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["One token used from several hosts", "Token use outside its service's normal API calls"],
    mitigationIds: ["ctl-key-rotation", "ctl-mutual-authentication", "ctl-secrets-management"],
  },
  {
    id: "ml-training-code-leak",
    title: "Training code and configuration leak",
    description:
      "Source code, hyper-parameters and pipeline configuration leak, revealing how the model is built and " +
      "where its weaknesses may be.",
    refs: ["AML.T0037", "STRIDE:I", "AIX:devcodeleak"],
    appliesTo: ["training-job", "data-pipeline"],
    defaultLikelihood: 2,
    defaultImpact: 2,
    indicators: ["Internal repository content found publicly", "Clones by unfamiliar accounts"],
    mitigationIds: ["ctl-access-control-least-privilege", "AML.M0000", "ctl-secrets-management"],
  },
  {
    id: "ml-training-run-repudiation",
    title: "Model origin cannot be reconstructed",
    description:
      "There is no reliable record of which data, code and settings produced a model, so tampering cannot be " +
      "ruled out and nobody can be held to a change.",
    refs: ["STRIDE:R"],
    appliesTo: ["training-job", "model-registry"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Model versions without a linked training run", "Runs without data and code hashes"],
    mitigationIds: ["ctl-provenance-lineage-logging", "AML.M0023", "ctl-audit-logging"],
  },
];

const ML_INFERENCE_THREATS: readonly ThreatSpec[] = [
  {
    id: "ml-evasion",
    title: "Adversarial inputs evade the model",
    description:
      "Inputs altered in ways people barely notice push the model to a wrong prediction, such as letting " +
      "fraud, malware or abuse through a classifier.",
    refs: ["AML.T0015", "AML.T0043", "ML01:2023", "STRIDE:T", "AIX:evasion"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Inputs close to the decision boundary in bulk",
      "Misclassification rate rises on a narrow input family",
    ],
    mitigationIds: ["AML.M0003", "AML.M0015", "AML.M0010", "AML.M0006", "ctl-adversarial-training"],
  },
  {
    id: "ml-black-box-evasion",
    title: "Evasion found by probing the API",
    description:
      "With only query access, the attacker sends many slightly varied inputs and uses the responses to " +
      "search for one that slips through.",
    refs: ["AML.T0043.001", "AML.T0042", "AML.T0015", "ML01:2023", "AIX:zeroknowledgeevasion"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Many near-identical queries from one client",
      "Query sequences that walk step by step across a boundary",
    ],
    mitigationIds: ["AML.M0004", "AML.M0002", "AML.M0015", "ctl-query-fingerprinting"],
  },
  {
    id: "ml-transfer-evasion",
    title: "Evasion transferred from a similar model",
    description:
      "Adversarial inputs crafted against a public or proxy model also fool yours because the models share " +
      "architecture or training data.",
    refs: ["AML.T0043.002", "AML.T0005", "ML01:2023", "AIX:transferattack"],
    appliesTo: ["inference-endpoint", "third-party-model"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Production model is a lightly tuned public model", "Successful evasions with no probing"],
    mitigationIds: ["AML.M0006", "AML.M0003", "AML.M0000", "AML.M0001"],
  },
  {
    id: "ml-white-box-evasion",
    title: "Evasion crafted with full model access",
    description:
      "An attacker who holds the weights computes optimal adversarial inputs directly from gradients, which " +
      "are far stronger than black-box ones.",
    refs: ["AML.T0043.000", "AML.T0044", "ML01:2023", "AIX:perfectknowledgeevasion"],
    appliesTo: ["inference-endpoint", "model-registry"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Model weights known to be exposed", "Evasions that need very small perturbations"],
    mitigationIds: ["AML.M0005", "AML.M0017", "AML.M0003", "AML.M0010"],
  },
  {
    id: "ml-manual-input-modification",
    title: "Hand-crafted inputs defeat the model",
    description:
      "Simple manual edits such as misspellings, added noise or reworded text are enough to change the " +
      "model's decision, no optimisation needed.",
    refs: ["AML.T0043.003", "AML.T0015", "ML01:2023", "AIX:partialknowledgeevasion"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 4,
    defaultImpact: 3,
    indicators: ["Obfuscated spellings in blocked content", "Same payload reappears with small edits"],
    mitigationIds: ["ctl-adversarial-training", "AML.M0015", "AML.M0006", "AML.M0004"],
  },
  {
    id: "ml-physical-evasion",
    title: "Physical-world adversarial objects",
    description:
      "Patches, stickers, clothing or sounds placed in the sensor's view are designed to fool a vision or " +
      "audio model.",
    refs: ["AML.T0041", "AML.T0015", "ML01:2023", "AIX:evasion"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Unusual high-contrast patterns in camera frames",
      "Detections that fail at specific locations",
    ],
    mitigationIds: ["AML.M0009", "AML.M0003", "AML.M0015"],
  },
  {
    id: "ml-model-extraction",
    title: "Model stolen through its prediction API",
    description:
      "An attacker queries the endpoint systematically and trains a copy on the answers, taking your model's " +
      "function without touching its files.",
    refs: ["AML.T0024.002", "AML.T0005.001", "ML05:2023", "STRIDE:I", "AIX:modelexfiltration"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "High query volume with broad, synthetic-looking coverage of the input space",
      "Clients that request full score vectors",
      "A competitor product with suspiciously similar behaviour",
    ],
    mitigationIds: [
      "AML.M0004",
      "AML.M0002",
      "AML.M0024",
      "ctl-rate-limiting",
      "ctl-query-fingerprinting",
      "ctl-confidence-score-rounding",
      "ctl-model-watermarking",
    ],
  },
  {
    id: "ml-membership-inference",
    title: "Membership inference on training data",
    description:
      "By comparing the model's confidence on chosen records, an attacker works out whether a specific " +
      "person's data was used for training.",
    refs: ["AML.T0024.000", "ML04:2023", "STRIDE:I", "LINDDUN:detecting", "AIX:modelinversionandmembership"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Queries that replay realistic individual records",
      "Repeated queries on near-identical records with small changes",
    ],
    mitigationIds: [
      "ctl-differential-privacy",
      "AML.M0002",
      "ctl-confidence-score-rounding",
      "AML.M0004",
      "AML.M0024",
    ],
  },
  {
    id: "ml-model-inversion",
    title: "Model inversion reconstructs training data",
    description:
      "The attacker optimises inputs against the model's outputs to rebuild representative or actual " +
      "training examples, such as faces or records.",
    refs: [
      "AML.T0024.001",
      "ML03:2023",
      "STRIDE:I",
      "LINDDUN:data-disclosure",
      "AIX:modelinversionandmembership",
    ],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Long query sequences optimising toward one class",
      "Heavy use of confidence scores by a single client",
    ],
    mitigationIds: [
      "ctl-differential-privacy",
      "AML.M0002",
      "ctl-confidence-score-rounding",
      "AML.M0004",
      "AML.M0024",
    ],
  },
  {
    id: "ml-confidence-score-leakage",
    title: "Detailed scores leak the model's internals",
    description:
      "Returning full probability vectors or logits gives attackers the signal they need for extraction, " +
      "inversion and membership attacks.",
    refs: [
      "AML.T0063",
      "AML.T0024",
      "ML03:2023",
      "ML04:2023",
      "ML05:2023",
      "AIX:modelinversionandmembership",
    ],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["API responses include raw scores for all classes", "Scores with many significant digits"],
    mitigationIds: ["ctl-confidence-score-rounding", "AML.M0002"],
  },
  {
    id: "ml-model-ontology-discovery",
    title: "Model classes and family worked out from outputs",
    description:
      "Probing reveals what the model can output and which family it belongs to, helping the attacker " +
      "choose a proxy model and craft attacks.",
    refs: ["AML.T0013", "AML.T0014", "AML.T0063", "STRIDE:I"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 2,
    indicators: ["Queries crafted to hit every output class", "Inputs known to fingerprint model families"],
    mitigationIds: ["AML.M0002", "AML.M0004", "AML.M0012", "ctl-confidence-score-rounding"],
  },
  {
    id: "ml-output-integrity",
    title: "Predictions altered before they are used",
    description:
      "Model outputs are changed between the model and the system or person acting on them, for example in " +
      "a queue, cache or integration.",
    refs: ["ML09:2023", "STRIDE:T", "AIX:runtimemodelpoison"],
    appliesTo: ["inference-endpoint"],
    appliesToFlows: true,
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Consumer-side predictions disagree with server logs",
      "Unsigned results crossing boundaries",
    ],
    mitigationIds: ["ctl-output-signing", "ctl-tls-everywhere", "ctl-mutual-authentication"],
  },
  {
    id: "ml-model-integrity-erosion",
    title: "Model's usefulness worn down over time",
    description:
      "A sustained stream of adversarial or misleading inputs degrades the model's performance or the " +
      "trust people place in it.",
    refs: ["AML.T0031", "ML08:2023", "STRIDE:T"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Gradual accuracy decline without a data shift", "Rising false-positive complaints"],
    mitigationIds: ["AML.M0015", "AML.M0003", "AML.M0010", "AML.M0006", "ctl-drift-monitoring"],
  },
  {
    id: "ml-chaff-spamming",
    title: "Chaff floods detection and review",
    description:
      "The attacker sends large amounts of junk that triggers detections, burying real attacks and " +
      "exhausting analysts and downstream systems.",
    refs: ["AML.T0046", "STRIDE:D"],
    appliesTo: ["inference-endpoint", "monitoring"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Alert volume jumps without matching incidents", "Review queues grow faster than cleared"],
    mitigationIds: ["AML.M0004", "AML.M0019", "ctl-anomaly-detection", "ctl-rate-limiting"],
  },
  {
    id: "ml-denial-of-ml-service",
    title: "Denial of ML service",
    description:
      "Floods of requests or inputs built to be expensive to process saturate the model server so " +
      "legitimate predictions time out.",
    refs: ["AML.T0029", "STRIDE:D", "AIX:airesourceexhaustion"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Latency rises with request volume", "Inputs at the maximum allowed size in bulk"],
    mitigationIds: ["AML.M0004", "AML.M0015", "AML.M0019", "ctl-rate-limiting", "ctl-resource-quotas"],
  },
  {
    id: "ml-cost-harvesting",
    title: "Inference cost run up by abusive queries",
    description:
      "Excessive or deliberately heavy queries burn compute you pay for, draining budgets even when the " +
      "service stays up.",
    refs: ["AML.T0034", "AML.T0034.000", "AML.T0034.001", "STRIDE:D", "AIX:airesourceexhaustion"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Spend per client far above its plan", "Costly query types from free-tier accounts"],
    mitigationIds: ["AML.M0004", "AML.M0019", "ctl-resource-quotas", "ctl-rate-limiting"],
  },
  {
    id: "ml-inference-api-unauthorised-access",
    title: "Unauthorised use of the inference API",
    description:
      "Missing or weak authentication lets anyone use the model, which is the starting point for most " +
      "inference-time attacks.",
    refs: ["AML.T0040", "AML.T0047", "AML.T0012", "STRIDE:S", "STRIDE:E"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Requests without credentials succeed", "API keys shared across many clients"],
    mitigationIds: [
      "AML.M0019",
      "ctl-access-control-least-privilege",
      "ctl-strong-authentication",
      "AML.M0024",
    ],
  },
  {
    id: "ml-public-endpoint-exploitation",
    title: "Exploit in the public-facing model service",
    description:
      "A conventional vulnerability in the web service wrapping the model gives the attacker a way into the " +
      "serving environment.",
    refs: ["AML.T0049", "STRIDE:E", "AIX:genericsecthreats"],
    appliesTo: ["inference-endpoint", "monitoring"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: ["Scanner traffic against the endpoint", "Errors from unexpected code paths"],
    mitigationIds: ["AML.M0016", "ctl-input-validation", "ctl-access-control-least-privilege"],
  },
  {
    id: "ml-inference-input-data-leak",
    title: "Sensitive inference inputs leak",
    description:
      "Data people send for prediction is exposed in transit, in caches or in logs kept by the serving path.",
    refs: ["STRIDE:I", "LINDDUN:data-disclosure", "AIX:inputdataleak"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Raw request bodies in logs", "Inputs cached without expiry"],
    mitigationIds: ["ctl-tls-everywhere", "ctl-log-redaction", "ctl-data-minimisation"],
  },
  {
    id: "ml-unmonitored-drift",
    title: "Model drift goes unnoticed",
    description:
      "Inputs or the world change, naturally or through manipulation, and nobody sees the model's quality " +
      "falling until harm is done.",
    refs: ["AML.T0031", "ML08:2023"],
    appliesTo: ["inference-endpoint", "monitoring"],
    defaultLikelihood: 4,
    defaultImpact: 3,
    indicators: [
      "No alert thresholds on input or prediction distributions",
      "Business metrics diverge from offline evaluation",
    ],
    mitigationIds: ["ctl-drift-monitoring", "AML.M0008", "AML.M0024"],
  },
  {
    id: "ml-unwanted-bias",
    title: "Model treats groups unfairly",
    description:
      "Skewed data or feedback leads the model to give systematically worse outcomes for some groups of people.",
    refs: ["ML08:2023", "AML.T0048.002"],
    appliesTo: ["inference-endpoint", "training-job"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Outcome rates differ widely across groups", "Complaints concentrated in one community"],
    mitigationIds: ["ctl-bias-testing", "AML.M0008", "ctl-drift-monitoring"],
  },
  {
    id: "ml-external-harms",
    title: "Model failure causes harm outside the system",
    description:
      "Wrong or manipulated predictions lead to financial loss, reputational damage or harm to the people " +
      "the decisions are about.",
    refs: ["AML.T0048", "AML.T0048.000", "AML.T0048.001", "AML.T0048.003"],
    appliesTo: ["inference-endpoint", "end-user"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: ["Rising appeals or complaints about automated decisions", "Press or social media reports"],
    mitigationIds: ["AML.M0008", "ctl-bias-testing", "ctl-drift-monitoring"],
  },
];

const ML_PEOPLE_THREATS: readonly ThreatSpec[] = [
  {
    id: "ml-labeler-account-compromise",
    title: "Labeller account taken over",
    description:
      "Phishing or reused passwords give an attacker a labeller's access, to view data or submit poisoned " +
      "labels under a trusted identity.",
    refs: ["AML.T0012", "AML.T0052", "STRIDE:S"],
    appliesTo: ["labeling-workforce"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Labeller sessions from new devices or countries",
      "Sudden change in a labeller's throughput",
    ],
    mitigationIds: [
      "ctl-strong-authentication",
      "AML.M0018",
      "ctl-audit-logging",
      "ctl-label-quality-review",
    ],
  },
  {
    id: "ml-labeler-data-exposure",
    title: "Labellers see more personal data than needed",
    description:
      "Items sent for labelling include identities and sensitive details that labellers, often outsourced, " +
      "can read, copy or leak.",
    refs: ["AML.T0025", "STRIDE:I", "LINDDUN:data-disclosure", "LINDDUN:identifying", "AIX:devdataleak"],
    appliesTo: ["labeling-workforce"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Direct identifiers visible in labelling tasks",
      "Bulk export features available to labellers",
    ],
    mitigationIds: [
      "ctl-data-minimisation",
      "ctl-pseudonymisation",
      "ctl-access-control-least-privilege",
      "ctl-audit-logging",
    ],
  },
  {
    id: "ml-deepfake-impersonation",
    title: "Deepfake used to impersonate a person",
    description:
      "Synthetic voice, video or images impersonate a user, employee or supplier to pass identity checks or " +
      "social-engineer staff.",
    refs: ["AML.T0088", "AML.T0052.001", "AML.T0073", "STRIDE:S"],
    appliesTo: ["end-user", "external-entity", "labeling-workforce"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Identity verification from a single channel", "Urgent requests via voice or video only"],
    mitigationIds: ["AML.M0034", "AML.M0009", "AML.M0018", "ctl-strong-authentication"],
  },
  {
    id: "ml-end-user-account-takeover",
    title: "End-user account taken over",
    description:
      "An attacker uses a real customer's stolen credentials, both to abuse the model under their quota and " +
      "to act in their name.",
    refs: ["AML.T0012", "AML.T0073", "STRIDE:S"],
    appliesTo: ["end-user"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Credential-stuffing patterns at sign-in", "Usage profile changes abruptly"],
    mitigationIds: ["ctl-strong-authentication", "AML.M0019", "ctl-anomaly-detection"],
  },
  {
    id: "ml-api-key-theft",
    title: "Client API key stolen and reused",
    description:
      "An API key embedded in a client, script or repository is found and used to call the AI service as " +
      "that client.",
    refs: ["AML.T0091.000", "AML.T0055", "STRIDE:S"],
    appliesTo: ["end-user", "external-entity"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["One key used from many addresses", "Keys found by secret scanners in public code"],
    mitigationIds: ["ctl-key-rotation", "ctl-secrets-management", "ctl-strong-authentication"],
  },
  {
    id: "ml-data-broker-spoofing",
    title: "Fake or intercepted data delivery",
    description:
      "An attacker imitates a data supplier's delivery channel and supplies data the pipeline accepts as the " +
      "supplier's.",
    refs: ["AML.T0010.002", "ML06:2023", "STRIDE:S"],
    appliesTo: ["data-broker"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Deliveries from new hosts or accounts", "Unsigned files in the landing zone"],
    mitigationIds: ["ctl-mutual-authentication", "ctl-artifact-signing", "AML.M0014"],
  },
  {
    id: "ml-telemetry-tampering",
    title: "Monitoring data tampered with or silenced",
    description:
      "An attacker deletes, edits or suppresses logs and metrics so their activity and its effect on the " +
      "model are not seen.",
    refs: ["STRIDE:T", "STRIDE:R"],
    appliesTo: ["monitoring"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Gaps in metric series", "Alert rules disabled or thresholds raised without review"],
    mitigationIds: ["ctl-audit-logging", "AML.M0024", "ctl-change-review"],
  },
  {
    id: "ml-monitoring-output-exposure",
    title: "Monitoring exposes model outputs to attackers",
    description:
      "Dashboards and log stores collect predictions and inputs in one place, so anyone who reaches them " +
      "learns how the model behaves.",
    refs: ["AML.T0063", "AML.T0036", "STRIDE:I"],
    appliesTo: ["monitoring"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Dashboards reachable without sign-in", "Broad read access to log indexes"],
    mitigationIds: ["AML.M0012", "AML.M0019", "AML.M0005", "ctl-access-control-least-privilege"],
  },
];

const LLM_THREATS: readonly ThreatSpec[] = [
  {
    id: "llm-prompt-injection-direct",
    title: "Direct prompt injection",
    description:
      "A user writes input that overrides the application's instructions, making the model ignore its rules, " +
      "reveal data or take unintended actions.",
    refs: ["AML.T0051.000", "LLM01:2025", "STRIDE:T", "STRIDE:E", "AIX:directpromptinjection"],
    appliesTo: ["llm-agent", "prompt-template", "inference-endpoint"],
    defaultLikelihood: 4,
    defaultImpact: 4,
    indicators: [
      "Inputs containing phrases like 'ignore previous instructions'",
      "Responses that quote or contradict the system prompt",
      "Guardrail blocks clustered on a few accounts",
    ],
    mitigationIds: ["AML.M0020", "AML.M0033", "AML.M0022", "AML.M0021", "ctl-prompt-isolation", "AML.M0024"],
  },
  {
    id: "llm-prompt-injection-indirect",
    title: "Indirect prompt injection via retrieved or tool content",
    description:
      "Instructions hidden in web pages, documents, emails or tool results are read by the model as if they " +
      "came from the user or developer.",
    refs: ["AML.T0051.001", "LLM01:2025", "STRIDE:T", "STRIDE:E", "AIX:indirectpromptinjection"],
    appliesTo: ["llm-agent", "prompt-template", "vector-store"],
    defaultLikelihood: 4,
    defaultImpact: 4,
    indicators: [
      "Retrieved content containing imperative instructions aimed at an AI",
      "Agent actions not traceable to the user's request",
      "Hidden text (white-on-white, zero-width) in ingested documents",
    ],
    mitigationIds: [
      "ctl-prompt-isolation",
      "AML.M0030",
      "AML.M0033",
      "AML.M0020",
      "ctl-retrieval-source-allowlist",
    ],
  },
  {
    id: "llm-triggered-prompt-injection",
    title: "Delayed or triggered prompt injection",
    description:
      "Injected instructions lie dormant until a condition is met, such as a keyword or a later turn, " +
      "slipping past checks made at ingestion time.",
    refs: ["AML.T0051.002", "AML.T0094", "LLM01:2025", "AIX:indirectpromptinjection"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Behaviour changes mid-session without new user input",
      "Conditional phrasing in stored content",
    ],
    mitigationIds: ["AML.M0033", "AML.M0030", "AML.M0024"],
  },
  {
    id: "llm-prompt-infiltration-public-app",
    title: "Instructions planted through a public channel",
    description:
      "An attacker submits a support ticket, review, form or email carrying instructions that an internal " +
      "LLM process later reads and follows.",
    refs: ["AML.T0093", "LLM01:2025", "AIX:indirectpromptinjection"],
    appliesTo: ["llm-agent", "prompt-template"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Public submissions addressing an AI assistant",
      "Internal LLM actions triggered by external text",
    ],
    mitigationIds: ["ctl-prompt-isolation", "AML.M0033", "ctl-input-validation"],
  },
  {
    id: "llm-jailbreak",
    title: "Jailbreak bypasses model safety behaviour",
    description:
      "Role-play, encoding tricks or multi-step persuasion get the model to produce content or take steps its " +
      "alignment and guardrails should refuse.",
    refs: ["AML.T0054", "AML.T0068", "AML.T0065", "LLM01:2025", "STRIDE:E", "AIX:directpromptinjection"],
    appliesTo: ["llm-agent", "inference-endpoint", "third-party-model"],
    defaultLikelihood: 4,
    defaultImpact: 3,
    indicators: [
      "Encoded or obfuscated prompts (base64, leetspeak)",
      "Long role-play set-ups before a request",
    ],
    mitigationIds: ["AML.M0020", "AML.M0022", "AML.M0021", "ctl-output-filtering"],
  },
  {
    id: "llm-prompt-self-replication",
    title: "Self-replicating prompt spreads between agents",
    description:
      "A prompt makes the model copy the prompt itself into its output, so it spreads to other users, " +
      "agents or stored content like a worm.",
    refs: ["AML.T0061", "LLM01:2025", "AIX:indirectpromptinjection"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Identical unusual text appearing across many outputs", "Outputs that contain instructions"],
    mitigationIds: ["AML.M0020", "AML.M0021", "AML.M0022", "AML.M0033", "AML.M0032"],
  },
  {
    id: "llm-rag-poisoning",
    title: "Retrieval index poisoned",
    description:
      "Malicious or false documents are added to the knowledge base so that retrieval feeds them to the " +
      "model for targeted questions.",
    refs: [
      "AML.T0070",
      "AML.T0066",
      "AML.T0064",
      "LLM04:2025",
      "LLM08:2025",
      "STRIDE:T",
      "AIX:augmentationdatamanipulation",
    ],
    appliesTo: ["vector-store"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "New documents from sources outside the allowlist",
      "A few chunks dominating retrieval for sensitive queries",
      "Index changes without an ingestion job",
    ],
    mitigationIds: [
      "ctl-retrieval-source-allowlist",
      "ctl-provenance-lineage-logging",
      "AML.M0025",
      "AML.M0005",
      "AML.M0033",
    ],
  },
  {
    id: "llm-false-rag-entry",
    title: "Fake entries pose as trusted retrieval results",
    description:
      "Crafted content mimics the format of genuine knowledge-base entries, so the model and user treat it " +
      "as authoritative.",
    refs: ["AML.T0071", "LLM08:2025", "LLM09:2025", "AIX:augmentationdatamanipulation"],
    appliesTo: ["vector-store", "llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: [
      "Chunks imitating metadata or headings of official sources",
      "Answers citing unknown documents",
    ],
    mitigationIds: ["ctl-retrieval-source-allowlist", "AML.M0033", "ctl-provenance-lineage-logging"],
  },
  {
    id: "llm-citation-manipulation",
    title: "Citations and trusted output parts manipulated",
    description:
      "Attacker content makes the model show misleading citations, links or other elements users rely on as " +
      "signs of trustworthiness.",
    refs: ["AML.T0067", "AML.T0067.000", "LLM09:2025"],
    appliesTo: ["llm-agent", "inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Citations pointing to domains outside the corpus", "Link text and target that disagree"],
    mitigationIds: ["ctl-output-filtering", "AML.M0020", "AML.M0018", "ctl-grounded-answers"],
  },
  {
    id: "llm-vector-embedding-weakness",
    title: "Retrieval ignores who may see what",
    description:
      "A shared vector store returns chunks from other tenants or restricted documents because access rules " +
      "are not applied at retrieval time.",
    refs: ["AML.T0085.000", "LLM08:2025", "LLM02:2025", "STRIDE:I", "AIX:augmentationdataleak"],
    appliesTo: ["vector-store"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Answers citing documents the user cannot open",
      "One index shared by several tenants without filters",
    ],
    mitigationIds: [
      "ctl-permission-aware-retrieval",
      "AML.M0026",
      "AML.M0027",
      "AML.M0032",
      "AML.M0019",
      "ctl-encryption-at-rest",
    ],
  },
  {
    id: "llm-embedding-inversion",
    title: "Source text recovered from embeddings",
    description:
      "Someone who obtains stored vectors reconstructs much of the original text, including personal data, " +
      "because embeddings are not a one-way hash.",
    refs: ["LLM08:2025", "STRIDE:I", "LINDDUN:data-disclosure", "AIX:augmentationdataleak"],
    appliesTo: ["vector-store"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Vector exports or bulk similarity queries", "Embeddings stored unencrypted or shared"],
    mitigationIds: ["ctl-encryption-at-rest", "ctl-access-control-least-privilege", "ctl-data-minimisation"],
  },
  {
    id: "llm-rag-credential-harvesting",
    title: "Secrets harvested through retrieval",
    description:
      "Credentials that were indexed along with documents are pulled out by asking the assistant the right " +
      "questions.",
    refs: ["AML.T0082", "LLM08:2025", "LLM02:2025", "STRIDE:I"],
    appliesTo: ["vector-store", "llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Questions asking for keys, passwords or tokens", "Secret-scanner hits in indexed content"],
    mitigationIds: ["ctl-secret-scanning", "AML.M0026", "AML.M0027", "ctl-output-filtering"],
  },
  {
    id: "llm-excessive-agency",
    title: "Agent has more power than its task needs",
    description:
      "An agent's tools, permissions or autonomy exceed what its job requires, so a manipulated or mistaken " +
      "model can do real damage.",
    refs: ["AML.T0053", "LLM06:2025", "STRIDE:E", "AIX:agentescape"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 5,
    indicators: [
      "Tools with write or delete rights that the use case never needs",
      "Agent credentials shared with human administrators",
      "Actions executed without any confirmation step",
    ],
    mitigationIds: [
      "AML.M0026",
      "AML.M0028",
      "AML.M0029",
      "AML.M0030",
      "ctl-tool-permission-scoping",
      "ctl-human-approval-agent-actions",
    ],
  },
  {
    id: "llm-agent-confused-deputy",
    title: "Agent acts beyond the requesting user's rights",
    description:
      "The agent runs with a service identity broader than its user's, so a user, or an injected prompt, can " +
      "reach data and actions they are not entitled to.",
    refs: ["AML.T0053", "AML.T0085", "LLM06:2025", "LLM02:2025", "STRIDE:E"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Tool calls touching other users' resources",
      "Agent identity with organisation-wide scopes",
    ],
    mitigationIds: ["AML.M0027", "AML.M0026", "ctl-tool-permission-scoping"],
  },
  {
    id: "llm-agent-tool-exfiltration",
    title: "Data exfiltrated through agent tool calls",
    description:
      "An injected instruction makes the agent send private data out through a tool, such as an email, web " +
      "request or file share.",
    refs: ["AML.T0086", "AML.T0085.001", "LLM06:2025", "LLM02:2025", "STRIDE:I"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Outbound tool calls to unknown destinations",
      "Tool arguments containing bulk data or secrets",
    ],
    mitigationIds: ["AML.M0030", "AML.M0028", "ctl-egress-allowlist", "AML.M0024", "AML.M0032"],
  },
  {
    id: "llm-agent-data-destruction",
    title: "Agent deletes or corrupts data",
    description:
      "Through injection or error, the agent uses its tools to delete records, overwrite files or run " +
      "destructive commands.",
    refs: ["AML.T0101", "LLM06:2025", "STRIDE:T", "STRIDE:D"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: ["Delete or drop operations issued by the agent", "Bulk changes in a short agent session"],
    mitigationIds: ["AML.M0029", "ctl-human-approval-agent-actions", "AML.M0028", "ctl-backup-and-restore"],
  },
  {
    id: "llm-agent-context-poisoning",
    title: "Agent memory or conversation poisoned",
    description:
      "Content written into the agent's long-term memory or chat history steers later sessions, so one " +
      "injection keeps working.",
    refs: [
      "AML.T0080",
      "AML.T0080.000",
      "AML.T0080.001",
      "AML.T0092",
      "LLM01:2025",
      "LLM04:2025",
      "AIX:indirectpromptinjection",
    ],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Memory entries containing instructions", "Chat history edited after the fact"],
    mitigationIds: ["AML.M0031", "AML.M0033", "AML.M0024"],
  },
  {
    id: "llm-agent-config-tampering",
    title: "Agent configuration modified",
    description:
      "An attacker changes the agent's instructions, tool list or settings so it quietly serves them, and " +
      "studies the configuration to plan further steps.",
    refs: ["AML.T0081", "AML.T0084", "AML.T0084.001", "LLM06:2025", "STRIDE:T"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Configuration changes outside the release process", "New tools registered without review"],
    mitigationIds: ["ctl-change-review", "ctl-access-control-least-privilege", "ctl-audit-logging"],
  },
  {
    id: "llm-agent-credential-theft",
    title: "Credentials taken from agent configuration or tools",
    description:
      "Keys and tokens stored in the agent's configuration or passed to its tools are read out and reused " +
      "elsewhere.",
    refs: ["AML.T0083", "AML.T0098", "LLM02:2025", "STRIDE:I", "STRIDE:S"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Credentials visible in agent configuration files",
      "Tool tokens used from unexpected hosts",
    ],
    mitigationIds: ["ctl-secrets-out-of-prompts", "ctl-secrets-management", "ctl-key-rotation", "AML.M0032"],
  },
  {
    id: "llm-agent-tool-supply-chain",
    title: "Malicious or compromised agent tool",
    description:
      "A tool or plug-in the agent loads, from a marketplace or a shared server, is malicious or later " +
      "poisoned, and runs with the agent's access.",
    refs: ["AML.T0010.005", "AML.T0011.002", "AML.T0104", "AML.T0110", "AML.T0109", "LLM03:2025", "STRIDE:T"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Tools installed from unverified publishers",
      "Tool descriptions that contain instructions to the model",
      "Tool versions not pinned",
    ],
    mitigationIds: [
      "AML.M0014",
      "AML.M0023",
      "ctl-dependency-pinning",
      "AML.M0028",
      "ctl-tool-permission-scoping",
    ],
  },
  {
    id: "llm-agent-tool-data-poisoning",
    title: "Tool results crafted to steer the agent",
    description:
      "Data returned by a tool the attacker can influence carries instructions or falsehoods that redirect " +
      "the agent's plan.",
    refs: ["AML.T0099", "LLM01:2025", "AIX:indirectpromptinjection"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Tool output containing imperative text", "Plan changes immediately after a tool call"],
    mitigationIds: ["AML.M0030", "AML.M0033", "ctl-prompt-isolation"],
  },
  {
    id: "llm-agent-sandbox-escape",
    title: "Agent breaks out of its execution sandbox",
    description:
      "An agent that runs code or shell commands escapes its container or reaches the host, turning model " +
      "misuse into machine compromise.",
    refs: ["AML.T0105", "AML.T0050", "AML.T0112.000", "LLM06:2025", "STRIDE:E", "AIX:agentescape"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: [
      "Agent processes touching host paths or sockets",
      "Unexpected network connections from sandboxes",
    ],
    mitigationIds: ["ctl-sandboxing", "AML.M0032", "ctl-egress-allowlist", "ctl-tool-permission-scoping"],
  },
  {
    id: "llm-agent-clickbait",
    title: "Browsing agent lured into harmful clicks",
    description:
      "Pages designed for AI agents bait a browsing or computer-use agent into clicking, downloading or " +
      "entering data.",
    refs: ["AML.T0100", "LLM01:2025", "AIX:indirectpromptinjection"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Agent visiting domains outside its task", "Downloads or form submissions by the agent"],
    mitigationIds: ["AML.M0030", "ctl-egress-allowlist", "AML.M0029"],
  },
  {
    id: "llm-agent-command-channel",
    title: "AI service used as a command-and-control channel",
    description:
      "Malware or a hijacked agent relays attacker commands through an AI service or agent the organisation " +
      "already trusts, hiding in normal traffic.",
    refs: ["AML.T0108", "AML.T0096", "AML.T0103", "LLM06:2025"],
    appliesTo: ["llm-agent", "inference-endpoint"],
    defaultLikelihood: 1,
    defaultImpact: 4,
    indicators: ["AI API calls from hosts with no business need", "Agents deployed outside the inventory"],
    mitigationIds: ["AML.M0024", "ctl-egress-allowlist", "AML.M0032"],
  },
  {
    id: "llm-agent-runaway-consumption",
    title: "Agent loops burn resources",
    description:
      "An agent caught in a loop, or pushed into one, makes endless model and tool calls that exhaust " +
      "quotas and budgets.",
    refs: ["AML.T0034.002", "LLM10:2025", "STRIDE:D", "AIX:airesourceexhaustion"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Sessions with far more steps than usual", "Repeated identical tool calls"],
    mitigationIds: ["ctl-resource-quotas", "ctl-rate-limiting", "AML.M0024"],
  },
  {
    id: "llm-agent-message-manipulation",
    title: "Messages between agents forged or altered",
    description:
      "In multi-agent systems, an attacker injects or edits the structured messages agents pass to each " +
      "other, impersonating one agent to another.",
    refs: ["LLM01:2025", "STRIDE:S", "STRIDE:T", "AIX:agentmessagestructuremanipulation"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Inter-agent messages failing schema checks", "Messages from agents not in the workflow"],
    mitigationIds: ["AML.M0033", "ctl-mutual-authentication", "AML.M0032"],
  },
  {
    id: "llm-agent-action-repudiation",
    title: "Agent actions cannot be traced to a request",
    description:
      "Tool calls are not logged with the user, session and prompt that led to them, so nobody can tell " +
      "whether a person or an injection caused an action.",
    refs: ["AML.T0053", "LLM06:2025", "STRIDE:R"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Tool-call logs without session or user ids", "Disputed actions with no transcript"],
    mitigationIds: ["AML.M0024", "ctl-audit-logging"],
  },
  {
    id: "llm-system-prompt-leakage",
    title: "System prompt extracted",
    description:
      "Users coax the model into revealing its system prompt, exposing business rules, filters and any " +
      "secrets wrongly placed there.",
    refs: ["AML.T0056", "AML.T0069.001", "AML.T0069.002", "LLM07:2025", "STRIDE:I", "AIX:disclosureinoutput"],
    appliesTo: ["prompt-template", "llm-agent", "inference-endpoint"],
    defaultLikelihood: 4,
    defaultImpact: 3,
    indicators: [
      "Requests to repeat, translate or summarise 'the text above'",
      "Responses containing distinctive system-prompt phrases",
    ],
    mitigationIds: [
      "ctl-secrets-out-of-prompts",
      "AML.M0020",
      "AML.M0021",
      "AML.M0022",
      "ctl-output-filtering",
    ],
  },
  {
    id: "llm-system-information-discovery",
    title: "Agent set-up discovered by probing",
    description:
      "Probing reveals special tokens, tool definitions, triggers and call chains, giving the attacker a map " +
      "for injection and abuse.",
    refs: ["AML.T0069", "AML.T0069.000", "AML.T0084.001", "AML.T0084.003", "LLM07:2025", "STRIDE:I"],
    appliesTo: ["llm-agent", "prompt-template"],
    defaultLikelihood: 3,
    defaultImpact: 2,
    indicators: ["Questions about available tools and functions", "Special-token strings in user input"],
    mitigationIds: ["AML.M0020", "ctl-output-filtering", "AML.M0024"],
  },
  {
    id: "llm-secrets-in-prompt-template",
    title: "Secrets or access rules embedded in prompts",
    description:
      "The template carries keys, internal URLs or authorisation logic that the model can leak or that " +
      "users can talk it out of enforcing.",
    refs: ["AML.T0055", "LLM07:2025", "LLM02:2025", "STRIDE:I"],
    appliesTo: ["prompt-template"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Credentials or tokens in template files", "Prompts stating who may see which data"],
    mitigationIds: ["ctl-secrets-out-of-prompts", "ctl-secret-scanning", "ctl-secrets-management"],
  },
  {
    id: "llm-prompt-template-tampering",
    title: "Prompt template altered",
    description:
      "Someone changes the instructions in the template, weakening safety rules or adding hidden behaviour " +
      "for every request.",
    refs: ["AML.T0081", "LLM01:2025", "STRIDE:T"],
    appliesTo: ["prompt-template"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Template hash differs from the reviewed version", "Template edits without a change record"],
    mitigationIds: ["ctl-change-review", "ctl-access-control-least-privilege", "ctl-audit-logging"],
  },
  {
    id: "llm-sensitive-information-disclosure",
    title: "LLM reveals sensitive information",
    description:
      "Responses contain personal data, confidential business data or secrets drawn from training data, " +
      "context or connected systems.",
    refs: ["AML.T0057", "LLM02:2025", "STRIDE:I", "LINDDUN:data-disclosure", "AIX:disclosureinoutput"],
    appliesTo: ["llm-agent", "inference-endpoint", "third-party-model", "vector-store"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "PII or secret patterns detected in responses",
      "Users reporting answers about other people or customers",
    ],
    mitigationIds: [
      "ctl-output-filtering",
      "AML.M0020",
      "ctl-data-minimisation",
      "AML.M0008",
      "ctl-permission-aware-retrieval",
    ],
  },
  {
    id: "llm-training-data-regurgitation",
    title: "Memorised training data reproduced verbatim",
    description:
      "A model trained or fine-tuned on sensitive text reproduces parts of it when prompted with matching " +
      "prefixes.",
    refs: ["AML.T0057", "AML.T0024.000", "LLM02:2025", "LINDDUN:identifying", "AIX:disclosureinoutput"],
    appliesTo: ["inference-endpoint", "third-party-model"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Outputs matching training records exactly",
      "Prompts that start with known record prefixes",
    ],
    mitigationIds: ["ctl-data-minimisation", "ctl-differential-privacy", "ctl-output-filtering", "AML.M0007"],
  },
  {
    id: "llm-input-data-leak-to-provider",
    title: "Prompts with sensitive data sent to a model vendor",
    description:
      "Personal or confidential data in prompts goes to a third-party model provider that may log, retain " +
      "or train on it.",
    refs: ["LLM02:2025", "STRIDE:I", "LINDDUN:data-disclosure", "AIX:inputdataleak"],
    appliesTo: ["third-party-model", "llm-agent", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["No data processing agreement with the provider", "Raw customer data in prompts"],
    mitigationIds: ["ctl-data-minimisation", "ctl-supplier-risk-review", "ctl-log-redaction"],
  },
  {
    id: "llm-improper-output-handling",
    title: "Model output used unsafely downstream",
    description:
      "Generated text is inserted into web pages, queries, shells or APIs without validation, so an attacker " +
      "who shapes the output gets injection downstream.",
    refs: ["AML.T0077", "LLM05:2025", "STRIDE:T", "STRIDE:E", "AIX:outputcontainsconventionalinjection"],
    appliesTo: ["llm-agent", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Script tags, SQL or shell syntax in model output",
      "Output passed to eval, exec or raw query functions",
    ],
    mitigationIds: ["ctl-output-encoding", "AML.M0033", "ctl-output-filtering", "ctl-input-validation"],
  },
  {
    id: "llm-response-rendering-exfiltration",
    title: "Data exfiltrated through rendered output",
    description:
      "The model is made to emit markdown images or links whose URLs carry private data, which the client " +
      "fetches automatically.",
    refs: ["AML.T0077", "LLM05:2025", "LLM02:2025", "STRIDE:I"],
    appliesTo: ["llm-agent", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Image or link URLs with long query strings in output",
      "Requests to unknown hosts from clients",
    ],
    mitigationIds: ["ctl-output-encoding", "ctl-output-filtering", "AML.M0020"],
  },
  {
    id: "llm-generated-command-execution",
    title: "Generated commands executed",
    description:
      "Code or shell commands the model writes are run automatically, so a manipulated model becomes remote " +
      "code execution.",
    refs: ["AML.T0102", "AML.T0050", "LLM05:2025", "STRIDE:E"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 5,
    indicators: ["Generated code run outside a sandbox", "Commands with network or file-system side effects"],
    mitigationIds: ["ctl-sandboxing", "AML.M0029", "AML.M0033"],
  },
  {
    id: "llm-unbounded-consumption",
    title: "Unbounded LLM consumption",
    description:
      "Very long prompts, huge outputs or high request rates exhaust capacity or run up token bills (denial " +
      "of wallet).",
    refs: [
      "AML.T0029",
      "AML.T0034",
      "AML.T0034.000",
      "AML.T0034.001",
      "LLM10:2025",
      "STRIDE:D",
      "AIX:airesourceexhaustion",
    ],
    appliesTo: ["inference-endpoint", "llm-agent", "third-party-model"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Token usage per user far above normal",
      "Requests at the context-window limit",
      "Cost alerts",
    ],
    mitigationIds: ["ctl-rate-limiting", "ctl-resource-quotas", "AML.M0004", "AML.M0019"],
  },
  {
    id: "llm-model-replication-via-api",
    title: "LLM behaviour copied by distillation",
    description:
      "A competitor or attacker harvests large volumes of responses to train their own model that imitates " +
      "yours.",
    refs: ["AML.T0024.002", "AML.T0005.001", "LLM10:2025", "ML05:2023", "AIX:modelexfiltration"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Diverse, templated prompts at high volume", "Accounts created in bulk that only query"],
    mitigationIds: ["AML.M0004", "ctl-query-fingerprinting", "ctl-model-watermarking", "AML.M0024"],
  },
  {
    id: "llm-misinformation",
    title: "Confident but false LLM output relied on",
    description:
      "The model invents facts, sources or advice and users or systems act on it as if it were correct.",
    refs: ["AML.T0062", "AML.T0048.001", "LLM09:2025"],
    appliesTo: ["llm-agent", "inference-endpoint", "third-party-model"],
    defaultLikelihood: 4,
    defaultImpact: 3,
    indicators: ["Answers citing sources that do not exist", "User reports of wrong facts"],
    mitigationIds: ["ctl-grounded-answers", "AML.M0018", "AML.M0022", "AML.M0021"],
  },
  {
    id: "llm-package-hallucination",
    title: "Hallucinated package names exploited",
    description:
      "A coding assistant suggests dependencies that do not exist; attackers register those names with " +
      "malicious code for developers to install.",
    refs: ["AML.T0060", "AML.T0062", "LLM09:2025", "LLM03:2025"],
    appliesTo: ["llm-agent"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Suggested packages with no history", "Installs of newly registered packages"],
    mitigationIds: ["ctl-dependency-pinning", "AML.M0016", "AML.M0018"],
  },
  {
    id: "llm-supply-chain",
    title: "Compromised LLM, adapter or model hub artifact",
    description:
      "A base LLM, fine-tuning adapter or hosted model version is tampered with or swapped by its source, " +
      "bringing hidden behaviour into your application.",
    refs: ["AML.T0010.003", "AML.T0058", "AML.T0109", "LLM03:2025", "STRIDE:T", "AIX:supplymodelpoison"],
    appliesTo: ["third-party-model", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Adapters or models pulled without hash pinning", "Model card or licence changes upstream"],
    mitigationIds: [
      "AML.M0014",
      "AML.M0023",
      "ctl-supplier-risk-review",
      "AML.M0008",
      "ctl-artifact-signing",
    ],
  },
  {
    id: "llm-data-model-poisoning",
    title: "LLM poisoned during pre-training or fine-tuning",
    description:
      "Manipulated pre-training, fine-tuning or preference data plants a backdoor or bias in the language " +
      "model you deploy.",
    refs: ["AML.T0018.000", "AML.T0020", "LLM04:2025", "STRIDE:T", "AIX:devmodelpoison"],
    appliesTo: ["third-party-model", "inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Odd completions for specific trigger phrases",
      "Safety evaluations regress after fine-tuning",
    ],
    mitigationIds: ["AML.M0008", "AML.M0022", "AML.M0025", "AML.M0007"],
  },
  {
    id: "llm-harmful-content-generation",
    title: "Model produces harmful or abusive content",
    description:
      "The model is used to create hateful, dangerous or deceptive content, harming people and the " +
      "organisation's reputation.",
    refs: ["AML.T0048.001", "AML.T0048.002", "AML.T0054"],
    appliesTo: ["llm-agent", "inference-endpoint", "third-party-model"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Content-filter hits on outputs", "Screenshots of outputs shared publicly"],
    mitigationIds: ["AML.M0020", "AML.M0022", "AML.M0021", "ctl-output-filtering"],
  },
];

const LINDDUN_THREATS: readonly ThreatSpec[] = [
  {
    id: "linddun-linking",
    title: "Records linked into profiles",
    description:
      "Separate data items, such as sessions, identifiers or features, can be joined to learn more about a " +
      "person or group than any single item shows.",
    refs: ["LINDDUN:linking"],
    appliesTo: [...PERSONAL_DATA_STORES, "data-pipeline", "data-broker", "monitoring"],
    appliesToFlows: true,
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Stable identifiers shared across datasets",
      "Joins across sources keyed on personal attributes",
    ],
    mitigationIds: ["ctl-pseudonymisation", "ctl-data-minimisation", "ctl-differential-privacy"],
  },
  {
    id: "linddun-identifying",
    title: "People singled out from the data",
    description:
      "Supposedly anonymous records or model outputs still let someone identify the person they concern, " +
      "alone or combined with other data.",
    refs: ["LINDDUN:identifying"],
    appliesTo: [...PERSONAL_DATA_STORES, "inference-endpoint", "labeling-workforce"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: [
      "Quasi-identifiers (postcode, birth date, gender) kept together",
      "Small groups in aggregates",
    ],
    mitigationIds: ["ctl-pseudonymisation", "ctl-data-minimisation", "ctl-differential-privacy"],
  },
  {
    id: "linddun-non-repudiation",
    title: "People cannot deny what the records say they did",
    description:
      "Detailed logs, signed interactions or stored chats bind people to actions or statements they may " +
      "legitimately want to keep deniable.",
    refs: ["LINDDUN:non-repudiation"],
    appliesTo: ["monitoring", "datastore", "end-user"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: [
      "Per-person activity logs kept indefinitely",
      "Identity attached to every logged interaction",
    ],
    mitigationIds: ["ctl-data-minimisation", "ctl-retention-limits", "ctl-log-redaction"],
  },
  {
    id: "linddun-detecting",
    title: "Existence of a person's data can be detected",
    description:
      "Observers can tell whether someone is in a dataset or used a service, from responses, timing or " +
      "metadata, even without reading the data.",
    refs: ["LINDDUN:detecting"],
    appliesTo: ["inference-endpoint", "datastore", "dataset", "monitoring"],
    defaultLikelihood: 2,
    defaultImpact: 3,
    indicators: ["Different errors for known and unknown people", "Lookup endpoints that confirm existence"],
    mitigationIds: [
      "ctl-differential-privacy",
      "ctl-access-control-least-privilege",
      "ctl-data-minimisation",
    ],
  },
  {
    id: "linddun-data-disclosure",
    title: "Personal data collected or shared beyond need",
    description:
      "Personal data is gathered, kept, copied into training or passed on more than the purpose requires, " +
      "widening what can be exposed.",
    refs: ["LINDDUN:data-disclosure", "STRIDE:I"],
    appliesTo: [
      ...PERSONAL_DATA_STORES,
      "data-pipeline",
      "training-job",
      "monitoring",
      "labeling-workforce",
      "data-broker",
    ],
    appliesToFlows: true,
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Fields in datasets that no model uses", "Copies of personal data in scratch or test areas"],
    mitigationIds: [
      "ctl-data-minimisation",
      "ctl-encryption-at-rest",
      "ctl-access-control-least-privilege",
      "ctl-retention-limits",
    ],
  },
  {
    id: "linddun-unawareness",
    title: "People unaware of how their data is used",
    description:
      "Users and data subjects are not told, or cannot understand, that their data feeds AI models or " +
      "automated decisions, and cannot influence it.",
    refs: ["LINDDUN:unawareness"],
    appliesTo: ["end-user", "data-broker", "dataset", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Privacy notice silent on AI and training use",
      "No way to opt out or ask for an explanation",
    ],
    mitigationIds: ["ctl-consent-and-notice", "ctl-data-subject-rights"],
  },
  {
    id: "linddun-non-compliance",
    title: "Processing breaks privacy law or policy",
    description:
      "Personal data is processed without a valid legal basis, beyond retention limits or against policy, " +
      "exposing the organisation to regulators.",
    refs: ["LINDDUN:non-compliance"],
    appliesTo: ["dataset", "data-broker", "datastore", "data-pipeline", "training-job", "vector-store"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["No record of legal basis per dataset", "Data older than the stated retention period"],
    mitigationIds: ["ctl-privacy-impact-assessment", "ctl-retention-limits", "ctl-consent-and-notice"],
  },
  {
    id: "linddun-training-purpose-creep",
    title: "Customer data reused for training without a basis",
    description:
      "Data collected to provide a service is reused to train models, a new purpose people were not told " +
      "about and may not have agreed to.",
    refs: ["LINDDUN:non-compliance", "LINDDUN:unawareness"],
    appliesTo: ["dataset", "training-job", "data-pipeline"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["Production tables copied into training sets", "No purpose recorded for training data"],
    mitigationIds: ["ctl-consent-and-notice", "ctl-privacy-impact-assessment", "ctl-data-minimisation"],
  },
  {
    id: "linddun-erasure-not-honoured",
    title: "Deleted personal data lives on in models",
    description:
      "When someone asks for deletion, their data remains in dataset versions, indexes or trained weights " +
      "with no way to remove it.",
    refs: ["LINDDUN:non-compliance"],
    appliesTo: ["dataset", "model-registry", "training-job", "vector-store"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "No mapping from person to datasets and models",
      "Deletion requests closed without retraining",
    ],
    mitigationIds: ["ctl-data-subject-rights", "ctl-dataset-versioning", "ctl-retention-limits"],
  },
  {
    id: "linddun-broker-unlawful-data",
    title: "Bought data collected unlawfully",
    description:
      "A data supplier cannot show consent or a legal basis for the personal data it sells, so using it " +
      "passes the problem to you.",
    refs: ["LINDDUN:non-compliance", "LINDDUN:unawareness", "LINDDUN:linking"],
    appliesTo: ["data-broker"],
    defaultLikelihood: 3,
    defaultImpact: 4,
    indicators: ["No contract clause on data origin", "Supplier unable to evidence consent"],
    mitigationIds: ["ctl-supplier-risk-review", "ctl-privacy-impact-assessment", "AML.M0025"],
  },
  {
    id: "linddun-feature-profiling",
    title: "Features assemble detailed personal profiles",
    description:
      "Feature engineering joins behaviour, location and attributes per person, creating profiles far more " +
      "revealing than the sources.",
    refs: ["LINDDUN:linking", "LINDDUN:identifying"],
    appliesTo: ["feature-store", "data-pipeline"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Entity keys that are direct identifiers", "Features derived from sensitive categories"],
    mitigationIds: ["ctl-pseudonymisation", "ctl-data-minimisation", "ctl-privacy-impact-assessment"],
  },
  {
    id: "linddun-sensitive-attribute-inference",
    title: "Model infers sensitive traits",
    description:
      "Predictions reveal or act on characteristics people did not disclose, such as health, religion or " +
      "orientation, inferred from ordinary inputs.",
    refs: ["LINDDUN:identifying", "LINDDUN:data-disclosure"],
    appliesTo: ["inference-endpoint"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: [
      "Outputs correlated with protected attributes",
      "Targeting segments named after sensitive traits",
    ],
    mitigationIds: ["ctl-bias-testing", "ctl-data-minimisation", "ctl-privacy-impact-assessment"],
  },
  {
    id: "linddun-chat-transcript-retention",
    title: "Chat transcripts kept and tied to people",
    description:
      "Conversations with an assistant, often full of personal detail, are stored with user identities " +
      "longer than needed and become a target.",
    refs: ["LINDDUN:non-repudiation", "LINDDUN:data-disclosure", "LLM02:2025"],
    appliesTo: ["llm-agent", "inference-endpoint"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: ["Transcripts without an expiry", "Transcripts searchable by support staff"],
    mitigationIds: ["ctl-retention-limits", "ctl-log-redaction", "ctl-consent-and-notice"],
  },
  {
    id: "linddun-usage-tracking",
    title: "Monitoring tracks individuals",
    description:
      "Telemetry meant for model health records per-person behaviour in enough detail to follow individuals " +
      "over time.",
    refs: ["LINDDUN:linking", "LINDDUN:detecting"],
    appliesTo: ["monitoring"],
    defaultLikelihood: 3,
    defaultImpact: 2,
    indicators: ["User ids in metric labels", "Dashboards that filter by person"],
    mitigationIds: ["ctl-log-redaction", "ctl-pseudonymisation", "ctl-retention-limits"],
  },
  {
    id: "linddun-reidentification-released-data",
    title: "Shared dataset re-identified",
    description:
      "A dataset released to partners or the public as anonymised is matched against other sources to put " +
      "names back on records.",
    refs: ["LINDDUN:identifying", "LINDDUN:linking"],
    appliesTo: ["dataset", "data-broker"],
    defaultLikelihood: 2,
    defaultImpact: 4,
    indicators: ["Releases that keep rare attribute combinations", "No formal anonymisation review"],
    mitigationIds: ["ctl-differential-privacy", "ctl-pseudonymisation", "AML.M0000"],
  },
  {
    id: "linddun-vector-store-personal-data",
    title: "Personal data embedded in a retrieval index",
    description:
      "Documents with personal data are chunked and embedded without tracking whose data they hold, so it " +
      "is retrieved in answers and cannot be erased.",
    refs: ["LINDDUN:non-compliance", "LINDDUN:data-disclosure", "LLM08:2025"],
    appliesTo: ["vector-store"],
    defaultLikelihood: 3,
    defaultImpact: 3,
    indicators: [
      "Index built from mailboxes, tickets or HR files",
      "No link from chunks to their source records",
    ],
    mitigationIds: ["ctl-secret-scanning", "ctl-data-subject-rights", "ctl-permission-aware-retrieval"],
  },
];

export const CATALOG_THREATS: readonly CatalogThreat[] = [
  ...STRIDE_THREATS,
  ...ML_DATA_THREATS,
  ...ML_MODEL_THREATS,
  ...ML_INFERENCE_THREATS,
  ...ML_PEOPLE_THREATS,
  ...LLM_THREATS,
  ...LINDDUN_THREATS,
].map(threat);

import type { z } from "zod";
import { KIND_PROPERTY_SCHEMAS, type KindPropertySchemas } from "./kind-properties";

/**
 * The element-kind registry: every kind a threat-model element can have, the DFD base type that
 * decides which STRIDE categories apply to it, the palette label ("Add <label>"), a one-line
 * description, the size a new element gets, and the schema of its documented properties.
 */
export const ELEMENT_KINDS = [
  "process",
  "datastore",
  "external-entity",
  "trust-boundary",
  "dataset",
  "data-pipeline",
  "feature-store",
  "labeling-workforce",
  "model-registry",
  "training-job",
  "inference-endpoint",
  "prompt-template",
  "llm-agent",
  "third-party-model",
  "vector-store",
  "monitoring",
  "data-broker",
  "end-user",
] as const;

export type ElementKind = (typeof ELEMENT_KINDS)[number];

export const DFD_BASE_TYPES = ["process", "datastore", "external-entity", "trust-boundary"] as const;
export type DfdBaseType = (typeof DFD_BASE_TYPES)[number];

export type KindProperties<K extends ElementKind> = z.infer<KindPropertySchemas[K]>;

export type Size = { width: number; height: number };

export type KindInfo<K extends ElementKind = ElementKind> = {
  kind: K;
  baseType: DfdBaseType;
  /** Lower-case noun phrase for "Add <label>" buttons and menus. */
  label: string;
  description: string;
  defaultSize: Readonly<Size>;
  properties: KindPropertySchemas[K];
};

const BOX: Size = { width: 180, height: 72 };
const REGION: Size = { width: 420, height: 280 };

function info<K extends ElementKind>(
  kind: K,
  baseType: DfdBaseType,
  label: string,
  description: string,
  defaultSize: Size = BOX,
): KindInfo<K> {
  return { kind, baseType, label, description, defaultSize, properties: KIND_PROPERTY_SCHEMAS[kind] };
}

// The trailing comment on each ML kind says why it has that DFD base type.
export const KIND_INFO: { readonly [K in ElementKind]: KindInfo<K> } = {
  process: info("process", "process", "process", "Code that transforms data: a service, job or function."),
  datastore: info("datastore", "datastore", "data store", "Data at rest: a database, bucket, queue or file."),
  "external-entity": info(
    "external-entity",
    "external-entity",
    "external entity",
    "A person or system outside your control that sends or receives data.",
  ),
  "trust-boundary": info(
    "trust-boundary",
    "trust-boundary",
    "trust boundary",
    "A region whose contents share one level of trust; flows across it deserve scrutiny.",
    REGION,
  ),
  // Training data is data at rest that the training job reads.
  dataset: info("dataset", "datastore", "training data store", "Training, validation or evaluation data."),
  // A pipeline runs code over records: ingestion, cleaning, feature engineering.
  "data-pipeline": info("data-pipeline", "process", "data pipeline", "Ingests, cleans and transforms data."),
  // Features are stored and served, not computed, by the store itself.
  "feature-store": info(
    "feature-store",
    "datastore",
    "feature store",
    "Stores features for training and serving.",
  ),
  // Labelers are people outside the system's control who supply labels.
  "labeling-workforce": info(
    "labeling-workforce",
    "external-entity",
    "labeling workforce",
    "People, in-house or outsourced, who label training data.",
  ),
  // A registry holds model artifacts at rest.
  "model-registry": info(
    "model-registry",
    "datastore",
    "model registry",
    "Stores versioned model artifacts.",
  ),
  // Training runs code that turns data into weights.
  "training-job": info(
    "training-job",
    "process",
    "training job",
    "Trains or fine-tunes a model on a dataset.",
  ),
  // The endpoint runs the model on requests.
  "inference-endpoint": info(
    "inference-endpoint",
    "process",
    "inference endpoint",
    "Serves model predictions over an API.",
  ),
  // Templating combines instructions with inputs at run time.
  "prompt-template": info(
    "prompt-template",
    "process",
    "prompt template",
    "Builds the prompt sent to a language model from instructions and inputs.",
  ),
  // An agent decides and acts: the most active kind of process.
  "llm-agent": info("llm-agent", "process", "LLM agent", "A language model that plans and calls tools."),
  // A vendor's model is outside your control, whether called remotely or downloaded.
  "third-party-model": info(
    "third-party-model",
    "external-entity",
    "third-party model",
    "A model or weights supplied by a vendor or a public hub.",
  ),
  // Embeddings and documents at rest, read by retrieval.
  "vector-store": info("vector-store", "datastore", "vector store", "Stores embeddings for retrieval."),
  // Monitoring runs code over logs and predictions.
  monitoring: info("monitoring", "process", "monitoring", "Watches inputs, outputs, drift and abuse."),
  // A broker is an outside party that sells or shares data.
  "data-broker": info(
    "data-broker",
    "external-entity",
    "data broker",
    "An outside party that supplies data.",
  ),
  // End users interact with the system from outside it.
  "end-user": info("end-user", "external-entity", "end user", "A person who uses the system."),
};

export function isElementKind(value: unknown): value is ElementKind {
  return typeof value === "string" && (ELEMENT_KINDS as readonly string[]).includes(value);
}

export function baseTypeOf(kind: ElementKind): DfdBaseType {
  return KIND_INFO[kind].baseType;
}

export function defaultSizeOf(kind: ElementKind): Size {
  const { width, height } = KIND_INFO[kind].defaultSize;
  return { width, height };
}

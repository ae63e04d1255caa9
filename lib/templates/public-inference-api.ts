import { type AssetInput, boundary, flow, node, when } from "./diagram";
import { defineTemplate, parameter } from "./types";

/**
 * Grid: clients on the internet | gateway with its key and quota stores | inference endpoint |
 * monitoring above the model registry, which sits in its own restricted zone inside the VPC.
 */
export const publicInferenceApi = defineTemplate({
  id: "public-inference-api",
  name: "Public inference API",
  description:
    "A trained model served to outside clients: an API gateway in front of an inference endpoint that " +
    "loads its model from a registry, with usage and drift monitoring.",
  parameters: [
    parameter(
      "requiresAuthentication",
      "Requires authentication",
      "Clients present API keys that the gateway checks against a key store; otherwise anyone may call.",
      true,
    ),
    parameter(
      "returnsConfidenceScores",
      "Returns confidence scores",
      "Responses carry per-class confidence scores, not only the predicted label.",
      false,
    ),
    parameter(
      "rateLimited",
      "Rate limited",
      "The gateway counts requests per client and rejects those over quota.",
      true,
    ),
  ],
  build: ({ requiresAuthentication, returnsConfidenceScores, rateLimited }) => {
    const answer = returnsConfidenceScores ? "predictions with confidence scores" : "predicted labels";
    return {
      schemaVersion: 1,
      title: "Public inference API",
      description:
        "Clients on the internet call an API gateway, which forwards their inputs to an inference endpoint " +
        "serving a model from the registry; every prediction is logged to monitoring.",
      scope: {
        purpose: "Serve a trained model's predictions to outside clients over a public HTTP API.",
        systemType: "inference-api",
        successCriteria:
          "Clients get correct predictions within the agreed latency, and no caller can copy the model, " +
          "learn about its training data or starve other clients.",
        harmDefinition:
          "The model is stolen or reverse-engineered through its answers, its training data is exposed, or " +
          "the API stops serving paying clients.",
      },
      assumptions: [
        "The inference endpoint is reachable only through the gateway.",
        ...when(!requiresAuthentication, "Callers are anonymous, so abuse cannot be traced to an account."),
      ],
      elements: [
        boundary("b-internet", "Internet", "untrusted", { col: 0, row: 0 }),
        boundary("b-vpc", "Serving VPC", "internal", { col: 1, row: 0, cols: 3, rows: 2 }),
        boundary("b-models", "Model store", "restricted", { col: 3, row: 1 }, "b-vpc"),
        node(
          "e-clients",
          "external-entity",
          requiresAuthentication ? "API customers" : "Anonymous clients",
          { col: 0, row: 0 },
          "b-internet",
          { organization: requiresAuthentication ? "customers with API keys" : "anyone on the internet" },
        ),
        node("e-gateway", "process", "API gateway", { col: 1, row: 0 }, "b-vpc", {
          technology: "managed API gateway",
        }),
        node("e-endpoint", "inference-endpoint", "Inference endpoint", { col: 2, row: 0 }, "b-vpc", {
          public: true,
          authenticated: requiresAuthentication,
          rateLimited,
          returnsConfidenceScores,
        }),
        node("e-monitoring", "monitoring", "Usage and drift monitoring", { col: 3, row: 0 }, "b-vpc", {
          detectsDrift: true,
          alertsOnAnomalies: true,
        }),
        ...when(
          requiresAuthentication,
          node("e-api-keys", "datastore", "API key store", { col: 1, row: 1 }, "b-vpc", {
            technology: "PostgreSQL",
            encryptedAtRest: true,
            containsPersonalData: false,
          }),
        ),
        ...when(
          rateLimited,
          node("e-quota", "datastore", "Rate-limit counters", { col: 2, row: 1 }, "b-vpc", {
            technology: "Redis",
            encryptedAtRest: false,
            containsPersonalData: false,
          }),
        ),
        node("e-registry", "model-registry", "Model registry", { col: 3, row: 1 }, "b-models", {
          signsArtifacts: true,
          accessControlled: true,
        }),
      ],
      flows: [
        flow("f-request", "e-clients", "e-gateway", `Inputs and ${answer}`, {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: requiresAuthentication,
          bidirectional: true,
        }),
        flow("f-forward", "e-gateway", "e-endpoint", `Validated inputs and ${answer}`, {
          protocol: "gRPC",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        ...when(
          requiresAuthentication,
          flow("f-key-check", "e-gateway", "e-api-keys", "API key lookup", {
            protocol: "SQL",
            dataClassification: "restricted",
            encrypted: true,
            authenticated: true,
            bidirectional: true,
          }),
        ),
        ...when(
          rateLimited,
          flow("f-quota", "e-gateway", "e-quota", "Request counts per client", {
            protocol: "Redis",
            dataClassification: "internal",
            encrypted: true,
            authenticated: true,
            bidirectional: true,
          }),
        ),
        flow("f-model", "e-registry", "e-endpoint", "Model artifact", {
          protocol: "S3",
          dataClassification: "restricted",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-telemetry", "e-endpoint", "e-monitoring", `Inputs and ${answer}`, {
          protocol: "Kafka",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
        }),
      ],
      assets: [
        {
          id: "a-weights",
          name: "Model weights",
          type: "model",
          classification: "restricted",
          provenance: "first-party",
          cia: { confidentiality: "high", integrity: "high", availability: "high" },
          elementIds: ["e-registry", "e-endpoint"],
        },
        {
          id: "a-client-inputs",
          name: "Client inputs and predictions",
          type: "inference data",
          classification: "confidential",
          provenance: "user-generated",
          cia: { confidentiality: "medium", integrity: "medium" },
          elementIds: ["e-gateway", "e-endpoint", "e-monitoring"],
        },
        ...when<AssetInput>(requiresAuthentication, {
          id: "a-api-keys",
          name: "Client API keys",
          type: "credentials",
          classification: "restricted",
          provenance: "first-party",
          cia: { confidentiality: "high", integrity: "high" },
          elementIds: ["e-api-keys", "e-gateway"],
        }),
      ],
    };
  },
});

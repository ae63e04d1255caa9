import { type AssetInput, boundary, flow, node, when } from "./diagram";
import { defineTemplate, parameter } from "./types";

/**
 * Grid: partners on the left (broker, outsourced labellers), the data platform, then the training
 * enclave above serving, with application users below the prediction API.
 */
export const supervisedTraining = defineTemplate({
  id: "supervised-training-third-party-data",
  name: "Supervised training on third-party data",
  description:
    "A training pipeline fed by a data broker: ingestion, a labelled dataset, a labelling workforce, a " +
    "training job in an enclave, a model registry and a prediction API.",
  parameters: [
    parameter(
      "outsourcedLabelling",
      "Outsourced labelling",
      "Labels come from an outside labelling vendor instead of a vetted in-house team.",
      true,
    ),
    parameter(
      "retrainsOnUserFeedback",
      "Retrains on user feedback",
      "Users' ratings and corrections flow back into the training set through a feedback collector.",
      false,
    ),
    parameter(
      "containsPersonalData",
      "Contains personal data",
      "The purchased records describe people, so the dataset and its flows are restricted.",
      false,
    ),
  ],
  build: ({ outsourcedLabelling, retrainsOnUserFeedback, containsPersonalData }) => {
    const data = containsPersonalData ? "restricted" : "confidential";
    const isSecondRowUsed = !outsourcedLabelling || retrainsOnUserFeedback;
    const labelSources = [
      outsourcedLabelling ? "labelling vendor" : "in-house labelling team",
      ...when(retrainsOnUserFeedback, "user feedback"),
    ];
    return {
      schemaVersion: 1,
      title: "Supervised training on third-party data",
      description:
        "Records bought from a data broker are ingested, labelled and used to train a model in an " +
        "isolated enclave; the registry's approved model serves predictions to application users.",
      scope: {
        purpose:
          "Train a supervised model on purchased records and serve its predictions to application users.",
        systemType: "ml-pipeline",
        successCriteria:
          "Only checked, correctly labelled data reaches training, and only models trained in the enclave " +
          "reach the prediction API.",
        harmDefinition:
          "Poisoned or mislabelled data silently skews the model" +
          (containsPersonalData
            ? ", or personal data leaks through the model or the labelling process."
            : "."),
      },
      assumptions: [
        "The broker's contract states where the records come from, but nobody has audited it.",
        ...when(outsourcedLabelling, "The labelling vendor's staff are not vetted by us."),
        ...when(
          retrainsOnUserFeedback,
          "Any signed-in user can submit feedback, and it is retrained on weekly.",
        ),
      ],
      elements: [
        boundary("b-broker", "Broker's network", "partner", { col: 0, row: 0 }),
        ...when(
          outsourcedLabelling,
          boundary("b-labelling-vendor", "Labelling vendor", "partner", { col: 0, row: 1 }),
        ),
        boundary("b-data", "Data platform", "internal", {
          col: 1,
          row: 0,
          cols: 2,
          rows: isSecondRowUsed ? 2 : 1,
        }),
        boundary("b-training", "Training enclave", "restricted", { col: 3, row: 0, cols: 2 }),
        boundary("b-serving", "Serving", "internal", { col: 3, row: 1, cols: 2 }),
        boundary("b-internet", "Internet", "untrusted", { col: 3, row: 2 }),
        node("e-data-broker", "data-broker", "Data broker", { col: 0, row: 0 }, "b-broker", {
          contractInPlace: true,
          provenanceDocumented: false,
        }),
        node(
          "e-labellers",
          "labeling-workforce",
          outsourcedLabelling ? "Labelling vendor staff" : "In-house labelling team",
          outsourcedLabelling ? { col: 0, row: 1 } : { col: 1, row: 1 },
          outsourcedLabelling ? "b-labelling-vendor" : "b-data",
          { outsourced: outsourcedLabelling, vetted: !outsourcedLabelling },
        ),
        node("e-ingestion", "data-pipeline", "Data ingestion", { col: 1, row: 0 }, "b-data", {
          validatesSchema: true,
          schedule: "daily",
        }),
        node("e-dataset", "dataset", "Labelled dataset", { col: 2, row: 0 }, "b-data", {
          containsPersonalData,
          encryptedAtRest: true,
          labelSource: labelSources.join(" and "),
        }),
        ...when(
          retrainsOnUserFeedback,
          node("e-feedback", "data-pipeline", "Feedback collector", { col: 2, row: 1 }, "b-data", {
            validatesSchema: false,
            schedule: "weekly",
          }),
        ),
        node("e-training", "training-job", "Training job", { col: 3, row: 0 }, "b-training", {
          framework: "PyTorch",
          isolatedNetwork: true,
        }),
        node("e-registry", "model-registry", "Model registry", { col: 4, row: 0 }, "b-training", {
          signsArtifacts: true,
          accessControlled: true,
        }),
        node("e-endpoint", "inference-endpoint", "Prediction API", { col: 3, row: 1 }, "b-serving", {
          public: true,
          authenticated: true,
          rateLimited: true,
          returnsConfidenceScores: false,
        }),
        node("e-monitoring", "monitoring", "Prediction monitoring", { col: 4, row: 1 }, "b-serving", {
          detectsDrift: true,
          alertsOnAnomalies: true,
        }),
        node("e-app-users", "end-user", "Application users", { col: 3, row: 2 }, "b-internet", {
          authenticated: true,
        }),
      ],
      flows: [
        flow("f-purchase", "e-data-broker", "e-ingestion", "Purchased records", {
          protocol: "SFTP",
          dataClassification: data,
          encrypted: true,
          authenticated: true,
        }),
        flow("f-ingest", "e-ingestion", "e-dataset", "Cleaned records", {
          protocol: "S3",
          dataClassification: data,
          encrypted: true,
          authenticated: true,
        }),
        flow("f-labelling", "e-labellers", "e-dataset", "Items to label and labels", {
          protocol: "HTTPS",
          dataClassification: data,
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        flow("f-train", "e-dataset", "e-training", "Training data", {
          protocol: "S3",
          dataClassification: data,
          encrypted: true,
          authenticated: true,
        }),
        flow("f-artifact", "e-training", "e-registry", "Model artifact", {
          protocol: "S3",
          dataClassification: "restricted",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-deploy", "e-registry", "e-endpoint", "Approved model", {
          protocol: "HTTPS",
          dataClassification: "restricted",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-predict", "e-app-users", "e-endpoint", "Inputs and predictions", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        flow("f-monitor", "e-endpoint", "e-monitoring", "Predictions", {
          protocol: "Kafka",
          dataClassification: "internal",
          authenticated: true,
        }),
        ...when(
          retrainsOnUserFeedback,
          flow("f-feedback", "e-app-users", "e-feedback", "Ratings and corrections", {
            protocol: "HTTPS",
            dataClassification: data,
            encrypted: true,
            authenticated: true,
          }),
          flow("f-feedback-examples", "e-feedback", "e-dataset", "Feedback examples", {
            protocol: "S3",
            dataClassification: data,
            encrypted: true,
            authenticated: true,
          }),
        ),
      ],
      assets: [
        {
          id: "a-training-data",
          name: "Purchased training records",
          type: containsPersonalData ? "personal data" : "training data",
          classification: data,
          provenance: "third-party-broker",
          cia: { confidentiality: containsPersonalData ? "high" : "medium", integrity: "high" },
          elementIds: ["e-data-broker", "e-ingestion", "e-dataset"],
        },
        {
          id: "a-labels",
          name: "Training labels",
          type: "labels",
          classification: "confidential",
          provenance: outsourcedLabelling ? "third-party-broker" : "first-party",
          cia: { integrity: "high" },
          elementIds: ["e-labellers", "e-dataset"],
        },
        {
          id: "a-weights",
          name: "Trained model weights",
          type: "model",
          classification: "restricted",
          provenance: "first-party",
          cia: { confidentiality: "high", integrity: "high", availability: "medium" },
          elementIds: ["e-training", "e-registry", "e-endpoint"],
        },
        ...when<AssetInput>(retrainsOnUserFeedback, {
          id: "a-feedback",
          name: "User feedback",
          type: "labels",
          classification: data,
          provenance: "user-generated",
          cia: { integrity: "high" },
          elementIds: ["e-feedback", "e-dataset"],
        }),
      ],
    };
  },
});

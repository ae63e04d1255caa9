import { type AssetInput, boundary, flow, node, when } from "./diagram";
import { defineTemplate, parameter } from "./types";

/**
 * Grid: the model hub above company data on the left | the fine-tuning enclave (verification,
 * training and evaluation over curation, dataset and registry) | serving above its users.
 */
export const fineTuneFoundationModel = defineTemplate({
  id: "fine-tune-foundation-model",
  name: "Fine-tuned foundation model",
  description:
    "Open foundation-model weights from a public hub, fine-tuned on an instruction dataset in an enclave, " +
    "evaluated, registered and served as an assistant API.",
  parameters: [
    parameter(
      "verifiedChecksums",
      "Verified checksums",
      "Downloaded weights are safetensors checked against pinned checksums before training; otherwise pickled weights are loaded as downloaded.",
      false,
    ),
    parameter(
      "usesCustomerData",
      "Uses customer data",
      "Customer support transcripts are curated into the instruction dataset.",
      false,
    ),
    parameter(
      "exposedToInternet",
      "Exposed to the internet",
      "Customers use the fine-tuned model through a public endpoint, instead of employees on the corporate network.",
      true,
    ),
  ],
  build: ({ verifiedChecksums, usesCustomerData, exposedToInternet }) => {
    const instructions = usesCustomerData ? "restricted" : "confidential";
    const users = exposedToInternet
      ? boundary("b-internet", "Internet", "untrusted", { col: 4, row: 2 })
      : boundary("b-corporate", "Corporate network", "internal", { col: 4, row: 2 });
    return {
      schemaVersion: 1,
      title: "Fine-tuned foundation model",
      description:
        "Foundation-model weights downloaded from a public hub are fine-tuned on a curated instruction " +
        "dataset in an isolated enclave; models that pass evaluation are registered and served.",
      scope: {
        purpose: `Adapt an open foundation model to our domain and serve it as an assistant to ${
          exposedToInternet ? "customers" : "employees"
        }.`,
        systemType: "ml-pipeline",
        successCriteria:
          "Only weights whose origin is known reach the enclave, and only models that pass evaluation reach " +
          "the assistant API.",
        harmDefinition:
          "Tampered base weights run code in the enclave or plant a backdoor in the served model" +
          (usesCustomerData ? ", or the model repeats customers' personal data to other users." : "."),
      },
      assumptions: [
        "The enclave has no outbound network access except to the model hub.",
        ...when(
          usesCustomerData,
          "Customers agreed to their transcripts being used to improve the assistant.",
        ),
      ],
      elements: [
        boundary("b-model-hub", "Public model hub", "untrusted", { col: 0, row: 0 }),
        boundary("b-company-data", "Company data", "internal", {
          col: 0,
          row: 1,
          rows: usesCustomerData ? 2 : 1,
        }),
        boundary("b-enclave", "Fine-tuning enclave", "restricted", { col: 1, row: 0, cols: 3, rows: 2 }),
        boundary("b-serving", "Serving", "internal", { col: 4, row: 1 }),
        users,
        node(
          "e-base-model",
          "third-party-model",
          "Foundation model weights",
          { col: 0, row: 0 },
          "b-model-hub",
          {
            vendor: "Public model hub",
            servesLlm: true,
            verifiedChecksum: verifiedChecksums,
            serializationFormat: verifiedChecksums ? "safetensors" : "pickle (PyTorch .bin)",
          },
        ),
        node("e-writers", "labeling-workforce", "Instruction writers", { col: 0, row: 1 }, "b-company-data", {
          outsourced: false,
          vetted: true,
        }),
        ...when(
          usesCustomerData,
          node("e-customer-data", "datastore", "Support transcripts", { col: 0, row: 2 }, "b-company-data", {
            technology: "PostgreSQL",
            encryptedAtRest: true,
            containsPersonalData: true,
          }),
        ),
        ...when(
          verifiedChecksums,
          node("e-verify", "process", "Artifact verification", { col: 1, row: 0 }, "b-enclave", {
            technology: "pinned checksums and format check",
          }),
        ),
        node("e-fine-tune", "training-job", "Fine-tuning job", { col: 2, row: 0 }, "b-enclave", {
          framework: "PyTorch with LoRA",
          isolatedNetwork: true,
        }),
        node("e-evaluation", "process", "Evaluation harness", { col: 3, row: 0 }, "b-enclave", {
          technology: "offline evaluation suite",
        }),
        node("e-curation", "data-pipeline", "Dataset curation", { col: 1, row: 1 }, "b-enclave", {
          validatesSchema: true,
          schedule: "per release",
        }),
        node("e-instructions", "dataset", "Instruction dataset", { col: 2, row: 1 }, "b-enclave", {
          containsPersonalData: usesCustomerData,
          encryptedAtRest: true,
          labelSource: usesCustomerData
            ? "instruction writers and support transcripts"
            : "instruction writers",
        }),
        node("e-registry", "model-registry", "Model registry", { col: 3, row: 1 }, "b-enclave", {
          signsArtifacts: true,
          accessControlled: true,
        }),
        node("e-serving", "inference-endpoint", "Assistant API", { col: 4, row: 1 }, "b-serving", {
          public: exposedToInternet,
          authenticated: true,
          rateLimited: exposedToInternet,
          returnsConfidenceScores: false,
          servesLlm: true,
        }),
        node(
          "e-users",
          "end-user",
          exposedToInternet ? "Customers" : "Employees",
          { col: 4, row: 2 },
          users.id,
          { authenticated: true },
        ),
      ],
      flows: [
        flow(
          "f-download",
          "e-base-model",
          verifiedChecksums ? "e-verify" : "e-fine-tune",
          "Weights download",
          { protocol: "HTTPS", dataClassification: "public", encrypted: true },
        ),
        ...when(
          verifiedChecksums,
          flow("f-verified-weights", "e-verify", "e-fine-tune", "Verified weights", {
            protocol: "file copy",
            dataClassification: "internal",
            authenticated: true,
          }),
        ),
        flow("f-examples", "e-writers", "e-curation", "Instruction examples", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
        }),
        ...when(
          usesCustomerData,
          flow("f-transcripts", "e-customer-data", "e-curation", "Support transcripts", {
            protocol: "SQL",
            dataClassification: "restricted",
            encrypted: true,
            authenticated: true,
          }),
        ),
        flow("f-curated", "e-curation", "e-instructions", "Curated examples", {
          protocol: "S3",
          dataClassification: instructions,
          encrypted: true,
          authenticated: true,
        }),
        flow("f-train", "e-instructions", "e-fine-tune", "Training split", {
          protocol: "S3",
          dataClassification: instructions,
          encrypted: true,
          authenticated: true,
        }),
        flow("f-eval-set", "e-instructions", "e-evaluation", "Held-out split", {
          protocol: "S3",
          dataClassification: instructions,
          encrypted: true,
          authenticated: true,
        }),
        flow("f-candidate", "e-fine-tune", "e-evaluation", "Candidate model", {
          protocol: "S3",
          dataClassification: "restricted",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-approved", "e-evaluation", "e-registry", "Approved model", {
          protocol: "HTTPS",
          dataClassification: "restricted",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-deploy", "e-registry", "e-serving", "Deploy model", {
          protocol: "HTTPS",
          dataClassification: "restricted",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-use", "e-users", "e-serving", "Prompts and responses", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
      ],
      assets: [
        {
          id: "a-base-model",
          name: "Foundation model weights",
          type: "model",
          classification: "public",
          provenance: "vendor-model",
          cia: { integrity: "high" },
          elementIds: ["e-base-model", "e-fine-tune"],
        },
        {
          id: "a-instructions",
          name: "Instruction dataset",
          type: "training data",
          classification: instructions,
          provenance: "first-party",
          cia: { confidentiality: usesCustomerData ? "high" : "medium", integrity: "high" },
          elementIds: ["e-curation", "e-instructions"],
        },
        ...when<AssetInput>(usesCustomerData, {
          id: "a-customer-data",
          name: "Customer support transcripts",
          type: "personal data",
          classification: "restricted",
          provenance: "user-generated",
          cia: { confidentiality: "high", integrity: "medium" },
          elementIds: ["e-customer-data", "e-curation", "e-instructions"],
        }),
        {
          id: "a-tuned-weights",
          name: "Fine-tuned model weights",
          type: "model",
          classification: "restricted",
          provenance: "first-party",
          cia: { confidentiality: "high", integrity: "high", availability: "medium" },
          elementIds: ["e-fine-tune", "e-registry", "e-serving"],
        },
      ],
    };
  },
});

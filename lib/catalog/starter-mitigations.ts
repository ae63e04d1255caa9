import type { Mitigation } from "@/lib/domain/document";

/**
 * A small built-in set of common ML security controls, offered by the canvas's "Add from catalog"
 * until the full catalog arrives. Ids and titles of `AML.M` entries are MITRE ATLAS mitigations
 * (ATLAS 5.6.0, Apache-2.0, © MITRE); descriptions are our own words. `refs` name the ATLAS
 * techniques and OWASP ML / LLM Top 10 entries each control addresses.
 */
export type StarterMitigation = {
  id: string;
  title: string;
  description: string;
  nistFunction: NonNullable<Mitigation["nistFunction"]>;
  refs: readonly string[];
};

export const STARTER_MITIGATIONS: readonly StarterMitigation[] = [
  {
    id: "AML.M0004",
    title: "Restrict Number of AI Model Queries",
    description:
      "Cap how many inference requests a caller can make over time, so extraction, inversion and " +
      "brute-force evasion become slow and visible.",
    nistFunction: "manage",
    refs: ["AML.T0024", "AML.T0029", "AML.T0034", "ML05:2023", "LLM10:2025"],
  },
  {
    id: "AML.M0003",
    title: "Model Hardening",
    description:
      "Make the model itself more robust to crafted inputs, for example with adversarial training or " +
      "input-gradient regularisation.",
    nistFunction: "manage",
    refs: ["AML.T0015", "AML.T0031", "AML.T0043", "ML01:2023"],
  },
  {
    id: "AML.M0007",
    title: "Sanitize Training Data",
    description:
      "Detect and remove poisoned, mislabelled or out-of-distribution records before they reach training.",
    nistFunction: "manage",
    refs: ["AML.T0020", "AML.T0059", "ML02:2023", "LLM04:2025"],
  },
  {
    id: "AML.M0014",
    title: "Verify AI Artifacts",
    description:
      "Check hashes or signatures of models, datasets and packages against a trusted source before " +
      "loading them.",
    nistFunction: "measure",
    refs: ["AML.T0010", "AML.T0011", "AML.T0019", "ML06:2023", "LLM03:2025"],
  },
  {
    id: "AML.M0025",
    title: "Maintain AI Dataset Provenance",
    description:
      "Record where every dataset and label came from and how it changed, so tampering can be traced " +
      "and bad sources cut off.",
    nistFunction: "map",
    refs: ["AML.T0010.002", "AML.T0019", "AML.T0020", "ML02:2023"],
  },
  {
    id: "AML.M0020",
    title: "Generative AI Guardrails",
    description:
      "Put filters between users and a generative model that block unsafe prompts and check responses " +
      "before they are used.",
    nistFunction: "manage",
    refs: ["AML.T0051", "AML.T0054", "AML.T0057", "LLM01:2025", "LLM05:2025"],
  },
  {
    id: "AML.M0029",
    title: "Human In-the-Loop for AI Agent Actions",
    description:
      "Require a person to review and confirm consequential actions an agent proposes before they run.",
    nistFunction: "govern",
    refs: ["AML.T0053", "AML.T0086", "AML.T0101", "LLM06:2025"],
  },
  {
    id: "AML.M0024",
    title: "AI Telemetry Logging",
    description:
      "Log model inputs, outputs and agent tool calls with enough context to spot abuse and investigate " +
      "incidents.",
    nistFunction: "measure",
    refs: ["AML.T0024", "AML.T0040", "AML.T0051", "AML.T0053"],
  },
  {
    id: "AML.M0019",
    title: "Control Access to AI Models and Data in Production",
    description:
      "Authenticate and authorise every caller of a production model or its data, with least privilege " +
      "per client.",
    nistFunction: "manage",
    refs: ["AML.T0024", "AML.T0040", "AML.T0051", "ML05:2023"],
  },
  {
    id: "AML.M0012",
    title: "Encrypt Sensitive Information",
    description: "Encrypt model artifacts, training data and other sensitive ML data at rest and in transit.",
    nistFunction: "manage",
    refs: ["AML.T0007", "AML.T0035", "LLM02:2025"],
  },
  {
    id: "AML.M0030",
    title: "Restrict AI Agent Tool Invocation on Untrusted Data",
    description:
      "Once an agent has read untrusted content, limit or disable the tools it may call until a person " +
      "or policy clears it.",
    nistFunction: "manage",
    refs: ["AML.T0053", "AML.T0086", "AML.T0101", "LLM06:2025"],
  },
  {
    id: "AML.M0033",
    title: "Input and Output Validation for AI Agent Components",
    description:
      "Validate what flows into and out of each agent component (prompts, retrieved context, tool " +
      "arguments and results) against expected formats and policy.",
    nistFunction: "manage",
    refs: ["AML.T0051", "AML.T0053", "AML.T0086", "LLM01:2025", "LLM05:2025"],
  },
  {
    id: "TB-M-001",
    title: "Adversarial testing before release",
    description:
      "Red-team each model release against the threats in this model (evasion, extraction, injection) " +
      "and block release on regressions.",
    nistFunction: "measure",
    refs: ["AML.T0015", "AML.T0043", "AML.T0051", "ML01:2023", "LLM01:2025"],
  },
];

export function findStarterMitigation(id: string): StarterMitigation | undefined {
  return STARTER_MITIGATIONS.find((entry) => entry.id === id);
}

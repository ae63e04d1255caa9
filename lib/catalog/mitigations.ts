import type { CatalogMitigation } from "./types";

/**
 * The built-in mitigations. `AML.M` entries are all 35 MITRE ATLAS 5.6.0 mitigations: id and title are
 * ATLAS's (Apache-2.0, (c) MITRE), and their ATLAS technique refs are the links ATLAS itself records;
 * descriptions are our own words. `ctl-` entries are common engineering controls. NIST AI RMF
 * subcategories are written `NIST-AI-RMF:MEASURE-2.7`, OWASP AI Exchange controls `AIX:<slug>`.
 */
export const CATALOG_MITIGATIONS: readonly CatalogMitigation[] = [
  {
    id: "AML.M0000",
    title: "Limit Public Release of Information",
    description:
      "Decide deliberately what to publish about how your AI systems are built (papers, talks, blog posts, job ads) so outsiders cannot easily learn the architecture, data sources or defences.",
    refs: [
      "AML.T0000",
      "AML.T0002",
      "AML.T0003",
      "AML.T0004",
      "AML.T0005",
      "AML.T0005.000",
      "AML.T0005.002",
      "ML01:2023",
    ],
    nistFunction: "govern",
  },
  {
    id: "AML.M0001",
    title: "Limit Model Artifact Release",
    description:
      "Avoid releasing model weights, training data or close copies of them publicly; released artifacts let attackers build stand-in models and rehearse attacks offline.",
    refs: [
      "AML.T0002.000",
      "AML.T0002.001",
      "AML.T0005",
      "AML.T0005.000",
      "AML.T0020",
      "AML.T0035",
      "ML01:2023",
      "ML05:2023",
    ],
    nistFunction: "govern",
  },
  {
    id: "AML.M0002",
    title: "Passive AI Output Obfuscation",
    description:
      "Reduce how much each answer reveals: return labels or coarse scores instead of full probability vectors, so outputs are less useful for inversion, inference and extraction.",
    refs: [
      "AML.T0005",
      "AML.T0005.001",
      "AML.T0013",
      "AML.T0014",
      "AML.T0024.000",
      "AML.T0024.001",
      "AML.T0024.002",
      "AML.T0042",
      "AML.T0043",
      "AML.T0043.001",
      "AML.T0063",
      "ML03:2023",
      "ML04:2023",
      "ML05:2023",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0003",
    title: "Model Hardening",
    description:
      "Make the model itself more robust to crafted inputs, for example with adversarial training or input-gradient regularisation.",
    refs: [
      "AML.T0015",
      "AML.T0031",
      "AML.T0043",
      "AML.T0043.000",
      "AML.T0043.001",
      "AML.T0043.002",
      "AML.T0043.003",
      "AML.T0043.004",
      "ML01:2023",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0004",
    title: "Restrict Number of AI Model Queries",
    description:
      "Cap how many inference requests a caller can make over time, so extraction, inversion and brute-force evasion become slow and visible.",
    refs: [
      "AML.T0005",
      "AML.T0005.001",
      "AML.T0013",
      "AML.T0014",
      "AML.T0024",
      "AML.T0024.000",
      "AML.T0024.001",
      "AML.T0024.002",
      "AML.T0029",
      "AML.T0034",
      "AML.T0042",
      "AML.T0043",
      "AML.T0043.001",
      "AML.T0043.003",
      "AML.T0046",
      "AML.T0062",
      "ML03:2023",
      "ML04:2023",
      "ML05:2023",
      "LLM10:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0005",
    title: "Control Access to AI Models and Data at Rest",
    description:
      "Limit who and what can read or change stored models, datasets and features, with least-privilege roles and reviewed grants.",
    refs: [
      "AML.T0007",
      "AML.T0010.002",
      "AML.T0010.003",
      "AML.T0018",
      "AML.T0018.000",
      "AML.T0018.001",
      "AML.T0020",
      "AML.T0025",
      "AML.T0035",
      "AML.T0042",
      "AML.T0043.000",
      "AML.T0044",
      "AML.T0048.004",
      "ML02:2023",
      "ML05:2023",
      "ML10:2023",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0006",
    title: "Use Ensemble Methods",
    description:
      "Combine several independently trained models so a single poisoned or evaded model cannot decide the outcome on its own.",
    refs: [
      "AML.T0010.001",
      "AML.T0010.003",
      "AML.T0014",
      "AML.T0015",
      "AML.T0031",
      "AML.T0043",
      "AML.T0043.000",
      "AML.T0043.001",
      "AML.T0043.002",
      "AML.T0043.003",
      "AML.T0043.004",
      "ML01:2023",
      "ML07:2023",
      "ML10:2023",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0007",
    title: "Sanitize Training Data",
    description:
      "Detect and remove poisoned, mislabelled or out-of-distribution records before they reach training.",
    refs: [
      "AML.T0010.002",
      "AML.T0018.000",
      "AML.T0020",
      "AML.T0059",
      "ML02:2023",
      "ML08:2023",
      "LLM04:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0008",
    title: "Validate AI Model",
    description:
      "Test a model before it is promoted: check accuracy on trusted held-out data, probe for backdoors and unexpected behaviour, and compare against the previous version.",
    refs: [
      "AML.T0010.003",
      "AML.T0018",
      "AML.T0018.000",
      "AML.T0018.001",
      "AML.T0020",
      "AML.T0043",
      "AML.T0043.004",
      "AML.T0057",
      "ML07:2023",
      "ML10:2023",
      "LLM04:2025",
    ],
    nistFunction: "measure",
  },
  {
    id: "AML.M0009",
    title: "Use Multi-Modal Sensors",
    description:
      "Feed the model from several independent sensors or modalities so fooling one input channel is not enough to change the decision.",
    refs: ["AML.T0015", "AML.T0041", "AML.T0088", "ML01:2023"],
    nistFunction: "manage",
  },
  {
    id: "AML.M0010",
    title: "Input Restoration",
    description:
      "Transform inputs before inference (denoising, compression, re-encoding) to strip out small adversarial perturbations.",
    refs: [
      "AML.T0015",
      "AML.T0031",
      "AML.T0043",
      "AML.T0043.000",
      "AML.T0043.001",
      "AML.T0043.002",
      "AML.T0043.003",
      "AML.T0043.004",
      "ML01:2023",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0011",
    title: "Restrict Library Loading",
    description:
      "Only let ML code load libraries and artifact formats from an approved list, and disable formats that run code when loaded.",
    refs: ["AML.T0011", "AML.T0011.000", "AML.T0011.001", "ML06:2023", "LLM03:2025"],
    nistFunction: "manage",
  },
  {
    id: "AML.M0012",
    title: "Encrypt Sensitive Information",
    description: "Encrypt model artifacts, training data and other sensitive ML data at rest and in transit.",
    refs: ["AML.T0007", "AML.T0035", "AML.T0048.004", "AML.T0063", "ML05:2023", "LLM02:2025"],
    nistFunction: "manage",
  },
  {
    id: "AML.M0013",
    title: "Code Signing",
    description:
      "Sign models, code and containers at build time and refuse to load anything whose signature does not verify.",
    refs: [
      "AML.T0010.001",
      "AML.T0010.003",
      "AML.T0011.000",
      "AML.T0011.001",
      "AML.T0018",
      "AML.T0018.000",
      "AML.T0018.001",
      "AML.T0018.002",
      "ML06:2023",
      "ML10:2023",
      "LLM03:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0014",
    title: "Verify AI Artifacts",
    description:
      "Check hashes or signatures of models, datasets and packages against a trusted source before loading them.",
    refs: [
      "AML.T0002.001",
      "AML.T0010",
      "AML.T0010.002",
      "AML.T0011",
      "AML.T0011.000",
      "AML.T0019",
      "ML06:2023",
      "ML07:2023",
      "LLM03:2025",
    ],
    nistFunction: "measure",
  },
  {
    id: "AML.M0015",
    title: "Adversarial Input Detection",
    description:
      "Screen incoming queries for signs of adversarial crafting and block, flag or slow down suspicious ones.",
    refs: [
      "AML.T0015",
      "AML.T0029",
      "AML.T0031",
      "AML.T0043",
      "AML.T0043.000",
      "AML.T0043.001",
      "AML.T0043.002",
      "AML.T0043.003",
      "AML.T0043.004",
      "ML01:2023",
    ],
    nistFunction: "measure",
  },
  {
    id: "AML.M0016",
    title: "Vulnerability Scanning",
    description:
      "Scan ML dependencies and model files for known vulnerabilities and embedded code before they enter your environment.",
    refs: ["AML.T0011", "AML.T0011.000", "AML.T0011.001", "ML06:2023", "LLM03:2025"],
    nistFunction: "measure",
  },
  {
    id: "AML.M0017",
    title: "AI Model Distribution Methods",
    description:
      "Prefer serving a model behind an API over shipping it to devices or customers, and protect any copy you do distribute.",
    refs: [
      "AML.T0010.003",
      "AML.T0035",
      "AML.T0043.000",
      "AML.T0044",
      "AML.T0048.004",
      "AML.T0063",
      "ML05:2023",
    ],
    nistFunction: "govern",
  },
  {
    id: "AML.M0018",
    title: "User Training",
    description:
      "Teach developers, labelers and users how AI-specific attacks look (malicious artifacts, phishing, deepfakes) and what to do about them.",
    refs: [
      "AML.T0011",
      "AML.T0011.000",
      "AML.T0011.001",
      "AML.T0052",
      "AML.T0052.000",
      "ML06:2023",
      "LLM09:2025",
    ],
    nistFunction: "govern",
  },
  {
    id: "AML.M0019",
    title: "Control Access to AI Models and Data in Production",
    description:
      "Authenticate and authorise every caller of a production model or its data, with least privilege per client.",
    refs: [
      "AML.T0005",
      "AML.T0024",
      "AML.T0029",
      "AML.T0034",
      "AML.T0040",
      "AML.T0042",
      "AML.T0043",
      "AML.T0043.001",
      "AML.T0046",
      "AML.T0051",
      "AML.T0063",
      "ML05:2023",
      "LLM01:2025",
      "LLM10:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0020",
    title: "Generative AI Guardrails",
    description:
      "Put filters between users and a generative model that block unsafe prompts and check responses before they are used.",
    refs: [
      "AML.T0010",
      "AML.T0051",
      "AML.T0053",
      "AML.T0054",
      "AML.T0056",
      "AML.T0057",
      "AML.T0061",
      "AML.T0062",
      "LLM01:2025",
      "LLM02:2025",
      "LLM05:2025",
      "LLM07:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0021",
    title: "Generative AI Guidelines",
    description:
      "Give the model clear, robust system instructions about what it must and must not do, written assuming users will try to override them.",
    refs: [
      "AML.T0051",
      "AML.T0053",
      "AML.T0054",
      "AML.T0056",
      "AML.T0057",
      "AML.T0061",
      "AML.T0062",
      "LLM01:2025",
      "LLM07:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0022",
    title: "Generative AI Model Alignment",
    description:
      "Use models tuned (for example through preference training) to refuse harmful requests and resist instruction overrides.",
    refs: [
      "AML.T0051",
      "AML.T0053",
      "AML.T0054",
      "AML.T0056",
      "AML.T0057",
      "AML.T0061",
      "AML.T0062",
      "LLM01:2025",
      "LLM09:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0023",
    title: "AI Bill of Materials",
    description:
      "Keep an inventory of every model, dataset, library and tool an AI system depends on, with versions and origin, so compromised components can be found fast.",
    refs: [
      "AML.T0010",
      "AML.T0011",
      "AML.T0011.000",
      "AML.T0011.001",
      "AML.T0019",
      "AML.T0020",
      "AML.T0058",
      "ML06:2023",
      "LLM03:2025",
    ],
    nistFunction: "map",
  },
  {
    id: "AML.M0024",
    title: "AI Telemetry Logging",
    description:
      "Log model inputs, outputs and agent tool calls with enough context to spot abuse and investigate incidents.",
    refs: [
      "AML.T0005.001",
      "AML.T0024",
      "AML.T0024.000",
      "AML.T0024.001",
      "AML.T0024.002",
      "AML.T0040",
      "AML.T0047",
      "AML.T0051",
      "AML.T0051.000",
      "AML.T0051.001",
      "AML.T0051.002",
      "AML.T0053",
      "AML.T0085",
      "AML.T0085.000",
      "AML.T0085.001",
      "AML.T0086",
      "AML.T0101",
      "ML05:2023",
      "LLM01:2025",
      "LLM06:2025",
    ],
    nistFunction: "measure",
  },
  {
    id: "AML.M0025",
    title: "Maintain AI Dataset Provenance",
    description:
      "Record where every dataset and label came from and how it changed, so tampering can be traced and bad sources cut off.",
    refs: [
      "AML.T0010.002",
      "AML.T0018.000",
      "AML.T0019",
      "AML.T0020",
      "AML.T0059",
      "ML02:2023",
      "LLM04:2025",
    ],
    nistFunction: "map",
  },
  {
    id: "AML.M0026",
    title: "Privileged AI Agent Permissions Configuration",
    description:
      "Give agents that run with elevated rights only the permissions each task needs, and never broader standing access than a human operator would get.",
    refs: [
      "AML.T0053",
      "AML.T0082",
      "AML.T0085",
      "AML.T0085.000",
      "AML.T0085.001",
      "AML.T0086",
      "AML.T0101",
      "LLM06:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0027",
    title: "Single-User AI Agent Permissions Configuration",
    description:
      "Run an agent acting for one user with that user's own permissions, so it cannot reach data or actions the user could not.",
    refs: [
      "AML.T0053",
      "AML.T0082",
      "AML.T0085",
      "AML.T0085.000",
      "AML.T0085.001",
      "AML.T0086",
      "AML.T0101",
      "LLM06:2025",
      "LLM08:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0028",
    title: "AI Agent Tools Permissions Configuration",
    description:
      "Restrict each tool an agent can call to the narrowest operations, resources and credentials it needs.",
    refs: ["AML.T0053", "AML.T0085", "AML.T0085.001", "AML.T0086", "AML.T0101", "LLM06:2025"],
    nistFunction: "manage",
  },
  {
    id: "AML.M0029",
    title: "Human In-the-Loop for AI Agent Actions",
    description:
      "Require a person to review and confirm consequential actions an agent proposes before they run.",
    refs: ["AML.T0053", "AML.T0086", "AML.T0101", "LLM06:2025"],
    nistFunction: "govern",
  },
  {
    id: "AML.M0030",
    title: "Restrict AI Agent Tool Invocation on Untrusted Data",
    description:
      "Once an agent has read untrusted content, limit or disable the tools it may call until a person or policy clears it.",
    refs: ["AML.T0053", "AML.T0086", "AML.T0101", "LLM01:2025", "LLM06:2025"],
    nistFunction: "manage",
  },
  {
    id: "AML.M0031",
    title: "Memory Hardening",
    description:
      "Validate, attribute and expire what an agent stores in long-term memory so injected instructions cannot persist across sessions.",
    refs: ["AML.T0080", "AML.T0080.000", "LLM01:2025", "LLM04:2025"],
    nistFunction: "manage",
  },
  {
    id: "AML.M0032",
    title: "Segmentation of AI Agent Components",
    description:
      "Split an agent system into isolated parts (planner, tools, retrieval, memory) with separate credentials, so compromising one does not hand over the rest.",
    refs: [
      "AML.T0053",
      "AML.T0085",
      "AML.T0085.000",
      "AML.T0085.001",
      "AML.T0086",
      "AML.T0098",
      "LLM06:2025",
      "LLM08:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0033",
    title: "Input and Output Validation for AI Agent Components",
    description:
      "Validate what flows into and out of each agent component (prompts, retrieved context, tool arguments and results) against expected formats and policy.",
    refs: [
      "AML.T0051",
      "AML.T0051.000",
      "AML.T0051.001",
      "AML.T0051.002",
      "AML.T0053",
      "AML.T0086",
      "LLM01:2025",
      "LLM05:2025",
    ],
    nistFunction: "manage",
  },
  {
    id: "AML.M0034",
    title: "Deepfake Detection",
    description:
      "Check audio, images and video presented as identity evidence for signs of synthetic generation before trusting them.",
    refs: ["AML.T0015", "AML.T0052", "AML.T0052.000", "AML.T0088"],
    nistFunction: "measure",
  },
  {
    id: "ctl-rate-limiting",
    title: "Rate limiting per caller",
    description:
      "Throttle requests per key, account and address with burst and sustained limits, so bulk querying and flooding are slowed and stand out.",
    refs: [
      "AML.T0024",
      "AML.T0029",
      "AML.T0034",
      "AML.M0004",
      "LLM10:2025",
      "ML05:2023",
      "AIX:ratelimit",
      "NIST-AI-RMF:MANAGE-2.4",
    ],
    nistFunction: "manage",
  },
  {
    id: "ctl-query-fingerprinting",
    title: "Query pattern fingerprinting",
    description:
      "Profile each client's query stream (coverage of the input space, near-duplicate probes, synthetic-looking inputs) to spot extraction and black-box attack campaigns.",
    refs: [
      "AML.T0024.002",
      "AML.T0043.001",
      "AML.T0042",
      "ML05:2023",
      "AIX:unwantedinputserieshandling",
      "NIST-AI-RMF:MEASURE-2.4",
    ],
    nistFunction: "measure",
  },
  {
    id: "ctl-provenance-lineage-logging",
    title: "Provenance and lineage logging",
    description:
      "Record, for every dataset, feature, index entry and model, which sources, code and configuration produced it, with content hashes, so any artifact can be traced back.",
    refs: ["AML.T0020", "AML.T0070", "AML.M0025", "ML02:2023", "LLM04:2025", "NIST-AI-RMF:MAP-4.1"],
    nistFunction: "map",
  },
  {
    id: "ctl-input-validation",
    title: "Input validation at every boundary",
    description:
      "Check type, schema, size, range and encoding of records and requests where they enter a component, and reject what does not fit.",
    refs: ["AML.T0059", "ML01:2023", "ML02:2023", "LLM10:2025", "NIST-AI-RMF:MEASURE-2.7"],
    nistFunction: "manage",
  },
  {
    id: "ctl-anomaly-detection",
    title: "Anomaly detection on use",
    description:
      "Baseline normal request volumes, input distributions and account behaviour, and alert on departures from them.",
    refs: [
      "AML.T0015",
      "AML.T0046",
      "AML.M0015",
      "ML01:2023",
      "AIX:anomalousinputhandling",
      "AIX:monitoruse",
      "NIST-AI-RMF:MEASURE-2.4",
    ],
    nistFunction: "measure",
  },
  {
    id: "ctl-differential-privacy",
    title: "Differentially private training",
    description:
      "Train with formal privacy noise (for example DP-SGD) so the model's behaviour depends only weakly on any single record.",
    refs: [
      "AML.T0024.000",
      "AML.T0024.001",
      "ML03:2023",
      "ML04:2023",
      "LLM02:2025",
      "AIX:obfuscatetrainingdata",
      "NIST-AI-RMF:MEASURE-2.10",
    ],
    nistFunction: "manage",
  },
  {
    id: "ctl-access-control-least-privilege",
    title: "Least-privilege access control",
    description:
      "Grant people and services only the roles they need on each resource, review grants regularly and remove unused ones.",
    refs: ["AML.M0005", "AML.M0019", "ML05:2023", "AIX:modelaccesscontrol", "NIST-AI-RMF:MEASURE-2.7"],
    nistFunction: "manage",
  },
  {
    id: "ctl-key-rotation",
    title: "Credential and key rotation",
    description:
      "Use short-lived credentials where possible and rotate long-lived keys on a schedule and immediately after suspected exposure.",
    refs: ["AML.T0055", "AML.T0012", "AML.T0091.000", "NIST-AI-RMF:MANAGE-4.1"],
    nistFunction: "manage",
  },
  {
    id: "ctl-adversarial-training",
    title: "Adversarial training",
    description:
      "Include adversarially perturbed examples in training so the model learns to resist them; measure robustness against known attacks at each release.",
    refs: [
      "AML.M0003",
      "AML.T0015",
      "AML.T0043",
      "ML01:2023",
      "AIX:trainadversarial",
      "NIST-AI-RMF:MEASURE-2.7",
    ],
    nistFunction: "manage",
  },
  {
    id: "ctl-drift-monitoring",
    title: "Drift and performance monitoring",
    description:
      "Track input and feature distributions, prediction mix and live accuracy against the training baseline, with thresholds that page someone.",
    refs: [
      "AML.T0031",
      "ML08:2023",
      "AIX:continuousvalidation",
      "NIST-AI-RMF:MEASURE-2.4",
      "NIST-AI-RMF:MANAGE-4.1",
    ],
    nistFunction: "measure",
  },
  {
    id: "ctl-output-filtering",
    title: "Output filtering",
    description:
      "Inspect model responses before they leave the system and block or redact personal data, secrets, system instructions and policy-breaking content.",
    refs: ["AML.T0057", "AML.T0056", "AML.M0020", "LLM02:2025", "LLM07:2025", "AIX:sensitiveoutputhandling"],
    nistFunction: "manage",
  },
  {
    id: "ctl-human-approval-agent-actions",
    title: "Human approval for agent actions",
    description:
      "Classify agent actions by consequence and require an explicit confirmation from the user or an operator before irreversible or external-facing ones run.",
    refs: ["AML.M0029", "AML.T0053", "AML.T0101", "LLM06:2025", "AIX:oversight", "NIST-AI-RMF:GOVERN-3.2"],
    nistFunction: "govern",
  },
  {
    id: "ctl-tls-everywhere",
    title: "TLS on every connection",
    description:
      "Encrypt and authenticate every network hop, internal ones included, with current TLS and certificate validation.",
    refs: ["AML.M0012", "AIX:modelinputconfidentiality"],
    nistFunction: "manage",
  },
  {
    id: "ctl-encryption-at-rest",
    title: "Encryption at rest",
    description:
      "Encrypt stored data, models and embeddings with managed keys whose use is logged and restricted.",
    refs: ["AML.M0012", "ML05:2023", "LLM08:2025"],
    nistFunction: "manage",
  },
  {
    id: "ctl-mutual-authentication",
    title: "Mutual service authentication",
    description:
      "Have services prove their identity to each other (mTLS or signed workload tokens) so neither side can be impersonated.",
    refs: ["AML.T0012", "AML.T0073"],
    nistFunction: "manage",
  },
  {
    id: "ctl-audit-logging",
    title: "Tamper-evident audit logging",
    description:
      "Write security-relevant events with actor, time and object to append-only storage with integrity checks and a retention policy.",
    refs: ["AML.M0024", "NIST-AI-RMF:MANAGE-4.1"],
    nistFunction: "measure",
  },
  {
    id: "ctl-artifact-signing",
    title: "Artifact signing and hash pinning",
    description:
      "Sign datasets, models, images and configuration when produced, pin consumers to exact hashes, and verify both before use.",
    refs: [
      "AML.M0013",
      "AML.M0014",
      "AML.T0010",
      "AML.T0018",
      "ML06:2023",
      "ML10:2023",
      "LLM03:2025",
      "AIX:supplychainmanage",
    ],
    nistFunction: "manage",
  },
  {
    id: "ctl-safe-serialization",
    title: "Safe model serialisation formats",
    description:
      "Store and exchange weights only in formats that cannot execute code on load (such as safetensors or ONNX), and convert or reject pickle-based files.",
    refs: ["AML.T0011.000", "AML.T0018.002", "AML.M0011", "ML06:2023", "LLM03:2025"],
    nistFunction: "manage",
  },
  {
    id: "ctl-dataset-versioning",
    title: "Immutable dataset versions",
    description:
      "Snapshot datasets as immutable, content-addressed versions and train only from a named version, so changes are visible and reversible.",
    refs: ["AML.T0020", "AML.T0059", "ML02:2023", "NIST-AI-RMF:MAP-4.1"],
    nistFunction: "manage",
  },
  {
    id: "ctl-label-quality-review",
    title: "Label quality review",
    description:
      "Use overlapping assignments, consensus and hidden gold-standard items to catch careless or malicious labellers.",
    refs: ["AML.T0020", "ML02:2023", "AIX:dataqualitycontrol"],
    nistFunction: "measure",
  },
  {
    id: "ctl-prompt-isolation",
    title: "Separate instructions from untrusted content",
    description:
      "Keep system instructions, user input and retrieved text in distinct, clearly marked message roles and never let untrusted text be read as instructions.",
    refs: ["AML.T0051", "LLM01:2025", "AIX:inputsegregation", "AIX:promptinjectioniohandling"],
    nistFunction: "manage",
  },
  {
    id: "ctl-retrieval-source-allowlist",
    title: "Allowlisted retrieval sources",
    description:
      "Ingest into retrieval indexes only from approved, owned or reviewed sources, and record the origin of each chunk.",
    refs: [
      "AML.T0070",
      "AML.T0066",
      "AML.T0071",
      "LLM04:2025",
      "LLM08:2025",
      "AIX:augmentationdataintegrity",
    ],
    nistFunction: "manage",
  },
  {
    id: "ctl-tool-permission-scoping",
    title: "Scoped tool permissions",
    description:
      "Give each agent tool its own narrowly scoped, short-lived credential and an allowlist of operations and targets.",
    refs: ["AML.M0028", "AML.T0053", "LLM06:2025", "AIX:leastmodelprivilege"],
    nistFunction: "manage",
  },
  {
    id: "ctl-secrets-out-of-prompts",
    title: "No secrets or access rules in prompts",
    description:
      "Assume every prompt and agent configuration will be read by users: keep keys, credentials and authorisation decisions out of them and enforce access outside the model.",
    refs: ["AML.T0056", "AML.T0083", "LLM07:2025", "LLM02:2025"],
    nistFunction: "manage",
  },
  {
    id: "ctl-confidence-score-rounding",
    title: "Coarse confidence scores",
    description:
      "Round or bucket confidence values, or return only the top label, so outputs leak less about the decision surface.",
    refs: ["AML.M0002", "AML.T0024", "ML03:2023", "ML04:2023", "ML05:2023", "AIX:obscureconfidence"],
    nistFunction: "manage",
  },
  {
    id: "ctl-data-minimisation",
    title: "Data minimisation",
    description:
      "Collect, keep and feed to models only the personal and sensitive fields the purpose needs; drop or generalise the rest early.",
    refs: ["LLM02:2025", "AIX:dataminimize", "AIX:alloweddata", "NIST-AI-RMF:MEASURE-2.10"],
    nistFunction: "govern",
  },
  {
    id: "ctl-consent-and-notice",
    title: "Consent and clear notice",
    description:
      "Tell people plainly what personal data the system uses, for what, and that AI is involved; obtain and record consent where it is the legal basis.",
    refs: ["AIX:aitransparency", "NIST-AI-RMF:MEASURE-2.10"],
    nistFunction: "govern",
  },
  {
    id: "ctl-resource-quotas",
    title: "Resource and cost quotas",
    description:
      "Bound input size, output tokens, compute time, agent steps and spend per request, user and tenant, and stop work that exceeds them.",
    refs: ["AML.T0029", "AML.T0034", "LLM10:2025", "AIX:limitresources"],
    nistFunction: "manage",
  },
  {
    id: "ctl-dependency-pinning",
    title: "Pinned and vetted dependencies",
    description:
      "Pin libraries, packages and tools to reviewed versions with lockfiles and hashes, from approved registries only.",
    refs: ["AML.T0010.001", "AML.T0011.001", "AML.T0060", "ML06:2023", "LLM03:2025", "AIX:supplychainmanage"],
    nistFunction: "manage",
  },
  {
    id: "ctl-supplier-risk-review",
    title: "Supplier risk review",
    description:
      "Assess vendors of models, data and AI services before adoption and periodically after: security posture, data handling terms, update policy and exit plan.",
    refs: [
      "ML06:2023",
      "LLM03:2025",
      "NIST-AI-RMF:GOVERN-6.1",
      "NIST-AI-RMF:GOVERN-6.2",
      "NIST-AI-RMF:MANAGE-3.2",
    ],
    nistFunction: "govern",
  },
  {
    id: "ctl-isolated-training-environment",
    title: "Isolated training environment",
    description:
      "Run training on dedicated, ephemeral compute with no inbound access, restricted egress and no standing human credentials.",
    refs: ["AML.T0018", "AML.T0037", "ML10:2023", "AIX:devsecurity"],
    nistFunction: "manage",
  },
  {
    id: "ctl-secrets-management",
    title: "Central secrets management",
    description:
      "Keep credentials in a secrets manager, inject them at run time with workload identity, and scan code, notebooks and images for leaked ones.",
    refs: ["AML.T0055", "AML.T0083", "AML.T0090"],
    nistFunction: "manage",
  },
  {
    id: "ctl-sandboxing",
    title: "Sandboxed execution",
    description:
      "Run untrusted artifacts and model-generated code in a locked-down sandbox (no host mounts, minimal syscalls, default-deny network).",
    refs: ["AML.T0105", "AML.T0050", "AML.T0011.000", "LLM05:2025", "LLM06:2025", "AIX:agentsandboxing"],
    nistFunction: "manage",
  },
  {
    id: "ctl-model-watermarking",
    title: "Model watermarking",
    description:
      "Embed a verifiable watermark in the model or its outputs so a stolen or replicated copy can be recognised.",
    refs: ["AML.T0024.002", "AML.T0048.004", "ML05:2023", "AIX:modelwatermarking"],
    nistFunction: "measure",
  },
  {
    id: "ctl-output-signing",
    title: "Signed model outputs",
    description:
      "Sign or MAC predictions that other systems act on, and verify them at the consumer, so changes in transit are detected.",
    refs: ["ML09:2023", "AIX:runtimemodeliointegrity"],
    nistFunction: "manage",
  },
  {
    id: "ctl-strong-authentication",
    title: "Strong user authentication",
    description:
      "Require phishing-resistant multi-factor sign-in and sound session management for people who use or operate the system.",
    refs: ["AML.T0012", "AML.T0052"],
    nistFunction: "manage",
  },
  {
    id: "ctl-log-redaction",
    title: "Redact sensitive data in logs",
    description:
      "Strip or mask personal data and secrets from prompts, inputs and outputs before they are written to logs and dashboards.",
    refs: ["LLM02:2025", "AIX:inputdataleak", "NIST-AI-RMF:MEASURE-2.10"],
    nistFunction: "manage",
  },
  {
    id: "ctl-pseudonymisation",
    title: "Pseudonymisation",
    description:
      "Replace direct identifiers with keyed tokens held apart from the data, so records cannot be tied to people without a separate key.",
    refs: ["NIST-AI-RMF:MEASURE-2.10", "AIX:obfuscatetrainingdata"],
    nistFunction: "manage",
  },
  {
    id: "ctl-bias-testing",
    title: "Unwanted bias testing",
    description:
      "Measure outcomes across relevant groups before release and in production, and act on gaps beyond an agreed threshold.",
    refs: ["ML08:2023", "AIX:unwantedbiastesting", "NIST-AI-RMF:MEASURE-2.11"],
    nistFunction: "measure",
  },
  {
    id: "ctl-permission-aware-retrieval",
    title: "Permission-aware retrieval",
    description:
      "Store access labels with every indexed chunk and filter retrieval by the requesting user's rights and tenant before anything reaches the model.",
    refs: ["AML.T0085.000", "AML.M0027", "LLM08:2025", "AIX:augmentationdataconfidentiality"],
    nistFunction: "manage",
  },
  {
    id: "ctl-egress-allowlist",
    title: "Default-deny egress",
    description:
      "Block outbound network access from agents, tools and training jobs except to an allowlist of destinations.",
    refs: ["AML.T0086", "AML.T0025", "AML.T0108", "LLM06:2025"],
    nistFunction: "manage",
  },
  {
    id: "ctl-change-review",
    title: "Reviewed changes to prompts and configuration",
    description:
      "Keep prompt templates, agent configuration and promotion rules in version control, change them only through review, and verify their hash at deploy time.",
    refs: ["AML.T0081", "LLM01:2025", "LLM07:2025"],
    nistFunction: "govern",
  },
  {
    id: "ctl-secret-scanning",
    title: "Secret scanning before indexing",
    description:
      "Scan documents and data for credentials and personal data before they are indexed, embedded or used for training, and quarantine hits.",
    refs: ["AML.T0082", "AML.T0055", "LLM02:2025", "LLM08:2025"],
    nistFunction: "measure",
  },
  {
    id: "ctl-output-encoding",
    title: "Encode model output for its sink",
    description:
      "Treat model output as untrusted: escape it for the page, query or shell it goes into, use a strict content security policy and never evaluate it directly.",
    refs: ["AML.T0077", "LLM05:2025", "AIX:encodemodeloutput"],
    nistFunction: "manage",
  },
  {
    id: "ctl-grounded-answers",
    title: "Grounded answers with verification",
    description:
      "Ground responses in retrieved, trusted sources, show the sources, and check high-stakes answers before anyone relies on them.",
    refs: ["AML.T0062", "LLM09:2025", "NIST-AI-RMF:MEASURE-2.7"],
    nistFunction: "manage",
  },
  {
    id: "ctl-retention-limits",
    title: "Retention limits",
    description:
      "Set and enforce how long personal data, logs and transcripts are kept, and delete them when the period ends.",
    refs: ["AIX:shortretain", "NIST-AI-RMF:MEASURE-2.10"],
    nistFunction: "govern",
  },
  {
    id: "ctl-privacy-impact-assessment",
    title: "Privacy impact assessment",
    description:
      "Assess privacy risk and legal basis before processing personal data with AI, record the outcome and revisit it when the system changes.",
    refs: ["AIX:checkcompliance", "NIST-AI-RMF:MAP-4.2", "NIST-AI-RMF:MEASURE-2.10"],
    nistFunction: "map",
  },
  {
    id: "ctl-data-subject-rights",
    title: "Support data subject rights",
    description:
      "Be able to find, export, correct and delete a person's data across datasets, indexes and logs, and know which models were trained on it.",
    refs: ["NIST-AI-RMF:MEASURE-2.10"],
    nistFunction: "govern",
  },
  {
    id: "ctl-backup-and-restore",
    title: "Tested backups and restore",
    description:
      "Back up data, models and indexes to separate, immutable storage and rehearse restoring them.",
    refs: ["AML.T0101", "NIST-AI-RMF:MANAGE-2.4"],
    nistFunction: "manage",
  },
];

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MitigationSchema } from "@/lib/domain/document";
import { findStarterMitigation, STARTER_MITIGATIONS } from "./starter-mitigations";

// Every mitigation id and name in MITRE ATLAS 5.6.0 (atlas-v5.6.0-extract.json, Apache-2.0, (c) MITRE).
const ATLAS_MITIGATIONS = new Map<string, string>([
  ["AML.M0000", "Limit Public Release of Information"],
  ["AML.M0001", "Limit Model Artifact Release"],
  ["AML.M0002", "Passive AI Output Obfuscation"],
  ["AML.M0003", "Model Hardening"],
  ["AML.M0004", "Restrict Number of AI Model Queries"],
  ["AML.M0005", "Control Access to AI Models and Data at Rest"],
  ["AML.M0006", "Use Ensemble Methods"],
  ["AML.M0007", "Sanitize Training Data"],
  ["AML.M0008", "Validate AI Model"],
  ["AML.M0009", "Use Multi-Modal Sensors"],
  ["AML.M0010", "Input Restoration"],
  ["AML.M0011", "Restrict Library Loading"],
  ["AML.M0012", "Encrypt Sensitive Information"],
  ["AML.M0013", "Code Signing"],
  ["AML.M0014", "Verify AI Artifacts"],
  ["AML.M0015", "Adversarial Input Detection"],
  ["AML.M0016", "Vulnerability Scanning"],
  ["AML.M0017", "AI Model Distribution Methods"],
  ["AML.M0018", "User Training"],
  ["AML.M0019", "Control Access to AI Models and Data in Production"],
  ["AML.M0020", "Generative AI Guardrails"],
  ["AML.M0021", "Generative AI Guidelines"],
  ["AML.M0022", "Generative AI Model Alignment"],
  ["AML.M0023", "AI Bill of Materials"],
  ["AML.M0024", "AI Telemetry Logging"],
  ["AML.M0025", "Maintain AI Dataset Provenance"],
  ["AML.M0026", "Privileged AI Agent Permissions Configuration"],
  ["AML.M0027", "Single-User AI Agent Permissions Configuration"],
  ["AML.M0028", "AI Agent Tools Permissions Configuration"],
  ["AML.M0029", "Human In-the-Loop for AI Agent Actions"],
  ["AML.M0030", "Restrict AI Agent Tool Invocation on Untrusted Data"],
  ["AML.M0031", "Memory Hardening"],
  ["AML.M0032", "Segmentation of AI Agent Components"],
  ["AML.M0033", "Input and Output Validation for AI Agent Components"],
  ["AML.M0034", "Deepfake Detection"],
]);

// Where the shared reference extract sits on a development machine; absent elsewhere.
const EXTRACT = "/work/shared/reference/atlas-v5.6.0-extract.json";

const ATLAS_TECHNIQUE = /^AML\.T\d{4}(\.\d{3})?$/;
const OWASP = /^(ML(0[1-9]|10):2023|LLM(0[1-9]|10):2025)$/;

describe("starter mitigations", () => {
  it("has about a dozen entries with unique ids", () => {
    const ids = STARTER_MITIGATIONS.map((entry) => entry.id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses real ATLAS mitigation ids and names, and a TB-M id otherwise", () => {
    for (const entry of STARTER_MITIGATIONS) {
      if (entry.id.startsWith("AML.M")) {
        expect(ATLAS_MITIGATIONS.get(entry.id), entry.id).toBe(entry.title);
      } else {
        expect(entry.id).toMatch(/^TB-M-\d{3}$/);
      }
    }
  });

  it("refers only to well-formed ATLAS technique and OWASP ids", () => {
    for (const entry of STARTER_MITIGATIONS) {
      expect(entry.refs.length, entry.id).toBeGreaterThan(0);
      for (const ref of entry.refs) expect(ATLAS_TECHNIQUE.test(ref) || OWASP.test(ref), ref).toBe(true);
    }
  });

  it.skipIf(!existsSync(EXTRACT))("matches the shared ATLAS extract where it is available", () => {
    const extract = JSON.parse(readFileSync(EXTRACT, "utf8")) as {
      techniques: { id: string }[];
      mitigations: { id: string; name: string }[];
    };
    expect(new Map(extract.mitigations.map((m) => [m.id, m.name]))).toEqual(ATLAS_MITIGATIONS);
    const techniques = new Set(extract.techniques.map((t) => t.id));
    for (const ref of STARTER_MITIGATIONS.flatMap((entry) => entry.refs)) {
      if (ref.startsWith("AML.")) expect(techniques.has(ref), ref).toBe(true);
    }
  });

  it("turns into valid document mitigations", () => {
    for (const entry of STARTER_MITIGATIONS) {
      const parsed = MitigationSchema.safeParse({
        id: `m-${entry.id}`,
        catalogId: entry.id,
        title: entry.title,
        description: entry.description,
        nistFunction: entry.nistFunction,
      });
      expect(parsed.success, entry.id).toBe(true);
      expect(entry.description.length).toBeLessThan(240);
    }
  });

  it("finds an entry by id", () => {
    expect(findStarterMitigation("AML.M0004")?.title).toBe("Restrict Number of AI Model Queries");
    expect(findStarterMitigation("AML.M9999")).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isElementKind } from "@/lib/domain/kinds";
import { SUGGESTABLE_THREAT_IDS } from "@/lib/rules/types";
import { ATLAS_TACTICS, ATLAS_TECHNIQUES, atlasTechniqueLabel, findAtlasTechnique } from "./atlas";
import { CATALOG_MITIGATIONS } from "./mitigations";
import { CATALOG_THREATS } from "./threats";
import type { CatalogThreat } from "./types";

type AtlasExtract = {
  techniques: { id: string; name: string }[];
  mitigations: { id: string; name: string; techniques: string[] }[];
};

// MITRE ATLAS ids, names and links (Apache-2.0, no descriptions), kept next to the test so it
// always runs: the catalog must agree with the official list.
const extract = JSON.parse(
  readFileSync(fileURLToPath(new URL("./fixtures/atlas-v5.6.0-extract.json", import.meta.url)), "utf8"),
) as AtlasExtract;

// AI Exchange slugs named in ../shared/reference/ml-threat-catalogs.md (threats and controls).
const AIX_SLUGS = new Set([
  "evasion",
  "zeroknowledgeevasion",
  "perfectknowledgeevasion",
  "transferattack",
  "partialknowledgeevasion",
  "evasionafterpoison",
  "promptinjection",
  "directpromptinjection",
  "indirectpromptinjection",
  "agentmessagestructuremanipulation",
  "disclosureuse",
  "disclosureinoutput",
  "modelinversionandmembership",
  "modelexfiltration",
  "airesourceexhaustion",
  "modelpoison",
  "datapoison",
  "devmodelpoison",
  "supplymodelpoison",
  "devleak",
  "devdataleak",
  "devmodelleak",
  "devcodeleak",
  "genericsecthreats",
  "runtimemodelpoison",
  "runtimemodelleak",
  "outputcontainsconventionalinjection",
  "inputdataleak",
  "augmentationdataleak",
  "augmentationdatamanipulation",
  "agentescape",
  "agentsandboxing",
  "monitoruse",
  "ratelimit",
  "modelaccesscontrol",
  "anomalousinputhandling",
  "unwantedinputserieshandling",
  "obscureconfidence",
  "promptinjectioniohandling",
  "inputsegregation",
  "trainadversarial",
  "sensitiveoutputhandling",
  "modelwatermarking",
  "limitresources",
  "devsecurity",
  "supplychainmanage",
  "dataqualitycontrol",
  "runtimemodeliointegrity",
  "modelinputconfidentiality",
  "augmentationdataconfidentiality",
  "augmentationdataintegrity",
  "encodemodeloutput",
  "checkcompliance",
  "dataminimize",
  "alloweddata",
  "shortretain",
  "obfuscatetrainingdata",
  "oversight",
  "leastmodelprivilege",
  "aitransparency",
  "continuousvalidation",
  "unwantedbiastesting",
]);

const THREAT_REF_PATTERNS = [
  /^AML\.T\d{4}(\.\d{3})?$/,
  /^ML(0[1-9]|10):2023$/,
  /^LLM(0[1-9]|10):2025$/,
  /^STRIDE:[STRIDE]$/,
  /^LINDDUN:(linking|identifying|non-repudiation|detecting|data-disclosure|unawareness|non-compliance)$/,
  /^AIX:[a-z]+$/,
];
const MITIGATION_REF_PATTERNS = [
  /^AML\.[TM]\d{4}(\.\d{3})?$/,
  /^ML(0[1-9]|10):2023$/,
  /^LLM(0[1-9]|10):2025$/,
  /^AIX:[a-z]+$/,
  /^NIST-AI-RMF:(GOVERN|MAP|MEASURE|MANAGE)-\d+\.\d+$/,
];

/** The kinds an LLM threat may target, and those that never see an LLM. */
const LLM_KINDS = ["llm-agent", "prompt-template", "vector-store", "third-party-model", "inference-endpoint"];
const NON_LLM_KINDS = [
  "dataset",
  "feature-store",
  "training-job",
  "data-pipeline",
  "labeling-workforce",
  "data-broker",
  "monitoring",
];

const mitigationIds = new Set(CATALOG_MITIGATIONS.map((mitigation) => mitigation.id));
const threatIds = new Set(CATALOG_THREATS.map((threat) => threat.id));
const allThreatRefs = new Set(CATALOG_THREATS.flatMap((threat) => threat.refs));

function withPrefix(refs: readonly string[], prefix: string): string[] {
  return refs.filter((ref) => ref.startsWith(prefix)).map((ref) => ref.slice(prefix.length));
}

function isLlmThreat(threat: CatalogThreat): boolean {
  return threat.id.startsWith("llm-") || (threat.categories.owaspLlm ?? []).length > 0;
}

function tenIds(format: (n: string) => string): string[] {
  return Array.from({ length: 10 }, (_, i) => format(String(i + 1).padStart(2, "0")));
}

describe("ATLAS reference data", () => {
  it("has 16 tactics and 170 techniques with unique ids and known tactics", () => {
    expect(ATLAS_TACTICS).toHaveLength(16);
    expect(ATLAS_TECHNIQUES).toHaveLength(170);
    expect(new Set(ATLAS_TECHNIQUES.map((t) => t.id)).size).toBe(170);
    const tacticIds = new Set(ATLAS_TACTICS.map((t) => t.id));
    for (const technique of ATLAS_TECHNIQUES) {
      expect(technique.tactics.length, technique.id).toBeGreaterThan(0);
      for (const tactic of technique.tactics) expect(tacticIds.has(tactic), technique.id).toBe(true);
    }
  });

  it("matches the extract's ids and names", () => {
    expect(ATLAS_TECHNIQUES.map((t) => [t.id, t.name])).toEqual(
      extract.techniques.map((t) => [t.id, t.name]),
    );
  });

  it("finds techniques by id and labels sub-techniques with their parent", () => {
    expect(findAtlasTechnique("AML.T0051")?.name).toBe("LLM Prompt Injection");
    expect(findAtlasTechnique("AML.T9999")).toBeUndefined();
    expect(atlasTechniqueLabel("AML.T0010.003")).toBe("AI Supply Chain Compromise: Model");
    expect(atlasTechniqueLabel("AML.T0020")).toBe("Poison Training Data");
  });
});

describe("catalog size and ids", () => {
  it("has at least 120 threats and 60 mitigations", () => {
    expect(CATALOG_THREATS.length).toBeGreaterThanOrEqual(120);
    expect(CATALOG_MITIGATIONS.length).toBeGreaterThanOrEqual(60);
  });

  it("has unique ids across threats and mitigations, in the expected formats", () => {
    const all = [...CATALOG_THREATS.map((t) => t.id), ...CATALOG_MITIGATIONS.map((m) => m.id)];
    expect(new Set(all).size).toBe(all.length);
    for (const id of threatIds) expect(id).toMatch(/^(stride|ml|llm|linddun)-[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const id of mitigationIds) expect(id).toMatch(/^(AML\.M\d{4}|ctl-[a-z0-9]+(-[a-z0-9]+)*)$/);
  });

  it("contains every threat id the rule engine relies on", () => {
    expect(SUGGESTABLE_THREAT_IDS.filter((id) => !threatIds.has(id))).toEqual([]);
  });

  it("has at least 25 common controls", () => {
    expect(CATALOG_MITIGATIONS.filter((m) => m.id.startsWith("ctl-")).length).toBeGreaterThanOrEqual(25);
  });
});

describe("ATLAS mitigations", () => {
  const expected = extract.mitigations.map((m) => [m.id, m.name] as const);

  it("includes all 35 with their official names", () => {
    expect(expected).toHaveLength(35);
    const actual = new Map(CATALOG_MITIGATIONS.map((m) => [m.id, m.title]));
    for (const [id, name] of expected) expect(actual.get(id), id).toBe(name);
  });

  it("refers to every technique ATLAS links them to", () => {
    for (const source of extract.mitigations) {
      const entry = CATALOG_MITIGATIONS.find((m) => m.id === source.id);
      expect(entry?.refs, source.id).toEqual(expect.arrayContaining(source.techniques));
    }
  });
});

describe("threat entries", () => {
  it("fill every field with sensible values", () => {
    for (const threat of CATALOG_THREATS) {
      expect(threat.title.length, threat.id).toBeGreaterThan(0);
      expect(threat.description.length, threat.id).toBeGreaterThan(40);
      expect(threat.refs.length, threat.id).toBeGreaterThan(0);
      expect(threat.indicators.length, threat.id).toBeGreaterThanOrEqual(1);
      expect(threat.indicators.length, threat.id).toBeLessThanOrEqual(4);
      for (const rating of [threat.defaultLikelihood, threat.defaultImpact]) {
        expect(Number.isInteger(rating) && rating >= 1 && rating <= 5, threat.id).toBe(true);
      }
      expect(threat.appliesTo.length > 0 || threat.appliesToFlows === true, threat.id).toBe(true);
    }
  });

  it("apply only to real element kinds", () => {
    for (const threat of CATALOG_THREATS) {
      expect(
        threat.appliesTo.filter((kind) => !isElementKind(kind)),
        threat.id,
      ).toEqual([]);
    }
  });

  it("link only to existing mitigations, at least one each", () => {
    for (const threat of CATALOG_THREATS) {
      expect(threat.mitigationIds.length, threat.id).toBeGreaterThan(0);
      expect(
        threat.mitigationIds.filter((id) => !mitigationIds.has(id)),
        threat.id,
      ).toEqual([]);
    }
  });

  it("spell every ref canonically", () => {
    for (const threat of CATALOG_THREATS) {
      const odd = threat.refs.filter((ref) => !THREAT_REF_PATTERNS.some((pattern) => pattern.test(ref)));
      expect(odd, threat.id).toEqual([]);
    }
  });

  it("cite only ATLAS techniques and AI Exchange slugs that exist", () => {
    for (const threat of CATALOG_THREATS) {
      const atlas = threat.refs.filter((ref) => ref.startsWith("AML.T"));
      expect(
        atlas.filter((id) => !findAtlasTechnique(id)),
        threat.id,
      ).toEqual([]);
      expect(
        withPrefix(threat.refs, "AIX:").filter((slug) => !AIX_SLUGS.has(slug)),
        threat.id,
      ).toEqual([]);
    }
  });

  it("fill categories consistently with refs", () => {
    for (const threat of CATALOG_THREATS) {
      const { refs, categories } = threat;
      expect(categories.stride, threat.id).toEqual(withPrefix(refs, "STRIDE:"));
      expect(categories.atlas, threat.id).toEqual(refs.filter((ref) => ref.startsWith("AML.T")));
      expect(categories.owaspMl, threat.id).toEqual(refs.filter((ref) => /^ML\d\d:2023$/.test(ref)));
      expect(categories.owaspLlm, threat.id).toEqual(refs.filter((ref) => /^LLM\d\d:2025$/.test(ref)));
      expect(categories.linddun, threat.id).toEqual(withPrefix(refs, "LINDDUN:"));
      expect(categories.aiExchange, threat.id).toBe(withPrefix(refs, "AIX:")[0]);
    }
  });

  it("cover every OWASP ML 2023 and LLM 2025 entry", () => {
    const owasp = [...tenIds((n) => `ML${n}:2023`), ...tenIds((n) => `LLM${n}:2025`)];
    expect(owasp.filter((id) => !allThreatRefs.has(id))).toEqual([]);
  });

  it("cover the key ATLAS techniques", () => {
    const required = [
      "AML.T0010",
      "AML.T0015",
      "AML.T0018",
      "AML.T0019",
      "AML.T0020",
      "AML.T0024",
      "AML.T0025",
    ];
    required.push("AML.T0029", "AML.T0031", "AML.T0040", "AML.T0043", "AML.T0048", "AML.T0051", "AML.T0053");
    required.push("AML.T0054", "AML.T0056", "AML.T0057", "AML.T0070");
    const cited = [...allThreatRefs].filter((ref) => ref.startsWith("AML.T"));
    const missing = required.filter((id) => !cited.some((ref) => ref === id || ref.startsWith(`${id}.`)));
    expect(missing).toEqual([]);
  });

  it("apply LLM threats only to LLM-related kinds", () => {
    for (const threat of CATALOG_THREATS.filter(isLlmThreat)) {
      expect(
        threat.appliesTo.filter((kind) => NON_LLM_KINDS.includes(kind)),
        threat.id,
      ).toEqual([]);
      expect(
        threat.appliesTo.filter((kind) => !LLM_KINDS.includes(kind)),
        threat.id,
      ).toEqual([]);
    }
  });
});

describe("STRIDE per element", () => {
  const expected: Record<string, string[]> = {
    process: ["S", "T", "R", "I", "D", "E"],
    datastore: ["T", "R", "I", "D"],
    external: ["S", "R"],
    flow: ["T", "I", "D"],
  };
  const names: Record<string, string> = {
    S: "spoofing",
    T: "tampering",
    R: "repudiation",
    I: "disclosure",
    D: "dos",
    E: "elevation",
  };

  it("has one threat per applicable letter, with the matching STRIDE category", () => {
    for (const [element, letters] of Object.entries(expected)) {
      for (const letter of letters) {
        const threat = CATALOG_THREATS.find((t) => t.id === `stride-${element}-${names[letter]}`);
        expect(threat?.categories.stride, `${element} ${letter}`).toEqual([letter]);
      }
    }
  });

  it("applies flow threats to flows only", () => {
    for (const threat of CATALOG_THREATS.filter((t) => t.id.startsWith("stride-flow-"))) {
      expect(threat.appliesTo).toEqual([]);
      expect(threat.appliesToFlows).toBe(true);
    }
  });

  it("applies each element's threats to every kind of that DFD base type", () => {
    const spoofing = CATALOG_THREATS.find((t) => t.id === "stride-process-spoofing");
    expect(spoofing?.appliesTo).toEqual(expect.arrayContaining(["process", "llm-agent", "training-job"]));
    const disclosure = CATALOG_THREATS.find((t) => t.id === "stride-datastore-disclosure");
    expect(disclosure?.appliesTo).toEqual(expect.arrayContaining(["datastore", "dataset", "vector-store"]));
    const external = CATALOG_THREATS.find((t) => t.id === "stride-external-spoofing");
    expect(external?.appliesTo).toEqual(
      expect.arrayContaining(["end-user", "data-broker", "third-party-model"]),
    );
  });
});

describe("mitigation entries", () => {
  it("are each addressed by at least one threat", () => {
    const used = new Set(CATALOG_THREATS.flatMap((threat) => threat.mitigationIds));
    expect(CATALOG_MITIGATIONS.filter((m) => !used.has(m.id)).map((m) => m.id)).toEqual([]);
  });

  it("have a description, refs in canonical spelling and known ATLAS ids", () => {
    for (const mitigation of CATALOG_MITIGATIONS) {
      expect(mitigation.description.length, mitigation.id).toBeGreaterThan(40);
      expect(mitigation.refs.length, mitigation.id).toBeGreaterThan(0);
      const odd = mitigation.refs.filter((ref) => !MITIGATION_REF_PATTERNS.some((p) => p.test(ref)));
      expect(odd, mitigation.id).toEqual([]);
      const techniques = mitigation.refs.filter((ref) => ref.startsWith("AML.T"));
      expect(
        techniques.filter((id) => !findAtlasTechnique(id)),
        mitigation.id,
      ).toEqual([]);
      const atlasMitigations = mitigation.refs.filter((ref) => ref.startsWith("AML.M"));
      expect(
        atlasMitigations.filter((id) => !mitigationIds.has(id)),
        mitigation.id,
      ).toEqual([]);
      expect(
        withPrefix(mitigation.refs, "AIX:").filter((slug) => !AIX_SLUGS.has(slug)),
        mitigation.id,
      ).toEqual([]);
    }
  });
});

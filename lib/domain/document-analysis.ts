import { z } from "zod";
import { DataClassificationSchema, IdSchema } from "./document-graph";
import { sortedShape } from "./sorted-shape";

/**
 * The analysis part of the document: assets, threats and mitigations. Only ids and titles (names
 * for assets) are required; optional fields stay absent when not given, lists default to empty,
 * booleans to false and likelihood/impact to 3. Entries are loose, like the diagram's.
 */
const ids = () => z.array(IdSchema).default([]);

export const ProvenanceSchema = z.enum([
  "first-party",
  "third-party-broker",
  "user-generated",
  "vendor-model",
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const CiaLevelSchema = z.enum(["low", "medium", "high"]);

export const AssetSchema = z.looseObject(
  sortedShape({
    id: IdSchema,
    name: z.string().min(1, "name must not be empty"),
    /** Free text: "training data", "model weights", "API keys", ... */
    type: z.string().optional(),
    classification: DataClassificationSchema.optional(),
    provenance: ProvenanceSchema.optional(),
    cia: z
      .object(
        sortedShape({
          confidentiality: CiaLevelSchema.optional(),
          integrity: CiaLevelSchema.optional(),
          availability: CiaLevelSchema.optional(),
        }),
      )
      .optional(),
    elementIds: ids(),
  }),
);
export type Asset = z.infer<typeof AssetSchema>;

export const STRIDE = ["S", "T", "R", "I", "D", "E"] as const;
export const StrideSchema = z.enum(STRIDE);
export type Stride = z.infer<typeof StrideSchema>;

export const LinddunSchema = z.enum([
  "linking",
  "identifying",
  "non-repudiation",
  "detecting",
  "data-disclosure",
  "unawareness",
  "non-compliance",
]);

// Identifier formats as ARCHITECTURE.md writes them: AML.T0051(.000), ML01:2023, LLM01:2025.
const AtlasIdSchema = z.string().regex(/^AML\.TA?\d{4}(\.\d{3})?$/, "expected an ATLAS id such as AML.T0051");
const OwaspMlIdSchema = z.string().regex(/^ML(0[1-9]|10):2023$/, "expected an OWASP ML id such as ML01:2023");
const OwaspLlmIdSchema = z
  .string()
  .regex(/^LLM(0[1-9]|10):2025$/, "expected an OWASP LLM id such as LLM01:2025");

export const ThreatCategoriesSchema = z.looseObject(
  sortedShape({
    stride: z.array(StrideSchema).default([]),
    atlas: z.array(AtlasIdSchema).default([]),
    owaspMl: z.array(OwaspMlIdSchema).default([]),
    owaspLlm: z.array(OwaspLlmIdSchema).default([]),
    linddun: z.array(LinddunSchema).default([]),
    /** OWASP AI Exchange category, free text. */
    aiExchange: z.string().optional(),
  }),
);

export const AttackerAccessSchema = z.enum(["local", "remote", "authenticated", "insider", "supply-chain"]);

export const THREAT_STATUSES = ["open", "mitigated", "accepted", "transferred", "not-applicable"] as const;
export const ThreatStatusSchema = z.enum(THREAT_STATUSES);
export type ThreatStatus = z.infer<typeof ThreatStatusSchema>;

const RatingSchema = z.number().int().min(1).max(5).default(3);

export const ThreatSchema = z.looseObject(
  sortedShape({
    id: IdSchema,
    title: z.string().min(1, "title must not be empty"),
    description: z.string().optional(),
    catalogId: z.string().optional(),
    categories: ThreatCategoriesSchema.prefault({}),
    /** Element or flow ids. */
    targetIds: ids(),
    assetIds: ids(),
    attackerGoal: z.string().optional(),
    attackerCapabilities: z
      .looseObject(sortedShape({ access: AttackerAccessSchema.optional(), notes: z.string().optional() }))
      .optional(),
    impacts: z.string().optional(),
    indicators: z.array(z.string()).default([]),
    likelihood: RatingSchema,
    impact: RatingSchema,
    status: ThreatStatusSchema.default("open"),
    statusReason: z.string().optional(),
    owner: z.string().optional(),
    playbook: z.string().optional(),
  }),
);
export type Threat = z.infer<typeof ThreatSchema>;
export type ThreatInput = z.input<typeof ThreatSchema>;

export const MITIGATION_STATUSES = [
  "proposed",
  "planned",
  "in-progress",
  "implemented",
  "verified",
  "rejected",
] as const;
export const MitigationStatusSchema = z.enum(MITIGATION_STATUSES);
export type MitigationStatus = z.infer<typeof MitigationStatusSchema>;

export const NistFunctionSchema = z.enum(["govern", "map", "measure", "manage"]);

export const EvidenceSchema = z.looseObject(
  sortedShape({
    label: z.string().min(1, "label must not be empty"),
    url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }),
  }),
);

export const MitigationSchema = z.looseObject(
  sortedShape({
    id: IdSchema,
    title: z.string().min(1, "title must not be empty"),
    description: z.string().optional(),
    catalogId: z.string().optional(),
    threatIds: ids(),
    status: MitigationStatusSchema.default("proposed"),
    statusReason: z.string().optional(),
    owner: z.string().optional(),
    /** A calendar date, YYYY-MM-DD. */
    dueDate: z.iso.date("expected a date as YYYY-MM-DD").optional(),
    rationale: z.string().optional(),
    evidence: z.array(EvidenceSchema).default([]),
    /** How much of the threat's risk this removes once in place, in percent. */
    effectiveness: z.number().min(0).max(100).optional(),
    nistFunction: NistFunctionSchema.optional(),
  }),
);
export type Mitigation = z.infer<typeof MitigationSchema>;
export type MitigationInput = z.input<typeof MitigationSchema>;

import { z } from "zod";
import type { ElementKind } from "./kinds";

/**
 * The documented, kind-specific `properties` of each element kind. Every property is optional and
 * every object is loose: a key the registry does not know yet is kept, never dropped, so documents
 * written by newer clients or by hand survive a round trip.
 */
export const TRUST_LEVELS = ["untrusted", "partner", "internal", "restricted"] as const;
export const TrustLevelSchema = z.enum(TRUST_LEVELS);
export type TrustLevel = z.infer<typeof TrustLevelSchema>;

export const AgentAutonomySchema = z.enum([
  "suggests-only",
  "acts-with-confirmation",
  "acts-without-confirmation",
]);
export type AgentAutonomy = z.infer<typeof AgentAutonomySchema>;

const flag = () => z.boolean().optional();
const text = () => z.string().optional();
const list = () => z.array(z.string()).optional();

export const KIND_PROPERTY_SCHEMAS = {
  process: z.looseObject({ technology: text() }),
  datastore: z.looseObject({
    technology: text(),
    encryptedAtRest: flag(),
    containsPersonalData: flag(),
  }),
  "external-entity": z.looseObject({ organization: text() }),
  "trust-boundary": z.looseObject({ trustLevel: TrustLevelSchema.optional() }),
  dataset: z.looseObject({
    containsPersonalData: flag(),
    encryptedAtRest: flag(),
    labelSource: text(),
  }),
  "data-pipeline": z.looseObject({ validatesSchema: flag(), schedule: text() }),
  "feature-store": z.looseObject({ online: flag(), encryptedAtRest: flag() }),
  "labeling-workforce": z.looseObject({ outsourced: flag(), vetted: flag() }),
  "model-registry": z.looseObject({ signsArtifacts: flag(), accessControlled: flag() }),
  "training-job": z.looseObject({ framework: text(), isolatedNetwork: flag() }),
  "inference-endpoint": z.looseObject({
    public: flag(),
    authenticated: flag(),
    rateLimited: flag(),
    returnsConfidenceScores: flag(),
    servesLlm: flag(),
  }),
  "prompt-template": z.looseObject({ includesUntrustedInput: flag(), containsSecrets: flag() }),
  "llm-agent": z.looseObject({ tools: list(), autonomy: AgentAutonomySchema.optional(), model: text() }),
  "third-party-model": z.looseObject({
    vendor: text(),
    verifiedChecksum: flag(),
    serializationFormat: text(),
    servesLlm: flag(),
  }),
  "vector-store": z.looseObject({ sources: list(), containsPersonalData: flag() }),
  monitoring: z.looseObject({ detectsDrift: flag(), alertsOnAnomalies: flag() }),
  "data-broker": z.looseObject({ contractInPlace: flag(), provenanceDocumented: flag() }),
  "end-user": z.looseObject({ authenticated: flag() }),
} as const satisfies Record<ElementKind, z.ZodType>;

export type KindPropertySchemas = typeof KIND_PROPERTY_SCHEMAS;

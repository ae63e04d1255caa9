import { z } from "zod";

/**
 * The threat-model document: what a version stores and what its hash covers. This is the
 * foundation's envelope; the canvas work fills in the element, flow, asset, threat and mitigation
 * shapes. Unknown keys inside entries are kept (looseObject) so nothing a client sends is lost.
 */
const EntrySchema = z.looseObject({ id: z.string().min(1, "id must not be empty") });

export const SystemTypeSchema = z.enum(["ml-pipeline", "inference-api", "llm-app", "agentic", "other"]);

export const ScopeSchema = z.object({
  purpose: z.string().default(""),
  systemType: SystemTypeSchema.default("other"),
  successCriteria: z.string().default(""),
  harmDefinition: z.string().default(""),
});

export const ThreatModelDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  title: z.string().default(""),
  description: z.string().default(""),
  scope: ScopeSchema.default({ purpose: "", systemType: "other", successCriteria: "", harmDefinition: "" }),
  elements: z.array(EntrySchema).default([]),
  flows: z.array(EntrySchema).default([]),
  assets: z.array(EntrySchema).default([]),
  threats: z.array(EntrySchema).default([]),
  mitigations: z.array(EntrySchema).default([]),
  assumptions: z.array(z.string()).default([]),
});

export type ThreatModelDocument = z.infer<typeof ThreatModelDocumentSchema>;

export function emptyDocument(title = "", description = ""): ThreatModelDocument {
  return ThreatModelDocumentSchema.parse({ schemaVersion: 1, title, description });
}

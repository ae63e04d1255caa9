import { z } from "zod";
import { AssetSchema, MitigationSchema, ThreatSchema } from "./document-analysis";
import { ElementSchema, FlowSchema } from "./document-graph";
import { findReferenceProblems } from "./document-references";
import { sortedShape } from "./sorted-shape";

/**
 * The threat-model document: what a version stores, what the diff compares and what the hash
 * covers. It is the public document format, so a document written by hand to these names
 * validates and gets the defaults. Entry schemas live in document-graph.ts (elements, flows) and
 * document-analysis.ts (assets, threats, mitigations); cross-references are checked here.
 */
export * from "./document-analysis";
export * from "./document-graph";
export type { ReferenceProblem } from "./document-references";
export { findReferenceProblems } from "./document-references";

export const SystemTypeSchema = z.enum(["ml-pipeline", "inference-api", "llm-app", "agentic", "other"]);
export type SystemType = z.infer<typeof SystemTypeSchema>;

export const ScopeSchema = z.object(
  sortedShape({
    purpose: z.string().default(""),
    systemType: SystemTypeSchema.default("other"),
    successCriteria: z.string().default(""),
    harmDefinition: z.string().default(""),
  }),
);
export type Scope = z.infer<typeof ScopeSchema>;

export const ThreatModelDocumentSchema = z
  .object(
    sortedShape({
      schemaVersion: z.literal(1),
      title: z.string().default(""),
      description: z.string().default(""),
      scope: ScopeSchema.prefault({}),
      elements: z.array(ElementSchema).default([]),
      flows: z.array(FlowSchema).default([]),
      assets: z.array(AssetSchema).default([]),
      threats: z.array(ThreatSchema).default([]),
      mitigations: z.array(MitigationSchema).default([]),
      assumptions: z.array(z.string()).default([]),
    }),
  )
  .superRefine((doc, ctx) => {
    for (const problem of findReferenceProblems(doc)) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });

export type ThreatModelDocument = z.infer<typeof ThreatModelDocumentSchema>;
/** A document as a client may send it: optional fields may be missing. */
export type ThreatModelDocumentInput = z.input<typeof ThreatModelDocumentSchema>;

export function emptyDocument(title = "", description = ""): ThreatModelDocument {
  return ThreatModelDocumentSchema.parse({ schemaVersion: 1, title, description });
}

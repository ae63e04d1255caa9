import { z } from "zod";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { agentWithTools } from "./agent-with-tools";
import { fineTuneFoundationModel } from "./fine-tune-foundation-model";
import { publicInferenceApi } from "./public-inference-api";
import { ragAssistant } from "./rag-assistant";
import { supervisedTraining } from "./supervised-training";
import type { Template } from "./types";

/**
 * Parameterized starting points for common ML systems. Each builds a diagram, scope and assets but
 * no threats or mitigations: the rule engine suggests those from the diagram.
 */
export type { Template, TemplateParameter } from "./types";

export const TEMPLATES: readonly Template[] = [
  ragAssistant,
  supervisedTraining,
  publicInferenceApi,
  fineTuneFoundationModel,
  agentWithTools,
];

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((template) => template.id === id);
}

/** Validated parameters: defaults for missing ones; unknown ids or non-boolean values -> a zod error naming the parameter. */
export const TemplateParametersSchema = (template: Template): z.ZodType<Record<string, boolean>> => {
  const known = template.parameters.map((p) => p.id);
  const shape = Object.fromEntries(
    template.parameters.map((p) => [
      p.id,
      z.boolean({ error: `parameter "${p.id}" must be true or false` }).default(p.default),
    ]),
  );
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown parameter ${issue.keys.map((key) => `"${key}"`).join(", ")} for template ` +
          `"${template.id}"; expected ${known.map((id) => `"${id}"`).join(", ")}`
        : "parameters must be an object of true/false values",
  });
};

export function instantiateTemplate(id: string, params: Record<string, unknown> = {}): ThreatModelDocument {
  const template = findTemplate(id);
  if (!template) {
    const known = TEMPLATES.map((t) => `"${t.id}"`).join(", ");
    throw new Error(`unknown template "${id}"; expected one of ${known}`);
  }
  return ThreatModelDocumentSchema.parse(template.build(TemplateParametersSchema(template).parse(params)));
}

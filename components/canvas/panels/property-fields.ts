import { z } from "zod";
import { type ElementKind, KIND_INFO } from "@/lib/domain/kinds";
import { humanize } from "./labels";

/**
 * The inspector's form for an element's kind-specific `properties`, derived from the kind's
 * property schema so a property documented there is editable without touching the panel.
 */
export type PropertyField =
  | { key: string; label: string; type: "boolean" }
  | { key: string; label: string; type: "string" }
  | { key: string; label: string; type: "list" }
  | { key: string; label: string; type: "enum"; options: readonly string[] };

// Where the camelCase key alone reads poorly.
const LABELS: Record<string, string> = {
  public: "Reachable from the internet",
  rateLimited: "Rate limited",
  includesUntrustedInput: "Includes untrusted input",
  verifiedChecksum: "Checksum verified",
  returnsConfidenceScores: "Returns confidence scores",
  servesLlm: "Is a language model (LLM)",
  online: "Serves online (low latency)",
  sources: "Sources",
};

function unwrapOptional(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function fieldOf(key: string, schema: z.ZodType): PropertyField | null {
  const label = LABELS[key] ?? humanize(key);
  const inner = unwrapOptional(schema);
  if (inner instanceof z.ZodBoolean) return { key, label, type: "boolean" };
  if (inner instanceof z.ZodString) return { key, label, type: "string" };
  if (inner instanceof z.ZodEnum) return { key, label, type: "enum", options: inner.options.map(String) };
  if (inner instanceof z.ZodArray && unwrapOptional(inner.element as z.ZodType) instanceof z.ZodString) {
    return { key, label, type: "list" };
  }
  return null;
}

/** Fields for every documented property of a kind, in schema order: booleans last, as a block. */
export function propertyFieldsOf(kind: ElementKind): PropertyField[] {
  const schema: z.ZodObject = KIND_INFO[kind].properties;
  const fields: PropertyField[] = [];
  for (const [key, value] of Object.entries(schema.shape)) {
    const field = fieldOf(key, value as z.ZodType);
    if (field) fields.push(field);
  }
  return [...fields.filter((f) => f.type !== "boolean"), ...fields.filter((f) => f.type === "boolean")];
}

/** Keys present on an element's properties that its kind does not document (kept, shown read-only). */
export function undocumentedProperties(
  kind: ElementKind,
  properties: Readonly<Record<string, unknown>>,
): [string, string][] {
  const known = new Set(Object.keys(KIND_INFO[kind].properties.shape));
  return Object.entries(properties)
    .filter(([key, value]) => !known.has(key) && value !== undefined)
    .map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
}

/** The properties with one key set, or removed when the value is empty (unset). */
export function withProperty(
  properties: Readonly<Record<string, unknown>>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...properties };
  const isEmpty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  if (isEmpty) delete next[key];
  else next[key] = value;
  return next;
}

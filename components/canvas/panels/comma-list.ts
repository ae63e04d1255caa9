import type { z } from "zod";

/**
 * Comma-separated id lists ("AML.T0051, AML.T0024"): parsed into trimmed, de-duplicated entries
 * and checked against the document schema's element schema, so the inline error names exactly the
 * entries the schema would reject on save.
 */
export function parseCommaList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,\n]/)) {
    const entry = part.trim();
    if (entry) seen.add(entry);
  }
  return [...seen];
}

export function formatCommaList(values: readonly string[]): string {
  return values.join(", ");
}

export type ParsedList = { values: string[]; invalid: string[] };

/** Splits the text and sorts entries into those the schema accepts and those it rejects. */
export function validateCommaList(text: string, schema: z.ZodType<string>): ParsedList {
  const values: string[] = [];
  const invalid: string[] = [];
  for (const entry of parseCommaList(text)) {
    if (schema.safeParse(entry).success) values.push(entry);
    else invalid.push(entry);
  }
  return { values, invalid };
}

/** The inline error for a list, or null when every entry is valid. */
export function commaListError(parsed: ParsedList, example: string): string | null {
  if (parsed.invalid.length === 0) return null;
  const quoted = parsed.invalid.map((entry) => `"${entry}"`).join(", ");
  const noun = parsed.invalid.length === 1 ? "is not a valid id" : "are not valid ids";
  return `${quoted} ${noun}; expected ids like ${example}.`;
}

import { z } from "zod";
import type { Threat } from "@/lib/domain/document";
import { LinddunSchema, StrideSchema } from "@/lib/domain/document";

/**
 * Framework references in their canonical spellings (see types.ts): ATLAS techniques and
 * mitigations, OWASP ML 2023 and LLM 2025, STRIDE, LINDDUN, OWASP AI Exchange, and free-form
 * control references such as "NIST:MEASURE-2.7" or "ISO42001:A.7".
 */
export const CatalogRefSchema = z
  .string()
  .trim()
  .regex(
    /^(AML\.(T|M)\d{4}(\.\d{3})?|ML(0[1-9]|10):2023|LLM(0[1-9]|10):2025|STRIDE:[STRIDE]|LINDDUN:[a-z-]+|AIX:[a-z0-9-]+|[A-Z][A-Z0-9]+:[\w.-]+)$/,
    "expected a reference such as AML.T0051, ML02:2023, LLM01:2025, STRIDE:T, LINDDUN:linking or NIST:MAP-1.1",
  );

/** The document threat categories a list of references implies. */
export function categoriesFromRefs(refs: readonly string[]): Partial<Threat["categories"]> {
  const stride = refs.flatMap((ref) => {
    const letter = /^STRIDE:(.)$/.exec(ref)?.[1];
    const parsed = StrideSchema.safeParse(letter);
    return parsed.success ? [parsed.data] : [];
  });
  const linddun = refs.flatMap((ref) => {
    const parsed = LinddunSchema.safeParse(/^LINDDUN:(.+)$/.exec(ref)?.[1]);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    stride,
    atlas: refs.filter((ref) => /^AML\.TA?\d{4}(\.\d{3})?$/.test(ref)),
    owaspMl: refs.filter((ref) => /^ML(0[1-9]|10):2023$/.test(ref)),
    owaspLlm: refs.filter((ref) => /^LLM(0[1-9]|10):2025$/.test(ref)),
    linddun,
  };
}

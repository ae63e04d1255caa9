import type { z } from "zod";

/**
 * The same object shape with its keys in sorted order. Zod writes a parsed object's keys in its
 * shape's order, so a document parsed through schemas built this way is already in canonical key
 * order, and hashing it (canonical.ts) writes it as it is instead of building a sorted copy (docs/
 * decisions/0011; the save phases of `npm run bench -- api`). Schemas keep listing their fields in
 * the order that reads best.
 */
export function sortedShape<T extends z.ZodRawShape>(shape: T): T {
  const keys = Object.keys(shape).sort();
  return Object.fromEntries(keys.map((key) => [key, shape[key]])) as T;
}

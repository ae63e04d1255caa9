import { createHash } from "node:crypto";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The value with object keys sorted at every depth and undefined dropped, for JSON.stringify. A
 * part that is already in that form (a parsed document mostly is: its schemas list their keys
 * sorted, see sortedShape) is returned as it is rather than copied, so hashing a large document
 * costs little more than stringifying it.
 */
function normalize(value: unknown): Json {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonical JSON cannot hold NaN or Infinity");
    return value;
  }
  if (Array.isArray(value)) return normalizeArray(value);
  if (typeof value === "object") return normalizeObject(value as Record<string, unknown>);
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

function normalizeArray(array: unknown[]): Json[] {
  let copy: Json[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    const normal = item === undefined ? null : normalize(item);
    if (copy) copy.push(normal);
    else if (normal !== item) copy = [...(array.slice(0, i) as Json[]), normal];
  }
  return copy ?? (array as Json[]);
}

function normalizeObject(record: Record<string, unknown>): Json {
  const keys = Object.keys(record);
  // Only a plain object can be kept: JSON.stringify would call another object's toJSON. An own
  // "__proto__" key (JSON.parse makes one) is dropped, as the copy has always done.
  const prototype = Object.getPrototypeOf(record);
  let reusable =
    (prototype === Object.prototype || prototype === null) && !Object.hasOwn(record, "__proto__");
  for (let i = 1; reusable && i < keys.length; i++) reusable = (keys[i - 1] as string) < (keys[i] as string);
  if (!reusable) keys.sort();
  let copy: { [key: string]: Json } | undefined = reusable ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = record[key];
    const normal = item === undefined ? undefined : normalize(item);
    if (!copy && (normal !== item || item === undefined)) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j] as string] = record[keys[j] as string] as Json;
    }
    if (copy && normal !== undefined) copy[key] = normal;
  }
  return copy ?? (record as Json);
}

/** JSON with object keys sorted at every depth and arrays in document order: the hashed form. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

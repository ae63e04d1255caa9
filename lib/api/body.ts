import { AppError } from "./errors";

/**
 * Reads a request body as JSON, refusing bodies over `maxBytes` before parsing: first from
 * Content-Length, then while streaming (chunked uploads carry no length).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  return parseJsonBody(await readBodyText(request, maxBytes));
}

/** The body's text, refused with 413 over `maxBytes` (declared or streamed); "" without a body. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a body's text: undefined when empty, 400 when not JSON, 422 when not storable. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
  // JSON text writes a NUL character only as the escape \u0000: without one, no string holds it.
  assertStorableJson(value, text.includes("\\u0000"));
  return value;
}

export const MAX_JSON_DEPTH = 64;

/**
 * Refuses JSON that parses but cannot be stored or hashed faithfully: NUL characters (PostgreSQL
 * text and jsonb reject them), numbers that overflowed to Infinity, and nesting deeper than any
 * document needs. The error names the offending path.
 */
export function assertStorableJson(root: unknown, mayHoldNul = true): void {
  // The common case, checked fast; only a body that fails is walked again to name the path.
  if (isStorable(root, 0, mayHoldNul)) return;
  throwWithPath(root);
  throw invalid("body: holds a value that cannot be stored");
}

function isStorable(value: unknown, depth: number, mayHoldNul: boolean): boolean {
  if (typeof value === "string") return !mayHoldNul || !value.includes("\u0000");
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isStorable(item, depth + 1, mayHoldNul)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  // Parsed JSON: only own keys are enumerable.
  for (const key in record) {
    if ((mayHoldNul && key.includes("\u0000")) || !isStorable(record[key], depth + 1, mayHoldNul))
      return false;
  }
  return true;
}

function throwWithPath(root: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const where = path || "body";
    if (typeof value === "string" && value.includes("\u0000")) {
      throw invalid(`${where}: must not contain NUL characters`);
    }
    if (typeof value === "number" && !Number.isFinite(value))
      throw invalid(`${where}: number is out of range`);
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) throw invalid(`${where}: nested deeper than ${MAX_JSON_DEPTH} levels`);
    for (const [key, child] of Object.entries(value)) {
      if (key.includes("\u0000")) throw invalid(`${where}: a key contains a NUL character`);
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
}

function invalid(message: string) {
  return new AppError("validation_failed", message);
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `Request body exceeds the limit of ${maxBytes} bytes`);
}

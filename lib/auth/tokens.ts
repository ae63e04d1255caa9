import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/domain/canonical";

const TOKEN_PREFIX = "tb_";

/** A new API token secret and the hash stored in its place. */
export function generateApiToken(): { token: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashSecret(token) };
}

/** Secrets are high-entropy random strings, so a plain sha256 is enough (no slow hash needed). */
export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > TOKEN_PREFIX.length + 20;
}

import { canonicalJson, sha256Hex } from "./canonical";

/** What the sign-off ledger records, in the words of the API. */
export const LEDGER_EVENTS = [
  "review_requested",
  "decision",
  "signed_off",
  "stale",
  "withdrawn",
  "risk_accepted",
  "stage_changed",
] as const;
export type LedgerEvent = (typeof LEDGER_EVENTS)[number];

/** The previous hash of a model's first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The hashed part of an entry: everything but the two hashes. */
export type LedgerFields = {
  modelId: string;
  seq: number;
  event: LedgerEvent | string;
  actorId: string;
  version: number;
  contentHash: string;
  details: unknown;
  createdAt: Date;
};

export type LedgerRow = LedgerFields & { prevHash: string; entryHash: string };

/** sha256(prevHash + canonical JSON of the entry's fields); the timestamp is hashed as ISO 8601 UTC. */
export function ledgerEntryHash(prevHash: string, fields: LedgerFields): string {
  const canonical = canonicalJson({
    modelId: fields.modelId,
    seq: fields.seq,
    event: fields.event,
    actorId: fields.actorId,
    version: fields.version,
    contentHash: fields.contentHash,
    details: fields.details,
    createdAt: fields.createdAt.toISOString(),
  });
  return sha256Hex(prevHash + canonical);
}

export type ChainVerdict = { valid: boolean; entries: number; firstBadEntry?: number; reason?: string };

/**
 * Recomputes a model's chain from its first entry. The first entry whose sequence number, link to
 * the previous entry, or own hash does not hold is reported; nothing after it is trusted.
 */
export function verifyChain(rows: readonly LedgerRow[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    const bad = (reason: string): ChainVerdict => ({
      valid: false,
      entries: rows.length,
      firstBadEntry: row.seq,
      reason,
    });
    if (row.seq !== index + 1) return bad(`expected entry ${index + 1}, found ${row.seq}`);
    if (row.prevHash !== prevHash) return bad("prevHash does not match the previous entry's hash");
    if (row.entryHash !== ledgerEntryHash(prevHash, row)) return bad("entryHash does not match its content");
    prevHash = row.entryHash;
  }
  return { valid: true, entries: rows.length };
}

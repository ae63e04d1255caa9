import { describe, expect, it } from "vitest";
import { GENESIS_HASH, type LedgerRow, ledgerEntryHash, verifyChain } from "./ledger";

function chain(count: number): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      modelId: "m1",
      seq,
      event: seq === 1 ? "review_requested" : "decision",
      actorId: `u${seq}`,
      version: 2,
      contentHash: "a".repeat(64),
      details: { decision: "approve", note: `entry ${seq}` },
      createdAt: new Date(Date.UTC(2026, 10, 22, 12, 0, seq)),
    };
    const entryHash = ledgerEntryHash(prevHash, fields);
    rows.push({ ...fields, prevHash, entryHash });
    prevHash = entryHash;
  }
  return rows;
}

describe("ledgerEntryHash", () => {
  it("is sha256 hex, and changes with any field or the previous hash", () => {
    const [row] = chain(1);
    if (!row) throw new Error("no row");
    expect(row.entryHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ledgerEntryHash("f".repeat(64), row)).not.toBe(row.entryHash);
    expect(ledgerEntryHash(row.prevHash, { ...row, version: 3 })).not.toBe(row.entryHash);
    expect(ledgerEntryHash(row.prevHash, { ...row, details: { decision: "comment" } })).not.toBe(
      row.entryHash,
    );
    expect(
      ledgerEntryHash(row.prevHash, { ...row, createdAt: new Date(row.createdAt.getTime() + 1) }),
    ).not.toBe(row.entryHash);
  });

  it("does not depend on the key order of details", () => {
    const [row] = chain(1);
    if (!row) throw new Error("no row");
    expect(ledgerEntryHash(row.prevHash, { ...row, details: { note: "entry 1", decision: "approve" } })).toBe(
      row.entryHash,
    );
  });
});

describe("verifyChain", () => {
  it("accepts an intact chain and an empty one", () => {
    expect(verifyChain(chain(5))).toEqual({ valid: true, entries: 5 });
    expect(verifyChain([])).toEqual({ valid: true, entries: 0 });
  });

  it("reports the first entry whose content was edited", () => {
    const rows = chain(5);
    rows[2] = { ...(rows[2] as LedgerRow), actorId: "mallory" };
    expect(verifyChain(rows)).toMatchObject({ valid: false, entries: 5, firstBadEntry: 3 });
  });

  it("reports an entry whose hashes were recomputed without relinking the next one", () => {
    const rows = chain(4);
    const edited = { ...(rows[1] as LedgerRow), details: { decision: "request_changes" } };
    edited.entryHash = ledgerEntryHash(edited.prevHash, edited);
    rows[1] = edited;
    expect(verifyChain(rows)).toMatchObject({ valid: false, firstBadEntry: 3 });
  });

  it("reports a removed entry as a gap in the sequence", () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ valid: false, firstBadEntry: 3 });
  });
});

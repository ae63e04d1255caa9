import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { appendLedger, verifyLedger } from "@/lib/server/ledger";
import { createWorkspace } from "@/lib/server/workspaces";
import { createTestModel, createUser, type TestUser } from "./fixtures";
import { testDatabaseUrl, withClient } from "./helpers";

/* The ledger's append-only trigger and chain verification, with plain SQL against real PostgreSQL. */

let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  owner = await createUser("LedgerOwner");
  workspaceId = (await createWorkspace(owner, { name: "Ledger" })).id;
});

async function modelWithEntries(count: number): Promise<string> {
  const model = await createTestModel(owner, workspaceId);
  for (let i = 0; i < count; i++) {
    await db().$transaction((tx) =>
      appendLedger(tx, {
        modelId: model.id,
        event: "decision",
        actorId: owner.id,
        version: 1,
        contentHash: "c".repeat(64),
        details: { decision: "comment", comment: `entry ${i + 1}` },
      }),
    );
  }
  return model.id;
}

const sql = <T>(run: (client: import("pg").Client) => Promise<T>) => withClient(testDatabaseUrl(), run);

describe("the LedgerEntry trigger", () => {
  it.each([
    ["UPDATE", `UPDATE "LedgerEntry" SET "actorId" = "actorId" WHERE "modelId" = $1`],
    ["DELETE", `DELETE FROM "LedgerEntry" WHERE "modelId" = $1`],
  ])("refuses %s with plain SQL", async (_op, statement) => {
    const modelId = await modelWithEntries(2);
    await expect(sql((client) => client.query(statement, [modelId]))).rejects.toThrow(/append-only/);
    expect(await db().ledgerEntry.count({ where: { modelId } })).toBe(2);
  });

  it("refuses TRUNCATE", async () => {
    const modelId = await modelWithEntries(1);
    await expect(sql((client) => client.query(`TRUNCATE "LedgerEntry" CASCADE`))).rejects.toThrow(
      /append-only/,
    );
    expect(await db().ledgerEntry.count({ where: { modelId } })).toBe(1);
  });
});

describe("verify", () => {
  it("accepts an untouched chain, and a model without entries", async () => {
    const modelId = await modelWithEntries(4);
    expect(await verifyLedger(owner, modelId)).toEqual({ valid: true, entries: 4 });
    const empty = await createTestModel(owner, workspaceId);
    expect(await verifyLedger(owner, empty.id)).toEqual({ valid: true, entries: 0 });
  });

  it("names the first entry edited behind the trigger's back", async () => {
    const modelId = await modelWithEntries(5);
    await sql(async (client) => {
      await client.query(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_no_update_or_delete"`);
      try {
        await client.query(
          `UPDATE "LedgerEntry" SET "details" = '{"decision":"approve"}' WHERE "modelId" = $1 AND "seq" = 3`,
          [modelId],
        );
      } finally {
        await client.query(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_no_update_or_delete"`);
      }
    });
    expect(await verifyLedger(owner, modelId)).toMatchObject({ valid: false, entries: 5, firstBadEntry: 3 });
  });

  it("notices a deleted entry", async () => {
    const modelId = await modelWithEntries(3);
    await sql(async (client) => {
      await client.query(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_no_update_or_delete"`);
      try {
        await client.query(`DELETE FROM "LedgerEntry" WHERE "modelId" = $1 AND "seq" = 2`, [modelId]);
      } finally {
        await client.query(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_no_update_or_delete"`);
      }
    });
    expect(await verifyLedger(owner, modelId)).toMatchObject({ valid: false, firstBadEntry: 3 });
  });
});

describe("appendLedger", () => {
  it("keeps one unbroken chain when ten appends race on one model", async () => {
    const model = await createTestModel(owner, workspaceId);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db().$transaction((tx) =>
          appendLedger(tx, {
            modelId: model.id,
            event: "decision",
            actorId: owner.id,
            version: 1,
            contentHash: "d".repeat(64),
            details: { n: i },
          }),
        ),
      ),
    );
    const rows = await db().ledgerEntry.findMany({ where: { modelId: model.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await verifyLedger(owner, model.id)).toEqual({ valid: true, entries: 10 });
  });
});

import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/db/client";
import { canonicalJson, sha256Hex } from "@/lib/domain/canonical";
import { canonicalizeParsed } from "@/lib/domain/canonical-document";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { type AuditInput, auditInsertSql } from "./audit";
import { markReviewsStaleSql, type StaleReview } from "./review-state";

/** A document as it is stored: its canonical JSON text, and that text's sha256. */
export type StoredContent = { canonicalJson: string; contentHash: string };

/** The stored form of a document the schema has already parsed. */
export function storedContent(document: ThreatModelDocument): StoredContent {
  const text = canonicalJson(canonicalizeParsed(document));
  return { canonicalJson: text, contentHash: sha256Hex(text) };
}

export type NewVersionRow = {
  modelId: string;
  number: number;
  parentNumber: number | null;
  /** New content, or the number of a version of the same model whose content is copied. */
  content: StoredContent | { copyOf: number; contentHash: string };
  message: string;
  authorId: string;
  restoredFrom: number | null;
};

/**
 * Writes a version row with SQL, content as the canonical text in a `json` column, so that
 * sha256(content) = contentHash holds in the database too. Prisma's own JSON parameters cost about
 * 50 ms on a 1,000-element document; one text parameter costs a few (docs/decisions/0005).
 */
export async function insertVersion(tx: Prisma.TransactionClient, row: NewVersionRow): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ModelVersion"
      ("id", "modelId", "number", "parentNumber", "content", "contentHash", "message", "authorId", "restoredFrom")
    VALUES (${randomUUID()}, ${row.modelId}, ${row.number}, ${row.parentNumber}, ${contentSql(row)},
      ${row.content.contentHash}, ${row.message}, ${row.authorId}, ${row.restoredFrom})`;
}

/**
 * Appends a version as the model's new head in one statement: the row, the model's head pointer,
 * the removal of the autosaved working copy the new version supersedes, the audit record, and the
 * reviews of older versions marked stale (returned, for their ledger entries). The caller holds
 * the model row's lock. (One round trip instead of five: saves are measured, docs/benchmarks.md.)
 */
export async function insertHeadVersion(
  tx: Prisma.TransactionClient,
  row: NewVersionRow,
  audit: AuditInput,
): Promise<StaleReview[]> {
  return tx.$queryRaw<StaleReview[]>`
    WITH "moved" AS (
      UPDATE "ThreatModel" SET "headVersion" = ${row.number}, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = ${row.modelId}
    ), "superseded" AS (
      DELETE FROM "WorkingCopy" WHERE "modelId" = ${row.modelId}
    ), "version" AS (
      INSERT INTO "ModelVersion"
        ("id", "modelId", "number", "parentNumber", "content", "contentHash", "message", "authorId", "restoredFrom")
      VALUES (${randomUUID()}, ${row.modelId}, ${row.number}, ${row.parentNumber}, ${contentSql(row)},
        ${row.content.contentHash}, ${row.message}, ${row.authorId}, ${row.restoredFrom})
    ), "audited" AS (${auditInsertSql(audit)}
    ), "stale" AS (${markReviewsStaleSql(row.modelId, row.number)})
    SELECT "id", "version", "contentHash" FROM "stale"`;
}

function contentSql(row: NewVersionRow): Prisma.Sql {
  return "canonicalJson" in row.content
    ? Prisma.sql`${row.content.canonicalJson}::json`
    : Prisma.sql`(SELECT "content" FROM "ModelVersion" WHERE "modelId" = ${row.modelId} AND "number" = ${row.content.copyOf})`;
}

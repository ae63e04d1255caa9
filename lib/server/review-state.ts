import { Prisma } from "@/lib/db/client";
import { appendLedger } from "./ledger";

/*
 * What other use-cases ask of reviews: moving a model's head makes older reviews stale (in the same
 * statement, version-rows.ts), and stage changes ask whether the head is signed off or a review is
 * still open. The review workflow itself is in reviews.ts.
 */

export type StaleReview = { id: string; version: number; contentHash: string };

/**
 * The statement that makes every review of a version older than `newHead`, not yet marked and not
 * withdrawn, stale, returning those reviews: a data-modifying CTE of the statement that moves the
 * head (version-rows.ts), which then records them with `recordStaleReviews`.
 */
export function markReviewsStaleSql(modelId: string, newHead: number): Prisma.Sql {
  return Prisma.sql`
    UPDATE "ReviewRequest" SET "staleAt" = CURRENT_TIMESTAMP, "updatedAt" = CURRENT_TIMESTAMP
    WHERE "modelId" = ${modelId} AND "staleAt" IS NULL AND "version" < ${newHead} AND "status" <> 'withdrawn'
    RETURNING "id", "version", "contentHash"`;
}

/**
 * In the transaction that moved a model's head: each review that became stale gets its ledger
 * entry, once. Stale approvals never count again.
 */
export async function recordStaleReviews(
  tx: Prisma.TransactionClient,
  actorId: string,
  modelId: string,
  newHead: number,
  stale: readonly StaleReview[],
): Promise<void> {
  for (const review of stale) {
    await appendLedger(tx, {
      modelId,
      event: "stale",
      actorId,
      version: review.version,
      contentHash: review.contentHash,
      details: { reviewId: review.id, newHead },
    });
  }
}

/** Whether the model's head version is signed off (an approved review of exactly that version). */
export async function isHeadSignedOff(
  client: Prisma.TransactionClient,
  modelId: string,
  headVersion: number,
): Promise<boolean> {
  const count = await client.reviewRequest.count({
    where: { modelId, version: headVersion, status: "approved" },
  });
  return count > 0;
}

export async function hasOpenReview(client: Prisma.TransactionClient, modelId: string): Promise<boolean> {
  const count = await client.reviewRequest.count({ where: { modelId, status: "open" } });
  return count > 0;
}

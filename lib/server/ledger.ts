import { notFound } from "@/lib/api/errors";
import { db, type Prisma } from "@/lib/db/client";
import { GENESIS_HASH, type LedgerEvent, ledgerEntryHash, verifyChain } from "@/lib/domain/ledger";
import { type Actor, workspaceWhereActorCan } from "./actor";

export type LedgerAppend = {
  modelId: string;
  event: LedgerEvent;
  actorId: string;
  version: number;
  contentHash: string;
  details: Record<string, unknown>;
};

/**
 * Appends an entry to the model's chain. The model row is locked first, so concurrent appends for
 * one model take turns; (modelId, seq) is unique besides. Call inside the transaction that makes
 * the change the entry records, so both land or neither does.
 */
export async function appendLedger(tx: Prisma.TransactionClient, entry: LedgerAppend): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "ThreatModel" WHERE "id" = ${entry.modelId} FOR UPDATE`;
  const last = await tx.ledgerEntry.findFirst({
    where: { modelId: entry.modelId },
    orderBy: { seq: "desc" },
    select: { seq: true, entryHash: true },
  });
  const fields = { ...entry, seq: (last?.seq ?? 0) + 1, createdAt: new Date() };
  const prevHash = last?.entryHash ?? GENESIS_HASH;
  await tx.ledgerEntry.create({
    data: {
      ...fields,
      details: fields.details as Prisma.InputJsonValue,
      prevHash,
      entryHash: ledgerEntryHash(prevHash, fields),
    },
  });
}

const readableModel = (actor: Actor, modelId: string) => ({
  id: modelId,
  archivedAt: null,
  workspace: workspaceWhereActorCan(actor, "model:read"),
});

async function ledgerRows(actor: Actor, modelId: string) {
  const model = await db().threatModel.findFirst({
    where: readableModel(actor, modelId),
    select: { id: true },
  });
  if (!model) throw notFound("Threat model");
  return db().ledgerEntry.findMany({
    where: { modelId, model: readableModel(actor, modelId) },
    orderBy: { seq: "asc" },
    include: { actor: { select: { id: true, name: true } } },
  });
}

/** GET /models/:id/ledger: the chain in order, as API.md shapes it (plus details and the actor's name). */
export async function listLedger(actor: Actor, modelId: string) {
  const rows = await ledgerRows(actor, modelId);
  return rows.map((row) => ({
    seq: row.seq,
    event: row.event,
    actor: row.actorId,
    actorName: row.actor.name,
    version: row.version,
    contentHash: row.contentHash,
    details: row.details,
    prevHash: row.prevHash,
    entryHash: row.entryHash,
    createdAt: row.createdAt,
  }));
}

/** GET /models/:id/ledger/verify: recomputes every hash from the stored rows. */
export async function verifyLedger(actor: Actor, modelId: string) {
  const rows = await ledgerRows(actor, modelId);
  const verdict = verifyChain(rows);
  return {
    valid: verdict.valid,
    entries: verdict.entries,
    ...(verdict.firstBadEntry === undefined
      ? {}
      : { firstBadEntry: verdict.firstBadEntry, reason: verdict.reason }),
  };
}

/** The file auditors download: the model, when, the verification verdict and every entry. */
export async function exportLedger(actor: Actor, modelId: string) {
  const model = await db().threatModel.findFirst({
    where: readableModel(actor, modelId),
    select: { id: true, name: true, workspace: { select: { id: true, name: true } } },
  });
  if (!model) throw notFound("Threat model");
  const [entries, verification] = await Promise.all([
    listLedger(actor, modelId),
    verifyLedger(actor, modelId),
  ]);
  return {
    format: "trustboard-ledger",
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    exportedBy: { id: actor.id, name: actor.name },
    model: { id: model.id, name: model.name },
    workspace: model.workspace,
    hashing:
      "entryHash = sha256(prevHash + canonical JSON of the entry without its hashes); first prevHash is 64 zeros",
    verification,
    entries,
  };
}

import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import { rolesWith } from "@/lib/auth/permissions";
import { liveDocuments } from "@/lib/collab/registry";
import { db, Prisma } from "@/lib/db/client";
import { diffDocuments } from "@/lib/domain/diff";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordStaleReviews } from "./review-state";
import { insertHeadVersion, type NewVersionRow, storedContent } from "./version-rows";

export const SaveVersionSchema = z.object({
  baseVersion: z.int("must be an integer").positive(),
  document: ThreatModelDocumentSchema,
  message: z.string().trim().max(500).default(""),
});

export const VersionNumberSchema = z.coerce.number().int().positive();

const versionSelect = {
  number: true,
  contentHash: true,
  message: true,
  createdAt: true,
  restoredFrom: true,
  parentNumber: true,
  author: { select: { id: true, name: true } },
} as const;

type VersionRow = Prisma.ModelVersionGetPayload<{ select: typeof versionSelect }>;

export function toVersionView(row: VersionRow) {
  return {
    number: row.number,
    contentHash: row.contentHash,
    message: row.message,
    author: row.author,
    createdAt: row.createdAt,
    ...(row.restoredFrom === null ? {} : { restoredFrom: row.restoredFrom }),
  };
}

export async function listVersions(actor: Actor, modelId: string) {
  const rows = await db().modelVersion.findMany({
    where: { modelId, model: { archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") } },
    select: versionSelect,
    orderBy: { number: "asc" },
  });
  return rows.map(toVersionView);
}

export async function getVersion(actor: Actor, modelId: string, number: number) {
  const row = await db().modelVersion.findFirst({
    where: {
      modelId,
      number,
      model: { archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") },
    },
    select: { ...versionSelect, content: true },
  });
  if (!row) throw notFound("Version");
  return { ...toVersionView(row), document: ThreatModelDocumentSchema.parse(row.content) };
}

export type SaveResult = { status: "created" | "unchanged"; number: number; contentHash: string };

/**
 * Stores a new head version. The model row is locked for the transaction, so concurrent saves on the
 * same base serialise: the first creates base+1, the others find the head moved and get 409.
 */
export async function saveVersion(
  actor: Actor,
  modelId: string,
  input: z.infer<typeof SaveVersionSchema>,
): Promise<SaveResult> {
  const content = storedContent(input.document);
  const result = await db().$transaction(async (tx): Promise<SaveResult> => {
    const model = await lockEditableModel(tx, actor, modelId);
    if (input.baseVersion !== model.headVersion) {
      throw new AppError(
        "conflict",
        `Version ${input.baseVersion} is no longer the head: version ${model.headVersion} was saved since. Reload and merge your changes.`,
        { headVersion: model.headVersion },
      );
    }
    if (model.headHash === content.contentHash) {
      await tx.workingCopy.deleteMany({ where: { modelId, contentHash: content.contentHash } });
      return { status: "unchanged", number: model.headVersion, contentHash: content.contentHash };
    }
    const number = await appendVersion(tx, actor, modelId, model, {
      content,
      message: input.message,
      restoredFrom: null,
    });
    return { status: "created", number, contentHash: content.contentHash };
  });
  // Not awaited: the save has committed, and open canvases catch up on their own (with Redis that
  // can take a second or two when another instance holds the document).
  if (result.status === "created") void showInOpenCanvases(modelId, result.number, result.contentHash);
  return result;
}

/**
 * A new head reaches the browsers that have the model open: the live document takes the changes
 * from the previous head (leaving others' unsaved live edits alone), and every canvas takes the new
 * version as its base, so nobody's next save is refused as stale. The version has committed, so a
 * failure here is only logged.
 */
async function showInOpenCanvases(modelId: string, number: number, contentHash: string): Promise<void> {
  const live = liveDocuments();
  if (!live) return;
  try {
    await live.replaceDocument(modelId, async () => {
      const rows = await db().modelVersion.findMany({
        where: { modelId, number: { in: [number - 1, number] } },
        select: { number: true, content: true },
      });
      // Stored content was validated on the way in.
      const contentOf = (n: number) =>
        rows.find((row) => row.number === n)?.content as unknown as ThreatModelDocument | undefined;
      const document = contentOf(number);
      return document ? { document, previous: contentOf(number - 1) } : null;
    });
    await live.announce(modelId, { type: "saved", number, contentHash });
  } catch (error) {
    console.error(`Could not update the live canvas of model ${modelId}:`, error);
  }
}

/** The body is optional: an empty POST restores with the default message. */
export const RestoreVersionSchema = z
  .object({ message: z.string().trim().max(500).default("") })
  .prefault({});

/**
 * Makes version `number`'s content the new head, as a new version: history is never rewritten.
 * The stored content is copied as it is, so the new head's hash equals the restored version's.
 */
export async function restoreVersion(
  actor: Actor,
  modelId: string,
  number: number,
  input: z.infer<typeof RestoreVersionSchema>,
): Promise<{ number: number; contentHash: string }> {
  const restored = await db().$transaction(async (tx) => {
    const model = await lockEditableModel(tx, actor, modelId);
    const source = await tx.modelVersion.findUnique({
      where: { modelId_number: { modelId, number } },
      select: { contentHash: true },
    });
    if (!source) throw notFound(`Version ${number}`);
    if (number === model.headVersion) {
      throw new AppError("conflict", `Version ${number} is already the head: there is nothing to restore.`, {
        headVersion: model.headVersion,
      });
    }
    const message = input.message
      ? `Restored version ${number}: ${input.message}`
      : `Restored version ${number}`;
    const created = await appendVersion(tx, actor, modelId, model, {
      content: { copyOf: number, contentHash: source.contentHash },
      message,
      restoredFrom: number,
    });
    return { number: created, contentHash: source.contentHash };
  });
  void showInOpenCanvases(modelId, restored.number, restored.contentHash);
  return restored;
}

export const DiffQuerySchema = z.object({
  from: z.coerce.number("must be a version number").int("must be a version number").positive(),
  to: z.coerce.number("must be a version number").int("must be a version number").positive(),
});

/** What changed from version `from` to version `to` (either order; a version against itself is empty). */
export async function diffVersions(actor: Actor, modelId: string, query: z.infer<typeof DiffQuerySchema>) {
  const rows = await db().modelVersion.findMany({
    where: {
      modelId,
      number: { in: [query.from, query.to] },
      model: { archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") },
    },
    select: { number: true, content: true },
  });
  const document = (number: number) => {
    const row = rows.find((r) => r.number === number);
    if (!row) throw notFound(`Version ${number}`);
    // Stored content was canonicalised on the way in: it is a valid document.
    return row.content as unknown as ThreatModelDocument;
  };
  return diffDocuments(document(query.from), document(query.to));
}

type LockedModel = { headVersion: number; workspaceId: string; headHash: string };

/** Inserts head+1 on a locked model, moves the head, drops the superseded working copy, audits, marks older reviews stale. */
async function appendVersion(
  tx: Prisma.TransactionClient,
  actor: Actor,
  modelId: string,
  model: LockedModel,
  version: Pick<NewVersionRow, "content" | "message" | "restoredFrom">,
): Promise<number> {
  const number = model.headVersion + 1;
  const stale = await insertHeadVersion(
    tx,
    { modelId, number, parentNumber: model.headVersion, authorId: actor.id, ...version },
    {
      workspaceId: model.workspaceId,
      actorId: actor.id,
      action: version.restoredFrom === null ? "version.create" : "version.restore",
      targetType: "ThreatModel",
      targetId: modelId,
      before: { headVersion: model.headVersion },
      after: {
        headVersion: number,
        contentHash: version.content.contentHash,
        ...(version.restoredFrom === null ? {} : { restoredFrom: version.restoredFrom }),
      },
    },
  );
  await recordStaleReviews(tx, actor.id, modelId, number, stale);
  return number;
}

/** Locks the model row (FOR UPDATE) if the actor may edit it; 404 otherwise. */
async function lockEditableModel(
  tx: Prisma.TransactionClient,
  actor: Actor,
  modelId: string,
): Promise<LockedModel> {
  // The permission is checked in the locking query itself: one round trip, nothing to race.
  const roles = rolesWith("model:update");
  const [locked] = await tx.$queryRaw<LockedModel[]>`
    SELECT m."headVersion", m."workspaceId",
      (SELECT v."contentHash" FROM "ModelVersion" v WHERE v."modelId" = m."id" AND v."number" = m."headVersion")
        AS "headHash"
    FROM "ThreatModel" m
    WHERE m."id" = ${modelId} AND m."archivedAt" IS NULL
      AND EXISTS (
        SELECT 1 FROM "Membership" ms
        WHERE ms."workspaceId" = m."workspaceId" AND ms."userId" = ${actor.id}
          AND ms."role"::text IN (${Prisma.join(roles)})
      )
    FOR UPDATE OF m`;
  if (!locked) throw notFound("Threat model");
  return locked;
}

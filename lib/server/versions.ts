import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import { db, type Prisma } from "@/lib/db/client";
import { canonicalizeDocument, documentHash } from "@/lib/domain/canonical-document";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";

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
  options: { restoredFrom?: number } = {},
): Promise<SaveResult> {
  const document = canonicalizeDocument(input.document);
  const hash = documentHash(document);
  return db().$transaction(async (tx) => {
    const model = await lockEditableModel(tx, actor, modelId);
    if (input.baseVersion !== model.headVersion) {
      throw new AppError(
        "conflict",
        `Version ${input.baseVersion} is no longer the head: version ${model.headVersion} was saved since. Reload and merge your changes.`,
        { headVersion: model.headVersion },
      );
    }
    const head = await tx.modelVersion.findUniqueOrThrow({
      where: { modelId_number: { modelId, number: model.headVersion } },
      select: { contentHash: true },
    });
    if (head.contentHash === hash && options.restoredFrom === undefined) {
      await tx.workingCopy.deleteMany({ where: { modelId, contentHash: hash } });
      return { status: "unchanged", number: model.headVersion, contentHash: hash };
    }
    const number = model.headVersion + 1;
    await tx.modelVersion.create({
      data: {
        modelId,
        number,
        parentNumber: model.headVersion,
        content: document as Prisma.InputJsonValue,
        contentHash: hash,
        message: input.message,
        authorId: actor.id,
        restoredFrom: options.restoredFrom ?? null,
      },
    });
    await tx.threatModel.update({ where: { id: modelId }, data: { headVersion: number } });
    // The autosaved working copy is superseded: the saver's editor autosaves anything newer again.
    await tx.workingCopy.deleteMany({ where: { modelId } });
    await recordAudit(tx, {
      workspaceId: model.workspaceId,
      actorId: actor.id,
      action: options.restoredFrom === undefined ? "version.create" : "version.restore",
      targetType: "ThreatModel",
      targetId: modelId,
      before: { headVersion: model.headVersion },
      after: { headVersion: number, contentHash: hash },
    });
    return { status: "created", number, contentHash: hash };
  });
}

/** Locks the model row (FOR UPDATE) if the actor may edit it; 404 otherwise. */
async function lockEditableModel(tx: Prisma.TransactionClient, actor: Actor, modelId: string) {
  const editable = await tx.threatModel.findFirst({
    where: { id: modelId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:update") },
    select: { id: true },
  });
  if (!editable) throw notFound("Threat model");
  const [locked] = await tx.$queryRaw<{ headVersion: number; workspaceId: string }[]>`
    SELECT "headVersion", "workspaceId" FROM "ThreatModel" WHERE "id" = ${modelId} FOR UPDATE`;
  if (!locked) throw notFound("Threat model");
  return locked;
}

import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { db, type Prisma } from "@/lib/db/client";
import { canonicalizeDocument, documentHash } from "@/lib/domain/canonical-document";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { type Actor, workspaceWhereActorCan } from "./actor";

export const PutWorkingCopySchema = z.object({
  baseVersion: z.int("must be an integer").positive(),
  document: ThreatModelDocumentSchema,
});

/** The autosaved canvas of a model, or null when there is none. */
export async function getWorkingCopy(actor: Actor, modelId: string) {
  const row = await db().workingCopy.findFirst({
    where: { modelId, model: { archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") } },
    select: {
      baseVersion: true,
      content: true,
      contentHash: true,
      updatedAt: true,
      updatedBy: { select: { id: true, name: true } },
    },
  });
  if (!row) return null;
  const parsed = ThreatModelDocumentSchema.safeParse(row.content);
  if (!parsed.success) return null;
  return {
    baseVersion: row.baseVersion,
    document: parsed.data,
    contentHash: row.contentHash,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function putWorkingCopy(
  actor: Actor,
  modelId: string,
  input: z.infer<typeof PutWorkingCopySchema>,
) {
  const editable = await db().threatModel.findFirst({
    where: { id: modelId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:update") },
    select: { id: true },
  });
  if (!editable) throw notFound("Threat model");
  const document = canonicalizeDocument(input.document);
  const data = {
    baseVersion: input.baseVersion,
    content: document as Prisma.InputJsonValue,
    contentHash: documentHash(document),
    updatedById: actor.id,
  };
  const row = await db().workingCopy.upsert({
    where: { modelId },
    create: { modelId, ...data },
    update: data,
    select: { baseVersion: true, contentHash: true, updatedAt: true },
  });
  return row;
}

export async function discardWorkingCopy(actor: Actor, modelId: string) {
  await db().workingCopy.deleteMany({
    where: { modelId, model: { archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:update") } },
  });
}

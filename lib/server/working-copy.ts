import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { storedContent } from "./version-rows";

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
  const content = storedContent(input.document);
  // One JSON string cast to json: Prisma's JSON parameters are slow on large documents (decision 0005).
  const [row] = await db().$queryRaw<{ baseVersion: number; contentHash: string; updatedAt: Date }[]>`
    INSERT INTO "WorkingCopy" ("modelId", "baseVersion", "content", "contentHash", "updatedById", "updatedAt")
    VALUES (${modelId}, ${input.baseVersion}, ${content.canonicalJson}::json, ${content.contentHash},
      ${actor.id}, CURRENT_TIMESTAMP)
    ON CONFLICT ("modelId") DO UPDATE SET
      "baseVersion" = EXCLUDED."baseVersion", "content" = EXCLUDED."content",
      "contentHash" = EXCLUDED."contentHash", "updatedById" = EXCLUDED."updatedById",
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "baseVersion", "contentHash", "updatedAt"`;
  return row;
}

export async function discardWorkingCopy(actor: Actor, modelId: string) {
  await db().workingCopy.deleteMany({
    where: { modelId, model: { archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:update") } },
  });
}

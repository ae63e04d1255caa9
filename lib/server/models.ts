import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { emptyDocument, type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { checkStageChange, STAGES } from "@/lib/domain/stages";
import { findTemplate, instantiateTemplate, TemplateParametersSchema } from "@/lib/templates";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";
import { appendLedger } from "./ledger";
import { hasOpenReview, isHeadSignedOff } from "./review-state";
import { insertVersion, storedContent } from "./version-rows";

const ModelNameSchema = z.string().trim().min(1, "must not be empty").max(200);

export const CreateModelSchema = z.object({
  name: ModelNameSchema,
  description: z.string().max(10_000).optional(),
  templateId: z.string().min(1).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  document: ThreatModelDocumentSchema.optional(),
});

export const UpdateModelSchema = z
  .object({ name: ModelNameSchema.optional(), stage: z.enum(STAGES).optional() })
  .refine((value) => value.name !== undefined || value.stage !== undefined, "name or stage is required");

const summarySelect = { id: true, name: true, stage: true, headVersion: true, updatedAt: true } as const;

export async function listModels(actor: Actor, workspaceId: string) {
  return db().threatModel.findMany({
    where: { workspaceId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") },
    select: summarySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

export async function createModel(
  actor: Actor,
  workspaceId: string,
  input: z.infer<typeof CreateModelSchema>,
) {
  const content = storedContent(initialDocument(input));
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.findFirst({
      where: { id: workspaceId, ...workspaceWhereActorCan(actor, "model:create") },
      select: { id: true },
    });
    if (!workspace) throw notFound("Workspace");
    const model = await tx.threatModel.create({
      data: { workspaceId, name: input.name, createdById: actor.id, headVersion: 1 },
      select: { id: true, headVersion: true },
    });
    await insertVersion(tx, {
      modelId: model.id,
      number: 1,
      parentNumber: null,
      content,
      message: "Created",
      authorId: actor.id,
      restoredFrom: null,
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "model.create",
      targetType: "ThreatModel",
      targetId: model.id,
    });
    return model;
  });
}

/** A model with its head version's document, for a member of its workspace; 404 for anyone else. */
export async function getModel(actor: Actor, modelId: string) {
  const model = await db().threatModel.findFirst({
    where: { id: modelId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") },
    select: { ...summarySelect, workspaceId: true, workspace: { select: { name: true } } },
  });
  if (!model) throw notFound("Threat model");
  const head = await db().modelVersion.findUnique({
    where: { modelId_number: { modelId, number: model.headVersion } },
    select: { content: true, contentHash: true, createdAt: true, author: { select: { name: true } } },
  });
  if (!head) throw new Error(`Model ${modelId} has no version ${model.headVersion}`);
  return {
    ...model,
    document: ThreatModelDocumentSchema.parse(head.content),
    headHash: head.contentHash,
    headAuthor: head.author.name,
    headCreatedAt: head.createdAt,
  };
}

export async function updateModel(actor: Actor, modelId: string, input: z.infer<typeof UpdateModelSchema>) {
  return db().$transaction(async (tx) => {
    const scope = { id: modelId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:update") };
    const model = await tx.threatModel.findFirst({
      where: scope,
      select: { id: true, workspaceId: true, name: true, stage: true, headVersion: true },
    });
    if (!model) throw notFound("Threat model");
    if (input.stage && input.stage !== model.stage) {
      await tx.$queryRaw`SELECT 1 FROM "ThreatModel" WHERE "id" = ${model.id} FOR UPDATE`;
      const verdict = checkStageChange(model.stage, input.stage, {
        headSignedOff: await isHeadSignedOff(tx, model.id, model.headVersion),
        hasOpenReview: await hasOpenReview(tx, model.id),
      });
      if (!verdict.ok) throw new AppError("conflict", verdict.reason);
      const head = await tx.modelVersion.findUniqueOrThrow({
        where: { modelId_number: { modelId: model.id, number: model.headVersion } },
        select: { contentHash: true },
      });
      await appendLedger(tx, {
        modelId: model.id,
        event: "stage_changed",
        actorId: actor.id,
        version: model.headVersion,
        contentHash: head.contentHash,
        details: { from: model.stage, to: input.stage },
      });
    }
    const updated = await tx.threatModel.update({
      where: { id: model.id },
      data: { name: input.name, stage: input.stage },
      select: { ...summarySelect, workspaceId: true },
    });
    await recordAudit(tx, {
      workspaceId: model.workspaceId,
      actorId: actor.id,
      action: "model.update",
      targetType: "ThreatModel",
      targetId: model.id,
      before: { name: model.name, stage: model.stage },
      after: { name: updated.name, stage: updated.stage },
    });
    return updated;
  });
}

/** Archives the model: it disappears from lists and the API, its versions are kept. */
export async function archiveModel(actor: Actor, modelId: string) {
  await db().$transaction(async (tx) => {
    const model = await tx.threatModel.findFirst({
      where: { id: modelId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:delete") },
      select: { id: true, workspaceId: true },
    });
    if (!model) throw notFound("Threat model");
    await tx.threatModel.update({ where: { id: model.id }, data: { archivedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: model.workspaceId,
      actorId: actor.id,
      action: "model.archive",
      targetType: "ThreatModel",
      targetId: model.id,
    });
  });
}

/** The first version's document: the one given, a template's, or an empty one. */
function initialDocument(input: z.infer<typeof CreateModelSchema>): ThreatModelDocument {
  if (input.templateId === undefined) {
    if (input.parameters !== undefined) {
      throw new AppError("validation_failed", "parameters: only allowed together with templateId");
    }
    return input.document ?? emptyDocument(input.name, input.description ?? "");
  }
  if (input.document !== undefined) {
    throw new AppError("validation_failed", "document: give either a document or a templateId, not both");
  }
  const template = findTemplate(input.templateId);
  if (!template)
    throw new AppError("validation_failed", `templateId: unknown template "${input.templateId}"`);
  const parameters = TemplateParametersSchema(template).safeParse(input.parameters ?? {});
  if (!parameters.success) {
    const problems = parameters.error.issues.map((issue) =>
      [["parameters", ...issue.path.map(String)].join("."), issue.message].join(": "),
    );
    throw new AppError("validation_failed", problems.join("; "));
  }
  const document = instantiateTemplate(template.id, parameters.data);
  return { ...document, title: input.name, description: input.description ?? document.description };
}

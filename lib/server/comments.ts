import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import type { Permission } from "@/lib/auth/permissions";
import { liveDocuments } from "@/lib/collab/registry";
import { db, type Prisma } from "@/lib/db/client";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";

const CommentBodySchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(5000, "must be at most 5000 characters");

const ANCHOR_KINDS = ["element", "flow", "threat"] as const;
const ANCHOR_COLLECTION = { element: "elements", flow: "flows", threat: "threats" } as const;

// Strict: a misspelt field (say `parentId` on a new thread) is refused rather than silently dropped.
export const CreateThreadSchema = z.strictObject({
  anchor: z.strictObject({
    kind: z.enum(ANCHOR_KINDS),
    id: z.string().min(1, "must not be empty"),
  }),
  body: CommentBodySchema,
});

export const ReplySchema = z.strictObject({ body: CommentBodySchema });

export const ResolveThreadSchema = z.strictObject({ resolved: z.boolean() });

const modelWhereActorCan = (actor: Actor, permission: Permission) => ({
  archivedAt: null,
  workspace: workspaceWhereActorCan(actor, permission),
});

const replySelect = {
  id: true,
  body: true,
  versionNumber: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.CommentSelect;

const threadSelect = {
  ...replySelect,
  anchorKind: true,
  anchorId: true,
  resolvedAt: true,
  resolvedBy: { select: { id: true, name: true } },
  replies: { select: replySelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.CommentSelect;

type ReplyRow = Prisma.CommentGetPayload<{ select: typeof replySelect }>;
type ThreadRow = Prisma.CommentGetPayload<{ select: typeof threadSelect }>;

function toReplyView(row: ReplyRow) {
  return {
    id: row.id,
    author: row.author,
    body: row.body,
    createdAt: row.createdAt,
    versionNumber: row.versionNumber,
  };
}

function toThreadView(row: ThreadRow) {
  // The migration's CHECK constraint gives every thread root an anchor.
  if (row.anchorKind === null || row.anchorId === null) {
    throw new Error(`Comment ${row.id} is a thread without an anchor`);
  }
  return {
    id: row.id,
    anchor: { kind: row.anchorKind, id: row.anchorId },
    versionNumber: row.versionNumber,
    author: row.author,
    body: row.body,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
    replies: row.replies.map(toReplyView),
  };
}

export type CommentThread = ReturnType<typeof toThreadView>;
export type CommentReply = ReturnType<typeof toReplyView>;

/** GET /models/:id/comments: every thread, oldest first, including those whose anchor was removed since. */
export async function listThreads(actor: Actor, modelId: string): Promise<CommentThread[]> {
  const rows = await db().comment.findMany({
    where: { modelId, parentId: null, model: modelWhereActorCan(actor, "model:read") },
    select: threadSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toThreadView);
}

/** POST /models/:id/comments: a new thread on an element, flow or threat of the model. */
export async function createThread(
  actor: Actor,
  modelId: string,
  input: z.infer<typeof CreateThreadSchema>,
): Promise<CommentThread> {
  const thread = await db().$transaction(async (tx) => {
    const model = await tx.threatModel.findFirst({
      where: { id: modelId, ...modelWhereActorCan(actor, "comments:write") },
      select: { id: true, workspaceId: true, headVersion: true },
    });
    if (!model) throw notFound("Threat model");
    // In a live session people comment on what they see, saved or not: the anchor may be in the
    // open live document (checked in memory first), the head or the autosaved working copy (checked
    // in SQL, without loading either document).
    const collection = ANCHOR_COLLECTION[input.anchor.kind];
    const live = liveDocuments()?.currentDocument(modelId);
    const isLive = live?.[collection].some((entry) => entry.id === input.anchor.id) ?? false;
    const [stored] = isLive
      ? [{ found: true }]
      : await tx.$queryRaw<{ found: boolean }[]>`
          SELECT EXISTS (
            SELECT 1 FROM "ModelVersion" v, json_array_elements(v."content" -> ${collection}) e
            WHERE v."modelId" = ${modelId} AND v."number" = ${model.headVersion} AND e ->> 'id' = ${input.anchor.id}
          ) OR EXISTS (
            SELECT 1 FROM "WorkingCopy" w, json_array_elements(w."content" -> ${collection}) e
            WHERE w."modelId" = ${modelId} AND e ->> 'id' = ${input.anchor.id}
          ) AS "found"`;
    if (!stored?.found) {
      throw new AppError(
        "validation_failed",
        `anchor.id: the model has no ${input.anchor.kind} "${input.anchor.id}" (saved, autosaved or live)`,
      );
    }
    const row = await tx.comment.create({
      data: {
        modelId,
        anchorKind: input.anchor.kind,
        anchorId: input.anchor.id,
        versionNumber: model.headVersion,
        authorId: actor.id,
        body: input.body,
      },
      select: threadSelect,
    });
    await recordAudit(tx, {
      workspaceId: model.workspaceId,
      actorId: actor.id,
      action: "comment.create",
      targetType: "Comment",
      targetId: row.id,
      after: { modelId, anchor: input.anchor, versionNumber: model.headVersion },
    });
    return row;
  });
  void announceComments(modelId);
  return toThreadView(thread);
}

/** POST /models/:id/comments/:commentId/replies: replying leaves a resolved thread resolved. */
export async function replyToThread(
  actor: Actor,
  modelId: string,
  threadId: string,
  input: z.infer<typeof ReplySchema>,
): Promise<CommentReply> {
  const reply = await db().$transaction(async (tx) => {
    const thread = await findWritableThread(tx, actor, modelId, threadId);
    const row = await tx.comment.create({
      data: {
        modelId,
        parentId: thread.id,
        versionNumber: thread.model.headVersion,
        authorId: actor.id,
        body: input.body,
      },
      select: replySelect,
    });
    await recordAudit(tx, {
      workspaceId: thread.model.workspaceId,
      actorId: actor.id,
      action: "comment.reply",
      targetType: "Comment",
      targetId: row.id,
      after: { modelId, threadId: thread.id, versionNumber: thread.model.headVersion },
    });
    return row;
  });
  void announceComments(modelId);
  return toReplyView(reply);
}

/** PATCH /models/:id/comments/:commentId: resolves or reopens a thread; asking for its current state changes nothing. */
export async function setThreadResolved(
  actor: Actor,
  modelId: string,
  threadId: string,
  input: z.infer<typeof ResolveThreadSchema>,
): Promise<CommentThread> {
  const { thread, changed } = await db().$transaction(async (tx) => {
    const found = await findWritableThread(tx, actor, modelId, threadId);
    // Conditional on the current state, so a repeated request keeps the first resolver and time.
    const { count } = await tx.comment.updateMany({
      where: { id: found.id, resolvedAt: input.resolved ? null : { not: null } },
      data: input.resolved
        ? { resolvedAt: new Date(), resolvedById: actor.id }
        : { resolvedAt: null, resolvedById: null },
    });
    if (count > 0) {
      await recordAudit(tx, {
        workspaceId: found.model.workspaceId,
        actorId: actor.id,
        action: input.resolved ? "comment.resolve" : "comment.reopen",
        targetType: "Comment",
        targetId: found.id,
        after: { modelId },
      });
    }
    const row = await tx.comment.findUniqueOrThrow({ where: { id: found.id }, select: threadSelect });
    return { thread: row, changed: count > 0 };
  });
  if (changed) void announceComments(modelId);
  return toThreadView(thread);
}

/**
 * A thread root of this model that the actor may write to. Another model's comment, or one in a
 * workspace the actor cannot write in, is "not found"; a reply of this model (which the actor can
 * read anyway) is named as such, since threads are one level deep.
 */
async function findWritableThread(
  tx: Prisma.TransactionClient,
  actor: Actor,
  modelId: string,
  commentId: string,
) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, modelId, model: modelWhereActorCan(actor, "comments:write") },
    select: { id: true, parentId: true, model: { select: { workspaceId: true, headVersion: true } } },
  });
  if (!comment) throw notFound("Comment");
  if (comment.parentId !== null) {
    throw new AppError(
      "validation_failed",
      `commentId: "${commentId}" is a reply, not a thread; use its thread "${comment.parentId}"`,
    );
  }
  return comment;
}

/**
 * Open canvases reload their comments. The write has committed, so the notice is not awaited and a
 * failed one is only logged.
 */
async function announceComments(modelId: string): Promise<void> {
  try {
    await liveDocuments()?.announce(modelId, { type: "comments" });
  } catch (error) {
    console.error(`Could not tell the live canvas of model ${modelId} about its comments:`, error);
  }
}

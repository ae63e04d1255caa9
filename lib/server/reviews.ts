import { z } from "zod";
import { AppError, forbidden, notFound } from "@/lib/api/errors";
import { db, type Prisma } from "@/lib/db/client";
import type { ModelStage } from "@/lib/db/generated/enums.ts";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { gateVerdict } from "@/lib/domain/gate";
import { type Discipline, quorumProgress } from "@/lib/domain/quorum";
import type { SeverityBand } from "@/lib/domain/risk";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";
import { appendLedger } from "./ledger";
import { isHeadSignedOff } from "./review-state";

export const RequestReviewSchema = z.object({
  version: z.int("must be an integer").positive(),
  boardId: z.string().min(1, "boardId is required"),
});

const ChecklistSchema = z.object({
  secure: z.boolean().optional(),
  operational: z.boolean().optional(),
  scales: z.boolean().optional(),
  /** Notes per question: the four questions and the three diagnostic ones, keyed by their ids. */
  notes: z.record(z.string().max(40), z.string().max(4000)).optional(),
});

export const DecisionSchema = z.object({
  decision: z.enum(["approve", "request_changes", "comment"]),
  comment: z.string().trim().max(4000).default(""),
  checklist: ChecklistSchema.optional(),
});

export const GateQuerySchema = z.object({
  maxResidual: z.enum(["low", "medium", "high", "critical"]).default("high"),
});

const readableModel = (actor: Actor) => ({
  archivedAt: null,
  workspace: workspaceWhereActorCan(actor, "model:read"),
});

const reviewInclude = {
  board: {
    select: {
      id: true,
      name: true,
      quorumApprovals: true,
      quorumDisciplines: true,
      members: { select: { userId: true, discipline: true, role: true, user: { select: { name: true } } } },
    },
  },
  model: { select: { id: true, name: true, headVersion: true, stage: true, workspaceId: true } },
  requestedBy: { select: { id: true, name: true } },
  decisions: {
    orderBy: { createdAt: "asc" },
    select: {
      userId: true,
      decision: true,
      comment: true,
      checklist: true,
      createdAt: true,
      user: { select: { name: true } },
    },
  },
} as const satisfies Prisma.ReviewRequestInclude;

type ReviewRow = Prisma.ReviewRequestGetPayload<{ include: typeof reviewInclude }>;

function progressOf(review: ReviewRow) {
  return quorumProgress(
    { approvals: review.board.quorumApprovals, disciplines: review.board.quorumDisciplines as Discipline[] },
    review.board.members.map((m) => ({ userId: m.userId, discipline: m.discipline as Discipline })),
    review.decisions,
  );
}

/** The API.md shape, plus what the review page shows (names, board, quorum progress). */
export function toReviewView(review: ReviewRow) {
  return {
    id: review.id,
    modelId: review.modelId,
    modelName: review.model.name,
    version: review.version,
    contentHash: review.contentHash,
    headVersion: review.model.headVersion,
    boardId: review.boardId,
    status: review.status,
    stale: review.version !== review.model.headVersion,
    requestedBy: review.requestedBy,
    createdAt: review.createdAt,
    signedOffAt: review.signedOffAt,
    board: {
      id: review.board.id,
      name: review.board.name,
      quorum: { approvals: review.board.quorumApprovals, disciplines: review.board.quorumDisciplines },
      members: review.board.members.map((m) => ({
        userId: m.userId,
        name: m.user.name,
        discipline: m.discipline,
        role: m.role,
      })),
    },
    progress: progressOf(review),
    decisions: review.decisions.map((d) => ({
      userId: d.userId,
      name: d.user.name,
      decision: d.decision,
      comment: d.comment,
      ...(d.checklist === null ? {} : { checklist: d.checklist }),
      createdAt: d.createdAt,
    })),
  };
}

export type ReviewView = ReturnType<typeof toReviewView>;

async function changeStage(
  tx: Prisma.TransactionClient,
  actor: Actor,
  model: { id: string; stage: ModelStage },
  to: ModelStage,
  version: { number: number; contentHash: string },
  reason: string,
) {
  await tx.threatModel.update({ where: { id: model.id }, data: { stage: to } });
  await appendLedger(tx, {
    modelId: model.id,
    event: "stage_changed",
    actorId: actor.id,
    version: version.number,
    contentHash: version.contentHash,
    details: { from: model.stage, to, reason },
  });
}

/** POST /models/:id/reviews: anyone who can edit the model asks a board to review its head version. */
export async function requestReview(
  actor: Actor,
  modelId: string,
  input: z.infer<typeof RequestReviewSchema>,
) {
  const id = await db().$transaction(async (tx) => {
    const model = await tx.threatModel.findFirst({
      where: { id: modelId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:update") },
      select: { id: true, workspaceId: true, stage: true, headVersion: true },
    });
    if (!model) throw notFound("Threat model");
    await tx.$queryRaw`SELECT 1 FROM "ThreatModel" WHERE "id" = ${model.id} FOR UPDATE`;
    const board = await tx.reviewBoard.findFirst({
      where: { id: input.boardId, workspaceId: model.workspaceId },
      select: { id: true, name: true },
    });
    if (!board) throw new AppError("validation_failed", "boardId: no such review board in this workspace");
    const version = await tx.modelVersion.findUnique({
      where: { modelId_number: { modelId, number: input.version } },
      select: { number: true, contentHash: true },
    });
    if (!version)
      throw new AppError("validation_failed", `version: the model has no version ${input.version}`);
    if (version.number !== model.headVersion) {
      throw new AppError(
        "conflict",
        `Version ${version.number} is no longer the head (version ${model.headVersion} is): request a review of the head`,
      );
    }
    const pending = await tx.reviewRequest.findFirst({
      where: {
        modelId,
        version: version.number,
        boardId: board.id,
        status: { in: ["open", "changes_requested"] },
      },
      select: { id: true },
    });
    if (pending) {
      throw new AppError("conflict", `${board.name} is already reviewing version ${version.number}`, {
        reviewId: pending.id,
      });
    }
    const review = await tx.reviewRequest.create({
      data: {
        modelId,
        version: version.number,
        contentHash: version.contentHash,
        boardId: board.id,
        requestedById: actor.id,
      },
      select: { id: true },
    });
    await appendLedger(tx, {
      modelId,
      event: "review_requested",
      actorId: actor.id,
      version: version.number,
      contentHash: version.contentHash,
      details: { reviewId: review.id, boardId: board.id, board: board.name },
    });
    if (model.stage === "draft") {
      await changeStage(tx, actor, model, "in_review", version, `Review requested from ${board.name}`);
    }
    await recordAudit(tx, {
      workspaceId: model.workspaceId,
      actorId: actor.id,
      action: "review.request",
      targetType: "ReviewRequest",
      targetId: review.id,
      after: { modelId, version: version.number, boardId: board.id },
    });
    return review.id;
  });
  return getReview(actor, id);
}

export async function getReview(actor: Actor, reviewId: string): Promise<ReviewView> {
  const review = await db().reviewRequest.findFirst({
    where: { id: reviewId, model: readableModel(actor) },
    include: reviewInclude,
  });
  if (!review) throw notFound("Review");
  return toReviewView(review);
}

/** Reviews of one model, newest first. */
export async function listModelReviews(actor: Actor, modelId: string) {
  const reviews = await db().reviewRequest.findMany({
    where: { modelId, model: readableModel(actor) },
    include: reviewInclude,
    orderBy: { createdAt: "desc" },
  });
  return reviews.map(toReviewView);
}

/** The review inbox: reviews waiting on a board the actor sits on, on models they can still read. */
export async function reviewInbox(actor: Actor) {
  const reviews = await db().reviewRequest.findMany({
    where: {
      status: { in: ["open", "changes_requested"] },
      board: { members: { some: { userId: actor.id } } },
      model: readableModel(actor),
    },
    include: reviewInclude,
    orderBy: { createdAt: "desc" },
  });
  return reviews.map(toReviewView);
}

/**
 * POST /reviews/:id/decisions. Board members only; the author of the reviewed version cannot
 * approve it; a request for changes blocks approval on this review; stale or settled reviews take
 * comments only. Meeting the quorum signs the version off (and moves an in-review model to approved).
 */
export async function decide(actor: Actor, reviewId: string, input: z.infer<typeof DecisionSchema>) {
  await db().$transaction(async (tx) => {
    const found = await tx.reviewRequest.findFirst({
      where: { id: reviewId, model: readableModel(actor) },
      select: { modelId: true },
    });
    if (!found) throw notFound("Review");
    await tx.$queryRaw`SELECT 1 FROM "ThreatModel" WHERE "id" = ${found.modelId} FOR UPDATE`;
    const review = await tx.reviewRequest.findUniqueOrThrow({
      where: { id: reviewId },
      include: reviewInclude,
    });
    if (!review.board.members.some((m) => m.userId === actor.id)) {
      throw forbidden(`Only members of ${review.board.name} can decide on this review`);
    }
    if (review.status === "withdrawn") throw new AppError("conflict", "This review was withdrawn");
    if (input.decision !== "comment") {
      if (review.version !== review.model.headVersion) {
        throw new AppError(
          "conflict",
          `Version ${review.version} is no longer the head (version ${review.model.headVersion} is): this review is stale and takes comments only`,
        );
      }
      if (review.status === "approved") {
        throw new AppError("conflict", `Version ${review.version} is already signed off`);
      }
    }
    if (input.decision === "approve") {
      const version = await tx.modelVersion.findUniqueOrThrow({
        where: { modelId_number: { modelId: review.modelId, number: review.version } },
        select: { authorId: true },
      });
      if (version.authorId === actor.id) {
        throw forbidden(
          `Separation of duties: you saved version ${review.version}, so you cannot approve it`,
        );
      }
      if (review.status === "changes_requested") {
        throw new AppError(
          "conflict",
          "Changes were requested on this version: the author answers with a new version, reviewed in a new request",
        );
      }
    }
    await tx.reviewDecision.create({
      data: {
        reviewId,
        userId: actor.id,
        decision: input.decision,
        comment: input.comment,
        ...(input.checklist ? { checklist: input.checklist as Prisma.InputJsonValue } : {}),
      },
    });
    const pinned = { number: review.version, contentHash: review.contentHash };
    await appendLedger(tx, {
      modelId: review.modelId,
      event: "decision",
      actorId: actor.id,
      version: review.version,
      contentHash: review.contentHash,
      details: { reviewId, decision: input.decision, ...(input.comment ? { comment: input.comment } : {}) },
    });
    if (input.decision === "request_changes" && review.status === "open") {
      await tx.reviewRequest.update({ where: { id: reviewId }, data: { status: "changes_requested" } });
    }
    if (input.decision === "approve") {
      const progress = quorumProgress(
        {
          approvals: review.board.quorumApprovals,
          disciplines: review.board.quorumDisciplines as Discipline[],
        },
        review.board.members.map((m) => ({ userId: m.userId, discipline: m.discipline as Discipline })),
        [...review.decisions, { userId: actor.id, decision: "approve" }],
      );
      if (progress.met) {
        await tx.reviewRequest.update({
          where: { id: reviewId },
          data: { status: "approved", signedOffAt: new Date() },
        });
        const approvers = [
          ...new Set(
            [...review.decisions, { userId: actor.id, decision: "approve" }]
              .filter((d) => d.decision === "approve")
              .map((d) => d.userId),
          ),
        ];
        await appendLedger(tx, {
          modelId: review.modelId,
          event: "signed_off",
          actorId: actor.id,
          version: review.version,
          contentHash: review.contentHash,
          details: { reviewId, boardId: review.boardId, board: review.board.name, approvers },
        });
        if (review.model.stage === "in_review") {
          await changeStage(
            tx,
            actor,
            review.model,
            "approved",
            pinned,
            `Signed off by ${review.board.name}`,
          );
        }
      }
    }
  });
  return getReview(actor, reviewId);
}

/** POST /reviews/:id/withdraw: the requester takes back an unsettled review. */
export async function withdrawReview(actor: Actor, reviewId: string) {
  await db().$transaction(async (tx) => {
    const review = await tx.reviewRequest.findFirst({
      where: { id: reviewId, model: readableModel(actor) },
      select: { modelId: true, requestedById: true, status: true, version: true, contentHash: true },
    });
    if (!review) throw notFound("Review");
    if (review.requestedById !== actor.id)
      throw forbidden("Only the person who requested a review can withdraw it");
    if (review.status !== "open" && review.status !== "changes_requested") {
      throw new AppError(
        "conflict",
        `A review that is ${review.status.replace("_", " ")} cannot be withdrawn`,
      );
    }
    await tx.reviewRequest.update({ where: { id: reviewId }, data: { status: "withdrawn" } });
    await appendLedger(tx, {
      modelId: review.modelId,
      event: "withdrawn",
      actorId: actor.id,
      version: review.version,
      contentHash: review.contentHash,
      details: { reviewId },
    });
  });
  return getReview(actor, reviewId);
}

/** GET /models/:id/gate: may this model's head ship? */
export async function modelGate(actor: Actor, modelId: string, query: z.infer<typeof GateQuerySchema>) {
  const model = await db().threatModel.findFirst({
    where: { id: modelId, ...readableModel(actor) },
    select: { headVersion: true },
  });
  if (!model) throw notFound("Threat model");
  const [head, signedOff, acceptances] = await Promise.all([
    db().modelVersion.findUniqueOrThrow({
      where: { modelId_number: { modelId, number: model.headVersion } },
      select: { content: true },
    }),
    isHeadSignedOff(db(), modelId, model.headVersion),
    db().riskAcceptance.findMany({
      where: { modelId, expiresAt: { gt: new Date() } },
      select: { threatId: true },
    }),
  ]);
  return gateVerdict({
    // Stored content was canonicalised on the way in: it is a valid document.
    document: head.content as unknown as ThreatModelDocument,
    headVersion: model.headVersion,
    headSignedOff: signedOff,
    maxResidual: query.maxResidual as Exclude<SeverityBand, "none">,
    acceptedThreatIds: new Set(acceptances.map((a) => a.threatId)),
  });
}

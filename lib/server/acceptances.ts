import { z } from "zod";
import { AppError, forbidden, notFound } from "@/lib/api/errors";
import { rolesWith } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";
import { appendLedger } from "./ledger";

const MAX_DAYS = 366;

export const AcceptRiskSchema = z.object({
  threatId: z.string().min(1, "threatId is required"),
  /** Who asks for the risk to be accepted; the caller is the approver and must be someone else. */
  requestedBy: z.string().min(1, "requestedBy is required"),
  expiresAt: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
    .transform((s) => new Date(s)),
  reason: z.string().trim().min(1, "reason is required").max(2000),
});

/**
 * POST /models/:id/risk-acceptances. The caller approves: a workspace owner or a member of one of
 * its review boards, never the person asking. The acceptance holds until `expiresAt`; after that
 * the threat counts as open again (gate, model page).
 */
export async function acceptRisk(actor: Actor, modelId: string, input: z.infer<typeof AcceptRiskSchema>) {
  const now = Date.now();
  if (input.expiresAt.getTime() <= now)
    throw new AppError("validation_failed", "expiresAt: must be in the future");
  if (input.expiresAt.getTime() > now + MAX_DAYS * 86_400_000) {
    throw new AppError(
      "validation_failed",
      `expiresAt: at most ${MAX_DAYS} days ahead; accept again when it lapses`,
    );
  }
  return db().$transaction(async (tx) => {
    const model = await tx.threatModel.findFirst({
      where: { id: modelId, archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") },
      select: { id: true, workspaceId: true, headVersion: true },
    });
    if (!model) throw notFound("Threat model");
    const approver = await tx.membership.findFirst({
      where: {
        workspaceId: model.workspaceId,
        userId: actor.id,
        OR: [
          { role: "OWNER" },
          { user: { boardSeats: { some: { board: { workspaceId: model.workspaceId } } } } },
        ],
      },
      select: { id: true },
    });
    if (!approver) {
      throw forbidden(
        "Accepting a risk needs an approver: a workspace owner or a member of one of its review boards",
      );
    }
    if (input.requestedBy === actor.id) {
      throw forbidden(
        "Separation of duties: someone other than the person asking must approve a risk acceptance",
      );
    }
    const requester = await tx.membership.findFirst({
      where: {
        workspaceId: model.workspaceId,
        userId: input.requestedBy,
        role: { in: rolesWith("model:update") },
      },
      select: { id: true },
    });
    if (!requester) {
      throw new AppError("validation_failed", "requestedBy: not an owner or editor of this workspace");
    }
    const head = await tx.modelVersion.findUniqueOrThrow({
      where: { modelId_number: { modelId, number: model.headVersion } },
      select: { content: true, contentHash: true },
    });
    // Stored content was canonicalised on the way in: it is a valid document.
    const threat = (head.content as unknown as ThreatModelDocument).threats.find(
      (t) => t.id === input.threatId,
    );
    if (!threat) {
      throw new AppError(
        "validation_failed",
        `threatId: version ${model.headVersion} has no threat "${input.threatId}"`,
      );
    }
    const acceptance = await tx.riskAcceptance.create({
      data: {
        modelId,
        threatId: threat.id,
        requestedById: input.requestedBy,
        approvedById: actor.id,
        reason: input.reason,
        expiresAt: input.expiresAt,
      },
      include: acceptanceInclude,
    });
    await appendLedger(tx, {
      modelId,
      event: "risk_accepted",
      actorId: actor.id,
      version: model.headVersion,
      contentHash: head.contentHash,
      details: {
        threatId: threat.id,
        threat: threat.title,
        requestedBy: input.requestedBy,
        expiresAt: input.expiresAt.toISOString(),
        reason: input.reason,
      },
    });
    await recordAudit(tx, {
      workspaceId: model.workspaceId,
      actorId: actor.id,
      action: "risk.accept",
      targetType: "ThreatModel",
      targetId: modelId,
      after: { threatId: threat.id, expiresAt: input.expiresAt.toISOString() },
    });
    return toAcceptanceView(acceptance);
  });
}

const acceptanceInclude = {
  requestedBy: { select: { id: true, name: true } },
  approvedBy: { select: { id: true, name: true } },
} as const;

function toAcceptanceView(row: {
  id: string;
  threatId: string;
  reason: string;
  expiresAt: Date;
  createdAt: Date;
  requestedBy: { id: string; name: string };
  approvedBy: { id: string; name: string };
}) {
  return {
    id: row.id,
    threatId: row.threatId,
    requestedBy: row.requestedBy,
    approvedBy: row.approvedBy,
    reason: row.reason,
    expiresAt: row.expiresAt,
    expired: row.expiresAt.getTime() <= Date.now(),
    createdAt: row.createdAt,
  };
}

/** GET /models/:id/risk-acceptances: newest first, each marked expired or not. */
export async function listAcceptances(actor: Actor, modelId: string) {
  const rows = await db().riskAcceptance.findMany({
    where: { modelId, model: { archivedAt: null, workspace: workspaceWhereActorCan(actor, "model:read") } },
    include: acceptanceInclude,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toAcceptanceView);
}

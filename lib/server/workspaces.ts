import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { db, type Role } from "@/lib/db/client";
import type { Actor } from "./actor";
import { workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";

export const WorkspaceNameSchema = z.string().trim().min(1, "must not be empty").max(100);
export const CreateWorkspaceSchema = z.object({ name: WorkspaceNameSchema });

export type WorkspaceSummary = { id: string; name: string; role: Role };

export async function listWorkspaces(actor: Actor): Promise<WorkspaceSummary[]> {
  const memberships = await db().membership.findMany({
    where: { userId: actor.id },
    select: { role: true, workspace: { select: { id: true, name: true } } },
    orderBy: [{ workspace: { name: "asc" } }, { workspaceId: "asc" }],
  });
  return memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }));
}

export async function createWorkspace(actor: Actor, input: z.infer<typeof CreateWorkspaceSchema>) {
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name: input.name, memberships: { create: { userId: actor.id, role: "OWNER" } } },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      action: "workspace.create",
      targetType: "Workspace",
      targetId: workspace.id,
    });
    return { ...workspace, role: "OWNER" as const };
  });
}

/** The workspace as its member sees it, or a 404 for anyone else. */
export async function getWorkspace(actor: Actor, workspaceId: string): Promise<WorkspaceSummary> {
  const membership = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: actor.id } },
    select: { role: true, workspace: { select: { id: true, name: true } } },
  });
  if (!membership) throw notFound("Workspace");
  return { ...membership.workspace, role: membership.role };
}

export async function renameWorkspace(actor: Actor, workspaceId: string, name: string) {
  const { count } = await db().workspace.updateMany({
    where: { id: workspaceId, ...workspaceWhereActorCan(actor, "workspace:update") },
    data: { name },
  });
  if (count === 0) throw notFound("Workspace");
}

export async function findMembershipForWorkspace(userId: string, workspaceId: string) {
  return db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { workspaceId: true, role: true },
  });
}

/** The caller's membership in the workspace that owns a (non-archived) model. */
export async function findMembershipForReview(userId: string, reviewId: string) {
  return db().membership.findFirst({
    where: {
      userId,
      workspace: { models: { some: { archivedAt: null, reviews: { some: { id: reviewId } } } } },
    },
    select: { workspaceId: true, role: true },
  });
}

export async function findMembershipForModel(userId: string, modelId: string) {
  return db().membership.findFirst({
    where: { userId, workspace: { models: { some: { id: modelId, archivedAt: null } } } },
    select: { workspaceId: true, role: true },
  });
}

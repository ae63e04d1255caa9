import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import { ROLES } from "@/lib/auth/permissions";
import { hashSecret } from "@/lib/auth/tokens";
import { db, type Prisma, type Role } from "@/lib/db/client";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";
import { EmailSchema } from "./users";

export const RoleSchema = z.enum(ROLES, "must be one of OWNER, EDITOR, REVIEWER, VIEWER");
export const AddMemberSchema = z.object({ email: EmailSchema, role: RoleSchema });
export const UpdateMemberSchema = z.object({ role: RoleSchema });

const INVITATION_TTL_MS = 14 * 24 * 60 * 60_000;

export type MemberView = { userId: string; email: string; name: string; role: Role };

export async function listMembers(actor: Actor, workspaceId: string): Promise<MemberView[]> {
  const rows = await db().membership.findMany({
    where: { workspaceId, workspace: workspaceWhereActorCan(actor, "members:read") },
    select: { role: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  return rows.map((row) => ({
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
  }));
}

export type AddMemberResult =
  | { status: "added"; member: MemberView }
  | {
      status: "invited";
      invitation: { id: string; email: string; role: Role; token: string; expiresAt: Date };
    };

/** Adds an existing account at once; otherwise creates an invitation whose link is shown once. */
export async function addMember(
  actor: Actor,
  workspaceId: string,
  input: z.infer<typeof AddMemberSchema>,
): Promise<AddMemberResult> {
  return db().$transaction(async (tx) => {
    await requireManageableWorkspace(tx, actor, workspaceId);
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, email: true, name: true },
    });
    if (user) {
      const existing = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw new AppError("conflict", `${input.email} is already a member of this workspace`);
      await tx.membership.create({ data: { workspaceId, userId: user.id, role: input.role } });
      await recordAudit(tx, {
        workspaceId,
        actorId: actor.id,
        action: "member.add",
        targetType: "User",
        targetId: user.id,
        after: { role: input.role },
      });
      return {
        status: "added",
        member: { userId: user.id, email: user.email, name: user.name, role: input.role },
      };
    }
    const token = randomBytes(24).toString("base64url");
    const invitation = await tx.invitation.create({
      data: {
        workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: hashSecret(token),
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.invite",
      targetType: "Invitation",
      targetId: invitation.id,
      after: { email: input.email, role: input.role },
    });
    return { status: "invited", invitation: { ...invitation, token } };
  });
}

export async function updateMemberRole(actor: Actor, workspaceId: string, userId: string, role: Role) {
  await db().$transaction(async (tx) => {
    await requireManageableWorkspace(tx, actor, workspaceId);
    const member = await lockMemberAndOwners(tx, workspaceId, userId);
    if (member.role === "OWNER" && role !== "OWNER" && member.owners === 1) {
      throw new AppError("conflict", "A workspace needs at least one owner: make someone else owner first");
    }
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.role_change",
      targetType: "User",
      targetId: userId,
      before: { role: member.role },
      after: { role },
    });
  });
  return role;
}

export async function removeMember(actor: Actor, workspaceId: string, userId: string) {
  await db().$transaction(async (tx) => {
    await requireManageableWorkspace(tx, actor, workspaceId);
    const member = await lockMemberAndOwners(tx, workspaceId, userId);
    if (member.role === "OWNER" && member.owners === 1) {
      throw new AppError("conflict", "The last owner of a workspace cannot be removed");
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.remove",
      targetType: "User",
      targetId: userId,
      before: { role: member.role },
    });
  });
}

export async function listInvitations(actor: Actor, workspaceId: string) {
  return db().invitation.findMany({
    where: {
      workspaceId,
      acceptedAt: null,
      expiresAt: { gt: new Date() },
      workspace: workspaceWhereActorCan(actor, "members:manage"),
    },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(actor: Actor, workspaceId: string, invitationId: string) {
  const { count } = await db().invitation.deleteMany({
    where: {
      id: invitationId,
      workspaceId,
      acceptedAt: null,
      workspace: workspaceWhereActorCan(actor, "members:manage"),
    },
  });
  if (count === 0) throw notFound("Invitation");
}

/** What the invitation page shows before the invitee accepts; null for unknown or used links. */
export async function getInvitation(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      workspace: { select: { id: true, name: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

/** Joins the invited workspace; the link works once and only for the invited email address. */
export async function acceptInvitation(actor: Actor, token: string): Promise<{ workspaceId: string }> {
  return db().$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash: hashSecret(token), acceptedAt: null, expiresAt: { gt: now }, email: actor.email },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0)
      throw notFound("Invitation (it may have expired, been used, or be for another email)");
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { tokenHash: hashSecret(token) },
      select: { id: true, workspaceId: true, role: true },
    });
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: actor.id } },
      update: {},
      create: { workspaceId: invitation.workspaceId, userId: actor.id, role: invitation.role },
    });
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actorId: actor.id,
      action: "member.join",
      targetType: "Invitation",
      targetId: invitation.id,
    });
    return { workspaceId: invitation.workspaceId };
  });
}

async function requireManageableWorkspace(tx: Prisma.TransactionClient, actor: Actor, workspaceId: string) {
  const workspace = await tx.workspace.findFirst({
    where: { id: workspaceId, ...workspaceWhereActorCan(actor, "members:manage") },
    select: { id: true },
  });
  if (!workspace) throw notFound("Workspace");
}

/** Locks the workspace's owner rows so two concurrent demotions cannot both pass the last-owner check. */
async function lockMemberAndOwners(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND "role" = 'OWNER' FOR UPDATE`;
  const member = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  if (!member) throw notFound("Member");
  return { role: member.role, owners: owners.length };
}

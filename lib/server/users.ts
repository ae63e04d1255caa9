import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";

export const EmailSchema = z
  .string("must be a string")
  .trim()
  .toLowerCase()
  .pipe(z.email("must be a valid email address").max(254, "must be at most 254 characters"));

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "must be at most 256 characters");

export const SignUpSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  email: EmailSchema,
  password: PasswordSchema,
});

export async function findUserForSignIn(email: string) {
  return db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, sessionEpoch: true },
  });
}

/**
 * The account behind a browser session, or null when the session is over: the account is gone, or
 * its password changed after the session was signed in (a newer `sessionEpoch`).
 */
export async function getSessionActor(userId: string, epoch: number): Promise<Actor | null> {
  return db().user.findUnique({
    where: { id: userId, sessionEpoch: epoch },
    select: { id: true, email: true, name: true },
  });
}

export async function createUser(input: z.infer<typeof SignUpSchema>): Promise<Actor> {
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", "An account with this email already exists");
  const user = await db().user.create({
    data: { email: input.email, name: input.name, passwordHash },
    select: { id: true, email: true, name: true },
  });
  await recordAudit(db(), { actorId: user.id, action: "user.signup", targetType: "User", targetId: user.id });
  return user;
}

/** Finds or creates the account for a single-sign-on identity (matched by verified email). */
export async function upsertSsoUser(email: string, name: string): Promise<Actor & { sessionEpoch: number }> {
  const normalized = email.trim().toLowerCase();
  return db().user.upsert({
    where: { email: normalized },
    update: {},
    create: { email: normalized, name: name || normalized },
    select: { id: true, email: true, name: true, sessionEpoch: true },
  });
}

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, "is required"),
  newPassword: PasswordSchema,
});

export async function changePassword(actor: Actor, input: z.infer<typeof ChangePasswordSchema>) {
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) throw new AppError("unauthorized", "Your account no longer exists");
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation_failed", "currentPassword: is not your current password", {
      path: "currentPassword",
    });
  }
  // A new epoch ends every session signed in before now, this one included: the form signs its
  // user in again with the new password. API tokens are separate credentials and stay.
  await db().user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(input.newPassword), sessionEpoch: { increment: 1 } },
  });
  await recordAudit(db(), {
    actorId: actor.id,
    action: "user.password_changed",
    targetType: "User",
    targetId: actor.id,
  });
}

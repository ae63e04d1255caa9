import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { generateApiToken, hashSecret, looksLikeApiToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";

export const CreateTokenSchema = z.object({ name: z.string().trim().min(1, "must not be empty").max(80) });

const LAST_USED_RESOLUTION_MS = 60_000;

export async function createApiToken(actor: Actor, input: z.infer<typeof CreateTokenSchema>) {
  const { token, tokenHash } = generateApiToken();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash },
      select: { id: true, name: true, createdAt: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "token.create",
      targetType: "ApiToken",
      targetId: created.id,
    });
    return created;
  });
  return { ...row, token };
}

export function listApiTokens(actor: Actor) {
  return db().apiToken.findMany({
    where: { userId: actor.id },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function deleteApiToken(actor: Actor, tokenId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.deleteMany({ where: { id: tokenId, userId: actor.id } });
    if (count === 0) throw notFound("API token");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "token.revoke",
      targetType: "ApiToken",
      targetId: tokenId,
    });
  });
}

/** The owner of a live API token, or null. Touches lastUsedAt at most once a minute. */
export async function getActorFromApiToken(token: string): Promise<Actor | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return row.user;
}

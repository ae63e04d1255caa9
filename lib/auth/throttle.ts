import { db } from "@/lib/db/client";

/** Failed sign-ins allowed per window before the key is locked out. */
export const THROTTLE_POLICY = {
  email: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

type Kind = keyof typeof THROTTLE_POLICY;

const keyFor = (kind: Kind, value: string) => `${kind}:${value.toLowerCase()}`;

/** Seconds until the key may try again, or 0 when it is not locked. */
export async function lockedForSeconds(kind: Kind, value: string, now = new Date()): Promise<number> {
  const row = await db().signInThrottle.findUnique({ where: { key: keyFor(kind, value) } });
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** Counts one failure atomically (one upsert statement), locking the key once the limit is reached. */
export async function recordFailure(kind: Kind, value: string, now = new Date()): Promise<void> {
  const policy = THROTTLE_POLICY[kind];
  const key = keyFor(kind, value);
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const lockUntil = new Date(now.getTime() + policy.lockMs);
  await db().$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStartsAt", "lockedUntil")
    VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStartsAt" < ${windowStart} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "windowStartsAt" = CASE WHEN "SignInThrottle"."windowStartsAt" < ${windowStart} THEN ${now}
                              ELSE "SignInThrottle"."windowStartsAt" END,
      "lockedUntil" = CASE WHEN "SignInThrottle"."windowStartsAt" >= ${windowStart}
                             AND "SignInThrottle"."failures" + 1 >= ${policy.maxFailures}
                           THEN ${lockUntil} ELSE "SignInThrottle"."lockedUntil" END`;
}

export async function clearFailures(kind: Kind, value: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key: keyFor(kind, value) } });
}

import { randomUUID } from "node:crypto";
import { type Db, Prisma } from "@/lib/db/client";

type AuditClient = Pick<Db, "auditEvent"> | Prisma.TransactionClient;

export type AuditInput = {
  workspaceId?: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Records a mutation; pass the transaction client so the event commits or rolls back with it. */
export async function recordAudit(client: AuditClient, event: AuditInput): Promise<void> {
  await client.auditEvent.create({ data: { ...event, workspaceId: event.workspaceId ?? null } });
}

/**
 * The same record as an INSERT statement, for a data-modifying CTE of a larger statement (a save
 * writes its version, moves the head and audits in one round trip: version-rows.ts).
 */
export function auditInsertSql(event: AuditInput): Prisma.Sql {
  const json = (value: Prisma.InputJsonValue | undefined) =>
    value === undefined ? Prisma.sql`NULL` : Prisma.sql`${JSON.stringify(value)}::jsonb`;
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "workspaceId", "actorId", "action", "targetType", "targetId", "before", "after")
    VALUES (${randomUUID()}, ${event.workspaceId ?? null}, ${event.actorId}, ${event.action}, ${event.targetType},
      ${event.targetId}, ${json(event.before)}, ${json(event.after)})`;
}

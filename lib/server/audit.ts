import type { Db, Prisma } from "@/lib/db/client";

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

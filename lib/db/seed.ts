import { hashPassword } from "@/lib/auth/password";
import { documentHash } from "@/lib/domain/canonical-document";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import type { Prisma, Role } from "./client";
import { db } from "./client";
import { DEMO_DOCUMENT_INPUT, DEMO_MODEL_NAME } from "./demo-model";

export const DEMO_PASSWORD = "trustboard-demo";

export const DEMO_USERS = [
  { name: "Alice", email: "alice@example.com", workspace: "Demo ML Platform", role: "OWNER" },
  { name: "Bob", email: "bob@example.com", workspace: "Demo ML Platform", role: "EDITOR" },
  { name: "Carol", email: "carol@example.com", workspace: "Demo ML Platform", role: "REVIEWER" },
  { name: "Dave", email: "dave@example.com", workspace: "Demo ML Platform", role: "REVIEWER" },
  { name: "Erin", email: "erin@example.com", workspace: "Demo ML Platform", role: "VIEWER" },
  { name: "Mallory", email: "mallory@example.com", workspace: "Other Org", role: "OWNER" },
] as const satisfies readonly { name: string; email: string; workspace: string; role: Role }[];

/** Version 1 of the demo model: a complete fraud-scoring threat model (see demo-model.ts). */
export function demoDocument() {
  return ThreatModelDocumentSchema.parse(DEMO_DOCUMENT_INPUT);
}

const SEED_LOCK_KEY = 727_112_001;

/**
 * Creates the demo workspaces, users and model, once: a second run finds Alice and does nothing.
 * Returns whether anything was written.
 */
export async function seedDemoData(): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    const seeded = await tx.user.findUnique({ where: { email: "alice@example.com" }, select: { id: true } });
    if (seeded) return false;
    const workspaces = new Map<string, string>();
    for (const name of new Set(DEMO_USERS.map((u) => u.workspace))) {
      const ws = await tx.workspace.create({ data: { name }, select: { id: true } });
      workspaces.set(name, ws.id);
    }
    const userIds = new Map<string, string>();
    for (const demo of DEMO_USERS) {
      const user = await tx.user.create({
        data: {
          name: demo.name,
          email: demo.email,
          passwordHash,
          memberships: { create: { workspaceId: workspaces.get(demo.workspace) as string, role: demo.role } },
        },
        select: { id: true },
      });
      userIds.set(demo.email, user.id);
    }
    await createDemoModel(
      tx,
      workspaces.get("Demo ML Platform") as string,
      userIds.get("alice@example.com") as string,
    );
    return true;
  });
}

async function createDemoModel(tx: Prisma.TransactionClient, workspaceId: string, authorId: string) {
  const document = demoDocument();
  await tx.threatModel.create({
    data: {
      workspaceId,
      name: DEMO_MODEL_NAME,
      createdById: authorId,
      headVersion: 1,
      versions: {
        create: {
          number: 1,
          content: document as Prisma.InputJsonValue,
          contentHash: documentHash(document),
          message: "Initial model",
          authorId,
        },
      },
    },
  });
}

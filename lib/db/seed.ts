import { hashPassword } from "@/lib/auth/password";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { insertVersion, storedContent } from "@/lib/server/version-rows";
import type { Prisma, Role } from "./client";
import { db } from "./client";
import { demoHistory } from "./demo-history";
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

/** The demo model's head (version 3): a complete fraud-scoring threat model (see demo-model.ts). */
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
    if (seeded) return ensureDemoBoard(tx);
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
    await createDemoModel(tx, workspaces.get("Demo ML Platform") as string, userIds);
    await ensureDemoBoard(tx);
    return true;
  });
}

export const DEMO_BOARD_NAME = "Model Risk Board";

/**
 * The demo review board: Carol (security) and Dave (privacy) must both approve. Added to demo data
 * seeded before boards existed, too; returns whether it was created.
 */
async function ensureDemoBoard(tx: Prisma.TransactionClient): Promise<boolean> {
  const alice = await tx.membership.findFirst({
    where: { user: { email: "alice@example.com" }, workspace: { name: "Demo ML Platform" }, role: "OWNER" },
    select: { workspaceId: true, userId: true },
  });
  if (!alice) return false;
  const exists = await tx.reviewBoard.findFirst({
    where: { workspaceId: alice.workspaceId, name: DEMO_BOARD_NAME },
    select: { id: true },
  });
  if (exists) return false;
  const seat = async (email: string, discipline: "SECURITY" | "PRIVACY", role: "CHAIR" | "MEMBER") => {
    const member = await tx.membership.findFirst({
      where: { workspaceId: alice.workspaceId, user: { email } },
      select: { userId: true },
    });
    return member ? [{ userId: member.userId, discipline, role }] : [];
  };
  const members = [
    ...(await seat("carol@example.com", "SECURITY", "CHAIR")),
    ...(await seat("dave@example.com", "PRIVACY", "MEMBER")),
  ];
  if (members.length < 2) return false;
  await tx.reviewBoard.create({
    data: {
      workspaceId: alice.workspaceId,
      name: DEMO_BOARD_NAME,
      quorumApprovals: 2,
      quorumDisciplines: ["SECURITY", "PRIVACY"],
      createdById: alice.userId,
      members: { create: members },
    },
  });
  return true;
}

async function createDemoModel(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userIds: ReadonlyMap<string, string>,
) {
  const history = demoHistory(demoDocument());
  const authorId = (email: string) => userIds.get(email) as string;
  const model = await tx.threatModel.create({
    data: {
      workspaceId,
      name: DEMO_MODEL_NAME,
      createdById: authorId("alice@example.com"),
      headVersion: history.length,
    },
    select: { id: true },
  });
  for (const [index, version] of history.entries()) {
    await insertVersion(tx, {
      modelId: model.id,
      number: index + 1,
      parentNumber: index === 0 ? null : index,
      content: storedContent(version.document),
      message: version.message,
      authorId: authorId(version.author),
      restoredFrom: null,
    });
  }
}

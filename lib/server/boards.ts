import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { db, Prisma } from "@/lib/db/client";
import { DISCIPLINES, quorumProblem } from "@/lib/domain/quorum";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";

export const CreateBoardSchema = z
  .object({
    name: z.string().trim().min(1, "name is required").max(120),
    members: z
      .array(
        z.object({
          userId: z.string().min(1),
          discipline: z.enum(DISCIPLINES),
          role: z.enum(["CHAIR", "MEMBER"]).default("MEMBER"),
        }),
      )
      .min(1, "a board needs at least one member")
      .max(50),
    quorum: z.object({
      approvals: z.int("must be an integer").min(1).max(50),
      disciplines: z.array(z.enum(DISCIPLINES)).max(DISCIPLINES.length).default([]),
    }),
  })
  .superRefine((board, ctx) => {
    const seen = new Set<string>();
    for (const [index, member] of board.members.entries()) {
      if (seen.has(member.userId)) {
        ctx.addIssue({ code: "custom", path: ["members", index, "userId"], message: "listed twice" });
      }
      seen.add(member.userId);
    }
    const problem = quorumProblem(board.quorum, board.members);
    if (problem) ctx.addIssue({ code: "custom", path: ["quorum"], message: problem });
  });

const boardSelect = {
  id: true,
  workspaceId: true,
  name: true,
  quorumApprovals: true,
  quorumDisciplines: true,
  createdAt: true,
  members: {
    select: { userId: true, discipline: true, role: true, user: { select: { name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  },
} as const;

type BoardRow = Prisma.ReviewBoardGetPayload<{ select: typeof boardSelect }>;

export function toBoardView(board: BoardRow) {
  return {
    id: board.id,
    workspaceId: board.workspaceId,
    name: board.name,
    quorum: { approvals: board.quorumApprovals, disciplines: board.quorumDisciplines },
    members: board.members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      discipline: m.discipline,
      role: m.role,
    })),
    createdAt: board.createdAt,
  };
}

export async function listBoards(actor: Actor, workspaceId: string) {
  const boards = await db().reviewBoard.findMany({
    where: { workspaceId, workspace: workspaceWhereActorCan(actor, "workspace:read") },
    select: boardSelect,
    orderBy: { name: "asc" },
  });
  return boards.map(toBoardView);
}

/** Owners create boards; every member must belong to the workspace (422 naming the entry otherwise). */
export async function createBoard(
  actor: Actor,
  workspaceId: string,
  input: z.infer<typeof CreateBoardSchema>,
) {
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.findFirst({
      where: { id: workspaceId, ...workspaceWhereActorCan(actor, "boards:manage") },
      select: { id: true, memberships: { select: { userId: true } } },
    });
    if (!workspace) throw new AppError("not_found", "Workspace not found");
    const members = new Set(workspace.memberships.map((m) => m.userId));
    const outsider = input.members.findIndex((m) => !members.has(m.userId));
    if (outsider >= 0) {
      throw new AppError("validation_failed", `members.${outsider}.userId: not a member of this workspace`);
    }
    try {
      const board = await tx.reviewBoard.create({
        data: {
          workspaceId,
          name: input.name,
          quorumApprovals: input.quorum.approvals,
          quorumDisciplines: input.quorum.disciplines,
          createdById: actor.id,
          members: { create: input.members },
        },
        select: boardSelect,
      });
      await recordAudit(tx, {
        workspaceId,
        actorId: actor.id,
        action: "board.create",
        targetType: "ReviewBoard",
        targetId: board.id,
        after: { name: board.name, members: input.members, quorum: input.quorum },
      });
      return toBoardView(board);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("conflict", `A board named "${input.name}" already exists in this workspace`);
      }
      throw error;
    }
  });
}

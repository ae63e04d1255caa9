import { MembersPanel } from "@/components/members/members-panel";
import { BoardsPanel } from "@/components/reviews/boards-panel";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listBoards } from "@/lib/server/boards";
import { listInvitations, listMembers } from "@/lib/server/members";
import { orNotFound } from "@/lib/server/pages";
import { getWorkspace } from "@/lib/server/workspaces";

export const metadata = { title: "Members" };

type Props = { params: Promise<{ workspace: string }> };

export default async function MembersPage({ params }: Props) {
  const { workspace: workspaceId } = await params;
  const actor = await requireActor(`/w/${workspaceId}/members`);
  const workspace = await orNotFound(getWorkspace(actor, workspaceId));
  const canManage = can(workspace.role, "members:manage");
  const [members, invitations, boards] = await Promise.all([
    listMembers(actor, workspace.id),
    canManage ? listInvitations(actor, workspace.id) : Promise.resolve([]),
    listBoards(actor, workspace.id),
  ]);
  return (
    <>
      <MembersPanel
        workspace={workspace}
        members={members}
        invitations={invitations.map((i) => ({
          ...i,
          expiresAt: i.expiresAt.toISOString(),
          createdAt: i.createdAt.toISOString(),
        }))}
        canManage={canManage}
        currentUserId={actor.id}
      />
      <div className="mt-6">
        <BoardsPanel
          workspaceId={workspace.id}
          boards={boards.map(({ createdAt: _, ...board }) => board)}
          members={members}
          canManage={can(workspace.role, "boards:manage")}
        />
      </div>
    </>
  );
}

import { MembersPanel } from "@/components/members/members-panel";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
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
  const [members, invitations] = await Promise.all([
    listMembers(actor, workspace.id),
    canManage ? listInvitations(actor, workspace.id) : Promise.resolve([]),
  ]);
  return (
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
  );
}

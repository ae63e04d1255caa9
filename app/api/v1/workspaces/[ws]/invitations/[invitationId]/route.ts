import { noContent } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/server/members";

// DELETE /api/v1/workspaces/:ws/invitations/:invitationId - revoke a pending invitation (owners)
export const DELETE = apiRoute<{ ws: string; invitationId: string }>(
  { scope: { workspace: (p) => p.ws, permission: "members:manage" } },
  async ({ actor, params }) => {
    await revokeInvitation(actor, params.ws, params.invitationId);
    return noContent();
  },
);

import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { listInvitations } from "@/lib/server/members";

// GET /api/v1/workspaces/:ws/invitations - pending invitations (owners)
export const GET = apiRoute<{ ws: string }>(
  { scope: { workspace: (p) => p.ws, permission: "members:manage" } },
  async ({ actor, params }) => json(await listInvitations(actor, params.ws)),
);

import { json } from "@/lib/api/respond";
import { apiRoute, requestOrigin } from "@/lib/api/route";
import { AddMemberSchema, addMember, listMembers } from "@/lib/server/members";

type Params = { ws: string };

// GET /api/v1/workspaces/:ws/members
export const GET = apiRoute<Params>(
  { scope: { workspace: (p) => p.ws, permission: "members:read" } },
  async ({ actor, params }) => json(await listMembers(actor, params.ws)),
);

// POST /api/v1/workspaces/:ws/members - add an existing user, or invite an unknown email (owners)
export const POST = apiRoute<Params, typeof AddMemberSchema>(
  { scope: { workspace: (p) => p.ws, permission: "members:manage" }, body: AddMemberSchema },
  async ({ actor, params, body, request }) => {
    const result = await addMember(actor, params.ws, body);
    if (result.status === "added") return json({ status: "added", ...result.member }, 201);
    const { token, ...invitation } = result.invitation;
    const inviteUrl = `${requestOrigin(request)}/invite/${token}`;
    return json({ status: "invited", invitationId: invitation.id, ...invitation, inviteUrl }, 201);
  },
);

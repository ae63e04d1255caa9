import { json, noContent } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { removeMember, UpdateMemberSchema, updateMemberRole } from "@/lib/server/members";

type Params = { ws: string; userId: string };

// PATCH /api/v1/workspaces/:ws/members/:userId - change a member's role (owners; never the last owner)
export const PATCH = apiRoute<Params, typeof UpdateMemberSchema>(
  { scope: { workspace: (p) => p.ws, permission: "members:manage" }, body: UpdateMemberSchema },
  async ({ actor, params, body }) => {
    const role = await updateMemberRole(actor, params.ws, params.userId, body.role);
    return json({ userId: params.userId, role });
  },
);

// DELETE /api/v1/workspaces/:ws/members/:userId - remove a member (owners; never the last owner)
export const DELETE = apiRoute<Params>(
  { scope: { workspace: (p) => p.ws, permission: "members:manage" } },
  async ({ actor, params }) => {
    await removeMember(actor, params.ws, params.userId);
    return noContent();
  },
);

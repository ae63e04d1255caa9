import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { acceptInvitation } from "@/lib/server/members";

// POST /api/v1/invitations/:token/accept - join the workspace the invitation is for
export const POST = apiRoute<{ token: string }>({ auth: "session" }, async ({ actor, params }) =>
  json(await acceptInvitation(actor, params.token)),
);

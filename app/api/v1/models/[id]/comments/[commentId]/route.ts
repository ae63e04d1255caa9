import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { ResolveThreadSchema, setThreadResolved } from "@/lib/server/comments";

type Params = { id: string; commentId: string };

// PATCH /api/v1/models/:id/comments/:commentId - resolve or reopen a thread
export const PATCH = apiRoute<Params, typeof ResolveThreadSchema>(
  { scope: { model: (p) => p.id, permission: "comments:write" }, body: ResolveThreadSchema },
  async ({ actor, params, body }) => json(await setThreadResolved(actor, params.id, params.commentId, body)),
);

import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { ReplySchema, replyToThread } from "@/lib/server/comments";

type Params = { id: string; commentId: string };

// POST /api/v1/models/:id/comments/:commentId/replies - reply to a thread (resolved or not)
export const POST = apiRoute<Params, typeof ReplySchema>(
  { scope: { model: (p) => p.id, permission: "comments:write" }, body: ReplySchema },
  async ({ actor, params, body }) => json(await replyToThread(actor, params.id, params.commentId, body), 201),
);

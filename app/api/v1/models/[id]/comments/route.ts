import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CreateThreadSchema, createThread, listThreads } from "@/lib/server/comments";

type Params = { id: string };

// GET /api/v1/models/:id/comments - every comment thread with its replies, oldest first
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await listThreads(actor, params.id)),
);

// POST /api/v1/models/:id/comments - start a thread on an element, flow or threat of the head version
export const POST = apiRoute<Params, typeof CreateThreadSchema>(
  { scope: { model: (p) => p.id, permission: "comments:write" }, body: CreateThreadSchema },
  async ({ actor, params, body }) => json(await createThread(actor, params.id, body), 201),
);

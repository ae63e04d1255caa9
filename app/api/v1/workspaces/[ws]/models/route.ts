import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CreateModelSchema, createModel, listModels } from "@/lib/server/models";

type Params = { ws: string };

// GET /api/v1/workspaces/:ws/models
export const GET = apiRoute<Params>(
  { scope: { workspace: (p) => p.ws, permission: "model:read" } },
  async ({ actor, params }) => json(await listModels(actor, params.ws)),
);

// POST /api/v1/workspaces/:ws/models - version 1 holds the given document or an empty one
export const POST = apiRoute<Params, typeof CreateModelSchema>(
  { scope: { workspace: (p) => p.ws, permission: "model:create" }, body: CreateModelSchema },
  async ({ actor, params, body }) => json(await createModel(actor, params.ws, body), 201),
);

import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CreateWorkspaceSchema, getWorkspace, renameWorkspace } from "@/lib/server/workspaces";

type Params = { ws: string };

// GET /api/v1/workspaces/:ws - one workspace with the caller's role
export const GET = apiRoute<Params>(
  { scope: { workspace: (p) => p.ws, permission: "workspace:read" } },
  async ({ actor, params }) => json(await getWorkspace(actor, params.ws)),
);

// PATCH /api/v1/workspaces/:ws - rename (owners)
export const PATCH = apiRoute<Params, typeof CreateWorkspaceSchema>(
  { scope: { workspace: (p) => p.ws, permission: "workspace:update" }, body: CreateWorkspaceSchema },
  async ({ actor, params, body }) => {
    await renameWorkspace(actor, params.ws, body.name);
    return json(await getWorkspace(actor, params.ws));
  },
);

import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CreateWorkspaceSchema, createWorkspace, listWorkspaces } from "@/lib/server/workspaces";

// GET /api/v1/workspaces - the caller's memberships
export const GET = apiRoute({}, async ({ actor }) => json(await listWorkspaces(actor)));

// POST /api/v1/workspaces - create a workspace; the caller becomes its owner
export const POST = apiRoute({ body: CreateWorkspaceSchema }, async ({ actor, body }) =>
  json(await createWorkspace(actor, body), 201),
);

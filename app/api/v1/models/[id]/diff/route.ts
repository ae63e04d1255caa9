import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { DiffQuerySchema, diffVersions } from "@/lib/server/versions";

type Params = { id: string };

// GET /api/v1/models/:id/diff?from=a&to=b - added, removed and changed entries per collection
export const GET = apiRoute<Params, undefined, typeof DiffQuerySchema>(
  { scope: { model: (p) => p.id, permission: "model:read" }, query: DiffQuerySchema },
  async ({ actor, params, query }) => json(await diffVersions(actor, params.id, query)),
);

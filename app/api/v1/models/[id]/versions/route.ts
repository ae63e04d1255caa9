import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { listVersions, SaveVersionSchema, saveVersion } from "@/lib/server/versions";

type Params = { id: string };

// GET /api/v1/models/:id/versions - every version, oldest first
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await listVersions(actor, params.id)),
);

// POST /api/v1/models/:id/versions - 201 new head, 200 when unchanged, 409 when baseVersion is stale
export const POST = apiRoute<Params, typeof SaveVersionSchema>(
  { scope: { model: (p) => p.id, permission: "model:update" }, body: SaveVersionSchema },
  async ({ actor, params, body }) => {
    const result = await saveVersion(actor, params.id, body);
    return json(
      { number: result.number, contentHash: result.contentHash },
      result.status === "created" ? 201 : 200,
    );
  },
);

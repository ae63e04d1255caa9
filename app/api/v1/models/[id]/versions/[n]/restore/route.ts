import { notFound } from "@/lib/api/errors";
import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { RestoreVersionSchema, restoreVersion, VersionNumberSchema } from "@/lib/server/versions";

type Params = { id: string; n: string };

// POST /api/v1/models/:id/versions/:n/restore - a new head with exactly version n's content
export const POST = apiRoute<Params, typeof RestoreVersionSchema>(
  { scope: { model: (p) => p.id, permission: "model:update" }, body: RestoreVersionSchema },
  async ({ actor, params, body }) => {
    const number = VersionNumberSchema.safeParse(params.n);
    if (!number.success) throw notFound("Version");
    return json(await restoreVersion(actor, params.id, number.data, body), 201);
  },
);

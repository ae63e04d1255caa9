import { notFound } from "@/lib/api/errors";
import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { getVersion, VersionNumberSchema } from "@/lib/server/versions";

type Params = { id: string; n: string };

// GET /api/v1/models/:id/versions/:n - one version with its document
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => {
    const number = VersionNumberSchema.safeParse(params.n);
    if (!number.success) throw notFound("Version");
    return json(await getVersion(actor, params.id, number.data));
  },
);

import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CustomMitigationSchema, createCustomMitigation } from "@/lib/server/catalog";

type Params = { ws: string };

// POST /api/v1/workspaces/:ws/catalog/mitigations - a custom mitigation in this workspace's catalog
export const POST = apiRoute<Params, typeof CustomMitigationSchema>(
  { scope: { workspace: (p) => p.ws, permission: "model:create" }, body: CustomMitigationSchema },
  async ({ actor, params, body }) => json(await createCustomMitigation(actor, params.ws, body), 201),
);

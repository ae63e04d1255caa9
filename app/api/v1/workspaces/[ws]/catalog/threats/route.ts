import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CustomThreatSchema, createCustomThreat } from "@/lib/server/catalog";

type Params = { ws: string };

// POST /api/v1/workspaces/:ws/catalog/threats - a custom threat in this workspace's catalog
export const POST = apiRoute<Params, typeof CustomThreatSchema>(
  { scope: { workspace: (p) => p.ws, permission: "model:create" }, body: CustomThreatSchema },
  async ({ actor, params, body }) => json(await createCustomThreat(actor, params.ws, body), 201),
);

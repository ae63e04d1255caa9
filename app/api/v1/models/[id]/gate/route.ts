import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { GateQuerySchema, modelGate } from "@/lib/server/reviews";

type Params = { id: string };

// GET /api/v1/models/:id/gate?maxResidual=high - { pass, reasons } for CI pipelines
export const GET = apiRoute<Params, undefined, typeof GateQuerySchema>(
  { scope: { model: (p) => p.id, permission: "model:read" }, query: GateQuerySchema },
  async ({ actor, params, query }) => json(await modelGate(actor, params.id, query)),
);

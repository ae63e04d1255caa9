import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { AcceptRiskSchema, acceptRisk, listAcceptances } from "@/lib/server/acceptances";

type Params = { id: string };

// GET /api/v1/models/:id/risk-acceptances - accepted risks, with their approver and expiry
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await listAcceptances(actor, params.id)),
);

// POST /api/v1/models/:id/risk-acceptances - an owner or board member approves someone's acceptance
export const POST = apiRoute<Params, typeof AcceptRiskSchema>(
  { scope: { model: (p) => p.id, permission: "model:read" }, body: AcceptRiskSchema },
  async ({ actor, params, body }) => json(await acceptRisk(actor, params.id, body), 201),
);

import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { listLedger } from "@/lib/server/ledger";

type Params = { id: string };

// GET /api/v1/models/:id/ledger - the sign-off ledger in order
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await listLedger(actor, params.id)),
);

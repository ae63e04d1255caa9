import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { verifyLedger } from "@/lib/server/ledger";

type Params = { id: string };

// GET /api/v1/models/:id/ledger/verify - recomputes the hash chain; names the first bad entry
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await verifyLedger(actor, params.id)),
);

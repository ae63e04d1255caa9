import { apiRoute } from "@/lib/api/route";
import { exportLedger } from "@/lib/server/ledger";

type Params = { id: string };

// GET /api/v1/models/:id/ledger/export - the ledger and its verification as a JSON file for auditors
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => {
    const file = await exportLedger(actor, params.id);
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="ledger-${params.id}.json"`,
      },
    });
  },
);

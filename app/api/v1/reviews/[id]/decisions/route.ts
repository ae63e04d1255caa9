import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { DecisionSchema, decide } from "@/lib/server/reviews";

type Params = { id: string };

// POST /api/v1/reviews/:id/decisions - approve, request changes or comment (board members only)
export const POST = apiRoute<Params, typeof DecisionSchema>(
  { scope: { review: (p) => p.id, permission: "model:read" }, body: DecisionSchema },
  async ({ actor, params, body }) => json(await decide(actor, params.id, body), 201),
);

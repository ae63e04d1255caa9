import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { withdrawReview } from "@/lib/server/reviews";

type Params = { id: string };

// POST /api/v1/reviews/:id/withdraw - the requester takes the review back
export const POST = apiRoute<Params>(
  { scope: { review: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await withdrawReview(actor, params.id)),
);

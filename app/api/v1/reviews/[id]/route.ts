import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { getReview } from "@/lib/server/reviews";

type Params = { id: string };

// GET /api/v1/reviews/:id - status, staleness, decisions and quorum progress
export const GET = apiRoute<Params>(
  { scope: { review: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await getReview(actor, params.id)),
);

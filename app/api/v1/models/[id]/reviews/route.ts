import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { listModelReviews, RequestReviewSchema, requestReview } from "@/lib/server/reviews";

type Params = { id: string };

// GET /api/v1/models/:id/reviews - the model's reviews, newest first
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => json(await listModelReviews(actor, params.id)),
);

// POST /api/v1/models/:id/reviews - ask a board to review the head version
export const POST = apiRoute<Params, typeof RequestReviewSchema>(
  { scope: { model: (p) => p.id, permission: "model:update" }, body: RequestReviewSchema },
  async ({ actor, params, body }) => json(await requestReview(actor, params.id, body), 201),
);

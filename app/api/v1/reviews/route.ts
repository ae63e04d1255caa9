import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { reviewInbox } from "@/lib/server/reviews";

// GET /api/v1/reviews - the caller's review inbox: open reviews on boards they sit on
export const GET = apiRoute({}, async ({ actor }) => json(await reviewInbox(actor)));

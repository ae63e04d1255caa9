import { noContent } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { deleteApiToken } from "@/lib/server/tokens";

// DELETE /api/v1/tokens/:id - revoke one of the caller's tokens
export const DELETE = apiRoute<{ id: string }>({}, async ({ actor, params }) => {
  await deleteApiToken(actor, params.id);
  return noContent();
});

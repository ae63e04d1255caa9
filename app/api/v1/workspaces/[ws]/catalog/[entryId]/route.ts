import { noContent } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { deleteCustomEntry } from "@/lib/server/catalog";

type Params = { ws: string; entryId: string };

// DELETE /api/v1/workspaces/:ws/catalog/:entryId - remove a custom entry (built-in ones are read-only)
export const DELETE = apiRoute<Params>(
  { scope: { workspace: (p) => p.ws, permission: "model:create" } },
  async ({ actor, params }) => {
    await deleteCustomEntry(actor, params.ws, params.entryId);
    return noContent();
  },
);

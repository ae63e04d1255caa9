import { notFound } from "@/lib/api/errors";
import { json, noContent } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import {
  discardWorkingCopy,
  getWorkingCopy,
  PutWorkingCopySchema,
  putWorkingCopy,
} from "@/lib/server/working-copy";

type Params = { id: string };

// GET /api/v1/models/:id/working-copy - the autosaved, unversioned canvas (404 when there is none)
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => {
    const copy = await getWorkingCopy(actor, params.id);
    if (!copy) throw notFound("Working copy");
    return json(copy);
  },
);

// PUT /api/v1/models/:id/working-copy - autosave the canvas (editors)
export const PUT = apiRoute<Params, typeof PutWorkingCopySchema>(
  { scope: { model: (p) => p.id, permission: "model:update" }, body: PutWorkingCopySchema },
  async ({ actor, params, body }) => json(await putWorkingCopy(actor, params.id, body)),
);

// DELETE /api/v1/models/:id/working-copy - discard unsaved changes (editors)
export const DELETE = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:update" } },
  async ({ actor, params }) => {
    await discardWorkingCopy(actor, params.id);
    return noContent();
  },
);

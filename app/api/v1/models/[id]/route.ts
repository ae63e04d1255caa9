import { json, noContent } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { archiveModel, getModel, UpdateModelSchema, updateModel } from "@/lib/server/models";

type Params = { id: string };

// GET /api/v1/models/:id - the model and its head version's document
export const GET = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:read" } },
  async ({ actor, params }) => {
    const model = await getModel(actor, params.id);
    return json({
      id: model.id,
      workspaceId: model.workspaceId,
      name: model.name,
      stage: model.stage,
      headVersion: model.headVersion,
      updatedAt: model.updatedAt,
      document: model.document,
    });
  },
);

// PATCH /api/v1/models/:id - rename or change stage (stage changes obey the governance gates)
export const PATCH = apiRoute<Params, typeof UpdateModelSchema>(
  { scope: { model: (p) => p.id, permission: "model:update" }, body: UpdateModelSchema },
  async ({ actor, params, body }) => json(await updateModel(actor, params.id, body)),
);

// DELETE /api/v1/models/:id - archive (owners); versions are kept
export const DELETE = apiRoute<Params>(
  { scope: { model: (p) => p.id, permission: "model:delete" } },
  async ({ actor, params }) => {
    await archiveModel(actor, params.id);
    return noContent();
  },
);

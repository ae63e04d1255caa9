import { ThreatModelEditor } from "@/components/canvas/editor";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getModel } from "@/lib/server/models";
import { orNotFound } from "@/lib/server/pages";
import { getWorkingCopy } from "@/lib/server/working-copy";
import { getWorkspace } from "@/lib/server/workspaces";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: "Threat model" };
}

export default async function ModelPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/models/${id}`);
  const model = await orNotFound(getModel(actor, id));
  const [workspace, draft] = await Promise.all([
    getWorkspace(actor, model.workspaceId),
    getWorkingCopy(actor, model.id),
  ]);
  const canEdit = can(workspace.role, "model:update");
  const isNewerThanHead = draft !== null && draft.contentHash !== model.headHash;
  return (
    <ThreatModelEditor
      modelId={model.id}
      modelName={model.name}
      workspace={{ id: workspace.id, name: workspace.name }}
      headVersion={model.headVersion}
      document={model.document}
      canEdit={canEdit}
      roleLabel={workspace.role.toLowerCase()}
      draft={
        draft && isNewerThanHead
          ? {
              baseVersion: draft.baseVersion,
              document: draft.document,
              updatedAt: draft.updatedAt.toISOString(),
              updatedBy: draft.updatedBy.name,
            }
          : null
      }
    />
  );
}

import { ModelList } from "@/components/workspaces/model-list";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listModels } from "@/lib/server/models";
import { orNotFound } from "@/lib/server/pages";
import { getWorkspace } from "@/lib/server/workspaces";

type Props = { params: Promise<{ workspace: string }> };

export default async function WorkspacePage({ params }: Props) {
  const { workspace: workspaceId } = await params;
  const actor = await requireActor(`/w/${workspaceId}`);
  const workspace = await orNotFound(getWorkspace(actor, workspaceId));
  const models = await listModels(actor, workspace.id);
  return <ModelList workspace={workspace} models={models} canCreate={can(workspace.role, "model:create")} />;
}

export async function generateMetadata() {
  return { title: "Threat models" };
}

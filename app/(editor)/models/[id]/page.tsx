import { ThreatModelEditor } from "@/components/canvas/editor";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAcceptances } from "@/lib/server/acceptances";
import { verifyLedger } from "@/lib/server/ledger";
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
  const [workspace, draft, ledger, acceptances] = await Promise.all([
    getWorkspace(actor, model.workspaceId),
    getWorkingCopy(actor, model.id),
    verifyLedger(actor, model.id),
    listAcceptances(actor, model.id),
  ]);
  // An acceptance that lapsed while its threat is still marked accepted: the threat counts as open.
  const stillAccepted = new Set(
    model.document.threats.filter((t) => t.status === "accepted").map((t) => t.id),
  );
  const current = new Set(acceptances.filter((a) => !a.expired).map((a) => a.threatId));
  const expiredAcceptances = new Set(
    acceptances
      .filter((a) => a.expired && stillAccepted.has(a.threatId) && !current.has(a.threatId))
      .map((a) => a.threatId),
  ).size;
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
      canComment={can(workspace.role, "comments:write")}
      roleLabel={workspace.role.toLowerCase()}
      governance={{ stage: model.stage, ledger, expiredAcceptances }}
      currentUser={{ id: actor.id, name: actor.name }}
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

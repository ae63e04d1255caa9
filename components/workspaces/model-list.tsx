import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import type { WorkspaceSummary } from "@/lib/server/workspaces";
import { CreateModelForm } from "./create-model-form";

type ModelRow = { id: string; name: string; stage: string; headVersion: number; updatedAt: Date };

const STAGE_TONE = {
  draft: "slate",
  in_review: "amber",
  approved: "emerald",
  production: "brand",
  retired: "slate",
} as const;

export function ModelList({
  workspace,
  models,
  canCreate,
}: {
  workspace: WorkspaceSummary;
  models: ModelRow[];
  canCreate: boolean;
}) {
  return (
    <>
      <PageHeader
        title={workspace.name}
        subtitle={`Threat models in this workspace · you are ${workspace.role.toLowerCase()}`}
        actions={canCreate ? <CreateModelForm workspaceId={workspace.id} /> : null}
      />
      <Card>
        {models.length === 0 ? (
          <p className="text-sm text-slate-600">
            No threat models yet.{canCreate ? " Create one to start mapping what you are building." : ""}
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Threat models</caption>
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="pb-2 font-medium">
                  Name
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Stage
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Version
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Updated
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {models.map((model) => (
                <tr key={model.id}>
                  <td className="py-3">
                    <Link href={`/models/${model.id}`} className="font-medium text-brand-700 hover:underline">
                      {model.name}
                    </Link>
                  </td>
                  <td className="py-3">
                    <Badge tone={STAGE_TONE[model.stage as keyof typeof STAGE_TONE] ?? "slate"}>
                      {model.stage.replace("_", " ")}
                    </Badge>
                  </td>
                  <td className="py-3 text-slate-600">v{model.headVersion}</td>
                  <td className="py-3 text-slate-600">
                    <time dateTime={model.updatedAt.toISOString()}>
                      {model.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import type { ThreatModelDocument } from "@/lib/domain/document";

type Props = {
  model: {
    id: string;
    name: string;
    stage: string;
    headVersion: number;
    headHash: string;
    headAuthor: string;
    headCreatedAt: Date;
    workspaceId: string;
    workspace: { name: string };
    document: ThreatModelDocument;
  };
};

/** The model's summary until the canvas arrives: scope, assumptions and what the head version holds. */
export function ModelOverview({ model }: Props) {
  const { document } = model;
  const counts = [
    ["Elements", document.elements.length],
    ["Data flows", document.flows.length],
    ["Assets", document.assets.length],
    ["Threats", document.threats.length],
    ["Mitigations", document.mitigations.length],
  ] as const;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={`/w/${model.workspaceId}`} className="hover:underline">
          {model.workspace.name}
        </Link>{" "}
        / Threat models
      </nav>
      <PageHeader
        title={model.name}
        subtitle={
          <>
            Version {model.headVersion} by {model.headAuthor} ·{" "}
            <span className="font-mono text-xs">{model.headHash.slice(0, 12)}</span>
          </>
        }
        actions={<Badge tone="brand">{model.stage.replace("_", " ")}</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What are we working on?">
            {document.description ? (
              <p className="mb-4 text-sm text-slate-700">{document.description}</p>
            ) : null}
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="font-medium text-slate-500">Purpose</dt>
                <dd>{document.scope.purpose || "Not written yet"}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-500">System type</dt>
                <dd>{document.scope.systemType}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-500">Success criteria</dt>
                <dd>{document.scope.successCriteria || "Not written yet"}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-500">Harm we must avoid</dt>
                <dd>{document.scope.harmDefinition || "Not written yet"}</dd>
              </div>
            </dl>
          </Card>
          <Card title="Assumptions">
            {document.assumptions.length === 0 ? (
              <p className="text-sm text-slate-600">No assumptions recorded.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                {document.assumptions.map((assumption) => (
                  <li key={assumption}>{assumption}</li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <Card title="Head version contents">
          <dl className="space-y-2 text-sm">
            {counts.map(([label, count]) => (
              <div key={label} className="flex justify-between">
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-medium">{count}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-xs text-slate-500">The diagram editor for this model is on its way.</p>
        </Card>
      </div>
    </>
  );
}

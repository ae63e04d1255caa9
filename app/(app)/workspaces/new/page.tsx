import { Card, PageHeader } from "@/components/ui/card";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireActor } from "@/lib/auth/session";

export const metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  await requireActor("/workspaces/new");
  return (
    <div className="max-w-xl">
      <PageHeader
        title="New workspace"
        subtitle="A workspace holds a team's threat models; you will be its owner."
      />
      <Card>
        <CreateWorkspaceForm />
      </Card>
    </div>
  );
}

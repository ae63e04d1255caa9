import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/server/workspaces";

export default async function HomePage() {
  const actor = await requireActor("/");
  const [first] = await listWorkspaces(actor);
  redirect(first ? `/w/${first.id}` : "/workspaces/new");
}

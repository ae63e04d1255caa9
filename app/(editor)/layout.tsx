import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentActor } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/server/workspaces";

// The full-width shell for the canvas; pages authorize themselves, as in (app).
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) return children;
  const workspaces = await listWorkspaces(actor);
  return (
    <AppShell actor={actor} workspaces={workspaces} isFullWidth>
      {children}
    </AppShell>
  );
}

import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentActor } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/server/workspaces";

// The shell only: each page authorizes its own data and redirects to sign-in with its own path
// (pages render in parallel with layouts, so a layout is never the security gate).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) return children;
  const workspaces = await listWorkspaces(actor);
  return (
    <AppShell actor={actor} workspaces={workspaces}>
      {children}
    </AppShell>
  );
}

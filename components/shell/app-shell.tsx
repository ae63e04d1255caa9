import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import type { Actor } from "@/lib/server/actor";
import type { WorkspaceSummary } from "@/lib/server/workspaces";
import { UserMenu } from "./user-menu";
import { WorkspaceNav } from "./workspace-nav";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = { actor: Actor; workspaces: WorkspaceSummary[]; children: ReactNode; isFullWidth?: boolean };

export function AppShell({ actor, workspaces, children, isFullWidth = false }: Props) {
  return (
    <div className="flex min-h-full flex-col">
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div
          className={`flex h-14 items-center gap-4 px-4 sm:px-6 ${isFullWidth ? "" : "mx-auto max-w-7xl"}`}
        >
          <Link href="/" aria-label="Trustboard home">
            <Logo />
          </Link>
          <span className="h-6 w-px bg-slate-200" aria-hidden />
          <WorkspaceSwitcher workspaces={workspaces} />
          <WorkspaceNav />
          <div className="ml-auto flex items-center gap-3">
            <Link
              href="/reviews"
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100"
            >
              Review inbox
            </Link>
            <UserMenu name={actor.name} email={actor.email} />
          </div>
        </div>
      </header>
      {isFullWidth ? (
        <main className="flex-1">{children}</main>
      ) : (
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">{children}</main>
      )}
    </div>
  );
}

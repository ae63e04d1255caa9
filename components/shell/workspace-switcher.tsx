"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import type { WorkspaceSummary } from "@/lib/server/workspaces";
import { MENU_ITEM, Menu } from "./menu";

export function WorkspaceSwitcher({ workspaces }: { workspaces: WorkspaceSummary[] }) {
  const params = useParams<{ workspace?: string }>();
  const current = workspaces.find((w) => w.id === params.workspace);
  return (
    <Menu
      label="Switch workspace"
      button={<span className="max-w-48 truncate">{current?.name ?? "Workspaces"}</span>}
    >
      <p className="px-3 pt-1 pb-2 text-xs font-medium text-slate-500 uppercase">Your workspaces</p>
      {workspaces.map((workspace) => (
        <Link
          key={workspace.id}
          href={`/w/${workspace.id}`}
          className={`${MENU_ITEM} flex items-center justify-between gap-3`}
          aria-current={workspace.id === current?.id ? "page" : undefined}
        >
          <span className="truncate">{workspace.name}</span>
          <span className="text-xs text-slate-400">{workspace.role.toLowerCase()}</span>
        </Link>
      ))}
      <div className="my-1 border-t border-slate-100" />
      <Link href="/workspaces/new" className={`${MENU_ITEM} font-medium text-brand-600`}>
        New workspace
      </Link>
    </Menu>
  );
}

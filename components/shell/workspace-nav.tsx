"use client";

import Link from "next/link";
import { useParams, usePathname } from "next/navigation";

export function WorkspaceNav() {
  const params = useParams<{ workspace?: string }>();
  const pathname = usePathname();
  if (!params.workspace) return null;
  const base = `/w/${params.workspace}`;
  const links = [
    { href: base, label: "Threat models" },
    { href: `${base}/members`, label: "Members" },
  ];
  return (
    <nav aria-label="Workspace" className="flex items-center gap-1">
      {links.map((link) => {
        const isActive = pathname === link.href;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isActive ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}

"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { MENU_ITEM, Menu } from "./menu";

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <Menu
      label="Account menu"
      align="right"
      button={
        <span
          className="flex size-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
          aria-hidden
        >
          {initials(name) || "?"}
        </span>
      }
    >
      <div className="border-b border-slate-100 px-3 pt-1 pb-2">
        <p className="text-sm font-medium text-slate-900">{name}</p>
        <p className="text-xs text-slate-500">{email}</p>
      </div>
      <Link href="/settings/account" className={MENU_ITEM}>
        Account and password
      </Link>
      <Link href="/settings/tokens" className={MENU_ITEM}>
        API tokens
      </Link>
      <button type="button" className={MENU_ITEM} onClick={() => void signOut({ callbackUrl: "/signin" })}>
        Sign out
      </button>
    </Menu>
  );
}

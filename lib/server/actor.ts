import type { Permission } from "@/lib/auth/permissions";
import { rolesWith } from "@/lib/auth/permissions";

/** The signed-in user (or token owner) on whose behalf a use-case runs. */
export type Actor = { id: string; email: string; name: string };

/** A `Workspace` where-clause matching only workspaces in which the actor holds the permission. */
export function workspaceWhereActorCan(actor: Actor, permission: Permission) {
  return { memberships: { some: { userId: actor.id, role: { in: rolesWith(permission) } } } };
}

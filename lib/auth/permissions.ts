import type { Role } from "@/lib/db/generated/enums.ts";

export const ROLES = ["OWNER", "EDITOR", "REVIEWER", "VIEWER"] as const satisfies readonly Role[];

/**
 * Every permission decided for every role. Adding a role or a permission fails to compile until
 * each cell is filled in, so nothing is granted by omission.
 */
export const PERMISSION_MATRIX = {
  "workspace:read": { OWNER: true, EDITOR: true, REVIEWER: true, VIEWER: true },
  "workspace:update": { OWNER: true, EDITOR: false, REVIEWER: false, VIEWER: false },
  "members:read": { OWNER: true, EDITOR: true, REVIEWER: true, VIEWER: true },
  "members:manage": { OWNER: true, EDITOR: false, REVIEWER: false, VIEWER: false },
  "model:read": { OWNER: true, EDITOR: true, REVIEWER: true, VIEWER: true },
  "model:create": { OWNER: true, EDITOR: true, REVIEWER: false, VIEWER: false },
  "model:update": { OWNER: true, EDITOR: true, REVIEWER: false, VIEWER: false },
  "model:delete": { OWNER: true, EDITOR: false, REVIEWER: false, VIEWER: false },
  "boards:manage": { OWNER: true, EDITOR: false, REVIEWER: false, VIEWER: false },
  // Reviewers discuss a model they cannot edit; viewers only read the discussion.
  "comments:write": { OWNER: true, EDITOR: true, REVIEWER: true, VIEWER: false },
} as const satisfies Record<string, Record<Role, boolean>>;

export type Permission = keyof typeof PERMISSION_MATRIX;

export const PERMISSIONS = Object.keys(PERMISSION_MATRIX) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return PERMISSION_MATRIX[permission][role];
}

/** Roles holding a permission: used to build `where` clauses that only match permitted members. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => PERMISSION_MATRIX[permission][role]);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

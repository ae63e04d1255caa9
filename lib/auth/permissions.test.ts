import { describe, expect, it } from "vitest";
import { can, PERMISSION_MATRIX, PERMISSIONS, ROLES, rolesWith } from "./permissions";

describe("permission matrix", () => {
  it("decides every permission for every role", () => {
    for (const permission of PERMISSIONS) {
      expect(Object.keys(PERMISSION_MATRIX[permission]).sort()).toEqual([...ROLES].sort());
    }
  });

  it("grants owners everything and viewers only reading", () => {
    expect(PERMISSIONS.every((p) => can("OWNER", p))).toBe(true);
    expect(PERMISSIONS.filter((p) => can("VIEWER", p))).toEqual([
      "workspace:read",
      "members:read",
      "model:read",
    ]);
  });

  it("lets editors create and edit models but not manage members or delete models", () => {
    expect(can("EDITOR", "model:create")).toBe(true);
    expect(can("EDITOR", "model:update")).toBe(true);
    expect(can("EDITOR", "members:manage")).toBe(false);
    expect(can("EDITOR", "model:delete")).toBe(false);
  });

  it("keeps reviewers read-only on models", () => {
    expect(can("REVIEWER", "model:update")).toBe(false);
    expect(can("REVIEWER", "model:read")).toBe(true);
  });

  it("lets reviewers comment on models they cannot edit, but not viewers", () => {
    expect(rolesWith("comments:write")).toEqual(["OWNER", "EDITOR", "REVIEWER"]);
  });

  it("lists the roles holding a permission for query filters", () => {
    expect(rolesWith("model:update")).toEqual(["OWNER", "EDITOR"]);
    expect(rolesWith("members:manage")).toEqual(["OWNER"]);
    expect(rolesWith("model:read")).toEqual(["OWNER", "EDITOR", "REVIEWER", "VIEWER"]);
  });
});

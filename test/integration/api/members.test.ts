import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as invitationRoute from "@/app/api/v1/workspaces/[ws]/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/v1/workspaces/[ws]/invitations/route";
import * as memberRoute from "@/app/api/v1/workspaces/[ws]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/workspaces/[ws]/members/route";
import * as modelsRoute from "@/app/api/v1/workspaces/[ws]/models/route";
import * as workspaceRoute from "@/app/api/v1/workspaces/[ws]/route";
import { hashSecret } from "@/lib/auth/tokens";
import { db, type Role } from "@/lib/db/client";
import { addMember } from "@/lib/server/members";
import {
  call,
  createMember,
  createTestWorkspace,
  createUser,
  createWorld,
  expectBody,
  expectError,
  type TestUser,
  uniqueSuffix,
  type World,
} from "../fixtures";

const RoleSchema = z.enum(["OWNER", "EDITOR", "REVIEWER", "VIEWER"]);
const MemberSchema = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: RoleSchema });
const AddedSchema = MemberSchema.extend({ status: z.literal("added") });
const InvitedSchema = z.object({
  status: z.literal("invited"),
  invitationId: z.string().min(1),
  email: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
  inviteUrl: z.url(),
});

let world: World;

beforeAll(async () => {
  world = await createWorld("members");
});

const membersPath = () => `/api/v1/workspaces/${world.workspace.id}/members`;

async function roleOf(workspaceId: string, userId: string): Promise<Role | null> {
  const membership = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

const ownerCount = (workspaceId: string) => db().membership.count({ where: { workspaceId, role: "OWNER" } });

describe("GET /workspaces/:ws/members", () => {
  it("lists every member as a bare array of { userId, email, name, role }", async () => {
    const result = await call(membersRoute, "GET", {
      token: world.users.VIEWER.token,
      params: { ws: world.workspace.id },
    });
    const members = expectBody(result, 200, z.array(MemberSchema));
    for (const [role, user] of Object.entries(world.users)) {
      expect(members).toContainEqual({ userId: user.id, email: user.email, name: user.name, role });
    }
    expect(members.some((member) => member.userId === world.foreign.owner.id)).toBe(false);
  });
});

describe("POST /workspaces/:ws/members", () => {
  it("adds an existing user by email (any letter case) -> 201, a member with that role", async () => {
    const newcomer = await createUser("newcomer");
    const result = await call(membersRoute, "POST", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id },
      path: membersPath(),
      body: { email: newcomer.email.toUpperCase(), role: "REVIEWER" },
    });
    const added = expectBody(result, 201, AddedSchema);
    expect(added).toEqual({
      status: "added",
      userId: newcomer.id,
      email: newcomer.email,
      name: newcomer.name,
      role: "REVIEWER",
    });
    expect(await roleOf(world.workspace.id, newcomer.id)).toBe("REVIEWER");
    expect(
      await db().auditEvent.count({
        where: { workspaceId: world.workspace.id, action: "member.add", targetId: newcomer.id },
      }),
    ).toBe(1);
    expect(await db().invitation.count({ where: { email: newcomer.email } })).toBe(0);

    // The new member's own token now reaches the workspace with that role.
    const asNewcomer = await call(workspaceRoute, "GET", {
      token: newcomer.token,
      params: { ws: world.workspace.id },
    });
    expect(expectBody(asNewcomer, 200, z.object({ id: z.string(), role: RoleSchema })).role).toBe("REVIEWER");
  });

  it("invites an unknown email -> 201 invited with an inviteUrl; only the token's hash is stored", async () => {
    const email = `invitee-${uniqueSuffix()}@example.test`;
    const result = await call(membersRoute, "POST", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id },
      path: membersPath(),
      body: { email, role: "EDITOR" },
    });
    const invited = expectBody(result, 201, InvitedSchema);
    expect(invited).toMatchObject({ status: "invited", email, role: "EDITOR" });

    const url = new URL(invited.inviteUrl);
    expect(url.origin).toBe("http://localhost");
    const match = /^\/invite\/([^/]+)$/.exec(url.pathname);
    const token = match?.[1];
    if (!token) throw new Error(`unexpected inviteUrl ${invited.inviteUrl}`);
    expect(token.length).toBeGreaterThanOrEqual(24);

    const row = await db().invitation.findUniqueOrThrow({ where: { id: invited.invitationId } });
    expect(row).toMatchObject({ workspaceId: world.workspace.id, email, role: "EDITOR", acceptedAt: null });
    expect(row.invitedById).toBe(world.users.OWNER.id);
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const expiresInDays = (row.expiresAt.getTime() - Date.now()) / (24 * 60 * 60_000);
    expect(expiresInDays).toBeGreaterThan(1);
    expect(expiresInDays).toBeLessThanOrEqual(31);

    // The secret is nowhere else in the database either (audit trail included).
    const audit = await db().auditEvent.findMany({ where: { workspaceId: world.workspace.id } });
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(audit.some((event) => event.action === "member.invite" && event.targetId === row.id)).toBe(true);
    // No account or membership appears for an invitation.
    expect(await db().user.count({ where: { email } })).toBe(0);

    // The pending list shows the invitation, never its secret or hash.
    const list = await call(invitationsRoute, "GET", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id },
    });
    expect(list.status).toBe(200);
    expect(Array.isArray(list.json)).toBe(true);
    expect(list.text).toContain(invited.invitationId);
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain(row.tokenHash);
  });

  it("adding someone who is already a member -> 409, nothing changes", async () => {
    const editor = world.users.EDITOR;
    const auditBefore = await db().auditEvent.count({ where: { workspaceId: world.workspace.id } });
    const result = await call(membersRoute, "POST", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id },
      body: { email: editor.email, role: "VIEWER" },
    });
    expectError(result, 409, "conflict");
    expect(await roleOf(world.workspace.id, editor.id)).toBe("EDITOR");
    expect(
      await db().membership.count({ where: { workspaceId: world.workspace.id, userId: editor.id } }),
    ).toBe(1);
    expect(await db().invitation.count({ where: { email: editor.email } })).toBe(0);
    expect(await db().auditEvent.count({ where: { workspaceId: world.workspace.id } })).toBe(auditBefore);
  });
});

describe("PATCH and DELETE /workspaces/:ws/members/:userId", () => {
  it("changes a member's role -> 200, and the new role applies at once", async () => {
    const member = await createMember(world.workspace.id, "VIEWER", "promoted");
    const denied = await call(modelsRoute, "POST", {
      token: member.token,
      params: { ws: world.workspace.id },
      body: { name: "Before promotion" },
    });
    expectError(denied, 403, "forbidden");

    const result = await call(memberRoute, "PATCH", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id, userId: member.id },
      body: { role: "EDITOR" },
    });
    expect(expectBody(result, 200, z.object({ userId: z.string(), role: RoleSchema }))).toEqual({
      userId: member.id,
      role: "EDITOR",
    });
    expect(await roleOf(world.workspace.id, member.id)).toBe("EDITOR");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { workspaceId: world.workspace.id, action: "member.role_change", targetId: member.id },
    });
    expect(audit.before).toEqual({ role: "VIEWER" });
    expect(audit.after).toEqual({ role: "EDITOR" });

    const allowed = await call(modelsRoute, "POST", {
      token: member.token,
      params: { ws: world.workspace.id },
      body: { name: "After promotion" },
    });
    expect(allowed.status, allowed.text).toBe(201);
  });

  it("removes a member -> 204; the removed user then gets 404 for the workspace", async () => {
    const member = await createMember(world.workspace.id, "EDITOR", "removed");
    const result = await call(memberRoute, "DELETE", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id, userId: member.id },
    });
    expect(result.status, result.text).toBe(204);
    expect(await roleOf(world.workspace.id, member.id)).toBeNull();
    const after = await call(workspaceRoute, "GET", {
      token: member.token,
      params: { ws: world.workspace.id },
    });
    expectError(after, 404, "not_found");
  });

  it("cannot reach a member of another workspace through this workspace's path -> 404", async () => {
    const foreignMember = await createMember(world.foreign.workspace.id, "VIEWER", "foreign-member");
    const patch = await call(memberRoute, "PATCH", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id, userId: foreignMember.id },
      body: { role: "OWNER" },
    });
    expectError(patch, 404, "not_found");
    const remove = await call(memberRoute, "DELETE", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id, userId: world.foreign.owner.id },
    });
    expectError(remove, 404, "not_found");
    expect(await roleOf(world.foreign.workspace.id, foreignMember.id)).toBe("VIEWER");
    expect(await roleOf(world.foreign.workspace.id, world.foreign.owner.id)).toBe("OWNER");
    expect(await roleOf(world.workspace.id, foreignMember.id)).toBeNull();
  });
});

describe("the last owner", () => {
  it("cannot be demoted or removed (409) until a second owner exists", async () => {
    const first = await createUser("first-owner");
    const workspace = await createTestWorkspace(first);
    const second = await createMember(workspace.id, "EDITOR", "second");
    const params = (userId: string) => ({ ws: workspace.id, userId });

    const demote = await call(memberRoute, "PATCH", {
      token: first.token,
      params: params(first.id),
      body: { role: "EDITOR" },
    });
    expectError(demote, 409, "conflict");
    const remove = await call(memberRoute, "DELETE", { token: first.token, params: params(first.id) });
    expectError(remove, 409, "conflict");
    expect(await roleOf(workspace.id, first.id)).toBe("OWNER");

    // Re-stating the owner role is not a demotion.
    const same = await call(memberRoute, "PATCH", {
      token: first.token,
      params: params(first.id),
      body: { role: "OWNER" },
    });
    expect(same.status, same.text).toBe(200);

    const promote = await call(memberRoute, "PATCH", {
      token: first.token,
      params: params(second.id),
      body: { role: "OWNER" },
    });
    expect(promote.status, promote.text).toBe(200);
    const demoteFirst = await call(memberRoute, "PATCH", {
      token: first.token,
      params: params(first.id),
      body: { role: "VIEWER" },
    });
    expect(demoteFirst.status, demoteFirst.text).toBe(200);
    expect(await roleOf(workspace.id, first.id)).toBe("VIEWER");

    // Now `second` is the last owner, with the same protection.
    expectError(
      await call(memberRoute, "PATCH", {
        token: second.token,
        params: params(second.id),
        body: { role: "EDITOR" },
      }),
      409,
      "conflict",
    );
    expectError(
      await call(memberRoute, "DELETE", { token: second.token, params: params(second.id) }),
      409,
      "conflict",
    );
    expect(await ownerCount(workspace.id)).toBe(1);

    // With two owners again, an owner can be removed outright.
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: first.id } },
      data: { role: "OWNER" },
    });
    const removeSecond = await call(memberRoute, "DELETE", { token: first.token, params: params(second.id) });
    expect(removeSecond.status, removeSecond.text).toBe(204);
    expect(await ownerCount(workspace.id)).toBe(1);
    expect(await roleOf(workspace.id, first.id)).toBe("OWNER");
  });

  type Race = { label: string; run: (a: TestUser, b: TestUser, ws: string) => Promise<number>[] };
  const demote = (actor: TestUser, target: TestUser, ws: string) =>
    call(memberRoute, "PATCH", {
      token: actor.token,
      params: { ws, userId: target.id },
      body: { role: "EDITOR" },
    }).then((result) => result.status);
  const remove = (actor: TestUser, target: TestUser, ws: string) =>
    call(memberRoute, "DELETE", { token: actor.token, params: { ws, userId: target.id } }).then(
      (result) => result.status,
    );
  const RACES: Race[] = [
    { label: "each owner demotes the other", run: (a, b, ws) => [demote(a, b, ws), demote(b, a, ws)] },
    { label: "one owner demotes both", run: (a, b, ws) => [demote(a, a, ws), demote(a, b, ws)] },
    { label: "each owner removes the other", run: (a, b, ws) => [remove(a, b, ws), remove(b, a, ws)] },
    { label: "one demotes while the other removes", run: (a, b, ws) => [demote(a, b, ws), remove(b, a, ws)] },
  ];
  const ROUNDS = 5;

  it.each(RACES.map((race) => [race.label, race] as const))(
    "two concurrent requests (%s) leave exactly one owner",
    async (_label, race) => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const a = await createUser("race-a");
        const workspace = await createTestWorkspace(a);
        const b = await createMember(workspace.id, "OWNER", "race-b");
        const statuses = await Promise.all(race.run(a, b, workspace.id));
        expect(await ownerCount(workspace.id), `round ${round}: ${statuses.join(", ")}`).toBe(1);
        // One request wins. The other is refused: 409 (last owner), or, when its caller already lost
        // the owner role, 403 (seen by the route's permission check) or 404 (seen inside the
        // use-case's transaction). Never a 500, never both through.
        expect(statuses.filter((status) => status >= 200 && status < 300)).toHaveLength(1);
        for (const status of statuses) expect([200, 204, 403, 404, 409]).toContain(status);
      }
    },
  );
});

describe("DELETE /workspaces/:ws/invitations/:invitationId", () => {
  it("revokes a pending invitation -> 204; a second revoke -> 404", async () => {
    const result = await addMember(world.users.OWNER, world.workspace.id, {
      email: `revoked-${uniqueSuffix()}@example.test`,
      role: "VIEWER",
    });
    if (result.status !== "invited") throw new Error("expected an invitation");
    const params = { ws: world.workspace.id, invitationId: result.invitation.id };
    const revoke = await call(invitationRoute, "DELETE", { token: world.users.OWNER.token, params });
    expect(revoke.status, revoke.text).toBe(204);
    expect(await db().invitation.count({ where: { id: result.invitation.id } })).toBe(0);
    const list = await call(invitationsRoute, "GET", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id },
    });
    expect(list.text).not.toContain(result.invitation.id);
    expectError(
      await call(invitationRoute, "DELETE", { token: world.users.OWNER.token, params }),
      404,
      "not_found",
    );
  });

  it("cannot revoke another workspace's invitation through this workspace's path -> 404", async () => {
    const foreign = await addMember(world.foreign.owner, world.foreign.workspace.id, {
      email: `foreign-invitee-${uniqueSuffix()}@example.test`,
      role: "VIEWER",
    });
    if (foreign.status !== "invited") throw new Error("expected an invitation");
    const result = await call(invitationRoute, "DELETE", {
      token: world.users.OWNER.token,
      params: { ws: world.workspace.id, invitationId: foreign.invitation.id },
    });
    expectError(result, 404, "not_found");
    expect(await db().invitation.count({ where: { id: foreign.invitation.id } })).toBe(1);
  });
});

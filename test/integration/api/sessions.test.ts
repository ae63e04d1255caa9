import { encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import * as accountPasswordRoute from "@/app/api/v1/account/password/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { getAuthOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { userFromCookieHeader } from "@/lib/collab/server";
import { db } from "@/lib/db/client";
import { call, createUser, expectError, type TestUser } from "../fixtures";

/*
 * Browser sessions end when the account's password changes: every session signed in before the
 * change is refused by the API and by the live-canvas server, while API tokens keep working.
 */

const PASSWORD = "the first long password";

async function userWithPassword(label: string): Promise<TestUser> {
  const user = await createUser(label);
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return user;
}

/** The session cookie next-auth would set for this user; `epoch` as signed in (none: an old cookie). */
async function sessionCookie(user: TestUser, epoch?: number): Promise<string> {
  const token: JWT = { sub: user.id, email: user.email, name: user.name };
  if (epoch !== undefined) token.epoch = epoch;
  const value = await encode({ token, secret: getAuthOptions().secret as string });
  return `next-auth.session-token=${value}`;
}

const listWorkspaces = (cookie: string) => call(workspacesRoute, "GET", { headers: { cookie } });

describe("a password change ends the account's sessions", () => {
  it("refuses sessions signed in before it, accepts one signed in after, and keeps API tokens", async () => {
    const user = await userWithPassword("Rotating");
    const before = await sessionCookie(user, 0);
    const fromBeforeEpochs = await sessionCookie(user);
    expect((await listWorkspaces(before)).status).toBe(200);
    expect((await listWorkspaces(fromBeforeEpochs)).status).toBe(200);
    expect(await userFromCookieHeader(before)).toMatchObject({ id: user.id });

    const changed = await call(accountPasswordRoute, "POST", {
      headers: { cookie: before, origin: "http://localhost", host: "localhost" },
      body: { currentPassword: PASSWORD, newPassword: "the second long password" },
    });
    expect(changed.status).toBe(204);

    for (const cookie of [before, fromBeforeEpochs]) {
      const refused = await listWorkspaces(cookie);
      expectError(refused, 401, "unauthorized");
      expect(JSON.stringify(refused.json)).toContain("Your session has ended");
      expect(await userFromCookieHeader(cookie)).toBeNull();
    }
    const after = await sessionCookie(user, 1);
    expect((await listWorkspaces(after)).status).toBe(200);
    expect(await userFromCookieHeader(after)).toMatchObject({ id: user.id });
    expect((await call(workspacesRoute, "GET", { token: user.token })).status).toBe(200);
  });

  it("changes nothing when the current password is wrong: sessions stay", async () => {
    const user = await userWithPassword("Mistyped");
    const cookie = await sessionCookie(user, 0);
    const refused = await call(accountPasswordRoute, "POST", {
      headers: { cookie, origin: "http://localhost", host: "localhost" },
      body: { currentPassword: "not the password at all", newPassword: "the second long password" },
    });
    expectError(refused, 422);
    expect((await listWorkspaces(cookie)).status).toBe(200);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionEpoch: true } });
    expect(row.sessionEpoch).toBe(0);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as invitationRoute from "@/app/api/v1/workspaces/[ws]/invitations/[invitationId]/route";
import * as memberRoute from "@/app/api/v1/workspaces/[ws]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/workspaces/[ws]/members/route";
import * as modelsRoute from "@/app/api/v1/workspaces/[ws]/models/route";
import * as workspaceRoute from "@/app/api/v1/workspaces/[ws]/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import {
  type CallOptions,
  type CallResult,
  call,
  createMember,
  createWorld,
  expectError,
  type Method,
  type RouteModule,
  type TestUser,
  type World,
} from "../fixtures";

/*
 * Bad input is answered 400 (malformed), 413 (too large) or 422 (valid JSON, invalid content, the
 * message naming the field path), never 500, and a rejected request writes nothing.
 */

let world: World;
let target: TestUser;

beforeAll(async () => {
  world = await createWorld("bad-input");
  target = await createMember(world.workspace.id, "VIEWER", "bad-input-target");
});

/** Every row the requests in this file could write, read back in a comparable form. */
async function snapshot() {
  const workspaceId = world.workspace.id;
  const userIds = [...Object.values(world.users).map((user) => user.id), target.id];
  const [workspaces, memberships, invitations, models, versions, audit, tokens] = await Promise.all([
    db().workspace.findMany({
      where: { memberships: { some: { userId: { in: userIds } } } },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    }),
    db().membership.findMany({
      where: { workspaceId },
      select: { userId: true, role: true },
      orderBy: { userId: "asc" },
    }),
    db().invitation.count({ where: { workspaceId } }),
    db().threatModel.findMany({
      where: { workspaceId },
      select: { id: true, name: true, stage: true, headVersion: true, archivedAt: true },
      orderBy: { id: "asc" },
    }),
    db().modelVersion.count({ where: { model: { workspaceId } } }),
    db().auditEvent.count({ where: { OR: [{ workspaceId }, { actorId: { in: userIds } }] } }),
    db().apiToken.count({ where: { userId: { in: userIds } } }),
  ]);
  return { workspaces, memberships, invitations, models, versions, audit, tokens };
}

/** Runs a request that must be rejected and checks that it changed nothing. */
async function rejected(route: RouteModule, method: Method, options: CallOptions): Promise<CallResult> {
  const before = await snapshot();
  const result = await call(route, method, { token: world.users.OWNER.token, ...options });
  expect(result.status, result.text).toBeLessThan(500);
  expect(await snapshot()).toEqual(before);
  return result;
}

type JsonEndpoint = {
  label: string;
  route: RouteModule;
  method: Method;
  params: (w: World) => Record<string, string>;
};

const JSON_ENDPOINTS: JsonEndpoint[] = [
  { label: "POST /workspaces", route: workspacesRoute, method: "POST", params: () => ({}) },
  {
    label: "PATCH /workspaces/:ws",
    route: workspaceRoute,
    method: "PATCH",
    params: (w) => ({ ws: w.workspace.id }),
  },
  {
    label: "POST /workspaces/:ws/members",
    route: membersRoute,
    method: "POST",
    params: (w) => ({ ws: w.workspace.id }),
  },
  {
    label: "PATCH /workspaces/:ws/members/:userId",
    route: memberRoute,
    method: "PATCH",
    params: (w) => ({ ws: w.workspace.id, userId: target.id }),
  },
  {
    label: "POST /workspaces/:ws/models",
    route: modelsRoute,
    method: "POST",
    params: (w) => ({ ws: w.workspace.id }),
  },
  { label: "PATCH /models/:id", route: modelRoute, method: "PATCH", params: (w) => ({ id: w.model.id }) },
];

const MALFORMED_BODIES = ['{"name": ', "{name: 'single quotes'}", "not json at all", '{"name":"x"}}', "{'"];

describe("malformed JSON -> 400", () => {
  const cases = JSON_ENDPOINTS.flatMap((endpoint) =>
    MALFORMED_BODIES.map(
      (rawBody) => [`${endpoint.label} with ${JSON.stringify(rawBody)}`, endpoint, rawBody] as const,
    ),
  );
  it.each(cases)("%s -> 400", async (_title, endpoint, rawBody) => {
    const result = await rejected(endpoint.route, endpoint.method, {
      params: endpoint.params(world),
      rawBody,
      headers: { "content-type": "application/json" },
    });
    expectError(result, 400, "bad_request");
  });
});

describe("valid JSON that is not an object -> 422", () => {
  const cases = JSON_ENDPOINTS.flatMap((endpoint) =>
    ["[]", "null", '"a string"', "42", "true"].map(
      (rawBody) => [`${endpoint.label} with ${rawBody}`, endpoint, rawBody] as const,
    ),
  );
  it.each(cases)("%s -> 422", async (_title, endpoint, rawBody) => {
    const result = await rejected(endpoint.route, endpoint.method, {
      params: endpoint.params(world),
      rawBody,
    });
    expectError(result, 422, "validation_failed");
  });

  it.each(JSON_ENDPOINTS.map((endpoint) => [endpoint.label, endpoint] as const))(
    "%s with an empty body -> 400 or 422",
    async (_title, endpoint) => {
      const result = await rejected(endpoint.route, endpoint.method, {
        params: endpoint.params(world),
        rawBody: "",
      });
      expect([400, 422]).toContain(result.status);
      expectError(result, result.status);
    },
  );
});

type FieldCase = { label: string; route: RouteModule; method: Method; body: unknown; field: string };

function fieldCases(): FieldCase[] {
  const longName = (n: number) => "x".repeat(n);
  return [
    {
      label: "POST /workspaces without name",
      route: workspacesRoute,
      method: "POST",
      body: {},
      field: "name",
    },
    {
      label: "POST /workspaces with empty name",
      route: workspacesRoute,
      method: "POST",
      body: { name: "  " },
      field: "name",
    },
    {
      label: "POST /workspaces with numeric name",
      route: workspacesRoute,
      method: "POST",
      body: { name: 42 },
      field: "name",
    },
    {
      label: "POST /workspaces with a 101-character name",
      route: workspacesRoute,
      method: "POST",
      body: { name: longName(101) },
      field: "name",
    },
    {
      label: "PATCH /workspaces/:ws with empty name",
      route: workspaceRoute,
      method: "PATCH",
      body: { name: "" },
      field: "name",
    },
    {
      label: "POST members with an invalid email",
      route: membersRoute,
      method: "POST",
      body: { email: "not-an-email", role: "VIEWER" },
      field: "email",
    },
    {
      label: "POST members without email",
      route: membersRoute,
      method: "POST",
      body: { role: "VIEWER" },
      field: "email",
    },
    {
      label: "POST members with an unknown role",
      route: membersRoute,
      method: "POST",
      body: { email: "someone@example.test", role: "ADMIN" },
      field: "role",
    },
    {
      label: "POST members with a lower-case role",
      route: membersRoute,
      method: "POST",
      body: { email: "someone@example.test", role: "owner" },
      field: "role",
    },
    {
      label: "POST members without role",
      route: membersRoute,
      method: "POST",
      body: { email: "someone@example.test" },
      field: "role",
    },
    { label: "PATCH member without role", route: memberRoute, method: "PATCH", body: {}, field: "role" },
    {
      label: "PATCH member with an unknown role",
      route: memberRoute,
      method: "PATCH",
      body: { role: "SUPERUSER" },
      field: "role",
    },
    { label: "POST models without name", route: modelsRoute, method: "POST", body: {}, field: "name" },
    {
      label: "POST models with a blank name",
      route: modelsRoute,
      method: "POST",
      body: { name: "   " },
      field: "name",
    },
    {
      label: "POST models with a 201-character name",
      route: modelsRoute,
      method: "POST",
      body: { name: longName(201) },
      field: "name",
    },
    {
      label: "POST models with a non-string description",
      route: modelsRoute,
      method: "POST",
      body: { name: "ok", description: 5 },
      field: "description",
    },
    {
      label: "POST models with an unknown template",
      route: modelsRoute,
      method: "POST",
      body: { name: "ok", templateId: "no-such-template" },
      field: "templateId",
    },
    {
      label: "POST models with document.schemaVersion 2",
      route: modelsRoute,
      method: "POST",
      body: { name: "ok", document: { schemaVersion: 2 } },
      field: "document.schemaVersion",
    },
    {
      label: "POST models with an element without id",
      route: modelsRoute,
      method: "POST",
      body: {
        name: "ok",
        document: {
          schemaVersion: 1,
          elements: [
            { id: "a", kind: "process", label: "A" },
            { kind: "process", label: "no id" },
          ],
        },
      },
      field: "document.elements.1.id",
    },
    {
      label: "POST models with a non-array flows",
      route: modelsRoute,
      method: "POST",
      body: { name: "ok", document: { schemaVersion: 1, flows: "nope" } },
      field: "document.flows",
    },
    {
      label: "POST models with a non-object document",
      route: modelsRoute,
      method: "POST",
      body: { name: "ok", document: "a document" },
      field: "document",
    },
    {
      label: "PATCH model with an unknown stage",
      route: modelRoute,
      method: "PATCH",
      body: { stage: "shipped" },
      field: "stage",
    },
    {
      label: "PATCH model with an empty name",
      route: modelRoute,
      method: "PATCH",
      body: { name: "" },
      field: "name",
    },
    {
      label: "PATCH model with neither name nor stage",
      route: modelRoute,
      method: "PATCH",
      body: {},
      field: "name",
    },
  ];
}

function paramsFor(route: RouteModule): Record<string, string> {
  if (route === workspacesRoute) return {};
  if (route === memberRoute) return { ws: world.workspace.id, userId: target.id };
  if (route === modelRoute) return { id: world.model.id };
  return { ws: world.workspace.id };
}

describe("invalid content -> 422 naming the field", () => {
  it.each(fieldCases().map((c) => [c.label, c] as const))("%s -> 422", async (_title, c) => {
    const result = await rejected(c.route, c.method, { params: paramsFor(c.route), body: c.body });
    const error = expectError(result, 422, "validation_failed");
    expect(error.message).toContain(c.field);
  });
});

type UnknownIdCase = {
  route: RouteModule;
  method: Method;
  params: () => Record<string, string>;
  body?: unknown;
};

const UNKNOWN_ID_CASES: [string, UnknownIdCase][] = [
  ["GET /models/:id", { route: modelRoute, method: "GET", params: () => ({ id: "no-such-model" }) }],
  [
    "PATCH /models/:id",
    {
      route: modelRoute,
      method: "PATCH",
      params: () => ({ id: "no-such-model" }),
      body: { name: "Renamed" },
    },
  ],
  ["DELETE /models/:id", { route: modelRoute, method: "DELETE", params: () => ({ id: "no-such-model" }) }],
  [
    "GET /workspaces/:ws",
    { route: workspaceRoute, method: "GET", params: () => ({ ws: "no-such-workspace" }) },
  ],
  [
    "GET /workspaces/:ws/models",
    { route: modelsRoute, method: "GET", params: () => ({ ws: "no-such-workspace" }) },
  ],
  [
    "PATCH /workspaces/:ws/members/:userId",
    {
      route: memberRoute,
      method: "PATCH",
      params: () => ({ ws: world.workspace.id, userId: "no-such-user" }),
      body: { role: "EDITOR" },
    },
  ],
  [
    "DELETE /workspaces/:ws/members/:userId",
    {
      route: memberRoute,
      method: "DELETE",
      params: () => ({ ws: world.workspace.id, userId: "no-such-user" }),
    },
  ],
  [
    "DELETE /workspaces/:ws/invitations/:invitationId",
    {
      route: invitationRoute,
      method: "DELETE",
      params: () => ({ ws: world.workspace.id, invitationId: "no-such-invitation" }),
    },
  ],
  ["DELETE /tokens/:id", { route: tokenRoute, method: "DELETE", params: () => ({ id: "no-such-token" }) }],
];

describe("unknown ids -> 404, never 500", () => {
  it.each(UNKNOWN_ID_CASES)("%s with an unknown id -> 404", async (_title, c) => {
    const result = await rejected(c.route, c.method, { params: c.params(), body: c.body });
    expectError(result, 404, "not_found");
  });
});

describe("oversized bodies -> 413", () => {
  const limit = () => env().MAX_BODY_BYTES;
  const modelsParams = () => ({ ws: world.workspace.id });

  /** Valid JSON of exactly `size` bytes: a model creation padded with trailing whitespace. */
  function paddedModelBody(size: number, name: string): string {
    const json = JSON.stringify({ name });
    return json + " ".repeat(size - Buffer.byteLength(json));
  }

  it("a body over the limit with a truthful Content-Length -> 413", async () => {
    const body = paddedModelBody(limit() + 1, "Too large");
    const result = await rejected(modelsRoute, "POST", {
      params: modelsParams(),
      rawBody: body,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
    });
    expectError(result, 413, "payload_too_large");
  });

  it("a declared Content-Length over the limit is refused before the body is read", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('{"name":"never read"}'));
        controller.close();
      },
    });
    const result = await rejected(modelsRoute, "POST", {
      params: modelsParams(),
      rawBody: stream,
      headers: { "content-length": String(limit() + 1) },
    });
    expectError(result, 413, "payload_too_large");
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("a streamed body without Content-Length is cut off once it passes the limit -> 413", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const available = 16 * limit();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":"streamed"'));
      },
      pull(controller) {
        if (sent >= available) {
          controller.enqueue(new TextEncoder().encode("}"));
          controller.close();
          return;
        }
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const result = await rejected(modelsRoute, "POST", { params: modelsParams(), rawBody: stream });
    expectError(result, 413, "payload_too_large");
    // The server stopped reading soon after the limit instead of consuming the whole upload.
    expect(sent).toBeLessThan(2 * limit());
  });

  it("a small declared Content-Length does not let a larger body through -> 413", async () => {
    const body = paddedModelBody(limit() + 1024, "Lying length");
    const result = await rejected(modelsRoute, "POST", {
      params: modelsParams(),
      rawBody: body,
      headers: { "content-type": "application/json", "content-length": "20" },
    });
    expectError(result, 413, "payload_too_large");
  });

  // The body is received while the caller is authenticated, but an unknown caller learns nothing
  // about it: authentication is answered first, whatever the body holds.
  it.each([
    ["malformed JSON", "{nope", {}],
    ["a declared length over the limit", "{}", { "content-length": String(limit() + 1) }],
  ])("without valid credentials, %s -> 401, not a body error", async (_title, rawBody, headers) => {
    for (const token of [undefined, "tb_not_a_real_token"]) {
      const before = await snapshot();
      const result = await call(modelsRoute, "POST", {
        ...(token ? { token } : {}),
        params: modelsParams(),
        rawBody,
        headers: { "content-type": "application/json", ...headers },
      });
      expectError(result, 401, "unauthorized");
      expect(await snapshot()).toEqual(before);
    }
  });

  it("a body of exactly the limit is accepted", async () => {
    const name = `Exactly at the limit ${world.suffix}`;
    const result = await call(modelsRoute, "POST", {
      token: world.users.OWNER.token,
      params: modelsParams(),
      rawBody: paddedModelBody(limit(), name),
      headers: { "content-type": "application/json" },
    });
    expect(result.status, result.text).toBe(201);
    expect(await db().threatModel.count({ where: { workspaceId: world.workspace.id, name } })).toBe(1);
  });
});

describe("content PostgreSQL or the hash cannot hold -> 4xx, never 500", () => {
  // The body reader refuses these before any schema or query sees them (lib/api/body.ts).
  const nul = "a\u0000b";
  it("POST /workspaces with a NUL character in the name -> 4xx", async () => {
    const result = await rejected(workspacesRoute, "POST", { body: { name: nul } });
    expectError(result, 422);
  });

  it("PATCH /workspaces/:ws with a NUL character in the name -> 4xx", async () => {
    const result = await rejected(workspaceRoute, "PATCH", {
      params: { ws: world.workspace.id },
      body: { name: nul },
    });
    expectError(result, 422);
  });

  it("POST /workspaces/:ws/models with a NUL character in the name -> 4xx", async () => {
    const result = await rejected(modelsRoute, "POST", {
      params: { ws: world.workspace.id },
      body: { name: nul },
    });
    expectError(result, 422);
  });

  it("PATCH /models/:id with a NUL character in the name -> 4xx", async () => {
    const result = await rejected(modelRoute, "PATCH", {
      params: { id: world.model.id },
      body: { name: nul },
    });
    expectError(result, 422);
  });

  it("POST models with a NUL character inside the document -> 4xx", async () => {
    const result = await rejected(modelsRoute, "POST", {
      params: { ws: world.workspace.id },
      body: { name: "ok", document: { schemaVersion: 1, title: nul } },
    });
    expectError(result, 422);
  });

  it("POST models with a number that overflows to Infinity in the document -> 4xx", async () => {
    const result = await rejected(modelsRoute, "POST", {
      params: { ws: world.workspace.id },
      rawBody: '{"name":"ok","document":{"schemaVersion":1,"elements":[{"id":"e1","weight":1e400}]}}',
    });
    expectError(result, 422);
  });

  it("POST models with a deeply nested (10,000 levels, 20 KB) document value -> 4xx", async () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const result = await rejected(modelsRoute, "POST", {
      params: { ws: world.workspace.id },
      rawBody: `{"name":"ok","document":{"schemaVersion":1,"elements":[{"id":"e1","extra":${deep}}]}}`,
    });
    expectError(result, 422);
    expect(result.json).toMatchObject({ error: { message: expect.stringMatching(/nested deeper/) } });
  });
});

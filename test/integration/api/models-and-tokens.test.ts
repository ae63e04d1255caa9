import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as modelsRoute from "@/app/api/v1/workspaces/[ws]/models/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { db } from "@/lib/db/client";
import { contentHash } from "@/lib/domain/canonical";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { createApiToken } from "@/lib/server/tokens";
import {
  call,
  createTestModel,
  createUser,
  createWorld,
  expectBody,
  expectError,
  type TestUser,
  uniqueSuffix,
  type World,
} from "../fixtures";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const IsoTimestamp = z.string().regex(ISO_UTC);
const StageSchema = z.enum(["draft", "in_review", "approved", "production", "retired"]);
const CreatedSchema = z.object({ id: z.string().min(1), headVersion: z.number() }).strict();
const ModelSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  stage: StageSchema,
  headVersion: z.number(),
  document: z.record(z.string(), z.unknown()),
});
const SummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  stage: StageSchema,
  headVersion: z.number(),
  updatedAt: IsoTimestamp,
});
const TokenEntrySchema = z
  .object({ id: z.string(), name: z.string(), createdAt: IsoTimestamp, lastUsedAt: IsoTimestamp.nullable() })
  .strict();

let world: World;

beforeAll(async () => {
  world = await createWorld("models");
});

const wsParams = () => ({ ws: world.workspace.id });

async function createViaApi(body: unknown, token = world.users.EDITOR.token) {
  const result = await call(modelsRoute, "POST", { token, params: wsParams(), body });
  return expectBody(result, 201, CreatedSchema);
}

describe("POST /workspaces/:ws/models", () => {
  it("without a document -> 201 { id, headVersion: 1 }; version 1 holds an empty canonical document", async () => {
    const name = `Empty model ${uniqueSuffix()}`;
    const created = await createViaApi({ name });
    expect(created.headVersion).toBe(1);

    const model = await db().threatModel.findUniqueOrThrow({ where: { id: created.id } });
    expect(model).toMatchObject({
      workspaceId: world.workspace.id,
      name,
      stage: "draft",
      headVersion: 1,
      createdById: world.users.EDITOR.id,
      archivedAt: null,
    });
    const versions = await db().modelVersion.findMany({ where: { modelId: created.id } });
    expect(versions).toHaveLength(1);
    const [version] = versions;
    if (!version) throw new Error("no version 1");
    expect(version.number).toBe(1);
    expect(version.authorId).toBe(world.users.EDITOR.id);
    expect(version.content).toMatchObject({
      schemaVersion: 1,
      elements: [],
      flows: [],
      assets: [],
      threats: [],
      mitigations: [],
      assumptions: [],
    });
    // Stored as the canonical document: parsing it again changes nothing.
    expect(ThreatModelDocumentSchema.parse(version.content)).toEqual(version.content);
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(version.contentHash).toBe(contentHash(version.content));
  });

  it("with a document -> version 1 holds exactly that document (unknown entry fields kept)", async () => {
    const document = {
      schemaVersion: 1,
      title: "Inference API",
      elements: [
        { id: "api", kind: "process", label: "Inference API", position: { x: 10, y: 20 } },
        { id: "store", kind: "datastore", label: "Feature store" },
      ],
      flows: [{ id: "f1", source: "store", target: "api", transport: "gRPC" }],
      assumptions: ["TLS everywhere"],
    };
    const created = await createViaApi({ name: `With document ${uniqueSuffix()}`, document });
    expect(created.headVersion).toBe(1);
    const version = await db().modelVersion.findUniqueOrThrow({
      where: { modelId_number: { modelId: created.id, number: 1 } },
    });
    const expected = ThreatModelDocumentSchema.parse(document);
    expect(version.content).toEqual(expected);
    expect(version.content).toMatchObject({ elements: document.elements, flows: document.flows });
    expect(version.content).toMatchObject({ flows: [{ transport: "gRPC" }] });
    expect(version.contentHash).toBe(contentHash(expected));

    const read = await call(modelRoute, "GET", {
      token: world.users.VIEWER.token,
      params: { id: created.id },
    });
    expect(expectBody(read, 200, ModelSchema).document).toEqual(expected);
  });
});

describe("GET /models/:id and GET /workspaces/:ws/models", () => {
  let model: { id: string; name: string };

  beforeAll(async () => {
    model = await createTestModel(world.users.OWNER, world.workspace.id, `Readable ${uniqueSuffix()}`);
  });

  it("GET /models/:id -> the model with an integer headVersion and the head document", async () => {
    const result = await call(modelRoute, "GET", {
      token: world.users.REVIEWER.token,
      params: { id: model.id },
    });
    const body = expectBody(result, 200, ModelSchema);
    expect(body).toMatchObject({
      id: model.id,
      workspaceId: world.workspace.id,
      name: model.name,
      stage: "draft",
      headVersion: 1,
    });
    expect(Number.isInteger(body.headVersion)).toBe(true);
    const head = await db().modelVersion.findUniqueOrThrow({
      where: { modelId_number: { modelId: model.id, number: 1 } },
    });
    expect(body.document).toEqual(head.content);
  });

  it("the list is a bare array of summaries for this workspace only", async () => {
    const result = await call(modelsRoute, "GET", { token: world.users.VIEWER.token, params: wsParams() });
    const list = expectBody(result, 200, z.array(SummarySchema));
    const entry = list.find((item) => item.id === model.id);
    expect(entry).toMatchObject({ id: model.id, name: model.name, stage: "draft", headVersion: 1 });
    expect(list.every((item) => Number.isInteger(item.headVersion))).toBe(true);
    expect(list.some((item) => item.id === world.foreign.model.id)).toBe(false);
    const inWorkspace = await db().threatModel.count({
      where: { workspaceId: world.workspace.id, archivedAt: null },
    });
    expect(list).toHaveLength(inWorkspace);
  });
});

describe("PATCH /models/:id", () => {
  it("renames -> 200, stored and audited", async () => {
    const model = await createTestModel(world.users.OWNER, world.workspace.id);
    const name = `Renamed ${uniqueSuffix()}`;
    const result = await call(modelRoute, "PATCH", {
      token: world.users.EDITOR.token,
      params: { id: model.id },
      body: { name },
    });
    expect(expectBody(result, 200, SummarySchema.extend({ workspaceId: z.string() }))).toMatchObject({
      id: model.id,
      name,
      stage: "draft",
    });
    expect((await db().threatModel.findUniqueOrThrow({ where: { id: model.id } })).name).toBe(name);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "model.update", targetId: model.id },
    });
    expect(audit.before).toMatchObject({ name: model.name });
    expect(audit.after).toMatchObject({ name });
  });

  it.each([
    ["approved", "skipping a stage"],
    ["production", "skipping stages"],
    ["in_review", "entering review without a review"],
  ] as const)("draft -> %s (%s) -> 409 with the reason; nothing changes", async (stage, _why) => {
    const model = await createTestModel(world.users.OWNER, world.workspace.id);
    const result = await call(modelRoute, "PATCH", {
      token: world.users.OWNER.token,
      params: { id: model.id },
      body: { stage },
    });
    const error = expectError(result, 409, "conflict");
    expect(error.message.length).toBeGreaterThan(10);
    if (stage !== "in_review") expect(error.message).toMatch(/skip/i);
    const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.stage).toBe("draft");
    expect(await db().auditEvent.count({ where: { action: "model.update", targetId: model.id } })).toBe(0);
  });

  it("a retired model cannot change stage again -> 409", async () => {
    const model = await createTestModel(world.users.OWNER, world.workspace.id);
    const retire = await call(modelRoute, "PATCH", {
      token: world.users.OWNER.token,
      params: { id: model.id },
      body: { stage: "retired" },
    });
    expect(retire.status, retire.text).toBe(200);
    const back = await call(modelRoute, "PATCH", {
      token: world.users.OWNER.token,
      params: { id: model.id },
      body: { stage: "draft" },
    });
    expectError(back, 409, "conflict");
    expect((await db().threatModel.findUniqueOrThrow({ where: { id: model.id } })).stage).toBe("retired");
  });
});

describe("DELETE /models/:id", () => {
  it("archives: the row and its versions stay, the API no longer shows it", async () => {
    const model = await createTestModel(world.users.OWNER, world.workspace.id);
    const token = world.users.OWNER.token;
    const result = await call(modelRoute, "DELETE", { token, params: { id: model.id } });
    expect(result.status, result.text).toBe(204);
    expect(result.text).toBe("");

    const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.archivedAt).toBeInstanceOf(Date);
    expect(await db().modelVersion.count({ where: { modelId: model.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "model.archive", targetId: model.id } })).toBe(1);

    expectError(await call(modelRoute, "GET", { token, params: { id: model.id } }), 404, "not_found");
    expectError(
      await call(modelRoute, "PATCH", { token, params: { id: model.id }, body: { name: "Zombie" } }),
      404,
      "not_found",
    );
    expectError(await call(modelRoute, "DELETE", { token, params: { id: model.id } }), 404, "not_found");
    const list = expectBody(
      await call(modelsRoute, "GET", { token, params: wsParams() }),
      200,
      z.array(SummarySchema),
    );
    expect(list.some((item) => item.id === model.id)).toBe(false);
    expect((await db().threatModel.findUniqueOrThrow({ where: { id: model.id } })).name).toBe(model.name);
  });
});

describe("API tokens", () => {
  let user: TestUser;

  beforeAll(async () => {
    user = await createUser("token-user");
  });

  it("GET /tokens lists the caller's tokens without secrets or hashes", async () => {
    const second = await createApiToken(user, { name: `second ${uniqueSuffix()}` });
    const result = await call(tokensRoute, "GET", { token: user.token });
    const list = expectBody(result, 200, z.array(TokenEntrySchema));
    expect(list.map((entry) => entry.id).sort()).toEqual([user.tokenId, second.id].sort());
    const rows = await db().apiToken.findMany({ where: { userId: user.id } });
    for (const secret of [user.token, second.token, ...rows.map((row) => row.tokenHash)]) {
      expect(result.text).not.toContain(secret);
    }
    // Someone else's tokens are not listed.
    expect(result.text).not.toContain(world.users.OWNER.tokenId);
  });

  it("a token's lastUsedAt is set when it is used", async () => {
    const fresh = await createApiToken(user, { name: `fresh ${uniqueSuffix()}` });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: fresh.id } })).lastUsedAt).toBeNull();

    const before = Date.now();
    const used = await call(workspacesRoute, "GET", { token: fresh.token });
    expect(used.status, used.text).toBe(200);
    const after = Date.now();
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(row.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.lastUsedAt?.getTime()).toBeLessThanOrEqual(after + 1000);

    const listed = expectBody(
      await call(tokensRoute, "GET", { token: user.token }),
      200,
      z.array(TokenEntrySchema),
    );
    expect(listed.find((entry) => entry.id === fresh.id)?.lastUsedAt).toBe(row.lastUsedAt?.toISOString());
  });

  it("DELETE /tokens/:id revokes -> 204; the token then gets 401", async () => {
    const doomed = await createApiToken(user, { name: `doomed ${uniqueSuffix()}` });
    expect((await call(workspacesRoute, "GET", { token: doomed.token })).status).toBe(200);

    const revoke = await call(tokenRoute, "DELETE", { token: user.token, params: { id: doomed.id } });
    expect(revoke.status, revoke.text).toBe(204);
    expect(await db().apiToken.count({ where: { id: doomed.id } })).toBe(0);
    expectError(await call(workspacesRoute, "GET", { token: doomed.token }), 401, "unauthorized");
    expectError(
      await call(modelRoute, "GET", { token: doomed.token, params: { id: world.model.id } }),
      401,
      "unauthorized",
    );
    // The caller's other token is untouched.
    expect((await call(workspacesRoute, "GET", { token: user.token })).status).toBe(200);
  });

  it("a token can revoke itself; its next request gets 401", async () => {
    const self = await createApiToken(user, { name: `self ${uniqueSuffix()}` });
    const revoke = await call(tokenRoute, "DELETE", { token: self.token, params: { id: self.id } });
    expect(revoke.status, revoke.text).toBe(204);
    expectError(await call(tokensRoute, "GET", { token: self.token }), 401, "unauthorized");
  });

  it("revoking someone else's token -> 404, and it keeps working", async () => {
    const other = await createUser("token-other");
    const result = await call(tokenRoute, "DELETE", { token: user.token, params: { id: other.tokenId } });
    expectError(result, 404, "not_found");
    expect(await db().apiToken.count({ where: { id: other.tokenId } })).toBe(1);
    expect((await call(workspacesRoute, "GET", { token: other.token })).status).toBe(200);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as diffRoute from "@/app/api/v1/models/[id]/diff/route";
import * as restoreRoute from "@/app/api/v1/models/[id]/versions/[n]/restore/route";
import * as versionRoute from "@/app/api/v1/models/[id]/versions/[n]/route";
import * as versionsRoute from "@/app/api/v1/models/[id]/versions/route";
import * as workingCopyRoute from "@/app/api/v1/models/[id]/working-copy/route";
import { db } from "@/lib/db/client";
import { documentHash } from "@/lib/domain/canonical-document";
import {
  emptyDocument,
  type ThreatModelDocumentInput,
  ThreatModelDocumentSchema,
} from "@/lib/domain/document";
import { env } from "@/lib/env";
import { saveVersion } from "@/lib/server/versions";
import { putWorkingCopy } from "@/lib/server/working-copy";
import { call, createTestModel, createWorld, expectBody, expectError, type World } from "../fixtures";

/*
 * Version history through the HTTP contract of API.md: restore, diff, and the document size limit
 * on every route that takes a document. Racing saves are in ../versions.test.ts.
 */

let world: World;

beforeAll(async () => {
  world = await createWorld("versions-api");
});

const CreatedSchema = z.object({ number: z.number(), contentHash: z.string() });
const VersionListSchema = z.array(
  z.object({
    number: z.number(),
    contentHash: z.string(),
    message: z.string(),
    restoredFrom: z.number().optional(),
  }),
);

const v1Input: ThreatModelDocumentInput = {
  schemaVersion: 1,
  title: "Scoring",
  elements: [
    { id: "api", kind: "process", label: "Scoring API", position: { x: 0, y: 0 } },
    { id: "db", kind: "datastore", label: "Features", position: { x: 300, y: 0 } },
  ],
  flows: [{ id: "f1", source: "api", target: "db", label: "read features" }],
  threats: [{ id: "t1", title: "Feature poisoning", targetIds: ["db"], likelihood: 2, impact: 3 }],
};

/** v2: a new element and flow, a moved element, a riskier threat, a mitigation. */
const v2Input: ThreatModelDocumentInput = {
  ...v1Input,
  elements: [
    { id: "api", kind: "process", label: "Scoring API", position: { x: 40, y: 0 } },
    { id: "db", kind: "datastore", label: "Features", position: { x: 300, y: 0 } },
    { id: "model", kind: "process", label: "Model server", position: { x: 0, y: 200 } },
  ],
  flows: [...(v1Input.flows ?? []), { id: "f2", source: "api", target: "model", label: "score" }],
  threats: [
    {
      id: "t1",
      title: "Feature poisoning",
      targetIds: ["db"],
      likelihood: 4,
      impact: 3,
      owner: "ml-platform",
    },
  ],
  mitigations: [{ id: "m1", title: "Signed feature snapshots", threatIds: ["t1"] }],
};

/** A model whose history holds v1Input, v2Input and a third version without the flow f1. */
async function modelWithHistory() {
  const owner = world.users.OWNER;
  const model = await createTestModel(owner, world.workspace.id);
  for (const [baseVersion, document] of [
    [1, v1Input],
    [2, v2Input],
    [3, { ...v2Input, flows: v2Input.flows?.filter((f) => f.id !== "f1") }],
  ] as const) {
    await saveVersion(owner, model.id, {
      baseVersion,
      document: ThreatModelDocumentSchema.parse(document),
      message: "",
    });
  }
  // Version numbers: 1 is the empty document createModel stores, 2..4 are the three above.
  return model;
}

describe("POST /models/:id/versions/:n/restore", () => {
  it("stores a new head whose hash equals version n's, recording where it came from", async () => {
    const model = await modelWithHistory();
    const before = await db().modelVersion.findMany({
      where: { modelId: model.id },
      orderBy: { number: "asc" },
      select: { number: true, contentHash: true, content: true },
    });
    const result = await call(restoreRoute, "POST", {
      token: world.users.EDITOR.token,
      params: { id: model.id, n: "2" },
      body: { message: "back to the first sketch" },
    });
    const created = expectBody(result, 201, CreatedSchema);
    expect(created).toEqual({ number: 5, contentHash: documentHash(v1Input) });

    const list = expectBody(
      await call(versionsRoute, "GET", { token: world.users.VIEWER.token, params: { id: model.id } }),
      200,
      VersionListSchema,
    );
    expect(list.map((v) => v.number)).toEqual([1, 2, 3, 4, 5]);
    expect(list[4]).toMatchObject({
      restoredFrom: 2,
      message: "Restored version 2: back to the first sketch",
      contentHash: before[1]?.contentHash,
    });
    expect(list.slice(0, 4).every((v) => v.restoredFrom === undefined)).toBe(true);

    // History is never rewritten: versions 1-4 are byte for byte what they were.
    const after = await db().modelVersion.findMany({
      where: { modelId: model.id, number: { lte: 4 } },
      orderBy: { number: "asc" },
      select: { number: true, contentHash: true, content: true },
    });
    expect(after).toEqual(before);

    const head = await call(versionRoute, "GET", {
      token: world.users.VIEWER.token,
      params: { id: model.id, n: "5" },
    });
    expect(head.status).toBe(200);
    expect((head.json as { document: unknown }).document).toEqual(before[1]?.content);
    // The restore note lives in the version's metadata, never in the document.
    expect(JSON.stringify((head.json as { document: unknown }).document)).not.toContain("Restored");
    const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.headVersion).toBe(5);
  });

  it("needs no body: an empty POST restores with the default message", async () => {
    const model = await modelWithHistory();
    const result = await call(restoreRoute, "POST", {
      token: world.users.OWNER.token,
      params: { id: model.id, n: "3" },
    });
    expect(expectBody(result, 201, CreatedSchema).number).toBe(5);
    const version = await db().modelVersion.findUniqueOrThrow({
      where: { modelId_number: { modelId: model.id, number: 5 } },
    });
    expect(version).toMatchObject({ message: "Restored version 3", restoredFrom: 3, parentNumber: 4 });
  });

  it("supersedes the autosaved working copy, as a save does", async () => {
    const model = await modelWithHistory();
    await putWorkingCopy(world.users.EDITOR, model.id, { baseVersion: 4, document: emptyDocument("draft") });
    const result = await call(restoreRoute, "POST", {
      token: world.users.EDITOR.token,
      params: { id: model.id, n: "2" },
      body: {},
    });
    expect(result.status, result.text).toBe(201);
    expect(await db().workingCopy.count({ where: { modelId: model.id } })).toBe(0);
  });

  it("refuses to restore the head itself (409) and unknown versions (404), writing nothing", async () => {
    const model = await modelWithHistory();
    const head = await call(restoreRoute, "POST", {
      token: world.users.OWNER.token,
      params: { id: model.id, n: "4" },
    });
    expect(expectError(head, 409, "conflict").message).toContain("already the head");
    for (const n of ["99", "0", "abc", "1.5"]) {
      const missing = await call(restoreRoute, "POST", {
        token: world.users.OWNER.token,
        params: { id: model.id, n },
      });
      expectError(missing, 404, "not_found");
    }
    const tooLong = await call(restoreRoute, "POST", {
      token: world.users.OWNER.token,
      params: { id: model.id, n: "2" },
      body: { message: "x".repeat(501) },
    });
    expect(expectError(tooLong, 422, "validation_failed").message).toContain("message");
    expect(await db().modelVersion.count({ where: { modelId: model.id } })).toBe(4);
  });

  it("serialises with saves: a save on the old head after a restore is a 409", async () => {
    const model = await modelWithHistory();
    const [restore, save] = await Promise.all([
      call(restoreRoute, "POST", { token: world.users.OWNER.token, params: { id: model.id, n: "2" } }),
      call(versionsRoute, "POST", {
        token: world.users.EDITOR.token,
        params: { id: model.id },
        body: { baseVersion: 4, document: emptyDocument("racing save"), message: "" },
      }),
    ]);
    const numbers = await db().modelVersion.findMany({
      where: { modelId: model.id },
      select: { number: true },
      orderBy: { number: "asc" },
    });
    if (save.status === 201) {
      // The save won the lock; the restore then went on top of it.
      expect(expectBody(restore, 201, CreatedSchema).number).toBe(6);
      expect(numbers.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6]);
    } else {
      expectError(save, 409, "conflict");
      expect(expectBody(restore, 201, CreatedSchema).number).toBe(5);
      expect(numbers.map((n) => n.number)).toEqual([1, 2, 3, 4, 5]);
    }
  });
});

const CollectionSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
});
const DiffSchema = z.strictObject({
  elements: CollectionSchema,
  flows: CollectionSchema,
  assets: CollectionSchema,
  threats: CollectionSchema,
  mitigations: CollectionSchema,
});
const none = { added: [], removed: [], changed: [] };

describe("GET /models/:id/diff", () => {
  it("answers added, removed and changed entries with the changed field names", async () => {
    const model = await modelWithHistory();
    const diff = (from: string, to: string) =>
      call(diffRoute, "GET", {
        token: world.users.REVIEWER.token,
        params: { id: model.id },
        query: { from, to },
      });
    expect(expectBody(await diff("2", "3"), 200, DiffSchema)).toEqual({
      elements: { added: ["model"], removed: [], changed: [{ id: "api", fields: ["position"] }] },
      flows: { added: ["f2"], removed: [], changed: [] },
      assets: none,
      threats: { added: [], removed: [], changed: [{ id: "t1", fields: ["likelihood", "owner"] }] },
      mitigations: { added: ["m1"], removed: [], changed: [] },
    });
    // Backwards, what was added is removed.
    expect(expectBody(await diff("4", "2"), 200, DiffSchema)).toMatchObject({
      elements: { added: [], removed: ["model"] },
      flows: { added: ["f1"], removed: ["f2"] },
      mitigations: { removed: ["m1"] },
    });
    expect(expectBody(await diff("3", "3"), 200, DiffSchema)).toEqual({
      elements: none,
      flows: none,
      assets: none,
      threats: none,
      mitigations: none,
    });
  });

  it("names the missing or invalid parameter (422) and the unknown version (404)", async () => {
    const model = await modelWithHistory();
    const diff = (query: Record<string, string>) =>
      call(diffRoute, "GET", { token: world.users.VIEWER.token, params: { id: model.id }, query });
    expect(expectError(await diff({ to: "2" }), 422, "validation_failed").message).toContain("from");
    expect(expectError(await diff({ from: "1" }), 422, "validation_failed").message).toContain("to");
    expect(expectError(await diff({ from: "abc", to: "2" }), 422, "validation_failed").message).toContain(
      "from",
    );
    expect(expectError(await diff({ from: "1", to: "0" }), 422, "validation_failed").message).toContain("to");
    expect(expectError(await diff({ from: "1", to: "9" }), 404, "not_found").message).toContain("Version 9");
  });
});

describe("the document size limit holds on every route that takes a document", () => {
  /** A valid save body of `size` bytes: the document's description is padded. */
  function bodyOfSize(size: number, withMessage: boolean) {
    const base = {
      baseVersion: 1,
      document: { schemaVersion: 1, title: "Big", description: "" },
      ...(withMessage ? { message: "" } : {}),
    };
    const padding = size - Buffer.byteLength(JSON.stringify(base));
    return JSON.stringify({ ...base, document: { ...base.document, description: "x".repeat(padding) } });
  }

  const routes = [
    { label: "POST /models/:id/versions", route: versionsRoute, method: "POST", withMessage: true },
    { label: "PUT /models/:id/working-copy", route: workingCopyRoute, method: "PUT", withMessage: false },
  ] as const;

  it.each(routes)("$label: one byte over -> 413, nothing written; at the limit -> stored", async (r) => {
    const model = await createTestModel(world.users.OWNER, world.workspace.id);
    const headers = { "content-type": "application/json" };
    const over = await call(r.route, r.method, {
      token: world.users.OWNER.token,
      params: { id: model.id },
      rawBody: bodyOfSize(env().MAX_BODY_BYTES + 1, r.withMessage),
      headers,
    });
    expectError(over, 413, "payload_too_large");
    expect(await db().modelVersion.count({ where: { modelId: model.id } })).toBe(1);
    expect(await db().workingCopy.count({ where: { modelId: model.id } })).toBe(0);

    const atLimit = await call(r.route, r.method, {
      token: world.users.OWNER.token,
      params: { id: model.id },
      rawBody: bodyOfSize(env().MAX_BODY_BYTES, r.withMessage),
      headers,
    });
    expect(atLimit.status, atLimit.text.slice(0, 300)).toBeLessThan(300);
    const stored =
      r.method === "POST"
        ? await db().modelVersion.count({ where: { modelId: model.id } })
        : 1 + (await db().workingCopy.count({ where: { modelId: model.id } }));
    expect(stored).toBe(2);
  });
});

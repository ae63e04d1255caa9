import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import * as repliesRoute from "@/app/api/v1/models/[id]/comments/[commentId]/replies/route";
import * as threadRoute from "@/app/api/v1/models/[id]/comments/[commentId]/route";
import * as commentsRoute from "@/app/api/v1/models/[id]/comments/route";
import * as versionsRoute from "@/app/api/v1/models/[id]/versions/route";
import { type LiveEvent, setLiveDocuments } from "@/lib/collab/registry";
import { db } from "@/lib/db/client";
import {
  type ThreatModelDocument,
  type ThreatModelDocumentInput,
  ThreatModelDocumentSchema,
} from "@/lib/domain/document";
import { createThread, replyToThread, setThreadResolved } from "@/lib/server/comments";
import { saveVersion } from "@/lib/server/versions";
import {
  type CallResult,
  call,
  createTestModel,
  createWorld,
  expectBody,
  expectError,
  type TestUser,
  type World,
} from "../fixtures";

/* Threaded comments on a model through the HTTP contract: anchors, replies, resolution, who may write. */

let world: World;
/** Model ids the fake live-document server was told about, in order. */
let announced: string[] = [];
/** What the stand-in live server holds per model (an open canvas with unsaved edits). */
const liveContent = new Map<string, ThreatModelDocument>();

const PersonSchema = z.object({ id: z.string(), name: z.string() });
const ReplySchema = z.strictObject({
  id: z.string(),
  author: PersonSchema,
  body: z.string(),
  createdAt: z.iso.datetime(),
  versionNumber: z.number(),
});
const ThreadSchema = z.strictObject({
  id: z.string(),
  anchor: z.strictObject({ kind: z.enum(["element", "flow", "threat"]), id: z.string() }),
  versionNumber: z.number(),
  author: PersonSchema,
  body: z.string(),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: PersonSchema.nullable(),
  replies: z.array(ReplySchema),
});

const document: ThreatModelDocumentInput = {
  schemaVersion: 1,
  title: "Scoring",
  elements: [
    { id: "api", kind: "process", label: "Scoring API" },
    { id: "db", kind: "datastore", label: "Features" },
  ],
  flows: [{ id: "f-read", source: "api", target: "db", label: "read features" }],
  threats: [{ id: "t-poison", title: "Feature poisoning", targetIds: ["db"] }],
};

beforeAll(async () => {
  world = await createWorld("comments-api");
  setLiveDocuments({
    replaceDocument: async () => {},
    currentDocument: (modelId: string) => liveContent.get(modelId) ?? null,
    announce: async (modelId: string, event: LiveEvent) => {
      // Saving versions (to set tests up) announces those; this file is about comments.
      if (event.type !== "saved") announced.push(event.type === "comments" ? modelId : JSON.stringify(event));
    },
  });
});

afterAll(() => setLiveDocuments(null));

beforeEach(() => {
  announced = [];
});

/** A model of the main workspace whose head (version 2) holds `document`. */
async function modelWithDocument() {
  const model = await createTestModel(world.users.OWNER, world.workspace.id);
  await saveVersion(world.users.OWNER, model.id, {
    baseVersion: 1,
    document: ThreatModelDocumentSchema.parse(document),
    message: "",
  });
  return model;
}

function postThread(modelId: string, as: TestUser, body: unknown) {
  return call(commentsRoute, "POST", { token: as.token, params: { id: modelId }, body });
}

function postReply(modelId: string, commentId: string, as: TestUser, body: unknown) {
  return call(repliesRoute, "POST", { token: as.token, params: { id: modelId, commentId }, body });
}

function patchThread(modelId: string, commentId: string, as: TestUser, body: unknown) {
  return call(threadRoute, "PATCH", { token: as.token, params: { id: modelId, commentId }, body });
}

async function listThreads(modelId: string, as: TestUser = world.users.VIEWER) {
  const result = await call(commentsRoute, "GET", { token: as.token, params: { id: modelId } });
  return expectBody(result, 200, z.array(ThreadSchema));
}

async function newThread(modelId: string, as: TestUser = world.users.REVIEWER, anchorId = "api") {
  const result = await postThread(modelId, as, { anchor: { kind: "element", id: anchorId }, body: "Why?" });
  return expectBody(result, 201, ThreadSchema);
}

const commentCount = (modelId: string) => db().comment.count({ where: { modelId } });

describe("starting a thread", () => {
  it.each([
    ["element", "api", "REVIEWER"],
    ["flow", "f-read", "EDITOR"],
    ["threat", "t-poison", "OWNER"],
  ] as const)("on a %s (%s) as %s -> 201, written on the head version", async (kind, id, role) => {
    const model = await modelWithDocument();
    const author = world.users[role];
    const result = await postThread(model.id, author, {
      anchor: { kind, id },
      body: "  Is this encrypted?  ",
    });
    const thread = expectBody(result, 201, ThreadSchema);
    expect(thread).toMatchObject({
      anchor: { kind, id },
      versionNumber: 2,
      author: { id: author.id, name: author.name },
      body: "Is this encrypted?",
      resolvedAt: null,
      resolvedBy: null,
      replies: [],
    });
    const row = await db().comment.findUniqueOrThrow({ where: { id: thread.id } });
    expect(row).toMatchObject({
      modelId: model.id,
      parentId: null,
      anchorKind: kind,
      anchorId: id,
      versionNumber: 2,
      authorId: author.id,
    });
    expect(announced).toEqual([model.id]);
  });

  it("names an anchor id the head version does not hold, of that kind -> 422, nothing written", async () => {
    const model = await modelWithDocument();
    for (const anchor of [
      { kind: "element", id: "no-such-element" },
      // A flow's id is not an element's.
      { kind: "element", id: "f-read" },
      { kind: "threat", id: "api" },
    ]) {
      const error = expectError(await postThread(model.id, world.users.EDITOR, { anchor, body: "x" }), 422);
      expect(error.message).toContain("anchor.id");
      expect(error.message).toContain(`"${anchor.id}"`);
    }
    expect(await commentCount(model.id)).toBe(0);
    expect(announced).toEqual([]);
  });

  it("takes an anchor that only exists unsaved: in the autosaved working copy or the open live document", async () => {
    const model = await modelWithDocument();
    const parsed = ThreatModelDocumentSchema.parse(document);
    const withElement = (id: string): ThreatModelDocument => ({
      ...parsed,
      elements: [
        ...parsed.elements,
        { ...parsed.elements[0], id, label: id } as ThreatModelDocument["elements"][0],
      ],
    });
    await db().workingCopy.create({
      data: {
        modelId: model.id,
        baseVersion: 2,
        content: withElement("autosaved-only") as never,
        contentHash: "not-checked-here",
        updatedById: world.users.OWNER.id,
      },
    });
    liveContent.set(model.id, withElement("live-only"));
    try {
      for (const id of ["autosaved-only", "live-only"]) {
        const thread = expectBody(
          await postThread(model.id, world.users.EDITOR, {
            anchor: { kind: "element", id },
            body: "New here?",
          }),
          201,
          ThreadSchema,
        );
        expect(thread.anchor).toEqual({ kind: "element", id });
        expect(thread.versionNumber).toBe(2);
      }
    } finally {
      liveContent.delete(model.id);
    }
    // Neither holds it any more: refused.
    expectError(
      await postThread(model.id, world.users.EDITOR, {
        anchor: { kind: "element", id: "live-only" },
        body: "x",
      }),
      422,
    );
  });

  it.each([
    ["an empty body", { anchor: { kind: "element", id: "api" }, body: "" }, "body"],
    ["a whitespace-only body", { anchor: { kind: "element", id: "api" }, body: " \n\t " }, "body"],
    ["a 5001-character body", { anchor: { kind: "element", id: "api" }, body: "x".repeat(5001) }, "body"],
    ["no body", { anchor: { kind: "element", id: "api" } }, "body"],
    ["a NUL character in the body", { anchor: { kind: "element", id: "api" }, body: "a\u0000b" }, "body"],
    ["no anchor", { body: "x" }, "anchor"],
    ["an unknown anchor kind", { anchor: { kind: "asset", id: "api" }, body: "x" }, "anchor.kind"],
    ["an empty anchor id", { anchor: { kind: "element", id: "" }, body: "x" }, "anchor.id"],
    ["an unknown field", { anchor: { kind: "element", id: "api" }, body: "x", parentId: "c1" }, '"parentId"'],
    ["an unknown anchor field", { anchor: { kind: "element", id: "api", x: 1 }, body: "x" }, '"x"'],
  ])("with %s -> 422 naming it, nothing written", async (_title, body, field) => {
    const model = await modelWithDocument();
    const error = expectError(await postThread(model.id, world.users.EDITOR, body), 422, "validation_failed");
    expect(error.message).toContain(field);
    expect(await commentCount(model.id)).toBe(0);
  });

  it("takes a body of exactly 5000 characters", async () => {
    const model = await modelWithDocument();
    const body = "y".repeat(5000);
    const result = await postThread(model.id, world.users.EDITOR, {
      anchor: { kind: "element", id: "db" },
      body,
    });
    expect(expectBody(result, 201, ThreadSchema).body).toBe(body);
  });

  it("malformed JSON -> 400", async () => {
    const model = await modelWithDocument();
    const result = await call(commentsRoute, "POST", {
      token: world.users.EDITOR.token,
      params: { id: model.id },
      rawBody: '{"body": ',
    });
    expectError(result, 400, "bad_request");
  });
});

describe("replies", () => {
  it("belong to their thread, oldest first, and record the head version and author -> 201", async () => {
    const model = await modelWithDocument();
    const first = await newThread(model.id, world.users.REVIEWER, "api");
    const second = await newThread(model.id, world.users.EDITOR, "db");
    const replies = [];
    for (const [as, body] of [
      [world.users.OWNER, "It is, with TLS 1.3"],
      [world.users.REVIEWER, "Thanks"],
    ] as const) {
      const result = await postReply(model.id, first.id, as, { body });
      const reply = expectBody(result, 201, ReplySchema);
      expect(reply).toMatchObject({ author: { id: as.id, name: as.name }, body, versionNumber: 2 });
      replies.push(reply);
    }
    const threads = await listThreads(model.id);
    expect(threads.map((t) => t.id)).toEqual([first.id, second.id]);
    expect(threads[0]?.replies).toEqual(replies);
    expect(threads[1]?.replies).toEqual([]);
    const rows = await db().comment.findMany({
      where: { parentId: first.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.id, r.anchorKind, r.anchorId])).toEqual(replies.map((r) => [r.id, null, null]));
    expect(announced).toEqual([model.id, model.id, model.id, model.id]);
  });

  it("to a reply, or resolving a reply -> 422 naming the thread to use, nothing written", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    const reply = expectBody(
      await postReply(model.id, thread.id, world.users.EDITOR, { body: "first" }),
      201,
      ReplySchema,
    );
    announced = [];
    const nested = expectError(
      await postReply(model.id, reply.id, world.users.EDITOR, { body: "nested" }),
      422,
    );
    expect(nested.message).toContain(`"${thread.id}"`);
    const resolve = expectError(
      await patchThread(model.id, reply.id, world.users.EDITOR, { resolved: true }),
      422,
    );
    expect(resolve.message).toContain(`"${thread.id}"`);
    expect(await commentCount(model.id)).toBe(2);
    expect(await db().comment.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({
      resolvedAt: null,
    });
    expect(announced).toEqual([]);
  });

  it.each([
    ["an empty body", { body: "   " }, "body"],
    ["an unknown field", { body: "x", resolved: true }, '"resolved"'],
  ])("with %s -> 422 naming it", async (_title, body, field) => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    const error = expectError(await postReply(model.id, thread.id, world.users.EDITOR, body), 422);
    expect(error.message).toContain(field);
    expect(await commentCount(model.id)).toBe(1);
  });
});

describe("resolving and reopening", () => {
  it("records who resolved and when, keeps the first resolution, survives replies, and reopen clears it", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id, world.users.EDITOR);
    announced = [];

    const before = Date.now();
    const resolved = expectBody(
      await patchThread(model.id, thread.id, world.users.REVIEWER, { resolved: true }),
      200,
      ThreadSchema,
    );
    const reviewer = world.users.REVIEWER;
    expect(resolved.resolvedBy).toEqual({ id: reviewer.id, name: reviewer.name });
    expect(Date.parse(resolved.resolvedAt ?? "")).toBeGreaterThanOrEqual(before - 1000);

    // Asking again changes nothing: same resolver and time, no notice.
    const again = expectBody(
      await patchThread(model.id, thread.id, world.users.OWNER, { resolved: true }),
      200,
      ThreadSchema,
    );
    expect([again.resolvedAt, again.resolvedBy]).toEqual([resolved.resolvedAt, resolved.resolvedBy]);

    // A reply to a resolved thread is taken and leaves it resolved.
    expectBody(
      await postReply(model.id, thread.id, world.users.OWNER, { body: "late note" }),
      201,
      ReplySchema,
    );
    const [listed] = await listThreads(model.id);
    expect(listed).toMatchObject({ resolvedAt: resolved.resolvedAt, resolvedBy: resolved.resolvedBy });
    expect(listed?.replies.map((r) => r.body)).toEqual(["late note"]);

    const reopened = expectBody(
      await patchThread(model.id, thread.id, world.users.EDITOR, { resolved: false }),
      200,
      ThreadSchema,
    );
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null });
    expect(reopened.replies).toHaveLength(1);
    expect(await db().comment.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      resolvedAt: null,
      resolvedById: null,
    });
    expect(announced).toEqual([model.id, model.id, model.id]);
    const actions = await db().auditEvent.findMany({
      where: { targetId: thread.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["comment.create", "comment.resolve", "comment.reopen"]);
  });

  it.each([
    ["no field", {}, "resolved"],
    ["a string", { resolved: "yes" }, "resolved"],
    ["an unknown field", { resolved: true, body: "x" }, '"body"'],
  ])("with %s -> 422 naming it", async (_title, body, field) => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    const error = expectError(await patchThread(model.id, thread.id, world.users.EDITOR, body), 422);
    expect(error.message).toContain(field);
    expect((await db().comment.findUniqueOrThrow({ where: { id: thread.id } })).resolvedAt).toBeNull();
  });
});

describe("version numbers", () => {
  it("are the head at the time of writing; a later removed element keeps its thread", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id, world.users.REVIEWER, "db");
    expect(thread.versionNumber).toBe(2);
    const withoutDb: ThreatModelDocumentInput = {
      ...document,
      elements: document.elements?.filter((e) => e.id !== "db"),
      flows: [],
      threats: [],
    };
    const saved = await call(versionsRoute, "POST", {
      token: world.users.EDITOR.token,
      params: { id: model.id },
      body: { baseVersion: 2, document: withoutDb },
    });
    expect(saved.status, saved.text).toBe(201);

    const reply = expectBody(
      await postReply(model.id, thread.id, world.users.EDITOR, { body: "Removed in v3" }),
      201,
      ReplySchema,
    );
    expect(reply.versionNumber).toBe(3);
    const onApi = await newThread(model.id, world.users.EDITOR, "api");
    expect(onApi.versionNumber).toBe(3);

    const error = expectError(
      await postThread(model.id, world.users.EDITOR, { anchor: { kind: "element", id: "db" }, body: "x" }),
      422,
    );
    expect(error.message).toContain('the model has no element "db"');

    const threads = await listThreads(model.id);
    expect(threads.map((t) => [t.anchor.id, t.versionNumber, t.replies.map((r) => r.versionNumber)])).toEqual(
      [
        ["db", 2, [3]],
        ["api", 3, []],
      ],
    );
  });
});

describe("who may do what", () => {
  it("a viewer lists threads but gets 403 for every write, which writes nothing", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    announced = [];
    const viewer = world.users.VIEWER;
    const results: CallResult[] = [
      await postThread(model.id, viewer, { anchor: { kind: "element", id: "api" }, body: "x" }),
      await postReply(model.id, thread.id, viewer, { body: "x" }),
      await patchThread(model.id, thread.id, viewer, { resolved: true }),
    ];
    for (const result of results) expectError(result, 403, "forbidden");
    expect(await commentCount(model.id)).toBe(1);
    expect(await listThreads(model.id, viewer)).toEqual([thread]);
    expect(announced).toEqual([]);
  });

  it("someone outside the workspace gets 404 for every route, reading nothing", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    const outsider = world.foreign.owner;
    const results: CallResult[] = [
      await call(commentsRoute, "GET", { token: outsider.token, params: { id: model.id } }),
      await postThread(model.id, outsider, { anchor: { kind: "element", id: "api" }, body: "x" }),
      await postReply(model.id, thread.id, outsider, { body: "x" }),
      await patchThread(model.id, thread.id, outsider, { resolved: true }),
    ];
    for (const result of results) {
      expectError(result, 404, "not_found");
      expect(result.text).not.toContain(thread.id);
    }
    expect(await commentCount(model.id)).toBe(1);
  });

  it("a comment id of another model, through this model's URL -> 404, whoever asks", async () => {
    const mine = await modelWithDocument();
    const other = await modelWithDocument();
    const otherThread = await newThread(other.id);
    // A thread in a workspace the caller is not in, addressed through a model the caller owns.
    const foreignModel = world.foreign.model;
    await saveVersion(world.foreign.owner, foreignModel.id, {
      baseVersion: 1,
      document: ThreatModelDocumentSchema.parse(document),
      message: "",
    });
    const foreignThread = await newThread(foreignModel.id, world.foreign.owner);
    announced = [];
    for (const commentId of [otherThread.id, foreignThread.id]) {
      for (const result of [
        await postReply(mine.id, commentId, world.users.OWNER, { body: "x" }),
        await patchThread(mine.id, commentId, world.users.OWNER, { resolved: true }),
      ]) {
        expectError(result, 404, "not_found");
      }
    }
    // The foreign owner cannot reach the main workspace's thread through their own model either.
    expectError(await postReply(foreignModel.id, otherThread.id, world.foreign.owner, { body: "x" }), 404);
    expectError(
      await patchThread(foreignModel.id, otherThread.id, world.foreign.owner, { resolved: true }),
      404,
    );
    expect(
      await db().comment.count({ where: { parentId: { in: [otherThread.id, foreignThread.id] } } }),
    ).toBe(0);
    expect(
      await db().comment.count({
        where: { id: { in: [otherThread.id, foreignThread.id] }, resolvedAt: { not: null } },
      }),
    ).toBe(0);
    expect(await listThreads(mine.id)).toEqual([]);
    expect(announced).toEqual([]);
  });

  it("the use-cases themselves treat a viewer as someone who cannot see the model", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    const viewer = world.users.VIEWER;
    const attempts = [
      () => createThread(viewer, model.id, { anchor: { kind: "element", id: "api" }, body: "x" }),
      () => replyToThread(viewer, model.id, thread.id, { body: "x" }),
      () => setThreadResolved(viewer, model.id, thread.id, { resolved: true }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    expect(await commentCount(model.id)).toBe(1);
  });

  it("an unknown comment id -> 404", async () => {
    const model = await modelWithDocument();
    expectError(
      await postReply(model.id, "no-such-comment", world.users.OWNER, { body: "x" }),
      404,
      "not_found",
    );
    expectError(
      await patchThread(model.id, "no-such-comment", world.users.OWNER, { resolved: true }),
      404,
      "not_found",
    );
  });

  it("an archived model's comments -> 404", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    await db().threatModel.update({ where: { id: model.id }, data: { archivedAt: new Date() } });
    const owner = world.users.OWNER;
    expectError(await call(commentsRoute, "GET", { token: owner.token, params: { id: model.id } }), 404);
    expectError(await postReply(model.id, thread.id, owner, { body: "x" }), 404);
    expectError(await patchThread(model.id, thread.id, owner, { resolved: true }), 404);
  });
});

describe("the database", () => {
  it("refuses a reply with an anchor, a resolved reply and a resolution without a resolver", async () => {
    const model = await modelWithDocument();
    const thread = await newThread(model.id);
    const base = { modelId: model.id, versionNumber: 2, authorId: world.users.OWNER.id, body: "x" };
    const malformed = [
      { ...base, parentId: thread.id, anchorKind: "element" as const, anchorId: "api" },
      { ...base, parentId: thread.id, resolvedAt: new Date(), resolvedById: world.users.OWNER.id },
      { ...base, anchorKind: "element" as const, anchorId: "api", resolvedAt: new Date() },
      { ...base, anchorKind: "element" as const },
    ];
    for (const data of malformed) {
      await expect(db().comment.create({ data })).rejects.toThrow(/Comment_thread_shape/);
    }
    expect(await commentCount(model.id)).toBe(1);
  });
});

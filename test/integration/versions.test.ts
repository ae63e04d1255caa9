import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { contentHash } from "@/lib/domain/canonical";
import { emptyDocument } from "@/lib/domain/document";
import { getVersion, listVersions, restoreVersion, saveVersion } from "@/lib/server/versions";
import { getWorkingCopy, putWorkingCopy } from "@/lib/server/working-copy";
import { createWorkspace } from "@/lib/server/workspaces";
import { createMember, createTestModel, createUser, type TestUser } from "./fixtures";

let owner: TestUser;
let viewer: TestUser;
let workspaceId: string;

beforeAll(async () => {
  owner = await createUser("VersionOwner");
  const workspace = await createWorkspace(owner, { name: "Versions" });
  workspaceId = workspace.id;
  viewer = await createMember(workspaceId, "VIEWER");
});

const docWithTitle = (title: string) => emptyDocument(title);

describe("saving versions", () => {
  it("creates base+1 with the content's hash and keeps history", async () => {
    const model = await createTestModel(owner, workspaceId);
    const result = await saveVersion(owner, model.id, {
      baseVersion: 1,
      document: docWithTitle("second"),
      message: "two",
    });
    expect(result).toEqual({
      status: "created",
      number: 2,
      contentHash: contentHash(docWithTitle("second")),
    });
    const versions = await listVersions(owner, model.id);
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(versions[1]).toMatchObject({ message: "two", author: { id: owner.id } });
    const stored = await getVersion(owner, model.id, 2);
    expect(stored.document.title).toBe("second");
    const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.headVersion).toBe(2);
  });

  it("audits each new head in the statement that writes it, and nothing for a refused or unchanged save", async () => {
    const model = await createTestModel(owner, workspaceId, "Audited");
    const audits = () =>
      db().auditEvent.findMany({
        where: { targetId: model.id, action: { startsWith: "version." } },
        select: {
          workspaceId: true,
          actorId: true,
          action: true,
          targetType: true,
          before: true,
          after: true,
        },
        orderBy: { createdAt: "asc" },
      });
    const saved = await saveVersion(owner, model.id, {
      baseVersion: 1,
      document: docWithTitle("a2"),
      message: "",
    });
    await expect(
      saveVersion(owner, model.id, { baseVersion: 1, document: docWithTitle("late"), message: "" }),
    ).rejects.toMatchObject({ status: 409 });
    await saveVersion(owner, model.id, { baseVersion: 2, document: docWithTitle("a2"), message: "" });
    const restored = await restoreVersion(owner, model.id, 1, { message: "" });
    expect(await audits()).toEqual([
      {
        workspaceId,
        actorId: owner.id,
        action: "version.create",
        targetType: "ThreatModel",
        before: { headVersion: 1 },
        after: { headVersion: 2, contentHash: saved.contentHash },
      },
      {
        workspaceId,
        actorId: owner.id,
        action: "version.restore",
        targetType: "ThreatModel",
        before: { headVersion: 2 },
        after: { headVersion: 3, contentHash: restored.contentHash, restoredFrom: 1 },
      },
    ]);
  });

  it("is a no-op for unchanged content", async () => {
    const model = await createTestModel(owner, workspaceId, "Same");
    const head = await getVersion(owner, model.id, 1);
    const result = await saveVersion(owner, model.id, {
      baseVersion: 1,
      document: head.document,
      message: "noop",
    });
    expect(result).toMatchObject({ status: "unchanged", number: 1, contentHash: head.contentHash });
    expect(await db().modelVersion.count({ where: { modelId: model.id } })).toBe(1);
  });

  it("answers 409 for a stale base, even when the content equals the head", async () => {
    const model = await createTestModel(owner, workspaceId);
    await saveVersion(owner, model.id, { baseVersion: 1, document: docWithTitle("v2"), message: "" });
    const stale = saveVersion(owner, model.id, { baseVersion: 1, document: docWithTitle("v2"), message: "" });
    await expect(stale).rejects.toMatchObject({ code: "conflict", status: 409 });
  });

  it("lets exactly one of 20 racing saves on the same base win", async () => {
    const model = await createTestModel(owner, workspaceId);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        saveVersion(owner, model.id, {
          baseVersion: 1,
          document: docWithTitle(`racer ${i}`),
          message: `racer ${i}`,
        }),
      ),
    );
    const created = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter(
      (r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.status === 409,
    );
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(await db().modelVersion.count({ where: { modelId: model.id } })).toBe(2);
    const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.headVersion).toBe(2);
  });

  it("refuses viewers inside the query (404) and writes nothing", async () => {
    const model = await createTestModel(owner, workspaceId);
    await expect(
      saveVersion(viewer, model.id, { baseVersion: 1, document: docWithTitle("nope"), message: "" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db().modelVersion.count({ where: { modelId: model.id } })).toBe(1);
  });

  it("keeps stored versions immutable: the database refuses a second version with the same number", async () => {
    const model = await createTestModel(owner, workspaceId);
    await expect(
      db().modelVersion.create({
        data: { modelId: model.id, number: 1, content: {}, contentHash: "x", authorId: owner.id },
      }),
    ).rejects.toThrow();
  });

  it("stores the canonical form: UI-only fields never reach the version or its hash", async () => {
    const model = await createTestModel(owner, workspaceId);
    const document = {
      ...docWithTitle("canonical"),
      elements: [
        {
          id: "p",
          kind: "process" as const,
          label: "P",
          position: { x: 1, y: 2 },
          size: { width: 180, height: 72 },
          properties: {},
          outOfScope: false,
          selected: true,
          measured: { width: 1, height: 1 },
        },
      ],
    };
    const result = await saveVersion(owner, model.id, { baseVersion: 1, document, message: "" });
    const stored = await db().modelVersion.findUniqueOrThrow({
      where: { modelId_number: { modelId: model.id, number: result.number } },
    });
    expect(JSON.stringify(stored.content)).not.toMatch(/selected|measured/);
  });

  it("stores the exact canonical text: the database can check every content hash on its own", async () => {
    const model = await createTestModel(owner, workspaceId, "Self-checking");
    await saveVersion(owner, model.id, {
      baseVersion: 1,
      document: docWithTitle("é ü \u2028 🙂"),
      message: "",
    });
    const rows = await db().$queryRaw<{ number: number; matches: boolean }[]>`
      SELECT "number", encode(sha256(convert_to("content"::text, 'UTF8')), 'hex') = "contentHash" AS "matches"
      FROM "ModelVersion" WHERE "modelId" = ${model.id} ORDER BY "number"`;
    expect(rows).toEqual([
      { number: 1, matches: true },
      { number: 2, matches: true },
    ]);
  });

  it("keeps the autosaved working copy until a version is saved, which supersedes it", async () => {
    const model = await createTestModel(owner, workspaceId);
    await putWorkingCopy(owner, model.id, { baseVersion: 1, document: docWithTitle("draft") });
    expect((await getWorkingCopy(viewer, model.id))?.document.title).toBe("draft");
    await saveVersion(owner, model.id, { baseVersion: 1, document: docWithTitle("saved"), message: "" });
    expect(await getWorkingCopy(owner, model.id)).toBeNull();
  });

  it("keeps the working copy when a save is refused as stale", async () => {
    const model = await createTestModel(owner, workspaceId);
    await saveVersion(owner, model.id, { baseVersion: 1, document: docWithTitle("v2"), message: "" });
    await putWorkingCopy(owner, model.id, { baseVersion: 1, document: docWithTitle("mine") });
    await expect(
      saveVersion(owner, model.id, { baseVersion: 1, document: docWithTitle("mine"), message: "" }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await getWorkingCopy(owner, model.id))?.document.title).toBe("mine");
  });

  it("refuses working-copy writes from viewers", async () => {
    const model = await createTestModel(owner, workspaceId);
    await expect(
      putWorkingCopy(viewer, model.id, { baseVersion: 1, document: docWithTitle("x") }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

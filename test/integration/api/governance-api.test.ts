import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as gateRoute from "@/app/api/v1/models/[id]/gate/route";
import * as ledgerExportRoute from "@/app/api/v1/models/[id]/ledger/export/route";
import * as ledgerRoute from "@/app/api/v1/models/[id]/ledger/route";
import * as ledgerVerifyRoute from "@/app/api/v1/models/[id]/ledger/verify/route";
import * as modelReviewsRoute from "@/app/api/v1/models/[id]/reviews/route";
import * as riskAcceptancesRoute from "@/app/api/v1/models/[id]/risk-acceptances/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as versionsRoute from "@/app/api/v1/models/[id]/versions/route";
import * as decisionsRoute from "@/app/api/v1/reviews/[id]/decisions/route";
import * as reviewRoute from "@/app/api/v1/reviews/[id]/route";
import * as withdrawRoute from "@/app/api/v1/reviews/[id]/withdraw/route";
import * as inboxRoute from "@/app/api/v1/reviews/route";
import * as boardsRoute from "@/app/api/v1/workspaces/[ws]/boards/route";
import { db } from "@/lib/db/client";
import { emptyDocument } from "@/lib/domain/document";
import {
  call,
  createMember,
  createTestModel,
  createWorld,
  expectBody,
  expectError,
  type TestUser,
  type World,
} from "../fixtures";

/* Boards, reviews, quorum, separation of duties, staleness, stage gates, risk acceptance and the ledger, per API.md. */

let world: World;
let security: TestUser;
let privacy: TestUser;
let science: TestUser;
let boardId: string;

const ReviewSchema = z.object({
  id: z.string(),
  modelId: z.string(),
  version: z.number(),
  boardId: z.string(),
  status: z.enum(["open", "approved", "changes_requested", "withdrawn"]),
  stale: z.boolean(),
  progress: z.object({
    approvals: z.number(),
    required: z.number(),
    missingDisciplines: z.array(z.string()),
  }),
  decisions: z.array(z.object({ userId: z.string(), decision: z.string(), comment: z.string() })),
});
const GateSchema = z.object({ pass: z.boolean(), reasons: z.array(z.string()) });

beforeAll(async () => {
  world = await createWorld("governance");
  security = await createMember(world.workspace.id, "REVIEWER", "gov-security");
  privacy = await createMember(world.workspace.id, "REVIEWER", "gov-privacy");
  science = await createMember(world.workspace.id, "EDITOR", "gov-science");
  const board = await call(boardsRoute, "POST", {
    token: world.users.OWNER.token,
    params: { ws: world.workspace.id },
    body: {
      name: "Governance board",
      members: [
        { userId: security.id, discipline: "SECURITY", role: "CHAIR" },
        { userId: privacy.id, discipline: "PRIVACY" },
        { userId: science.id, discipline: "DATA_SCIENCE" },
      ],
      quorum: { approvals: 2, disciplines: ["SECURITY", "PRIVACY"] },
    },
  });
  boardId = expectBody(board, 201, z.object({ id: z.string() })).id;
});

/** A new model whose version 1 is authored by the editor, ready for review. */
async function editorModel() {
  return createTestModel(world.users.EDITOR, world.workspace.id);
}

async function requestReviewOf(modelId: string, version: number, as = world.users.EDITOR) {
  return call(modelReviewsRoute, "POST", {
    token: as.token,
    params: { id: modelId },
    body: { version, boardId },
  });
}

async function decide(reviewId: string, as: TestUser, decision: string, comment = "") {
  return call(decisionsRoute, "POST", {
    token: as.token,
    params: { id: reviewId },
    body: { decision, comment },
  });
}

async function saveNext(modelId: string, as: TestUser, title: string, extra: object = {}) {
  const model = expectBody(
    await call(modelRoute, "GET", { token: as.token, params: { id: modelId } }),
    200,
    z.object({ headVersion: z.number() }),
  );
  return call(versionsRoute, "POST", {
    token: as.token,
    params: { id: modelId },
    body: { baseVersion: model.headVersion, document: { ...emptyDocument(title), ...extra } },
  });
}

const stageOf = async (modelId: string) =>
  (await db().threatModel.findUniqueOrThrow({ where: { id: modelId }, select: { stage: true } })).stage;

describe("boards", () => {
  it("refuses members from outside the workspace, impossible quorums and duplicate names, naming the field", async () => {
    const post = (body: unknown, token = world.users.OWNER.token) =>
      call(boardsRoute, "POST", { token, params: { ws: world.workspace.id }, body });
    const outsider = await post({
      name: "Outsiders",
      members: [{ userId: world.foreign.owner.id, discipline: "SECURITY" }],
      quorum: { approvals: 1 },
    });
    expect(expectError(outsider, 422).message).toContain("members.0.userId");
    const tooMany = await post({
      name: "Too many",
      members: [{ userId: security.id, discipline: "SECURITY" }],
      quorum: { approvals: 2 },
    });
    expect(expectError(tooMany, 422).message).toContain("quorum");
    const missing = await post({
      name: "No legal",
      members: [{ userId: security.id, discipline: "SECURITY" }],
      quorum: { approvals: 1, disciplines: ["LEGAL"] },
    });
    expect(expectError(missing, 422).message).toContain("LEGAL");
    const duplicate = await post({
      name: "Governance board",
      members: [{ userId: security.id, discipline: "SECURITY" }],
      quorum: { approvals: 1 },
    });
    expectError(duplicate, 409, "conflict");
    expect(await db().reviewBoard.count({ where: { workspaceId: world.workspace.id } })).toBe(1);
    const listed = expectBody(
      await call(boardsRoute, "GET", { token: world.users.VIEWER.token, params: { ws: world.workspace.id } }),
      200,
      z.array(z.object({ name: z.string(), members: z.array(z.object({ discipline: z.string() })) })),
    );
    expect(listed.map((b) => b.name)).toEqual(["Governance board"]);
  });
});

describe("a review from request to sign-off", () => {
  it("counts each member once and needs every required discipline; quorum signs off and moves the stage", async () => {
    const model = await editorModel();
    const requested = expectBody(await requestReviewOf(model.id, 1), 201, ReviewSchema);
    expect(requested).toMatchObject({ status: "open", stale: false, version: 1 });
    expect(await stageOf(model.id)).toBe("in_review");

    // The members see it in their inbox.
    const inbox = expectBody(
      await call(inboxRoute, "GET", { token: privacy.token }),
      200,
      z.array(ReviewSchema),
    );
    expect(inbox.map((r) => r.id)).toContain(requested.id);

    expectBody(await decide(requested.id, science, "approve"), 201, ReviewSchema);
    expectBody(await decide(requested.id, security, "approve"), 201, ReviewSchema);
    const twice = expectBody(await decide(requested.id, security, "approve"), 201, ReviewSchema);
    expect(twice.status).toBe("open");
    expect(twice.progress).toMatchObject({ approvals: 2, required: 2, missingDisciplines: ["PRIVACY"] });
    expect(await stageOf(model.id)).toBe("in_review");

    const signed = expectBody(await decide(requested.id, privacy, "approve", "fine"), 201, ReviewSchema);
    expect(signed.status).toBe("approved");
    expect(await stageOf(model.id)).toBe("approved");
    expectError(await decide(requested.id, privacy, "approve"), 409, "conflict");

    // Production is allowed now, and lands in the ledger.
    const promoted = await call(modelRoute, "PATCH", {
      token: world.users.EDITOR.token,
      params: { id: model.id },
      body: { stage: "production" },
    });
    expect(promoted.status, promoted.text).toBe(200);

    const ledger = expectBody(
      await call(ledgerRoute, "GET", { token: world.users.VIEWER.token, params: { id: model.id } }),
      200,
      z.array(z.object({ seq: z.number(), event: z.string(), prevHash: z.string(), entryHash: z.string() })),
    );
    expect(ledger.map((e) => e.event)).toEqual([
      "review_requested",
      "stage_changed",
      "decision",
      "decision",
      "decision",
      "decision",
      "signed_off",
      "stage_changed",
      "stage_changed",
    ]);
    expect(ledger.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (let i = 1; i < ledger.length; i++) expect(ledger[i]?.prevHash).toBe(ledger[i - 1]?.entryHash);
    expect(
      expectBody(
        await call(ledgerVerifyRoute, "GET", { token: world.users.VIEWER.token, params: { id: model.id } }),
        200,
        z.object({ valid: z.boolean(), entries: z.number() }),
      ),
    ).toEqual({ valid: true, entries: 9 });

    const exported = await call(ledgerExportRoute, "GET", {
      token: world.users.VIEWER.token,
      params: { id: model.id },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("attachment");
    expect(exported.json).toMatchObject({ verification: { valid: true, entries: 9 } });

    // The author's next version makes the approval stale: the gate fails again.
    expect((await saveNext(model.id, world.users.EDITOR, "changed")).status).toBe(201);
    const stale = expectBody(
      await call(reviewRoute, "GET", { token: world.users.VIEWER.token, params: { id: requested.id } }),
      200,
      ReviewSchema,
    );
    expect(stale).toMatchObject({ status: "approved", stale: true });
    const gate = expectBody(
      await call(gateRoute, "GET", { token: world.users.VIEWER.token, params: { id: model.id } }),
      200,
      GateSchema,
    );
    expect(gate).toEqual({
      pass: false,
      reasons: ["Version 2 (the head) is not signed off by a review board"],
    });
    const events = await db().ledgerEntry.findMany({ where: { modelId: model.id }, orderBy: { seq: "asc" } });
    expect(events.at(-1)?.event).toBe("stale");
  });

  it("refuses the author's own approval (separation of duties) but takes their comment", async () => {
    // The author is an editor who also sits on the board.
    const authored = await createTestModel(science, world.workspace.id);
    const review = expectBody(await requestReviewOf(authored.id, 1, science), 201, ReviewSchema);
    const refused = expectError(await decide(review.id, science, "approve"), 403, "forbidden");
    expect(refused.message).toContain("Separation of duties");
    expect(
      expectBody(await decide(review.id, science, "comment", "context"), 201, ReviewSchema).decisions,
    ).toHaveLength(1);
  });

  it("blocks approval after a request for changes; the answer is a new version and a new review", async () => {
    const model = await editorModel();
    const review = expectBody(await requestReviewOf(model.id, 1), 201, ReviewSchema);
    const blocked = expectBody(
      await decide(review.id, security, "request_changes", "add rate limits"),
      201,
      ReviewSchema,
    );
    expect(blocked.status).toBe("changes_requested");
    expectError(await decide(review.id, privacy, "approve"), 409, "conflict");

    expect((await saveNext(model.id, world.users.EDITOR, "with rate limits")).status).toBe(201);
    // A review of an old version cannot be requested, and approvals on the stale one stay refused.
    expectError(await requestReviewOf(model.id, 1), 409, "conflict");
    const second = expectBody(await requestReviewOf(model.id, 2), 201, ReviewSchema);
    expect(expectBody(await decide(second.id, security, "approve"), 201, ReviewSchema).status).toBe("open");
    expect(expectBody(await decide(second.id, privacy, "approve"), 201, ReviewSchema).status).toBe(
      "approved",
    );
  });

  it("lets only board members decide, and only the requester withdraw", async () => {
    const model = await editorModel();
    const review = expectBody(await requestReviewOf(model.id, 1), 201, ReviewSchema);
    expectError(await decide(review.id, world.users.VIEWER, "comment"), 403, "forbidden");
    expectError(await decide(review.id, world.foreign.owner, "comment"), 404, "not_found");
    expectError(await call(withdrawRoute, "POST", { token: security.token, params: { id: review.id } }), 403);
    const withdrawn = expectBody(
      await call(withdrawRoute, "POST", { token: world.users.EDITOR.token, params: { id: review.id } }),
      200,
      ReviewSchema,
    );
    expect(withdrawn.status).toBe("withdrawn");
    expectError(await decide(review.id, security, "approve"), 409, "conflict");
    expectError(
      await call(withdrawRoute, "POST", { token: world.users.EDITOR.token, params: { id: review.id } }),
      409,
    );
  });
});

describe("stage gates", () => {
  it("refuses skipping stages and production without a signed-off head, with the reason", async () => {
    const model = await editorModel();
    const patch = (stage: string) =>
      call(modelRoute, "PATCH", {
        token: world.users.OWNER.token,
        params: { id: model.id },
        body: { stage },
      });
    expect(expectError(await patch("production"), 409, "conflict").message).toContain("skipped");
    expect(expectError(await patch("in_review"), 409, "conflict").message).toContain("review");
    expect(await stageOf(model.id)).toBe("draft");
    expect(await db().ledgerEntry.count({ where: { modelId: model.id } })).toBe(0);

    // Approved, then the head moves on: production needs the new head signed off.
    const review = expectBody(await requestReviewOf(model.id, 1), 201, ReviewSchema);
    await decide(review.id, security, "approve");
    await decide(review.id, privacy, "approve");
    expect(await stageOf(model.id)).toBe("approved");
    expect((await saveNext(model.id, world.users.EDITOR, "after approval")).status).toBe(201);
    expect(expectError(await patch("production"), 409, "conflict").message).toContain(
      "requires the head version to be signed off",
    );
    expect(await stageOf(model.id)).toBe("approved");
  });
});

describe("the gate and risk acceptance", () => {
  const critical = {
    threats: [
      { id: "t-crit", title: "Model theft through the API", likelihood: 5, impact: 5, status: "accepted" },
    ],
  };

  it("fails on an accepted threat without a current acceptance, and passes while one holds", async () => {
    const model = await editorModel();
    expect((await saveNext(model.id, world.users.EDITOR, "critical", critical)).status).toBe(201);
    const review = expectBody(await requestReviewOf(model.id, 2), 201, ReviewSchema);
    await decide(review.id, security, "approve");
    await decide(review.id, privacy, "approve");
    const gate = async (maxResidual = "high") =>
      expectBody(
        await call(gateRoute, "GET", {
          token: world.users.VIEWER.token,
          params: { id: model.id },
          query: { maxResidual },
        }),
        200,
        GateSchema,
      );
    const before = await gate();
    expect(before.pass).toBe(false);
    expect(before.reasons[0]).toContain('"Model theft through the API" (t-crit)');

    const accept = (as: TestUser, body: object) =>
      call(riskAcceptancesRoute, "POST", { token: as.token, params: { id: model.id }, body });
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const good = {
      threatId: "t-crit",
      requestedBy: world.users.EDITOR.id,
      expiresAt: inAMonth,
      reason: "Vendor fix due",
    };
    // The person asking cannot approve; an editor without a board seat is no approver either.
    expectError(await accept(world.users.EDITOR, good), 403, "forbidden");
    expectError(await accept(world.users.VIEWER, good), 403, "forbidden");
    expect(
      expectError(await accept(security, { ...good, expiresAt: "2020-01-01T00:00:00Z" }), 422).message,
    ).toContain("expiresAt");
    expect(expectError(await accept(security, { ...good, threatId: "t-nope" }), 422).message).toContain(
      "threatId",
    );
    expect((await accept(security, good)).status).toBe(201);
    expect(await gate()).toEqual({ pass: true, reasons: [] });
    expect(
      (await db().ledgerEntry.findFirst({ where: { modelId: model.id, event: "risk_accepted" } }))?.details,
    ).toMatchObject({
      threatId: "t-crit",
      requestedBy: world.users.EDITOR.id,
    });

    // Expired: the threat counts as open again.
    await db().riskAcceptance.updateMany({
      where: { modelId: model.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await gate()).pass).toBe(false);
    expect((await gate("critical")).pass).toBe(true);
    const badQuery = await call(gateRoute, "GET", {
      token: world.users.VIEWER.token,
      params: { id: model.id },
      query: { maxResidual: "extreme" },
    });
    expect(expectError(badQuery, 422).message).toContain("maxResidual");
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountPasswordRoute from "@/app/api/v1/account/password/route";
import * as catalogMitigationsRoute from "@/app/api/v1/catalog/mitigations/route";
import * as catalogThreatsRoute from "@/app/api/v1/catalog/threats/route";
import * as acceptInvitationRoute from "@/app/api/v1/invitations/[token]/accept/route";
import * as commentRepliesRoute from "@/app/api/v1/models/[id]/comments/[commentId]/replies/route";
import * as commentRoute from "@/app/api/v1/models/[id]/comments/[commentId]/route";
import * as commentsRoute from "@/app/api/v1/models/[id]/comments/route";
import * as diffRoute from "@/app/api/v1/models/[id]/diff/route";
import * as gateRoute from "@/app/api/v1/models/[id]/gate/route";
import * as ledgerExportRoute from "@/app/api/v1/models/[id]/ledger/export/route";
import * as ledgerRoute from "@/app/api/v1/models/[id]/ledger/route";
import * as ledgerVerifyRoute from "@/app/api/v1/models/[id]/ledger/verify/route";
import * as modelReviewsRoute from "@/app/api/v1/models/[id]/reviews/route";
import * as riskAcceptancesRoute from "@/app/api/v1/models/[id]/risk-acceptances/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as restoreRoute from "@/app/api/v1/models/[id]/versions/[n]/restore/route";
import * as versionRoute from "@/app/api/v1/models/[id]/versions/[n]/route";
import * as versionsRoute from "@/app/api/v1/models/[id]/versions/route";
import * as workingCopyRoute from "@/app/api/v1/models/[id]/working-copy/route";
import * as decisionsRoute from "@/app/api/v1/reviews/[id]/decisions/route";
import * as reviewRoute from "@/app/api/v1/reviews/[id]/route";
import * as withdrawRoute from "@/app/api/v1/reviews/[id]/withdraw/route";
import * as reviewsRoute from "@/app/api/v1/reviews/route";
import * as suggestRoute from "@/app/api/v1/suggest/route";
import * as templatesRoute from "@/app/api/v1/templates/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as boardsRoute from "@/app/api/v1/workspaces/[ws]/boards/route";
import * as customEntryRoute from "@/app/api/v1/workspaces/[ws]/catalog/[entryId]/route";
import * as customMitigationsRoute from "@/app/api/v1/workspaces/[ws]/catalog/mitigations/route";
import * as customThreatsRoute from "@/app/api/v1/workspaces/[ws]/catalog/threats/route";
import * as invitationRoute from "@/app/api/v1/workspaces/[ws]/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/v1/workspaces/[ws]/invitations/route";
import * as memberRoute from "@/app/api/v1/workspaces/[ws]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/workspaces/[ws]/members/route";
import * as modelsRoute from "@/app/api/v1/workspaces/[ws]/models/route";
import * as workspaceRoute from "@/app/api/v1/workspaces/[ws]/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { can, PERMISSION_MATRIX, type Permission } from "@/lib/auth/permissions";
import { hashSecret } from "@/lib/auth/tokens";
import { db, type Role } from "@/lib/db/client";
import { emptyDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { createBoard } from "@/lib/server/boards";
import { createCustomMitigation } from "@/lib/server/catalog";
import { createThread } from "@/lib/server/comments";
import { addMember } from "@/lib/server/members";
import { requestReview } from "@/lib/server/reviews";
import { createApiToken, deleteApiToken } from "@/lib/server/tokens";
import { saveVersion } from "@/lib/server/versions";
import { putWorkingCopy } from "@/lib/server/working-copy";
import {
  type CallResult,
  call,
  createMember,
  createTestModel,
  createWorld,
  expectError,
  type Method,
  ROLES,
  type RouteModule,
  type TestUser,
  uniqueSuffix,
  unknownToken,
  type World,
} from "../fixtures";

/*
 * Every route x method under app/api/v1 against every kind of caller. The expected status of a
 * member comes from PERMISSION_MATRIX, so changing a permission changes what this file demands.
 */

const UNAUTHENTICATED = ["no credentials", "unknown token", "malformed token", "revoked token"] as const;
type Unauthenticated = (typeof UNAUTHENTICATED)[number];
type Caller = Unauthenticated | Role | "FOREIGN_OWNER";
const CALLERS: readonly Caller[] = [...UNAUTHENTICATED, ...ROLES, "FOREIGN_OWNER"];

type Access =
  /** Workspace- or model-scoped: members need the permission; outsiders get 404. */
  | { kind: "permission"; permission: Permission; success: number }
  /** Any authenticated user acting on their own things. */
  | { kind: "user"; success: number; foreign: number }
  /** Needs a browser session: a bearer token is refused with 403 whoever holds it. */
  | { kind: "session-only" };

type Prepared = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Reads the database after the call: the change happened exactly when the call was allowed. */
  verify?: (allowed: boolean) => Promise<void>;
};

type PrepareContext = { world: World; caller: Caller; subject: TestUser };

type Endpoint = {
  method: Method;
  path: string;
  route: RouteModule;
  access: Access;
  prepare?: (ctx: PrepareContext) => Promise<Prepared>;
  isList?: boolean;
};

const inOneDay = () => new Date(Date.now() + 24 * 60 * 60_000);

/**
 * A fresh model in the main workspace and a board for it. The subject takes a seat when they are a
 * member (someone outside the workspace cannot); the owner always sits, so the board is valid.
 */
async function boardAndModel(world: World, caller: Caller, subject: TestUser, withThreat = false) {
  const owner = world.users.OWNER;
  const model = await createTestModel(owner, world.workspace.id);
  if (withThreat) {
    await saveVersion(owner, model.id, {
      baseVersion: 1,
      message: "a threat",
      document: {
        ...emptyDocument("matrix"),
        threats: [{ id: "t-matrix", title: "Matrix threat", likelihood: 5, impact: 5 }],
      } as never,
    });
  }
  const seated = caller !== "FOREIGN_OWNER" && !isUnauthenticated(caller) && subject.id !== owner.id;
  const board = await createBoard(owner, world.workspace.id, {
    name: `Matrix board ${uniqueSuffix()}`,
    members: [
      { userId: owner.id, discipline: "SECURITY", role: "CHAIR" },
      ...(seated ? [{ userId: subject.id, discipline: "PRIVACY" as const, role: "MEMBER" as const }] : []),
    ],
    quorum: { approvals: 1, disciplines: [] },
  });
  return { model, board };
}

/** A fresh model of the main workspace whose head holds the element "e-matrix", and a thread on it. */
async function commentedModel(world: World) {
  const owner = world.users.OWNER;
  const model = await createTestModel(owner, world.workspace.id);
  await saveVersion(owner, model.id, {
    baseVersion: 1,
    message: "an element",
    document: ThreatModelDocumentSchema.parse({
      schemaVersion: 1,
      elements: [{ id: "e-matrix", kind: "process", label: "Matrix" }],
    }),
  });
  const thread = await createThread(owner, model.id, {
    anchor: { kind: "element", id: "e-matrix" },
    body: "matrix thread",
  });
  return { model, thread };
}

const ENDPOINTS: Endpoint[] = [
  {
    method: "GET",
    path: "/workspaces/:ws/boards",
    route: boardsRoute,
    access: { kind: "permission", permission: "workspace:read", success: 200 },
    prepare: async ({ world }) => ({ params: { ws: world.workspace.id } }),
    isList: true,
  },
  {
    method: "POST",
    path: "/workspaces/:ws/boards",
    route: boardsRoute,
    access: { kind: "permission", permission: "boards:manage", success: 201 },
    prepare: async ({ world }) => {
      const name = `Matrix new board ${uniqueSuffix()}`;
      return {
        params: { ws: world.workspace.id },
        body: {
          name,
          members: [{ userId: world.users.REVIEWER.id, discipline: "SECURITY" }],
          quorum: { approvals: 1 },
        },
        verify: async (allowed) => {
          expect(await db().reviewBoard.count({ where: { name } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/models/:id/reviews",
    route: modelReviewsRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
    isList: true,
  },
  {
    method: "POST",
    path: "/models/:id/reviews",
    route: modelReviewsRoute,
    access: { kind: "permission", permission: "model:update", success: 201 },
    prepare: async ({ world, caller, subject }) => {
      const { model, board } = await boardAndModel(world, caller, subject);
      return {
        params: { id: model.id },
        body: { version: 1, boardId: board.id },
        verify: async (allowed) => {
          expect(await db().reviewRequest.count({ where: { modelId: model.id } })).toBe(allowed ? 1 : 0);
          expect(await db().ledgerEntry.count({ where: { modelId: model.id } })).toBe(allowed ? 2 : 0);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/reviews",
    route: reviewsRoute,
    access: { kind: "user", success: 200, foreign: 200 },
    isList: true,
  },
  {
    method: "GET",
    path: "/reviews/:id",
    route: reviewRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world, caller, subject }) => {
      const { model, board } = await boardAndModel(world, caller, subject);
      const review = await requestReview(world.users.OWNER, model.id, { version: 1, boardId: board.id });
      return { params: { id: review.id } };
    },
  },
  {
    method: "POST",
    path: "/reviews/:id/decisions",
    route: decisionsRoute,
    // Deciding needs a seat on the board, whatever the role: every member here is seated.
    access: { kind: "permission", permission: "model:read", success: 201 },
    prepare: async ({ world, caller, subject }) => {
      const { model, board } = await boardAndModel(world, caller, subject);
      const review = await requestReview(world.users.OWNER, model.id, { version: 1, boardId: board.id });
      return {
        params: { id: review.id },
        body: { decision: "comment", comment: "matrix" },
        verify: async (allowed) => {
          expect(await db().reviewDecision.count({ where: { reviewId: review.id } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "POST",
    path: "/reviews/:id/withdraw",
    route: withdrawRoute,
    // Only the requester withdraws: here the subject asked for the review.
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world, caller, subject }) => {
      const { model, board } = await boardAndModel(world, caller, subject);
      const version = await db().modelVersion.findUniqueOrThrow({
        where: { modelId_number: { modelId: model.id, number: 1 } },
      });
      const review = await db().reviewRequest.create({
        data: {
          modelId: model.id,
          version: 1,
          contentHash: version.contentHash,
          boardId: board.id,
          requestedById: subject.id,
        },
      });
      return {
        params: { id: review.id },
        verify: async (allowed) => {
          const row = await db().reviewRequest.findUniqueOrThrow({ where: { id: review.id } });
          expect(row.status).toBe(allowed ? "withdrawn" : "open");
        },
      };
    },
  },
  {
    method: "GET",
    path: "/models/:id/ledger",
    route: ledgerRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
    isList: true,
  },
  {
    method: "GET",
    path: "/models/:id/ledger/verify",
    route: ledgerVerifyRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
  },
  {
    method: "GET",
    path: "/models/:id/ledger/export",
    route: ledgerExportRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
  },
  {
    method: "GET",
    path: "/models/:id/gate",
    route: gateRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
  },
  {
    method: "GET",
    path: "/models/:id/risk-acceptances",
    route: riskAcceptancesRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
    isList: true,
  },
  {
    method: "POST",
    path: "/models/:id/risk-acceptances",
    route: riskAcceptancesRoute,
    // Approvers are owners and board members (every member here is seated), never the requester.
    access: { kind: "permission", permission: "model:read", success: 201 },
    prepare: async ({ world, caller, subject }) => {
      const { model } = await boardAndModel(world, caller, subject, true);
      const requester = subject.id === world.users.EDITOR.id ? world.users.OWNER : world.users.EDITOR;
      return {
        params: { id: model.id },
        body: {
          threatId: "t-matrix",
          requestedBy: requester.id,
          expiresAt: inOneDay().toISOString(),
          reason: "matrix",
        },
        verify: async (allowed) => {
          expect(await db().riskAcceptance.count({ where: { modelId: model.id } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/models/:id/comments",
    route: commentsRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: (await commentedModel(world)).model.id } }),
    isList: true,
  },
  {
    method: "POST",
    path: "/models/:id/comments",
    route: commentsRoute,
    access: { kind: "permission", permission: "comments:write", success: 201 },
    prepare: async ({ world }) => {
      const { model } = await commentedModel(world);
      return {
        params: { id: model.id },
        body: { anchor: { kind: "element", id: "e-matrix" }, body: "matrix" },
        verify: async (allowed) => {
          expect(await db().comment.count({ where: { modelId: model.id } })).toBe(allowed ? 2 : 1);
        },
      };
    },
  },
  {
    method: "POST",
    path: "/models/:id/comments/:commentId/replies",
    route: commentRepliesRoute,
    access: { kind: "permission", permission: "comments:write", success: 201 },
    prepare: async ({ world }) => {
      const { model, thread } = await commentedModel(world);
      return {
        params: { id: model.id, commentId: thread.id },
        body: { body: "matrix reply" },
        verify: async (allowed) => {
          expect(await db().comment.count({ where: { parentId: thread.id } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "PATCH",
    path: "/models/:id/comments/:commentId",
    route: commentRoute,
    access: { kind: "permission", permission: "comments:write", success: 200 },
    prepare: async ({ world }) => {
      const { model, thread } = await commentedModel(world);
      return {
        params: { id: model.id, commentId: thread.id },
        body: { resolved: true },
        verify: async (allowed) => {
          const row = await db().comment.findUniqueOrThrow({ where: { id: thread.id } });
          expect(row.resolvedAt !== null).toBe(allowed);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/catalog/threats",
    route: catalogThreatsRoute,
    access: { kind: "user", success: 200, foreign: 200 },
    isList: true,
  },
  {
    method: "GET",
    path: "/catalog/mitigations",
    route: catalogMitigationsRoute,
    access: { kind: "user", success: 200, foreign: 200 },
    isList: true,
  },
  {
    method: "GET",
    path: "/templates",
    route: templatesRoute,
    access: { kind: "user", success: 200, foreign: 200 },
    isList: true,
  },
  {
    method: "POST",
    path: "/suggest",
    route: suggestRoute,
    access: { kind: "user", success: 200, foreign: 200 },
    prepare: async () => ({ body: { document: { schemaVersion: 1, title: "matrix" } } }),
  },
  {
    method: "GET",
    path: "/tokens",
    route: tokensRoute,
    access: { kind: "user", success: 200, foreign: 200 },
    isList: true,
  },
  {
    method: "POST",
    path: "/tokens",
    route: tokensRoute,
    access: { kind: "session-only" },
    prepare: async ({ subject }) => {
      const name = `matrix ${uniqueSuffix()}`;
      return {
        body: { name },
        verify: async (allowed) => {
          expect(await db().apiToken.count({ where: { userId: subject.id, name } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "DELETE",
    path: "/tokens/:id",
    route: tokenRoute,
    // A user revokes their own tokens; anyone else's token id is "not found".
    access: { kind: "user", success: 204, foreign: 404 },
    prepare: async ({ world, caller, subject }) => {
      const owner = caller === "FOREIGN_OWNER" ? world.users.OWNER : subject;
      const extra = await createApiToken(owner, { name: `extra ${uniqueSuffix()}` });
      return {
        params: { id: extra.id },
        verify: async (allowed) => {
          expect(await db().apiToken.count({ where: { id: extra.id } })).toBe(allowed ? 0 : 1);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/workspaces",
    route: workspacesRoute,
    access: { kind: "user", success: 200, foreign: 200 },
    isList: true,
  },
  {
    method: "POST",
    path: "/workspaces",
    route: workspacesRoute,
    access: { kind: "user", success: 201, foreign: 201 },
    prepare: async ({ subject }) => {
      const name = `Matrix created ${uniqueSuffix()}`;
      return {
        body: { name },
        verify: async (allowed) => {
          const owned = await db().workspace.count({
            where: { name, memberships: { some: { userId: subject.id, role: "OWNER" } } },
          });
          expect(owned).toBe(allowed ? 1 : 0);
          expect(await db().workspace.count({ where: { name } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/workspaces/:ws",
    route: workspaceRoute,
    access: { kind: "permission", permission: "workspace:read", success: 200 },
    prepare: async ({ world }) => ({ params: { ws: world.workspace.id } }),
  },
  {
    method: "PATCH",
    path: "/workspaces/:ws",
    route: workspaceRoute,
    access: { kind: "permission", permission: "workspace:update", success: 200 },
    prepare: async ({ world }) => {
      const name = `Renamed ${uniqueSuffix()}`;
      return {
        params: { ws: world.workspace.id },
        body: { name },
        verify: async (allowed) => {
          const row = await db().workspace.findUniqueOrThrow({ where: { id: world.workspace.id } });
          expect(row.name).toBe(allowed ? name : world.workspace.name);
          // Put the name back: later cases check that 404 bodies never contain it.
          await db().workspace.update({
            where: { id: world.workspace.id },
            data: { name: world.workspace.name },
          });
        },
      };
    },
  },
  {
    method: "GET",
    path: "/workspaces/:ws/members",
    route: membersRoute,
    access: { kind: "permission", permission: "members:read", success: 200 },
    prepare: async ({ world }) => ({ params: { ws: world.workspace.id } }),
    isList: true,
  },
  {
    method: "POST",
    path: "/workspaces/:ws/members",
    route: membersRoute,
    access: { kind: "permission", permission: "members:manage", success: 201 },
    prepare: async ({ world }) => {
      const email = `matrix-invitee-${uniqueSuffix()}@example.test`;
      return {
        params: { ws: world.workspace.id },
        body: { email, role: "VIEWER" },
        verify: async (allowed) => {
          const invitations = await db().invitation.count({
            where: { workspaceId: world.workspace.id, email },
          });
          expect(invitations).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "PATCH",
    path: "/workspaces/:ws/members/:userId",
    route: memberRoute,
    access: { kind: "permission", permission: "members:manage", success: 200 },
    prepare: async ({ world }) => {
      const target = await createMember(world.workspace.id, "VIEWER", "matrix-target");
      return {
        params: { ws: world.workspace.id, userId: target.id },
        body: { role: "EDITOR" },
        verify: async (allowed) => {
          const membership = await db().membership.findUniqueOrThrow({
            where: { workspaceId_userId: { workspaceId: world.workspace.id, userId: target.id } },
          });
          expect(membership.role).toBe(allowed ? "EDITOR" : "VIEWER");
        },
      };
    },
  },
  {
    method: "DELETE",
    path: "/workspaces/:ws/members/:userId",
    route: memberRoute,
    access: { kind: "permission", permission: "members:manage", success: 204 },
    prepare: async ({ world }) => {
      const target = await createMember(world.workspace.id, "VIEWER", "matrix-target");
      return {
        params: { ws: world.workspace.id, userId: target.id },
        verify: async (allowed) => {
          const count = await db().membership.count({
            where: { workspaceId: world.workspace.id, userId: target.id },
          });
          expect(count).toBe(allowed ? 0 : 1);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/workspaces/:ws/invitations",
    route: invitationsRoute,
    access: { kind: "permission", permission: "members:manage", success: 200 },
    prepare: async ({ world }) => ({ params: { ws: world.workspace.id } }),
    isList: true,
  },
  {
    method: "DELETE",
    path: "/workspaces/:ws/invitations/:invitationId",
    route: invitationRoute,
    access: { kind: "permission", permission: "members:manage", success: 204 },
    prepare: async ({ world }) => {
      const result = await addMember(world.users.OWNER, world.workspace.id, {
        email: `matrix-revoke-${uniqueSuffix()}@example.test`,
        role: "VIEWER",
      });
      if (result.status !== "invited") throw new Error("expected an invitation");
      const invitationId = result.invitation.id;
      return {
        params: { ws: world.workspace.id, invitationId },
        verify: async (allowed) => {
          expect(await db().invitation.count({ where: { id: invitationId } })).toBe(allowed ? 0 : 1);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/workspaces/:ws/models",
    route: modelsRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { ws: world.workspace.id } }),
    isList: true,
  },
  {
    method: "POST",
    path: "/workspaces/:ws/models",
    route: modelsRoute,
    access: { kind: "permission", permission: "model:create", success: 201 },
    prepare: async ({ world }) => {
      const name = `Matrix model ${uniqueSuffix()}`;
      return {
        params: { ws: world.workspace.id },
        body: { name },
        verify: async (allowed) => {
          expect(await db().threatModel.count({ where: { workspaceId: world.workspace.id, name } })).toBe(
            allowed ? 1 : 0,
          );
          expect(await db().threatModel.count({ where: { name } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "POST",
    path: "/workspaces/:ws/catalog/threats",
    route: customThreatsRoute,
    access: { kind: "permission", permission: "model:create", success: 201 },
    prepare: async ({ world }) => {
      const title = `Matrix threat ${uniqueSuffix()}`;
      return {
        params: { ws: world.workspace.id },
        body: { title, mitigationIds: ["AML.M0004"] },
        verify: async (allowed) => {
          expect(await db().catalogEntry.count({ where: { title } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "POST",
    path: "/workspaces/:ws/catalog/mitigations",
    route: customMitigationsRoute,
    access: { kind: "permission", permission: "model:create", success: 201 },
    prepare: async ({ world }) => {
      const title = `Matrix control ${uniqueSuffix()}`;
      return {
        params: { ws: world.workspace.id },
        body: { title, nistFunction: "manage" },
        verify: async (allowed) => {
          expect(await db().catalogEntry.count({ where: { title } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "DELETE",
    path: "/workspaces/:ws/catalog/:entryId",
    route: customEntryRoute,
    access: { kind: "permission", permission: "model:create", success: 204 },
    prepare: async ({ world }) => {
      const entry = await createCustomMitigation(world.users.OWNER, world.workspace.id, {
        title: `Doomed control ${uniqueSuffix()}`,
        description: "",
        refs: [],
        nistFunction: "govern",
      });
      return {
        params: { ws: world.workspace.id, entryId: entry.id },
        verify: async (allowed) => {
          expect(await db().catalogEntry.count({ where: { id: entry.id } })).toBe(allowed ? 0 : 1);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/models/:id",
    route: modelRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
  },
  {
    method: "PATCH",
    path: "/models/:id",
    route: modelRoute,
    access: { kind: "permission", permission: "model:update", success: 200 },
    prepare: async ({ world }) => {
      const model = await createTestModel(world.users.OWNER, world.workspace.id);
      const name = `Patched ${uniqueSuffix()}`;
      return {
        params: { id: model.id },
        body: { name },
        verify: async (allowed) => {
          const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
          expect(row.name).toBe(allowed ? name : model.name);
        },
      };
    },
  },
  {
    method: "DELETE",
    path: "/models/:id",
    route: modelRoute,
    access: { kind: "permission", permission: "model:delete", success: 204 },
    prepare: async ({ world }) => {
      const model = await createTestModel(world.users.OWNER, world.workspace.id);
      return {
        params: { id: model.id },
        verify: async (allowed) => {
          const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
          expect(row.archivedAt !== null).toBe(allowed);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/models/:id/versions",
    route: versionsRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id } }),
    isList: true,
  },
  {
    method: "POST",
    path: "/models/:id/versions",
    route: versionsRoute,
    access: { kind: "permission", permission: "model:update", success: 201 },
    prepare: async ({ world }) => {
      const model = await createTestModel(world.users.OWNER, world.workspace.id);
      return {
        params: { id: model.id },
        body: {
          baseVersion: 1,
          document: {
            schemaVersion: 1,
            title: "v2",
            elements: [{ id: "e1", kind: "process", label: "Service" }],
          },
          message: "matrix",
        },
        verify: async (allowed) => {
          expect(await db().modelVersion.count({ where: { modelId: model.id } })).toBe(allowed ? 2 : 1);
          const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
          expect(row.headVersion).toBe(allowed ? 2 : 1);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/models/:id/versions/:n",
    route: versionRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id, n: "1" } }),
  },
  {
    method: "POST",
    path: "/models/:id/versions/:n/restore",
    route: restoreRoute,
    access: { kind: "permission", permission: "model:update", success: 201 },
    prepare: async ({ world }) => {
      const model = await createTestModel(world.users.OWNER, world.workspace.id);
      await saveVersion(world.users.OWNER, model.id, {
        baseVersion: 1,
        document: emptyDocument("v2"),
        message: "",
      });
      return {
        params: { id: model.id, n: "1" },
        body: { message: "matrix" },
        verify: async (allowed) => {
          const row = await db().threatModel.findUniqueOrThrow({ where: { id: model.id } });
          expect(row.headVersion).toBe(allowed ? 3 : 2);
        },
      };
    },
  },
  {
    method: "GET",
    path: "/models/:id/diff",
    route: diffRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => ({ params: { id: world.model.id }, query: { from: "1", to: "1" } }),
  },
  {
    method: "GET",
    path: "/models/:id/working-copy",
    route: workingCopyRoute,
    access: { kind: "permission", permission: "model:read", success: 200 },
    prepare: async ({ world }) => {
      const model = await createTestModel(world.users.OWNER, world.workspace.id);
      await putWorkingCopy(world.users.OWNER, model.id, { baseVersion: 1, document: emptyDocument("draft") });
      return { params: { id: model.id } };
    },
  },
  {
    method: "PUT",
    path: "/models/:id/working-copy",
    route: workingCopyRoute,
    access: { kind: "permission", permission: "model:update", success: 200 },
    prepare: async ({ world }) => {
      const model = await createTestModel(world.users.OWNER, world.workspace.id);
      return {
        params: { id: model.id },
        body: { baseVersion: 1, document: { schemaVersion: 1, title: "draft" } },
        verify: async (allowed) => {
          expect(await db().workingCopy.count({ where: { modelId: model.id } })).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "DELETE",
    path: "/models/:id/working-copy",
    route: workingCopyRoute,
    access: { kind: "permission", permission: "model:update", success: 204 },
    prepare: async ({ world }) => {
      const model = await createTestModel(world.users.OWNER, world.workspace.id);
      await putWorkingCopy(world.users.OWNER, model.id, { baseVersion: 1, document: emptyDocument("draft") });
      return {
        params: { id: model.id },
        verify: async (allowed) => {
          expect(await db().workingCopy.count({ where: { modelId: model.id } })).toBe(allowed ? 0 : 1);
        },
      };
    },
  },
  {
    method: "POST",
    path: "/invitations/:token/accept",
    route: acceptInvitationRoute,
    access: { kind: "session-only" },
    prepare: async ({ world, caller, subject }) => {
      // A real, valid invitation for the subject's own email into a workspace they are not in.
      const isForeign = caller === "FOREIGN_OWNER";
      const workspaceId = isForeign ? world.workspace.id : world.foreign.workspace.id;
      const inviter = isForeign ? world.users.OWNER : world.foreign.owner;
      const token = `invite-${uniqueSuffix()}-${uniqueSuffix()}`;
      const invitation = await db().invitation.create({
        data: {
          workspaceId,
          email: subject.email,
          role: "VIEWER",
          tokenHash: hashSecret(token),
          invitedById: inviter.id,
          expiresAt: inOneDay(),
        },
      });
      return {
        params: { token },
        verify: async (allowed) => {
          const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
          expect(row.acceptedAt !== null).toBe(allowed);
          const joined = await db().membership.count({ where: { workspaceId, userId: subject.id } });
          expect(joined).toBe(allowed ? 1 : 0);
        },
      };
    },
  },
  {
    method: "POST",
    path: "/account/password",
    route: accountPasswordRoute,
    access: { kind: "session-only" },
    prepare: async ({ subject }) => ({
      body: { currentPassword: "whatever it is", newPassword: "a brand new long password" },
      verify: async (allowed) => {
        const user = await db().user.findUniqueOrThrow({ where: { id: subject.id } });
        expect(user.passwordHash !== null).toBe(allowed);
      },
    }),
  },
];

/** Routes under app/api/v1 deliberately outside the matrix, with the reason. */
const PUBLIC_ROUTES: Record<string, string> = {
  "POST /account": "sign-up: no caller yet (covered below)",
};

function isUnauthenticated(caller: Caller): caller is Unauthenticated {
  return (UNAUTHENTICATED as readonly string[]).includes(caller);
}

function expectedStatus(endpoint: Endpoint, caller: Caller): number {
  if (isUnauthenticated(caller)) return 401;
  const { access } = endpoint;
  if (access.kind === "session-only") return 403;
  if (access.kind === "user") return caller === "FOREIGN_OWNER" ? access.foreign : access.success;
  if (caller === "FOREIGN_OWNER") return 404;
  return can(caller, access.permission) ? access.success : 403;
}

const ERROR_CODES: Record<number, string> = { 401: "unauthorized", 403: "forbidden", 404: "not_found" };

const cases = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller) => {
    const status = expectedStatus(endpoint, caller);
    const title = `${endpoint.method} ${endpoint.path} as ${caller} -> ${status}`;
    return [title, { endpoint, caller, status }] as const;
  }),
);

let world: World;
let revokedToken: string;

beforeAll(async () => {
  world = await createWorld("matrix");
  const doomed = await createApiToken(world.users.VIEWER, { name: "to be revoked" });
  await deleteApiToken(world.users.VIEWER, doomed.id);
  revokedToken = doomed.token;
});

function tokenFor(caller: Caller): string | undefined {
  switch (caller) {
    case "no credentials":
      return undefined;
    case "unknown token":
      return unknownToken();
    case "malformed token":
      return "not-a-trustboard-token";
    case "revoked token":
      return revokedToken;
    case "FOREIGN_OWNER":
      return world.foreign.owner.token;
    default:
      return world.users[caller].token;
  }
}

function subjectFor(caller: Caller): TestUser {
  if (caller === "FOREIGN_OWNER") return world.foreign.owner;
  if (isUnauthenticated(caller)) return world.users.OWNER;
  return world.users[caller];
}

/** What a caller outside the main workspace must never read in any answer. */
function mainWorkspaceSecrets(): string[] {
  const members = Object.values(world.users);
  return [
    world.workspace.id,
    world.workspace.name,
    world.model.id,
    world.model.name,
    ...members.map((user) => user.email),
    ...members.map((user) => user.id),
  ];
}

function expectNoLeak(result: CallResult) {
  for (const secret of mainWorkspaceSecrets()) expect(result.text).not.toContain(secret);
}

describe("authorization matrix", () => {
  it.each(cases)("%s", async (_title, { endpoint, caller, status }) => {
    const prepared = (await endpoint.prepare?.({ world, caller, subject: subjectFor(caller) })) ?? {};
    const result = await call(endpoint.route, endpoint.method, {
      token: tokenFor(caller),
      params: prepared.params,
      body: prepared.body,
      query: prepared.query,
      path: `/api/v1${endpoint.path}`,
    });
    const errorCode = ERROR_CODES[status];
    if (errorCode) {
      expectError(result, status, errorCode);
    } else {
      expect(result.status, result.text).toBe(status);
      if (status === 204) expect(result.text).toBe("");
      if (endpoint.isList) expect(Array.isArray(result.json), result.text).toBe(true);
    }
    if (caller === "FOREIGN_OWNER") expectNoLeak(result);
    await prepared.verify?.(status >= 200 && status < 300);
  });

  it("a member's request with an Authorization header that is not a bearer token -> 401", async () => {
    const result = await call(modelRoute, "GET", {
      params: { id: world.model.id },
      headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
    });
    expectError(result, 401, "unauthorized");
  });

  it("the matrix exercises every permission for every role", () => {
    const permissions = new Set(
      ENDPOINTS.flatMap((endpoint) =>
        endpoint.access.kind === "permission" ? [endpoint.access.permission] : [],
      ),
    );
    // workspace:* and members:* and model:* appear above; a permission no route uses is a smell.
    expect([...permissions].sort()).toEqual(Object.keys(PERMISSION_MATRIX).sort());
  });

  it("every route x method under app/api/v1 is in the matrix", () => {
    const root = path.resolve(process.cwd(), "app/api/v1");
    const found = listRouteFiles(root).flatMap((file) => {
      const route = `/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`
        .replace(/\[([^\]]+)\]/g, ":$1")
        .replace(/\/$/, "");
      return exportedMethods(readFileSync(file, "utf8")).map((method) => `${method} ${route}`);
    });
    const covered = new Set([
      ...ENDPOINTS.map((endpoint) => `${endpoint.method} ${normalizeParams(endpoint.path)}`),
      ...Object.keys(PUBLIC_ROUTES),
    ]);
    const missing = found.filter((entry) => !covered.has(normalizeParams(entry)));
    expect(missing, "routes without authorization cases").toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(ENDPOINTS.length);
  });
});

function listRouteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(
    /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
  )) {
    if (match[1]) methods.add(match[1]);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1]?.matchAll(/\b(?:as\s+)?(GET|POST|PUT|PATCH|DELETE)\b/g) ?? []) {
      if (name[1]) methods.add(name[1]);
    }
  }
  return [...methods];
}

/** Parameter names differ between folders and the table's wording only by name: compare shapes. */
function normalizeParams(entry: string): string {
  return entry.replace(/:[A-Za-z]+/g, ":param");
}

describe("public routes under /api/v1", () => {
  it("POST /account (sign-up) is refused without a same-origin Origin header, writing nothing", async () => {
    const accountRoute = await import("@/app/api/v1/account/route");
    const email = `signup-${uniqueSuffix()}@example.test`;
    const result = await call(accountRoute, "POST", {
      path: "/api/v1/account",
      body: { name: "Someone", email, password: "a long enough password" },
      headers: { origin: "https://evil.example" },
    });
    expectError(result, 403, "forbidden");
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});

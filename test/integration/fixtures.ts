import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { db, type Role } from "@/lib/db/client";
import type { Actor } from "@/lib/server/actor";
import { createModel } from "@/lib/server/models";
import { createApiToken } from "@/lib/server/tokens";
import { createWorkspace } from "@/lib/server/workspaces";

// Without NEXTAUTH_SECRET the route wrapper generates one into .data/ on first use; tests need no
// stable secret (they never sign in), so they leave the developer's data folder alone.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

export { ROLES };

/* ----------------------------------------------------------------------------------------------
 * Seeding: every test file builds its own world with unique emails, so files run in parallel
 * against one database without seeing each other's rows.
 * -------------------------------------------------------------------------------------------- */

export type TestUser = Actor & { token: string; tokenId: string };

export type World = {
  suffix: string;
  workspace: { id: string; name: string };
  users: Record<Role, TestUser>;
  model: { id: string; name: string };
  foreign: { workspace: { id: string; name: string }; owner: TestUser; model: { id: string; name: string } };
};

export function uniqueSuffix(): string {
  return randomBytes(6).toString("hex");
}

/** A user with a live API token (no password: bearer tokens are how these tests call the API). */
export async function createUser(label: string): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const actor = await db().user.create({
    data: { email: `${label.toLowerCase()}-${suffix}@example.test`, name: `${label} ${suffix}` },
    select: { id: true, email: true, name: true },
  });
  const created = await createApiToken(actor, { name: `${label} token` });
  return { ...actor, token: created.token, tokenId: created.id };
}

/** A fresh user who is a member of the workspace with the given role. */
export async function createMember(workspaceId: string, role: Role, label: string = role): Promise<TestUser> {
  const user = await createUser(label);
  await db().membership.create({ data: { workspaceId, userId: user.id, role } });
  return user;
}

/** A model created through the real use-case (version 1 holds an empty document). */
export async function createTestModel(actor: Actor, workspaceId: string, name = `Model ${uniqueSuffix()}`) {
  const model = await createModel(actor, workspaceId, { name });
  return { id: model.id, name };
}

export async function createTestWorkspace(owner: Actor, name = `Workspace ${uniqueSuffix()}`) {
  const workspace = await createWorkspace(owner, { name });
  return { id: workspace.id, name: workspace.name };
}

/**
 * A workspace with one member per role (each with a token) and a model, plus a foreign workspace
 * with its own owner and model that nobody in the main workspace belongs to.
 */
export async function createWorld(label = "world"): Promise<World> {
  const suffix = uniqueSuffix();
  const owner = await createUser(`${label}-owner`);
  const workspace = await createTestWorkspace(owner, `Main ${label} ${suffix}`);
  const users: Record<Role, TestUser> = {
    OWNER: owner,
    EDITOR: await createMember(workspace.id, "EDITOR", `${label}-editor`),
    REVIEWER: await createMember(workspace.id, "REVIEWER", `${label}-reviewer`),
    VIEWER: await createMember(workspace.id, "VIEWER", `${label}-viewer`),
  };
  const model = await createTestModel(owner, workspace.id, `Main model ${label} ${suffix}`);
  const foreignOwner = await createUser(`${label}-foreign-owner`);
  const foreignWorkspace = await createTestWorkspace(foreignOwner, `Foreign ${label} ${suffix}`);
  const foreignModel = await createTestModel(
    foreignOwner,
    foreignWorkspace.id,
    `Foreign model ${label} ${suffix}`,
  );
  return {
    suffix,
    workspace,
    users,
    model,
    foreign: { workspace: foreignWorkspace, owner: foreignOwner, model: foreignModel },
  };
}

/** A well-formed token (right prefix and length) that was never issued. */
export function unknownToken(): string {
  return `tb_${randomBytes(32).toString("base64url")}`;
}

/* ----------------------------------------------------------------------------------------------
 * Calling route handlers.
 * -------------------------------------------------------------------------------------------- */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type RouteContext = { params: Promise<Record<string, string>> };

// Method signatures (not function-typed properties) so route modules with narrower params types
// (`{ id: string }`) are accepted.
export interface RouteModule {
  GET?(request: Request, context: RouteContext): Promise<Response>;
  POST?(request: Request, context: RouteContext): Promise<Response>;
  PUT?(request: Request, context: RouteContext): Promise<Response>;
  PATCH?(request: Request, context: RouteContext): Promise<Response>;
  DELETE?(request: Request, context: RouteContext): Promise<Response>;
}

export type CallOptions = {
  token?: string;
  params?: Record<string, string>;
  /** Serialized as JSON with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is (no content type added): malformed JSON, oversized or streamed bodies. */
  rawBody?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** The request path; only the origin matters to most handlers. */
  path?: string;
};

export type CallResult = { status: number; json: unknown; text: string; headers: Headers };

// Node's fetch needs `duplex: "half"` to send a ReadableStream; the DOM RequestInit type lacks it.
type StreamingRequestInit = RequestInit & { duplex?: "half" };

export function buildRequest(method: Method, options: CallOptions = {}): Request {
  const url = new URL(options.path ?? "/api/v1", "http://localhost");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  const init: StreamingRequestInit = { method, headers };
  if (options.body !== undefined) {
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    init.body = JSON.stringify(options.body);
  } else if (options.rawBody !== undefined) {
    init.body = options.rawBody;
    if (options.rawBody instanceof ReadableStream) init.duplex = "half";
  }
  return new Request(url, init);
}

/** Calls one exported handler of a route module the way Next does, and reads the response. */
export async function call(
  route: RouteModule,
  method: Method,
  options: CallOptions = {},
): Promise<CallResult> {
  const handler = route[method];
  if (!handler) throw new Error(`The route module exports no ${method} handler`);
  const request = buildRequest(method, options);
  const context: RouteContext = { params: Promise.resolve(options.params ?? {}) };
  const response = await runInRequestScope(request, () => handler.call(route, request, context));
  const text = await response.text();
  let json: unknown = null;
  if (text !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return { status: response.status, json, text, headers: response.headers };
}

/* next-auth's getServerSession reads `headers()`/`cookies()` from Next's request-scoped storage. In
 * `next start` every route handler runs inside that scope; here we open the same scope around the
 * call (Next's own store factories, the request's real headers) so a request without credentials
 * reaches the app's 401 path instead of failing outside any request. Nothing is stubbed. */

type NextScope = {
  run<T>(request: Request, fn: () => Promise<T>): Promise<T>;
};

let nextScope: Promise<NextScope> | undefined;

async function loadNextScope(): Promise<NextScope> {
  // Next creates its AsyncLocalStorage instances from this global (its server sets it at boot).
  const globals = globalThis as { AsyncLocalStorage?: unknown };
  globals.AsyncLocalStorage ??= AsyncLocalStorage;
  const [{ workUnitAsyncStorage }, { workAsyncStorage }, { createRequestStore }, { createWorkStore }] =
    await Promise.all([
      import("next/dist/server/app-render/work-unit-async-storage.external"),
      import("next/dist/server/app-render/work-async-storage.external"),
      import("next/dist/server/async-storage/request-store"),
      import("next/dist/server/async-storage/work-store"),
    ]);
  type WorkStoreContext = Parameters<typeof createWorkStore>[0];
  return {
    run(request, fn) {
      const url = new URL(request.url);
      const requestStore = createRequestStore({
        phase: "action",
        headers: request.headers,
        onUpdateCookies: undefined,
        url: { pathname: url.pathname, search: url.search },
        rootParams: {},
        implicitTags: { tags: [], expirationsByCacheKind: new Map() },
        resumeDataCache: null,
        previewProps: undefined,
        isHmrRefresh: false,
        serverComponentsHmrCache: undefined,
        hmrRefreshHash: undefined,
        stagedFallbackParams: null,
      });
      // Only the fields a route handler's `headers()`/`cookies()` read; the rest is build and
      // rendering configuration that a route handler never touches.
      const workStoreContext = {
        page: `${url.pathname}/route`,
        renderOpts: { experimental: {} },
        buildId: "integration-test",
        deploymentId: "integration-test",
        previouslyRevalidatedTags: [],
      } as unknown as WorkStoreContext;
      const workStore = createWorkStore(workStoreContext);
      return workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, fn));
    },
  };
}

async function runInRequestScope<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  nextScope ??= loadNextScope();
  return (await nextScope).run(request, fn);
}

/* ----------------------------------------------------------------------------------------------
 * Assertions on responses.
 * -------------------------------------------------------------------------------------------- */

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string().min(1), message: z.string().min(1) }),
});

/** Asserts the status and the API error shape; returns the error for further checks. */
export function expectError(result: CallResult, status: number, code?: string) {
  expect(result.status, result.text).toBe(status);
  const parsed = ErrorBodySchema.safeParse(result.json);
  expect(parsed.success, `error shape of ${result.text}`).toBe(true);
  if (!parsed.success) throw parsed.error;
  if (code) expect(parsed.data.error.code).toBe(code);
  return parsed.data.error;
}

/** Parses a successful response body through a schema after checking the status. */
export function expectBody<S extends z.ZodType>(result: CallResult, status: number, schema: S): z.output<S> {
  expect(result.status, result.text).toBe(status);
  return schema.parse(result.json);
}

import { getServerSession } from "next-auth";
import type { z } from "zod";
import { actorFromSession, getAuthOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/server/actor";
import { getActorFromApiToken } from "@/lib/server/tokens";
import {
  findMembershipForModel,
  findMembershipForReview,
  findMembershipForWorkspace,
} from "@/lib/server/workspaces";
import { parseJsonBody, readBodyText } from "./body";
import { AppError, forbidden, notFound } from "./errors";
import { toErrorResponse } from "./respond";

type Params = Record<string, string>;

type Scope<P> =
  | { workspace: (params: P) => string; permission: Permission }
  | { model: (params: P) => string; permission: Permission }
  | { review: (params: P) => string; permission: Permission };

type RouteConfig<P, B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  /** "user" (default): a session or a bearer token; "session": a browser session only. */
  auth?: "user" | "session";
  scope?: Scope<P>;
  body?: B;
  query?: Q;
};

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export type Membership = { workspaceId: string; role: Role };

export type RouteContext<P, B, Q> = {
  request: Request;
  params: P;
  actor: Actor;
  via: "session" | "token";
  membership: Membership | null;
  body: B;
  query: Q;
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every API route goes through here: it resolves the caller (session cookie or bearer token),
 * checks the origin of cookie-authenticated mutations, loads the caller's membership for the
 * workspace the resource lives in (404 outside it, 403 without the permission), and hands the
 * handler zod-parsed input. Errors become the JSON error shape of API.md.
 */
export function apiRoute<
  P extends Params = Params,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(config: RouteConfig<P, B, Q>, handler: (ctx: RouteContext<P, Infer<B>, Infer<Q>>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const timing = new PhaseTimer();
    return withServerTiming(await handle(request, context, timing), timing);
  };

  async function handle(
    request: Request,
    context: { params: Promise<P> },
    timing: PhaseTimer,
  ): Promise<Response> {
    try {
      // The body arrives while the caller is authenticated (both wait on I/O), but it is parsed
      // only for a known caller, and an authentication error wins over a body error.
      const receiving = config.body ? readBodyText(request, env().MAX_BODY_BYTES) : Promise.resolve("");
      receiving.catch(() => {});
      const params = await context.params;
      const { actor, via } = await resolveCaller(request, config.auth ?? "user");
      const membership = config.scope ? await loadMembership(actor, params, config.scope) : null;
      timing.mark("auth");
      const text = await receiving;
      timing.mark("receive");
      const raw = parseJsonBody(text);
      timing.mark("parse");
      const body = config.body ? config.body.parse(raw) : undefined;
      const query = config.query
        ? config.query.parse(Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      timing.mark("validate");
      const response = await handler({
        request,
        params,
        actor,
        via,
        membership,
        body: body as Infer<B>,
        query: query as Infer<Q>,
      });
      timing.mark("handler");
      return response;
    } catch (error) {
      return toErrorResponse(error);
    }
  }
}

/** Times the phases of one request, each from the end of the one before. */
class PhaseTimer {
  private readonly started = performance.now();
  private last = this.started;
  private readonly phases: string[] = [];

  mark(phase: string): void {
    const now = performance.now();
    this.phases.push(`${phase};dur=${(now - this.last).toFixed(1)}`);
    this.last = now;
  }

  header(): string {
    return [`app;dur=${(performance.now() - this.started).toFixed(1)}`, ...this.phases].join(", ");
  }
}

/**
 * Adds `Server-Timing: app;dur=<ms>` (the time from the request reaching the route to the response
 * being ready) and, when the request got that far, its phases: `auth` (caller and membership),
 * `receive` (the rest of the body's bytes), `parse` (JSON), `validate` (zod) and `handler` (the
 * route's own work, queries included). `npm run bench` reads them.
 */
function withServerTiming(response: Response, timing: PhaseTimer): Response {
  try {
    response.headers.set("server-timing", timing.header());
  } catch {
    // Some responses have immutable headers; the timing is only informative.
  }
  return response;
}

async function resolveCaller(
  request: Request,
  mode: "user" | "session",
): Promise<{ actor: Actor; via: "session" | "token" }> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match?.[1] ? await getActorFromApiToken(match[1]) : null;
    if (!actor) throw new AppError("unauthorized", "The API token is invalid or has been revoked");
    if (mode === "session")
      throw forbidden("This action needs a signed-in browser session, not an API token");
    return { actor, via: "token" };
  }
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) throw new AppError("unauthorized", "Sign in or send an API token (Authorization: Bearer ...)");
  if (MUTATING.has(request.method)) assertSameOrigin(request);
  const actor = await actorFromSession(userId, session?.epoch);
  if (!actor)
    throw new AppError(
      "unauthorized",
      "Your session has ended (the account's password was changed, or the account no longer exists): sign in again",
    );
  return { actor, via: "session" };
}

/** The origin the caller used to reach us (for links we hand back), honouring NEXTAUTH_URL when set. */
export function requestOrigin(request: Request): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** Cookie-authenticated mutations must come from a page on this very host (CSRF defence). */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    throw forbidden("Cross-origin request refused: the Origin header must match this site");
  }
}

async function loadMembership<P>(actor: Actor, params: P, scope: Scope<P>): Promise<Membership> {
  const membership =
    "workspace" in scope
      ? await findMembershipForWorkspace(actor.id, scope.workspace(params))
      : "model" in scope
        ? await findMembershipForModel(actor.id, scope.model(params))
        : await findMembershipForReview(actor.id, scope.review(params));
  if (!membership) {
    throw notFound("workspace" in scope ? "Workspace" : "model" in scope ? "Threat model" : "Review");
  }
  if (!can(membership.role, scope.permission)) throw forbidden();
  return membership;
}

/** For routes without a caller (health, sign-up): the same error handling, nothing else. */
export function publicRoute<P extends Params = Params>(
  handler: (request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Redis } from "@hocuspocus/extension-redis";
import { Hocuspocus } from "@hocuspocus/server";
import { getToken } from "next-auth/jwt";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { actorFromSession, getAuthOptions } from "@/lib/auth/options";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { findMembershipForModel } from "@/lib/server/workspaces";
import type { LiveEvent, NewHead } from "./registry";
import { readDocument, seedUpdate, writeDocument } from "./ydoc";

/** The WebSocket path the live canvas connects to, on the app's own origin. */
export const COLLAB_PATH = "/collab";
/** Live documents are named after their model. */
export const documentNameFor = (modelId: string) => `model:${modelId}`;
const modelIdOf = (documentName: string) => (documentName.startsWith("model:") ? documentName.slice(6) : "");

/** What onAuthenticate hands the other hooks about the person on a connection. */
export type CollabContext = { userId: string; name: string; canEdit: boolean };

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      cookies[name] = part.slice(at + 1).trim();
    }
  }
  return cookies;
}

/** The signed-in user behind a WebSocket upgrade, from the next-auth session cookie. */
export async function userFromCookieHeader(cookieHeader: string | undefined) {
  const options = getAuthOptions();
  const token = await getToken({
    req: { cookies: parseCookies(cookieHeader), headers: {} } as never,
    secret: options.secret,
    secureCookie: options.useSecureCookies ?? false,
  });
  return actorFromSession(token?.sub ?? undefined, token?.epoch);
}

/** Whether a model has ever been open live (its live state is stored from the first load on). */
async function hasLiveState(modelId: string): Promise<boolean> {
  return (await db().threatModel.count({ where: { id: modelId, liveState: { not: null } } })) > 0;
}

/**
 * Stores a model's live state and when (the database's clock, as the working copy's `updatedAt`).
 * With `onlyIfEmpty` it writes only where no state is stored yet; returns whether it wrote.
 */
async function storeLiveState(modelId: string, state: Uint8Array, onlyIfEmpty = false): Promise<boolean> {
  const bytes = Buffer.from(state);
  const written = onlyIfEmpty
    ? await db().$executeRaw`
        UPDATE "ThreatModel" SET "liveState" = ${bytes}, "liveStateAt" = CURRENT_TIMESTAMP
        WHERE "id" = ${modelId} AND "liveState" IS NULL`
    : await db().$executeRaw`
        UPDATE "ThreatModel" SET "liveState" = ${bytes}, "liveStateAt" = CURRENT_TIMESTAMP
        WHERE "id" = ${modelId}`;
  return written === 1;
}

/**
 * A stored live state, plus the autosaved working copy when that is newer: a tab autosaves its
 * draft (1.5 s after an edit) before the live state's debounced store (2 s), so a crash in between
 * leaves the newest edits only in the draft.
 */
async function storedLiveState(modelId: string) {
  const row = await db().threatModel.findUnique({
    where: { id: modelId },
    select: {
      liveState: true,
      liveStateAt: true,
      workingCopy: { select: { content: true, updatedAt: true } },
    },
  });
  if (!row?.liveState || row.liveState.byteLength === 0) return null;
  const draft = row.workingCopy;
  const isDraftNewer = draft && (!row.liveStateAt || draft.updatedAt > row.liveStateAt);
  return {
    state: new Uint8Array(row.liveState),
    newerDraft: isDraftNewer ? ThreatModelDocumentSchema.parse(draft.content) : null,
  };
}

/** Where a model's live document starts when it has no live state: its working copy, else its head. */
async function startingDocument(modelId: string): Promise<ThreatModelDocument | null> {
  const model = await db().threatModel.findFirst({
    where: { id: modelId, archivedAt: null },
    select: { headVersion: true, workingCopy: { select: { content: true } } },
  });
  if (!model) return null;
  if (model.workingCopy) return ThreatModelDocumentSchema.parse(model.workingCopy.content);
  const head = await db().modelVersion.findUniqueOrThrow({
    where: { modelId_number: { modelId, number: model.headVersion } },
    select: { content: true },
  });
  return ThreatModelDocumentSchema.parse(head.content);
}

export type CollabServer = {
  hocuspocus: Hocuspocus;
  /** Takes over an HTTP upgrade on COLLAB_PATH; returns false for other paths. */
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
  /** Replaces a loaded live document's content (a version saved or restored through the API). */
  replaceDocument: (modelId: string, load: () => Promise<NewHead | null>) => Promise<void>;
  currentDocument: (modelId: string) => ThreatModelDocument | null;
  /** Sends a stateless event to everyone connected to a model's live document (on every instance). */
  announce: (modelId: string, event: LiveEvent) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Hocuspocus 3 serving the live canvas: authenticates with the next-auth session, opens viewers
 * and reviewers read-only (the server drops their writes), loads a model's live state from
 * PostgreSQL (or seeds it from the working copy or head) and stores it back, debounced. With
 * `redisUrl`, app instances share live documents through Redis.
 */
export function createCollabServer(options: { redisUrl?: string; debounceMs?: number } = {}): CollabServer {
  const extensions = [];
  const isShared = Boolean(options.redisUrl);
  if (options.redisUrl) {
    const url = new URL(options.redisUrl);
    extensions.push(new Redis({ host: url.hostname, port: Number(url.port || 6379) }));
  }
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.debounceMs ?? 2000,
    maxDebounce: (options.debounceMs ?? 2000) * 5,
    extensions,
    async onAuthenticate({ requestHeaders, documentName, connectionConfig }): Promise<CollabContext> {
      const actor = await userFromCookieHeader(requestHeaders.cookie);
      if (!actor) throw new Error("Sign in to join a live canvas");
      const membership = await findMembershipForModel(actor.id, modelIdOf(documentName));
      if (!membership) throw new Error("Threat model not found");
      const canEdit = can(membership.role, "model:update");
      connectionConfig.readOnly = !canEdit;
      return { userId: actor.id, name: actor.name, canEdit };
    },
    async onLoadDocument({ document, documentName }) {
      const modelId = modelIdOf(documentName);
      const loadStored = async () => {
        const stored = await storedLiveState(modelId);
        if (!stored) return false;
        Y.applyUpdate(document, stored.state);
        // The draft is the newer full view of the same document: take what changed since.
        if (stored.newerDraft) writeDocument(document, stored.newerDraft, readDocument(document));
        return true;
      };
      if (await loadStored()) return document;
      const start = await startingDocument(modelId);
      if (!start) return document;
      // The first instance to seed stores the seed at once; any other loads that, never a seed of
      // its own from a head that may have moved on meanwhile (two different seeds by one client id
      // would corrupt the shared document).
      const seed = seedUpdate(start);
      if (await storeLiveState(modelId, seed, true)) Y.applyUpdate(document, seed);
      else await loadStored();
      return document;
    },
    async onStoreDocument({ document, documentName }) {
      await storeLiveState(modelIdOf(documentName), Y.encodeStateAsUpdate(document));
    },
  });
  const sockets = new WebSocketServer({ noServer: true });
  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      if (path !== COLLAB_PATH) return false;
      sockets.handleUpgrade(request, socket, head, (ws) => hocuspocus.handleConnection(ws, request));
      return true;
    },
    async replaceDocument(modelId, load) {
      const name = documentNameFor(modelId);
      // Never opened live: the first load starts from the new head anyway.
      if (!hocuspocus.documents.has(name) && !(await hasLiveState(modelId))) return;
      // Open here or not, the live document takes the change: stored live edits nobody has open
      // survive it, and with Redis an instance that does have it open receives it.
      const head = await load();
      if (!head) return;
      const connection = await hocuspocus.openDirectConnection(name, {});
      try {
        await connection.transact((live) => writeDocument(live, head.document, head.previous));
      } finally {
        await connection.disconnect();
      }
    },
    currentDocument(modelId) {
      const document = hocuspocus.documents.get(documentNameFor(modelId));
      return document ? readDocument(document) : null;
    },
    async announce(modelId, event) {
      const name = documentNameFor(modelId);
      const payload = JSON.stringify(event);
      const loaded = hocuspocus.documents.get(name);
      if (loaded) return loaded.broadcastStateless(payload);
      if (!isShared || !(await hasLiveState(modelId))) return;
      // Another instance may have it open: a short direct connection relays the event through Redis.
      const connection = await hocuspocus.openDirectConnection(name, {});
      try {
        connection.document?.broadcastStateless(payload);
      } finally {
        await connection.disconnect();
      }
    },
    async close() {
      // Store every open document now rather than lose the last debounce window on shutdown.
      await Promise.all(
        [...hocuspocus.documents.entries()].map(([name, document]) =>
          storeLiveState(modelIdOf(name), Y.encodeStateAsUpdate(document)).catch(() => {}),
        ),
      );
      hocuspocus.closeConnections();
      sockets.close();
    },
  };
}

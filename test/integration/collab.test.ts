import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { getAuthOptions } from "@/lib/auth/options";
import { setLiveDocuments } from "@/lib/collab/registry";
import { COLLAB_PATH, type CollabServer, createCollabServer, documentNameFor } from "@/lib/collab/server";
import { readDocument, writeDocument } from "@/lib/collab/ydoc";
import { db } from "@/lib/db/client";
import { demoDocument } from "@/lib/db/seed";
import { saveVersion } from "@/lib/server/versions";
import { putWorkingCopy } from "@/lib/server/working-copy";
import { createWorkspace } from "@/lib/server/workspaces";
import { createMember, createTestModel, createUser, type TestUser } from "./fixtures";

/*
 * The live-canvas server over real WebSockets: next-auth session cookies, read-only viewers, two
 * editors converging, state persisted to PostgreSQL, and API saves reaching open documents.
 */

let http: Server;
let collab: CollabServer;
let url: string;
let editorA: TestUser;
let editorB: TestUser;
let viewer: TestUser;
let workspaceId: string;
const open: { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket }[] = [];

async function sessionCookie(user: TestUser): Promise<string> {
  const options = getAuthOptions();
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: options.secret as string,
  });
  return `next-auth.session-token=${token}`;
}

/** A Node client like a browser tab: a WebSocket carrying the session cookie, and a Y.Doc. */
async function connect(user: TestUser | null, modelId: string) {
  const cookie = user ? await sessionCookie(user) : "";
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  const ydoc = new Y.Doc();
  let failed = "";
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: CookieWebSocket,
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentNameFor(modelId),
    document: ydoc,
    token: "session",
    onAuthenticationFailed: ({ reason }) => {
      failed = reason;
    },
  });
  provider.attach();
  open.push({ provider, socket });
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  return { ydoc, provider, failed: () => failed, close };
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function demoModel() {
  const model = await createTestModel(editorA, workspaceId);
  await saveVersion(editorA, model.id, { baseVersion: 1, document: demoDocument(), message: "demo" });
  return model.id;
}

const labelOf = (ydoc: Y.Doc, id: string) => readDocument(ydoc).elements.find((e) => e.id === id)?.label;

beforeAll(async () => {
  editorA = await createUser("LiveA");
  workspaceId = (await createWorkspace(editorA, { name: "Live" })).id;
  editorB = await createMember(workspaceId, "EDITOR", "LiveB");
  viewer = await createMember(workspaceId, "VIEWER", "LiveViewer");
  collab = createCollabServer({ debounceMs: 50 });
  setLiveDocuments(collab);
  http = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}${COLLAB_PATH}`;
});

afterAll(async () => {
  setLiveDocuments(null);
  for (const { provider, socket } of open) {
    provider.destroy();
    socket.destroy();
  }
  await collab.close();
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
});

describe("live canvas server", () => {
  it("loads the model's head, and two editors' edits converge", async () => {
    const modelId = await demoModel();
    const a = await connect(editorA, modelId);
    const b = await connect(editorB, modelId);
    await until(() => a.provider.isSynced && b.provider.isSynced, "both synced");
    const first = readDocument(a.ydoc).elements[0];
    if (!first) throw new Error("empty document");
    expect(readDocument(b.ydoc).elements).toHaveLength(demoDocument().elements.length);

    const before = readDocument(a.ydoc);
    writeDocument(
      a.ydoc,
      {
        ...before,
        elements: before.elements.map((e) => (e.id === first.id ? { ...e, label: "From A" } : e)),
      },
      before,
    );
    await until(() => labelOf(b.ydoc, first.id) === "From A", "A's edit at B");
  });

  it("opens viewers read-only: the server drops their writes", async () => {
    const modelId = await demoModel();
    const editor = await connect(editorA, modelId);
    const watcher = await connect(viewer, modelId);
    await until(() => editor.provider.isSynced && watcher.provider.isSynced, "both synced");
    const first = readDocument(watcher.ydoc).elements[0];
    if (!first) throw new Error("empty document");
    const mine = readDocument(watcher.ydoc);
    writeDocument(
      watcher.ydoc,
      {
        ...mine,
        elements: mine.elements.map((e) => (e.id === first.id ? { ...e, label: "Viewer was here" } : e)),
      },
      mine,
    );
    // A later edit by the editor arrives, so the viewer's would have too, had it been accepted.
    const theirs = readDocument(editor.ydoc);
    writeDocument(editor.ydoc, { ...theirs, title: "after the viewer" }, theirs);
    await until(
      () => readDocument(watcher.ydoc).title === "after the viewer",
      "the editor's edit at the viewer",
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(labelOf(editor.ydoc, first.id)).toBe(first.label);
    const server = collab.hocuspocus.documents.get(documentNameFor(modelId));
    expect(server && readDocument(server).elements.find((e) => e.id === first.id)?.label).toBe(first.label);
  });

  it("refuses a connection without a session, and one from outside the workspace", async () => {
    const modelId = await demoModel();
    const anonymous = await connect(null, modelId);
    await until(() => anonymous.failed() !== "", "the anonymous refusal");
    const outsider = await connect(await createUser("LiveOutsider"), modelId);
    await until(() => outsider.failed() !== "", "the outsider's refusal");
    expect(anonymous.provider.isSynced || outsider.provider.isSynced).toBe(false);
    anonymous.close();
    outsider.close();
  });

  it("stores the live state in PostgreSQL, and a version saved through the API reaches open documents", async () => {
    const modelId = await demoModel();
    const a = await connect(editorA, modelId);
    await until(() => a.provider.isSynced, "synced");
    const before = readDocument(a.ydoc);
    writeDocument(a.ydoc, { ...before, title: "stored live" }, before);
    let stored: Uint8Array | null = null;
    const started = Date.now();
    while (Date.now() - started < 5000) {
      const row = await db().threatModel.findUniqueOrThrow({
        where: { id: modelId },
        select: { liveState: true },
      });
      if (row.liveState) {
        const replica = new Y.Doc();
        Y.applyUpdate(replica, new Uint8Array(row.liveState));
        if (readDocument(replica).title === "stored live") {
          stored = row.liveState;
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(stored, "live state persisted").not.toBeNull();

    // A version saved through the API (as a script or another tool would) shows in the open canvas.
    await saveVersion(editorB, modelId, {
      baseVersion: 2,
      document: { ...demoDocument(), title: "saved through the API" },
      message: "from a script",
    });
    await until(
      () => readDocument(a.ydoc).title === "saved through the API",
      "the API's version in the open document",
    );
  });

  it("a version saved through the API keeps others' unsaved live edits, and tells every canvas its new base", async () => {
    const modelId = await demoModel();
    const a = await connect(editorA, modelId);
    const b = await connect(editorB, modelId);
    const events: string[] = [];
    b.provider.on("stateless", ({ payload }: { payload: string }) => events.push(payload));
    await until(() => a.provider.isSynced && b.provider.isSynced, "both synced");

    // B adds an element on the live canvas and does not save it.
    const live = readDocument(b.ydoc);
    const [first] = live.elements.filter((e) => e.kind !== "trust-boundary");
    if (!first) throw new Error("demo model without elements");
    const unsaved = { ...first, id: "el-unsaved", label: "Unsaved by B", parentId: undefined };
    writeDocument(b.ydoc, { ...live, elements: [...live.elements, unsaved] }, live);
    await until(() => labelOf(a.ydoc, "el-unsaved") === "Unsaved by B", "B's edit at A");

    // Meanwhile a script saves version 3 from version 2 with a new title.
    const saved = await saveVersion(editorA, modelId, {
      baseVersion: 2,
      document: { ...demoDocument(), title: "Retitled by a script" },
      message: "script",
    });
    expect(saved.status).toBe("created");
    for (const replica of [a, b]) {
      await until(() => readDocument(replica.ydoc).title === "Retitled by a script", "the new title");
      expect(labelOf(replica.ydoc, "el-unsaved")).toBe("Unsaved by B");
    }
    await until(() => events.length > 0, "the saved event");
    expect(JSON.parse(events[0] ?? "{}")).toEqual({
      type: "saved",
      number: 3,
      contentHash: saved.contentHash,
    });
  });

  it("after a crash, an autosaved draft newer than the stored live state wins; an older one does not", async () => {
    const modelId = await demoModel();
    const name = documentNameFor(modelId);
    const storedTitle = async () => {
      const row = await db().threatModel.findUniqueOrThrow({
        where: { id: modelId },
        select: { liveState: true },
      });
      if (!row.liveState) return null;
      const replica = new Y.Doc();
      Y.applyUpdate(replica, new Uint8Array(row.liveState));
      return readDocument(replica).title;
    };
    const editAndLeave = async (user: TestUser, title: string) => {
      const client = await connect(user, modelId);
      await until(() => client.provider.isSynced, "synced");
      const before = readDocument(client.ydoc);
      writeDocument(client.ydoc, { ...before, title }, before);
      const started = Date.now();
      while ((await storedTitle()) !== title) {
        if (Date.now() - started > 5000) throw new Error(`live state never stored "${title}"`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      client.close();
      await until(() => !collab.hocuspocus.documents.has(name), "the document unloaded");
    };

    // The live state is stored; then a tab autosaves a draft with a later edit, and the server dies
    // before storing the live state again.
    await editAndLeave(editorA, "Stored live");
    await putWorkingCopy(editorA, modelId, {
      baseVersion: 2,
      document: { ...demoDocument(), title: "Only in the newer draft" },
    });
    const afterCrash = await connect(editorB, modelId);
    await until(() => afterCrash.provider.isSynced, "synced");
    expect(readDocument(afterCrash.ydoc).title).toBe("Only in the newer draft");
    afterCrash.close();
    await until(() => !collab.hocuspocus.documents.has(name), "the document unloaded");

    // Live edits stored after the draft win over it.
    await editAndLeave(editorB, "Newer than the draft");
    const later = await connect(editorA, modelId);
    await until(() => later.provider.isSynced, "synced");
    expect(readDocument(later.ydoc).title).toBe("Newer than the draft");
  });
});

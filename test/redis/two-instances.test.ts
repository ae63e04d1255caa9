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
import { demoDocument } from "@/lib/db/seed";
import { saveVersion } from "@/lib/server/versions";
import { createWorkspace } from "@/lib/server/workspaces";
import { createMember, createTestModel, createUser, type TestUser } from "../integration/fixtures";

/*
 * Two app instances (two live-document servers on their own ports) sharing live sessions through
 * the Redis at REDIS_URL: an edit made through one instance reaches a client of the other.
 */

const redisUrl = process.env.REDIS_URL;
type Instance = { http: Server; collab: CollabServer; url: string };
const instances: Instance[] = [];
const clients: { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket }[] = [];
let alice: TestUser;
let bob: TestUser;
let workspaceId: string;

async function startInstance(): Promise<Instance> {
  const collab = createCollabServer({ redisUrl, debounceMs: 100 });
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { http, collab, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}${COLLAB_PATH}` };
}

async function connect(instance: Instance, user: TestUser, modelId: string) {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: getAuthOptions().secret as string,
  });
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie: `next-auth.session-token=${token}` } });
    }
  }
  const ydoc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: instance.url, WebSocketPolyfill: CookieWebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentNameFor(modelId),
    document: ydoc,
    token: "session",
  });
  provider.attach();
  clients.push({ provider, socket });
  await until(() => provider.isSynced, "sync");
  const events: string[] = [];
  provider.on("stateless", ({ payload }: { payload: string }) => events.push(payload));
  return Object.assign(ydoc, { events });
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  if (!redisUrl) throw new Error("Set REDIS_URL (e.g. redis://127.0.0.1:6379) to run the two-instance test");
  alice = await createUser("RedisAlice");
  workspaceId = (await createWorkspace(alice, { name: "Redis" })).id;
  bob = await createMember(workspaceId, "EDITOR", "RedisBob");
  instances.push(await startInstance(), await startInstance());
});

afterAll(async () => {
  for (const { provider, socket } of clients) {
    provider.destroy();
    socket.destroy();
  }
  for (const { http, collab } of instances) {
    await collab.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
});

describe("two app instances with REDIS_URL", () => {
  it("share one live document: edits through either instance reach the other's clients", async () => {
    const model = await createTestModel(alice, workspaceId);
    await saveVersion(alice, model.id, { baseVersion: 1, document: demoDocument(), message: "demo" });
    const [first, second] = instances as [Instance, Instance];
    const a = await connect(first, alice, model.id);
    const b = await connect(second, bob, model.id);
    expect(first.url).not.toBe(second.url);

    const inA = readDocument(a);
    writeDocument(a, { ...inA, title: "Edited through instance 1" }, inA);
    await until(
      () => readDocument(b).title === "Edited through instance 1",
      "instance 1's edit at instance 2",
    );

    const inB = readDocument(b);
    const element = inB.elements[0];
    if (!element) throw new Error("empty document");
    writeDocument(
      b,
      { ...inB, elements: inB.elements.map((e) => (e === element ? { ...e, label: "From instance 2" } : e)) },
      inB,
    );
    await until(
      () => readDocument(a).elements.find((e) => e.id === element.id)?.label === "From instance 2",
      "instance 2's edit at instance 1",
    );
  });

  it("a version saved and an event announced through an instance without the model open reach the other's clients", async () => {
    const model = await createTestModel(alice, workspaceId);
    await saveVersion(alice, model.id, { baseVersion: 1, document: demoDocument(), message: "demo" });
    const [first, second] = instances as [Instance, Instance];
    const b = await connect(second, bob, model.id);
    expect(first.collab.hocuspocus.documents.has(documentNameFor(model.id))).toBe(false);

    // The API request lands on instance 1, where nobody has the model open.
    setLiveDocuments(first.collab);
    try {
      const saved = await saveVersion(alice, model.id, {
        baseVersion: 2,
        document: { ...demoDocument(), title: "Saved through instance 1" },
        message: "",
      });
      await until(() => readDocument(b).title === "Saved through instance 1", "the new head at instance 2");
      await until(() => b.events.length > 0, "the saved event at instance 2");
      expect(JSON.parse(b.events[0] ?? "{}")).toEqual({
        type: "saved",
        number: 3,
        contentHash: saved.contentHash,
      });
    } finally {
      setLiveDocuments(null);
    }
  });
});

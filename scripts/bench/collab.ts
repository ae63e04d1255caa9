import { readFileSync } from "node:fs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { readDocument, writeDocument } from "@/lib/collab/ydoc";
import type { ThreatModelDocument } from "@/lib/domain/document";
import type { BenchServer } from "./server";
import { percentile, type Row } from "./stats";

/** Signs the bench user in through next-auth's credentials callback and returns the session cookie. */
async function sessionCookie(server: BenchServer): Promise<string> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({
      csrfToken,
      email: server.user.email,
      password: server.user.password,
      json: "true",
    }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in for the collaboration bench failed (${response.status})`);
  return session;
}

type Client = { ydoc: Y.Doc; provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket };

async function connect(server: BenchServer, cookie: string, modelId: string): Promise<Client> {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const ydoc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${server.url.replace("http", "ws")}/collab`,
    WebSocketPolyfill: CookieWebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `model:${modelId}`,
    document: ydoc,
    token: "session",
  });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("live document did not sync")), 30_000);
    provider.on("synced", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { ydoc, provider, socket };
}

const close = (client: Client) => {
  client.provider.destroy();
  client.socket.destroy();
};

/** Moves element `index` (a committed drag) in the client's live document; returns where it went. */
function move(client: Client, index: number, step: number): { id: string; x: number; y: number } | null {
  const before = readDocument(client.ydoc);
  const target = before.elements[index % before.elements.length];
  if (!target) return null;
  // Always a real move (never a zero step), so every call is one edit.
  const position = { x: target.position.x + 1 + (step % 7), y: target.position.y + 1 + (step % 5) };
  const next: ThreatModelDocument = {
    ...before,
    elements: before.elements.map((e) => (e === target ? { ...e, position } : e)),
  };
  writeDocument(client.ydoc, next, before);
  return { id: target.id, ...position };
}

/** Whether the replica holds that element at that position. */
function holds(ydoc: Y.Doc, moved: { id: string; x: number; y: number }): boolean {
  const live = ydoc.getMap<Y.Map<unknown>>("elements").get(moved.id);
  const position = live?.get("position") as { x: number; y: number } | undefined;
  return position?.x === moved.x && position?.y === moved.y;
}

function rename(client: Client, index: number, step: number) {
  const before = readDocument(client.ydoc);
  const target = before.elements[index % before.elements.length];
  if (!target) return;
  writeDocument(
    client.ydoc,
    {
      ...before,
      elements: before.elements.map((e) =>
        e === target ? { ...e, label: `${target.label.split(" #")[0]} #${step}` } : e,
      ),
    },
    before,
  );
}

const rssMiB = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};

/**
 * Live editing through the app's own /collab endpoint: edit propagation between two of ten
 * connected clients, the persisted state after a compressed one-hour session of five editors, and
 * the server's memory with 50 live documents open.
 */
export async function collabSuite(
  server: BenchServer,
  models: { mid: { id: string }; many: { id: string }[] },
): Promise<Row[]> {
  const rows: Row[] = [];
  const cookie = await sessionCookie(server);

  // Propagation: A commits 200 moves; time until B's replica has each one. 10 clients connected.
  const clients: Client[] = [];
  for (let i = 0; i < 10; i++) clients.push(await connect(server, cookie, models.mid.id));
  const [a, b] = clients as [Client, Client];
  const samples: number[] = [];
  for (let edit = 0; edit < 220; edit++) {
    const started = performance.now();
    const moved = move(a, edit, edit);
    if (!moved) throw new Error("the bench model has no elements");
    const at = await new Promise<number>((resolve, reject) => {
      const check = () => {
        if (!holds(b.ydoc, moved)) return;
        clearTimeout(timer);
        b.ydoc.off("update", check);
        resolve(performance.now());
      };
      const timer = setTimeout(() => {
        b.ydoc.off("update", check);
        reject(new Error(`edit ${edit} (${moved.id}) never reached B`));
      }, 10_000);
      b.ydoc.on("update", check);
      check();
    });
    if (edit >= 20) samples.push(at - started);
  }
  rows.push({
    benchmark:
      "Edit propagation A -> B, 10 clients on a 306-element model (200 edits after 20 warm-up), loopback",
    value: `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms; target p95 ≤ 50 ms`,
  });

  // A one-hour session, compressed: 5 editors, each committing a move every 5 s and a rename every
  // 30 s of session time (720 + 120 edits each, 4,200 in all).
  const editors = clients.slice(0, 5);
  for (let second = 0; second < 3600; second += 5) {
    for (const [n, editor] of editors.entries()) {
      move(editor, n * 37 + second, second);
      if (second % 30 === 0) rename(editor, n * 53 + second, second);
    }
    if (second % 300 === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const size = Y.encodeStateAsUpdate(a.ydoc).byteLength;
  rows.push({
    benchmark:
      "Live state after a one-hour session, 5 editors, 306-element model (4,200 edits), encoded Yjs update",
    value: `${(size / 1024).toFixed(0)} KiB; target < 1 MB`,
  });
  for (const client of clients) close(client);

  // Memory: the server process with 50 live documents open (one client each).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = rssMiB(server.pid);
  const open: Client[] = [];
  for (const model of models.many) open.push(await connect(server, cookie, model.id));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = rssMiB(server.pid);
  rows.push({
    benchmark: `Server memory (RSS) with ${open.length} live documents open (30-element models, one client each)`,
    value: `${after.toFixed(0)} MiB (${(after - before).toFixed(0)} MiB more than before opening them)`,
  });
  for (const client of open) close(client);
  return rows;
}

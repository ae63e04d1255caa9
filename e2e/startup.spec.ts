/**
 * `npm start` as a user runs it: server.ts in its own process, on its own port and data folder,
 * with the embedded PostgreSQL or an external DATABASE_URL. Independent of the suite's web server.
 */
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from "@/lib/db/embedded";
import { findFreePort } from "@/lib/runtime/ports";
import {
  type ChildRun,
  describeExit,
  makeDataDir,
  postgresProcessesFor,
  removeDir,
  runScript,
  startServer,
} from "./support/process";

const DEMO_EMAILS = [
  "alice@example.com",
  "bob@example.com",
  "carol@example.com",
  "dave@example.com",
  "erin@example.com",
  "mallory@example.com",
];
const DEMO_PASSWORD = "trustboard-demo";
const BANNER = /Trustboard is running/;
const SEEDED = /Seeded the demo/;
const DB_URL_LINE = /^postgresql:\/\/[A-Za-z0-9]+:[A-Za-z0-9]+@127\.0\.0\.1:(\d+)\/[a-z_]+$/;
// Generous: the build is current when e2e runs, but a first PostgreSQL start runs initdb.
const START_TIMEOUT = 120_000;
const STOP_TIMEOUT = 20_000;
// Routes no test has visited yet on a fresh server: their first render loads their code.
const COLD_ROUTES = [
  "signin",
  "signup",
  "invite/x",
  "workspaces/new",
  "settings/account",
  "settings/tokens",
  "w/x",
  "models/x",
  "no-such-page",
  "signin?callbackUrl=%2F",
];

// Each group below is serial (its tests share one server and data folder). The file as a whole runs in
// order in one worker, so its servers never compete with each other for the CPU, and a failure in one
// group does not skip the others.
test.describe.configure({ mode: "default" });

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function count(url: string, table: string): Promise<number> {
  const rows = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${table}"`);
  return rows[0]?.n ?? -1;
}

/** Why a connection to `url` fails, or null if it succeeds. */
async function connectionError(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || String(error) : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function health(base: string, timeoutMs = 10_000) {
  const started = Date.now();
  const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
  const body: unknown = await response.json().catch(() => null);
  return { status: response.status, body, ms: Date.now() - started };
}

/** Polls /api/health until it answers `status`; returns how long that took. */
async function waitForHealth(base: string, status: number, withinMs: number): Promise<number> {
  const started = Date.now();
  let last = "no answer";
  while (Date.now() - started < withinMs) {
    try {
      const answer = await health(base, 3_000);
      if (answer.status === status) return Date.now() - started;
      last = `${answer.status} ${JSON.stringify(answer.body)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/api/health did not answer ${status} within ${withinMs} ms (last: ${last})`);
}

async function signInAsAlice(page: Page, base: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Demo ML Platform" })).toBeVisible();
}

/** The lines of the output that are an embedded-database URL (or look like one). */
function postgresLines(output: string): string[] {
  return output.split("\n").filter((line) => line.includes("postgresql://") || line.includes("postgres://"));
}

async function expectStoppedCleanly(server: ChildRun, signal: NodeJS.Signals, dataDir: string, url: string) {
  const sentAt = Date.now();
  server.signal(signal);
  const exit = await server.waitForExit(STOP_TIMEOUT);
  const tookMs = Date.now() - sentAt;
  expect(describeExit(exit), `exit after ${signal}\n--- output ---\n${server.output()}`).toBe("code 0");
  expect(tookMs).toBeLessThan(STOP_TIMEOUT);
  // The database stopped with the app, not some time later.
  expect(postgresProcessesFor(dataDir), "postgres processes left on the data directory").toEqual([]);
  expect(await connectionError(url), "connecting to the embedded database after stop").not.toBeNull();
}

test.describe("npm start with the embedded PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });

  let root: string;
  let pgDataDir: string;
  const servers: ChildRun[] = [];
  let databaseUrl = "";
  let keptWorkspaceId = "";

  test.beforeAll(() => {
    root = makeDataDir("embedded");
    pgDataDir = path.join(root, "postgres");
  });

  test.afterAll(async () => {
    for (const server of servers) await server.kill();
    removeDir(root);
  });

  test("first start on a fresh data folder migrates, seeds and serves", async ({ page }) => {
    test.setTimeout(START_TIMEOUT + 60_000);
    const port = await findFreePort();
    const base = `http://localhost:${port}`;
    const server = startServer("first start", {
      PORT: String(port),
      HOST: "127.0.0.1",
      TRUSTBOARD_DATA_DIR: root,
    });
    servers.push(server);
    await server.waitForStdout(BANNER, START_TIMEOUT);
    const out = server.stdout();

    expect(out).toContain(`Trustboard is running: http://localhost:${port}`);
    expect(out).toMatch(SEEDED);
    for (const email of DEMO_EMAILS) expect(out).toContain(email);
    expect(out).toContain(DEMO_PASSWORD);

    const urlLines = out.split("\n").filter((line) => DB_URL_LINE.test(line));
    expect(urlLines, `exactly one database URL line in:\n${out}`).toHaveLength(1);
    // Every line that mentions a URL is that bare line (no colour codes, prefixes or trailing text).
    expect(postgresLines(out)).toEqual(urlLines);
    databaseUrl = urlLines[0] ?? "";
    expect(databaseUrl.includes(String.fromCharCode(27)), "ANSI escape on the URL line").toBe(false);
    const dbPort = Number(DB_URL_LINE.exec(databaseUrl)?.[1]);
    expect(dbPort).not.toBe(5432);
    expect(dbPort).not.toBe(port);
    expect(postgresProcessesFor(pgDataDir), "the embedded postgres runs on the data folder").toHaveLength(1);

    expect(await count(databaseUrl, "User")).toBe(6);
    expect(await count(databaseUrl, "Workspace")).toBe(2);
    expect(await count(databaseUrl, "ThreatModel")).toBe(1);
    const emails = await query<{ email: string }>(databaseUrl, `SELECT email FROM "User" ORDER BY email`);
    expect(emails.map((row) => row.email)).toEqual([...DEMO_EMAILS].sort());

    const answer = await health(`http://127.0.0.1:${port}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: "ok", db: "ok" });

    await signInAsAlice(page, base);
    await expect(page.getByRole("link", { name: "Fraud scoring service" })).toBeVisible();
  });

  test("SIGTERM stops the app and the embedded PostgreSQL, exit code 0", async () => {
    test.setTimeout(60_000);
    const server = servers.at(-1);
    expect(server && databaseUrl, "the first start must have succeeded").toBeTruthy();
    if (!server) return;
    // Data that must survive the restart.
    keptWorkspaceId = `startup-kept-${Date.now()}`;
    await query(databaseUrl, `INSERT INTO "Workspace" (id, name, "updatedAt") VALUES ($1, $2, now())`, [
      keptWorkspaceId,
      "Survives restarts",
    ]);
    await expectStoppedCleanly(server, "SIGTERM", pgDataDir, databaseUrl);
    expect(server.stdout()).toContain("Stopping Trustboard");
  });

  test("a restart on the same data folder keeps the data and seeds nothing; SIGINT stops it", async ({
    page,
  }) => {
    test.setTimeout(START_TIMEOUT + 60_000);
    expect(keptWorkspaceId, "the SIGTERM test must have run").not.toBe("");
    const port = await findFreePort();
    const server = startServer("restart", {
      PORT: String(port),
      HOST: "127.0.0.1",
      TRUSTBOARD_DATA_DIR: root,
    });
    servers.push(server);
    await server.waitForStdout(BANNER, START_TIMEOUT);
    const out = server.stdout();

    expect(out).toContain(`Trustboard is running: http://localhost:${port}`);
    expect(out).not.toMatch(SEEDED);
    expect(out).not.toMatch(/Applied migrations/);
    const urlLines = out.split("\n").filter((line) => DB_URL_LINE.test(line));
    expect(urlLines).toHaveLength(1);
    const url = urlLines[0] ?? "";
    // Same cluster, same credentials (the port may differ if the preferred one was taken meanwhile).
    expect(url.replace(/:\d+\//, ":PORT/")).toBe(databaseUrl.replace(/:\d+\//, ":PORT/"));

    expect(await count(url, "User")).toBe(6);
    expect(await count(url, "Workspace")).toBe(3);
    expect(await count(url, "ThreatModel")).toBe(1);
    const kept = await query<{ name: string }>(url, `SELECT name FROM "Workspace" WHERE id = $1`, [
      keptWorkspaceId,
    ]);
    expect(kept).toEqual([{ name: "Survives restarts" }]);
    expect((await health(`http://127.0.0.1:${port}`)).status).toBe(200);
    await signInAsAlice(page, `http://localhost:${port}`);

    await expectStoppedCleanly(server, "SIGINT", pgDataDir, url);
  });
});

test.describe("npm start stopped while it is serving requests", () => {
  test.describe.configure({ mode: "serial" });

  let root: string;
  let server: ChildRun | undefined;
  let port = 0;
  let databaseUrl = "";

  test.beforeAll(async () => {
    test.setTimeout(START_TIMEOUT + 30_000);
    root = makeDataDir("busy");
    port = await findFreePort();
    server = startServer("busy server", { PORT: String(port), HOST: "127.0.0.1", TRUSTBOARD_DATA_DIR: root });
    await server.waitForStdout(BANNER, START_TIMEOUT);
    databaseUrl =
      server
        .stdout()
        .split("\n")
        .find((line) => DB_URL_LINE.test(line)) ?? "";
    expect(databaseUrl).not.toBe("");
    expect((await health(`http://127.0.0.1:${port}`)).status).toBe(200);
  });

  test.afterAll(async () => {
    // Also reaps a PostgreSQL orphaned by the bug below: it stays in the server's process group.
    await server?.kill();
    removeDir(root);
  });

  // npm start runs `node --import tsx server.ts`: the server process itself receives the signal, so
  // even a busy server runs its shutdown (the tsx CLI's relay used to SIGKILL it after 30 ms).
  test("SIGTERM with page requests in flight still stops the database and exits 0", async () => {
    test.setTimeout(60_000);
    if (!server) throw new Error("no server");
    // First renders of many routes load their code synchronously: the server's event loop stays busy
    // for ~100 ms, as on any server that is stopped while it is in use.
    const t0 = Date.now();
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(`http://127.0.0.1:${port}/${COLD_ROUTES[i % COLD_ROUTES.length]}`).then(
        (response) => `${response.status}@${Date.now() - t0}`,
        () => `reset@${Date.now() - t0}`,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    const sentAt = Date.now();
    server.signal("SIGTERM");
    const exit = await server.waitForExit(STOP_TIMEOUT);
    const requests = await Promise.all(inFlight);
    expect(Date.now() - sentAt).toBeLessThan(STOP_TIMEOUT);
    const orphans = postgresProcessesFor(path.join(root, "postgres"));
    expect(
      { exit: describeExit(exit), stopping: server.stdout().includes("Stopping Trustboard"), orphans },
      `requests (status@ms): ${requests.join(" ")}\n--- output ---\n${server.output()}`,
    ).toEqual({ exit: "code 0", stopping: true, orphans: [] });
    expect(await connectionError(databaseUrl)).not.toBeNull();
  });
});

test.describe("npm start with DATABASE_URL", () => {
  test.describe.configure({ mode: "serial" });

  let root: string;
  let pgDataDir: string;
  let appDataDir: string;
  let database: EmbeddedPostgresHandle | undefined;
  let dbPort = 0;
  let databaseUrl = "";
  let server: ChildRun | undefined;
  let base = "";
  const DB_NAME = "trustboard_ext";

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    root = makeDataDir("external");
    pgDataDir = path.join(root, "postgres");
    appDataDir = path.join(root, "app");
    database = await startEmbeddedPostgres({ dataDir: pgDataDir, database: DB_NAME });
    dbPort = database.port;
    databaseUrl = database.url;
  });

  test.afterAll(async () => {
    await server?.kill();
    await database?.stop().catch(() => {});
    removeDir(root);
  });

  test("uses that database: migrates it, seeds nothing, prints no demo accounts; db:seed seeds once", async () => {
    test.setTimeout(START_TIMEOUT + 60_000);
    const port = await findFreePort();
    base = `http://localhost:${port}`;
    server = startServer("external database", {
      PORT: String(port),
      HOST: "127.0.0.1",
      TRUSTBOARD_DATA_DIR: appDataDir,
      DATABASE_URL: databaseUrl,
    });
    await server.waitForStdout(BANNER, START_TIMEOUT);
    const out = server.output();

    expect(out).toContain(`Trustboard is running: http://localhost:${port}`);
    expect(out).not.toMatch(/embedded PostgreSQL/i);
    expect(out).not.toMatch(SEEDED);
    expect(out).not.toMatch(/Demo sign-in/);
    for (const email of DEMO_EMAILS) expect(out).not.toContain(email);
    expect(postgresLines(out), "no database URL is printed").toEqual([]);
    // No second PostgreSQL was started next to the app.
    expect(postgresProcessesFor(path.join(appDataDir, "postgres"))).toEqual([]);

    const migrations = await query<{ migration_name: string; finished_at: Date | null }>(
      databaseUrl,
      `SELECT migration_name, finished_at FROM "_prisma_migrations"`,
    );
    expect(migrations.length).toBeGreaterThan(0);
    for (const row of migrations) expect(row.finished_at, row.migration_name).not.toBeNull();
    expect(await count(databaseUrl, "User")).toBe(0);
    expect(await count(databaseUrl, "ThreatModel")).toBe(0);
    expect((await health(`http://127.0.0.1:${port}`)).body).toEqual({ status: "ok", db: "ok" });

    const seed = runScript("db:seed", "scripts/db-seed.ts", { DATABASE_URL: databaseUrl });
    expect(describeExit(await seed.waitForExit(60_000)), seed.output()).toBe("code 0");
    expect(seed.output()).toMatch(/Seeded demo data/);
    expect(await count(databaseUrl, "User")).toBe(6);
    expect(await count(databaseUrl, "Workspace")).toBe(2);
    expect(await count(databaseUrl, "ThreatModel")).toBe(1);

    const again = runScript("db:seed again", "scripts/db-seed.ts", { DATABASE_URL: databaseUrl });
    expect(describeExit(await again.waitForExit(60_000)), again.output()).toBe("code 0");
    expect(again.output()).toMatch(/nothing changed/);
    expect(again.output()).not.toMatch(/Seeded demo data/);
    expect(await count(databaseUrl, "User")).toBe(6);
    expect(await count(databaseUrl, "Workspace")).toBe(2);
    expect(await count(databaseUrl, "ThreatModel")).toBe(1);
  });

  test("a database outage gives 503 and an error page, and the app recovers without a restart", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    expect(server && database, "the DATABASE_URL start must have succeeded").toBeTruthy();
    if (!server || !database) return;
    const apiBase = base.replace("localhost", "127.0.0.1");
    await signInAsAlice(page, base);

    await database.stop();
    database = undefined;
    expect(await connectionError(databaseUrl), "the database is down").not.toBeNull();

    const down = await health(apiBase, 15_000);
    expect(down.status, JSON.stringify(down.body)).toBe(503);
    expect(down.body).toMatchObject({ db: "unavailable" });
    expect(down.ms, "health answered quickly, not after a hang").toBeLessThan(5_000);

    await page.goto(`${base}/`);
    await expect(page.getByText("This page could not be loaded")).toBeVisible({ timeout: 15_000 });
    expect(server.hasExited(), `the app is still running\n${server.output()}`).toBe(false);

    database = await startEmbeddedPostgres({ dataDir: pgDataDir, database: DB_NAME, port: dbPort });
    expect(database.url).toBe(databaseUrl);
    const recoveredMs = await waitForHealth(apiBase, 200, 10_000);
    expect(recoveredMs).toBeLessThan(10_000);
    expect((await health(apiBase)).body).toEqual({ status: "ok", db: "ok" });

    await page.goto(`${base}/`);
    await expect(page.getByRole("heading", { name: "Demo ML Platform" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Fraud scoring service" })).toBeVisible();
    expect(server.hasExited()).toBe(false);
  });
});

test.describe("bad configuration", () => {
  test.describe.configure({ mode: "serial" });

  let root: string | undefined;
  let server: ChildRun | undefined;

  test.afterAll(async () => {
    await server?.kill();
    removeDir(root);
  });

  test("PORT=abc exits non-zero quickly, naming PORT, before starting anything", async () => {
    test.setTimeout(60_000);
    root = makeDataDir("badport");
    server = startServer("PORT=abc", { PORT: "abc", HOST: "127.0.0.1", TRUSTBOARD_DATA_DIR: root });
    const startedAt = Date.now();
    const exit = await server.waitForExit(20_000);
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    expect(exit.code, `${describeExit(exit)}\n${server.output()}`).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(server.output()).toMatch(/\bPORT\b/);
    expect(server.output()).not.toMatch(BANNER);
    expect(server.output()).not.toMatch(/starting embedded PostgreSQL/i);
    expect(postgresProcessesFor(path.join(root, "postgres"))).toEqual([]);
  });
});

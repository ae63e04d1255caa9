/**
 * `npm run test:e2e`: Playwright against a production build in real Chromium, on a fresh database
 * (a new embedded PostgreSQL data folder, or a new database on DATABASE_URL's server when set).
 * Extra arguments go to `playwright test`, e.g. `npm run test:e2e -- e2e/auth.spec.ts`.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildApp, isBuildCurrent } from "@/lib/runtime/build";
import { ensureChromium } from "@/lib/runtime/chromium";
import { findFreePort } from "@/lib/runtime/ports";

async function freshDatabaseOn(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `trustboard_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  env.CHROMIUM_PATH = ensureChromium();
  env.E2E_PORT = String(await findFreePort());
  let cleanup = async () => {};
  try {
    return await run(env, (drop) => {
      cleanup = drop;
    });
  } finally {
    // Also when the migration, the seed or the build fails: the fresh database is never left behind.
    await cleanup().catch((error: unknown) => console.error("Could not drop the e2e database:", error));
  }
}

async function run(env: NodeJS.ProcessEnv, onDatabase: (drop: () => Promise<void>) => void): Promise<number> {
  if (process.env.DATABASE_URL) {
    const database = await freshDatabaseOn(process.env.DATABASE_URL);
    env.DATABASE_URL = database.url;
    onDatabase(database.drop);
    const { migrate } = await import("@/lib/db/migrate");
    await migrate(database.url);
    process.env.DATABASE_URL = database.url;
    const { seedDemoData } = await import("@/lib/db/seed");
    await seedDemoData();
    const { db } = await import("@/lib/db/client");
    await db().$disconnect();
  } else {
    env.TRUSTBOARD_DATA_DIR = path.join(".data", "e2e");
    rmSync(env.TRUSTBOARD_DATA_DIR, { recursive: true, force: true });
  }
  if (!isBuildCurrent()) {
    console.log("Building the app for end-to-end tests ...");
    await buildApp();
  }
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)],
      {
        stdio: "inherit",
        env,
      },
    );
    child.on("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

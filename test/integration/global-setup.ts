// Gives the integration run a fresh, migrated database: on DATABASE_URL's server when set (CI, the
// local service), else on an embedded PostgreSQL kept in .data/test-postgres (a fresh machine).
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createDatabase, dropDatabase, withClient, withDatabaseName } from "./helpers";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const PREFIX = "trustboard_test_";
// Databases left by runs that were killed before teardown; none lives this long on purpose.
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const startedAt = Date.now();
    const server = await startEmbeddedPostgres({
      dataDir: path.join(root, ".data", "test-postgres"),
      database: "postgres",
    });
    console.log(
      `Integration tests: embedded PostgreSQL on port ${server.port} (${Date.now() - startedAt} ms)`,
    );
    serverUrl = server.url;
    stopServer = server.stop;
  }

  const name = `${PREFIX}${Date.now()}_${randomBytes(4).toString("hex")}`;
  const databaseUrl = withDatabaseName(serverUrl, name);
  const adminUrl = serverUrl;
  try {
    await dropAbandonedDatabases(adminUrl);
    await createDatabase(adminUrl, name);
    await migrate(databaseUrl, { migrationsDir: path.join(root, "prisma", "migrations") });
  } catch (error) {
    await dropDatabase(adminUrl, name).catch(() => {});
    await stopServer();
    throw error;
  }
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    try {
      await dropDatabase(adminUrl, name);
    } finally {
      await stopServer();
    }
  };
}

async function dropAbandonedDatabases(adminUrl: string): Promise<void> {
  const { rows } = await withClient(adminUrl, (client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${PREFIX}%`,
    ]),
  );
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(PREFIX.length).split("_")[0]);
    if (Date.now() - createdAt > ABANDONED_AFTER_MS) await dropDatabase(adminUrl, datname);
  }
}

import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import type { Env } from "@/lib/env";

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * The database the app runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL whose data
 * lives in the data folder and survives restarts. Migrations are applied either way.
 */
export async function prepareDatabase(config: Env, log: (line: string) => void): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.DATABASE_URL) {
    handle = { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    log("No DATABASE_URL set: starting embedded PostgreSQL ...");
    const pg = await startEmbeddedPostgres({
      dataDir: path.resolve(config.TRUSTBOARD_DATA_DIR, "postgres"),
      database: "trustboard",
    });
    handle = { url: pg.url, embedded: true, stop: pg.stop };
  }
  try {
    const { applied } = await migrate(handle.url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  process.env.DATABASE_URL = handle.url;
  return handle;
}

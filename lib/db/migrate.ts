import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Prisma's schema engine takes this same advisory lock, so this runner and `prisma migrate deploy`
// on another machine also exclude each other.
const MIGRATION_LOCK_KEY = 72707369;

// Prisma's own DDL for its bookkeeping table, so `prisma migrate status` can read what we record.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrateOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export function computeChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

// Same rule as Prisma: a checkout that only changed line endings (git autocrlf) is not an edit.
function matchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => computeChecksum(variant) === checksum);
}

export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    const bytes = await readFile(file).catch((error: unknown) => {
      throw new Error(`Migration folder ${name} has no readable migration.sql (${file})`, { cause: error });
    });
    migrations.push({ name, script: bytes.toString("utf8"), checksum: computeChecksum(bytes) });
  }
  return migrations;
}

export async function migrate(
  databaseUrl: string,
  opts: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrationsDir = opts.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations");
  const migrations = await readMigrations(migrationsDir);

  const client = new pg.Client({ connectionString: databaseUrl });
  // Without a listener a dropped connection would crash the process; the pending query rejects anyway.
  client.on("error", () => {});
  await client.connect();
  try {
    const locked = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      MIGRATION_LOCK_KEY,
    ]);
    if (!locked.rows[0]?.locked) {
      log("Another process is migrating this database; waiting for it to finish");
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    }
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at
         FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const pending = findPendingMigrations(migrations, rows, log);

    const applied: string[] = [];
    for (const migration of pending) {
      log(`Applying migration ${migration.name}`);
      await applyMigration(client, migration);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    // Closing the session also releases the advisory lock.
    await client.end();
  }
}

function findPendingMigrations(
  migrations: MigrationFile[],
  rows: MigrationRow[],
  log: (line: string) => void,
): MigrationFile[] {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(", ");
    throw new Error(
      `Refusing to migrate: migration ${names} started but never finished. Inspect the database, then ` +
        `mark it with \`prisma migrate resolve --rolled-back <name>\` or set its rolled_back_at.`,
    );
  }

  const applied = new Map<string, MigrationRow>();
  for (const row of rows) {
    if (row.finished_at !== null && row.rolled_back_at === null) applied.set(row.migration_name, row);
  }
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));

  const edited = migrations.filter((migration) => {
    const row = applied.get(migration.name);
    return row !== undefined && !matchesChecksum(migration.script, row.checksum);
  });
  if (edited.length > 0) {
    const names = edited.map((migration) => migration.name).join(", ");
    throw new Error(
      `Refusing to migrate: migration ${names} was modified after it was applied (checksum differs). ` +
        `Restore the original migration.sql and put the change in a new migration.`,
    );
  }

  for (const name of applied.keys()) {
    if (!byName.has(name)) log(`Warning: migration ${name} is applied in the database but missing here`);
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: the simple query protocol accepts a script of several statements.
    await client.query(migration.script);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}

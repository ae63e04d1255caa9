import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase, withClient } from "./helpers";

const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

let databaseUrl = "";
let dropDatabase = async () => {};
let dir = "";

beforeEach(async () => {
  const scratch = await createScratchDatabase();
  databaseUrl = scratch.url;
  dropDatabase = scratch.drop;
  dir = await mkdtemp(path.join(tmpdir(), "trustboard-migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
});

afterEach(async () => {
  await dropDatabase();
  await rm(dir, { recursive: true, force: true });
});

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function addMigration(name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function recordedNames(): Promise<string[]> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    ),
  );
  return rows.map((row) => row.migration_name);
}

describe("migrate", () => {
  it("applies every migration once, then nothing", async () => {
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);
    expect(await migrate(databaseUrl, { migrationsDir })).toEqual({ applied: names });
    expect(await migrate(databaseUrl, { migrationsDir })).toEqual({ applied: [] });
    expect(await recordedNames()).toEqual(names);
  });

  it("records each migration in _prisma_migrations as Prisma does", async () => {
    await migrate(databaseUrl, { migrationsDir });
    const { rows } = await withClient(databaseUrl, (client) =>
      client.query<{
        id: string;
        checksum: string;
        migration_name: string;
        finished_at: Date | null;
        started_at: Date;
        rolled_back_at: Date | null;
        logs: string | null;
        applied_steps_count: number;
      }>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    const names = await migrationNames();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ rolled_back_at: null, logs: null, applied_steps_count: 1 });
    }

    const columns = await withClient(databaseUrl, (client) =>
      client.query<{ line: string }>(
        `SELECT column_name || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                || COALESCE(' default ' || column_default, '') AS line
           FROM information_schema.columns c
           JOIN pg_attribute a ON a.attrelid = '"_prisma_migrations"'::regclass AND a.attname = c.column_name
          WHERE c.table_name = '_prisma_migrations' ORDER BY c.ordinal_position`,
      ),
    );
    expect(columns.rows.map((row) => row.line)).toEqual([
      "id character varying(36) not null",
      "checksum character varying(64) not null",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) not null",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone not null default now()",
      "applied_steps_count integer not null default 0",
    ]);
  });

  it("applies pending migrations in name order", async () => {
    // Created out of order on disk; the second only works after the first.
    await addMigration("20991231000002_second", 'ALTER TABLE "Later" ADD COLUMN "b" TEXT;');
    await addMigration("20991231000001_first", 'CREATE TABLE "Later" ("a" TEXT);');
    const { applied } = await migrate(databaseUrl, { migrationsDir: dir });
    expect(applied.slice(-2)).toEqual(["20991231000001_first", "20991231000002_second"]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const [first] = await migrationNames();
    await migrate(databaseUrl, { migrationsDir: dir });
    const file = path.join(dir, String(first), "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited afterwards\n`);
    await addMigration("20991231000000_next", 'CREATE TABLE "Next" ("a" TEXT);');

    await expect(migrate(databaseUrl, { migrationsDir: dir })).rejects.toThrow(
      `migration ${first} was modified after it was applied`,
    );
    expect(await recordedNames()).not.toContain("20991231000000_next");
  });

  it("accepts a migration whose line endings alone changed, as Prisma does", async () => {
    const [first] = await migrationNames();
    await migrate(databaseUrl, { migrationsDir: dir });
    const file = path.join(dir, String(first), "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
    expect(await migrate(databaseUrl, { migrationsDir: dir })).toEqual({ applied: [] });
  });

  it("refuses to continue after a migration recorded as failed", async () => {
    await migrate(databaseUrl, { migrationsDir: dir });
    // What `prisma migrate deploy` leaves behind when a script fails halfway.
    await withClient(databaseUrl, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
         VALUES (gen_random_uuid()::text, repeat('0', 64), '20991231000000_failed', 'error', 0)`,
      ),
    );
    await addMigration("20991231000001_next", 'CREATE TABLE "Next" ("a" TEXT);');

    await expect(migrate(databaseUrl, { migrationsDir: dir })).rejects.toThrow(
      "migration 20991231000000_failed started but never finished",
    );
    expect(await recordedNames()).not.toContain("20991231000001_next");
  });

  it("rolls back a failing migration together with its record", async () => {
    await addMigration("20991231000000_broken", 'CREATE TABLE "Broken" ("a" TEXT);\nSELECT 1 / 0;\n');
    await expect(migrate(databaseUrl, { migrationsDir: dir })).rejects.toThrow(
      "Migration 20991231000000_broken failed and was rolled back: division by zero",
    );
    const broken = await withClient(databaseUrl, (client) =>
      client.query<{ name: string | null }>(`SELECT to_regclass('"Broken"')::text AS name`),
    );
    expect(broken.rows[0]?.name).toBeNull();
    expect(await recordedNames()).toEqual(await migrationNames());
  });

  it("lets one of two simultaneous runs apply each migration", async () => {
    const names = await migrationNames();
    const results = await Promise.all([
      migrate(databaseUrl, { migrationsDir }),
      migrate(databaseUrl, { migrationsDir }),
    ]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(names);
    expect(await recordedNames()).toEqual(names);
  });
});

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase, testDatabaseUrl, withClient } from "./helpers";
import { diffShapes, expectedShape, loadDatamodel, readDatabaseShape } from "./schema-shape";

const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

let schemaText = "";
let expected: string[] = [];
let actual: string[] = [];

beforeAll(async () => {
  schemaText = await readFile(schemaPath, "utf8");
  expected = expectedShape(loadDatamodel(schemaText));
  actual = await withClient(testDatabaseUrl(), (client) => readDatabaseShape(client));
});

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same database", () => {
    expect(actual).toEqual(expected);
  });

  it("are compared on every kind of object", () => {
    for (const kind of ["table", "column", "enum", "primary key", "unique index", "index", "foreign key"]) {
      expect(expected.filter((line) => line.startsWith(`${kind} `)).length, kind).toBeGreaterThan(0);
    }
  });
});

function shapeWithEdit(from: string, to: string): string[] {
  expect(schemaText, "the edit must apply to schema.prisma").toContain(from);
  return expectedShape(loadDatamodel(schemaText.replace(from, to)));
}

describe("the comparison reports a change made only to schema.prisma", () => {
  it("a new column", () => {
    const edited = shapeWithEdit("model User {\n", "model User {\n  nickname String?\n");
    expect(edited).not.toEqual(actual);
    expect(diffShapes(edited, actual)).toEqual({
      onlyInSchema: ["column User.nickname: text, null, no default"],
      onlyInDatabase: [],
    });
  });

  it.each([
    {
      change: "nullability",
      from: "contentHash  String\n",
      to: "contentHash  String?\n",
      onlyInSchema: ["column ModelVersion.contentHash: text, null, no default"],
      onlyInDatabase: ["column ModelVersion.contentHash: text, not null, no default"],
    },
    {
      change: "type",
      from: "liveState   Bytes?",
      to: "liveState   String?",
      onlyInSchema: ["column ThreatModel.liveState: text, null, no default"],
      onlyInDatabase: ["column ThreatModel.liveState: bytea, null, no default"],
    },
    {
      change: "default value",
      from: "headVersion Int        @default(1)",
      to: "headVersion Int        @default(2)",
      onlyInSchema: ["column ThreatModel.headVersion: integer, not null, default 2"],
      onlyInDatabase: ["column ThreatModel.headVersion: integer, not null, default 1"],
    },
    {
      change: "enum value",
      from: "  VIEWER\n}",
      to: "  VIEWER\n  AUDITOR\n}",
      onlyInSchema: ["enum Role (OWNER, EDITOR, REVIEWER, VIEWER, AUDITOR)"],
      onlyInDatabase: ["enum Role (OWNER, EDITOR, REVIEWER, VIEWER)"],
    },
    {
      change: "unique constraint",
      from: "email        String   @unique",
      to: "email        String",
      onlyInSchema: [],
      onlyInDatabase: ['unique index User (email) "User_email_key"'],
    },
    {
      change: "index",
      from: "  @@index([email])\n",
      to: "",
      onlyInSchema: [],
      onlyInDatabase: ['index Invitation (email) "Invitation_email_idx"'],
    },
    {
      change: "foreign key action",
      from: "invitedBy User      @relation(fields: [invitedById], references: [id], onDelete: Cascade)",
      to: "invitedBy User      @relation(fields: [invitedById], references: [id], onDelete: Restrict)",
      onlyInSchema: [
        'foreign key Invitation (invitedById) references User (id) on delete restrict on update cascade "Invitation_invitedById_fkey"',
      ],
      onlyInDatabase: [
        'foreign key Invitation (invitedById) references User (id) on delete cascade on update cascade "Invitation_invitedById_fkey"',
      ],
    },
  ])("a changed $change", ({ from, to, onlyInSchema, onlyInDatabase }) => {
    expect(diffShapes(shapeWithEdit(from, to), actual)).toEqual({ onlyInSchema, onlyInDatabase });
  });

  it("but not a client-side default, which has no column default", () => {
    const edited = shapeWithEdit("key            String    @id", "key String @id @default(uuid())");
    expect(diffShapes(edited, actual)).toEqual({ onlyInSchema: [], onlyInDatabase: [] });
  });
});

describe("the comparison reports a change made only in the migrations", () => {
  it("a column and an index added by a migration", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "trustboard-migrations-"));
    const scratch = await createScratchDatabase();
    try {
      await cp(migrationsDir, dir, { recursive: true });
      await mkdir(path.join(dir, "20991231000000_extra"));
      await writeFile(
        path.join(dir, "20991231000000_extra", "migration.sql"),
        'ALTER TABLE "User" ADD COLUMN "x" TEXT;\nCREATE INDEX "User_name_idx" ON "User"("name");\n',
      );
      await migrate(scratch.url, { migrationsDir: dir });
      const drifted = await withClient(scratch.url, (client) => readDatabaseShape(client));

      expect(drifted).not.toEqual(expected);
      expect(diffShapes(expected, drifted)).toEqual({
        onlyInSchema: [],
        onlyInDatabase: ["column User.x: text, null, no default", 'index User (name) "User_name_idx"'],
      });
    } finally {
      await scratch.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

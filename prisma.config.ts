import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here (see docs/decisions/0001-migrations.md), which
// needs no database; the app reads DATABASE_URL itself through lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});

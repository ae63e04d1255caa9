// Applies pending prisma/migrations to the database in DATABASE_URL (`npm run db:migrate`).
import { migrate } from "../lib/db/migrate";

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set. Point it at the PostgreSQL database to migrate, for example\n" +
        "  DATABASE_URL=postgresql://user:password@localhost:5432/trustboard npm run db:migrate",
    );
    return 1;
  }
  const { applied } = await migrate(databaseUrl, { log: (line) => console.log(line) });
  if (applied.length === 0) {
    console.log("Database is up to date");
  } else {
    console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);

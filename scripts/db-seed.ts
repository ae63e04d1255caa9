/** `npm run db:seed`: adds the demo workspaces, users and model to DATABASE_URL (once). */
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD, seedDemoData } from "@/lib/db/seed";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. (npm start seeds its embedded database by itself.)");
    process.exit(1);
  }
  const isNew = await seedDemoData();
  console.log(
    isNew
      ? `Seeded demo data. Sign in as alice@example.com with password ${DEMO_PASSWORD}.`
      : "Demo data is already there; nothing changed.",
  );
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `npm start` / `npm run dev`: validates configuration, starts the database (embedded unless
 * DATABASE_URL is set), migrates, seeds demo data on the embedded database once, builds when the
 * sources changed, and serves the app. Ctrl-C or SIGTERM stops the server and the database.
 */
const isDev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV ??= isDev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main() {
  const { EnvError, parseEnv } = await import("@/lib/env");
  let config: ReturnType<typeof parseEnv>;
  try {
    config = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = (line: string) => console.log(line);
  const { prepareDatabase } = await import("@/lib/runtime/database");
  const database = await prepareDatabase(config, log);
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping Trustboard ...");
    await collab?.close().catch(() => {});
    await http?.close().catch(() => {});
    const { db } = await import("@/lib/db/client");
    await db()
      .$disconnect()
      .catch(() => {});
    await database.stop().catch(() => {});
    process.exit(code);
  };
  let http: { close: () => Promise<void> } | undefined;
  let collab: { close: () => Promise<void> } | undefined;
  process.once("SIGINT", () => void stopAll(0));
  process.once("SIGTERM", () => void stopAll(0));

  try {
    // The built-in threat and mitigation catalog, written into the database (idempotent).
    const { ensureBuiltInCatalog } = await import("@/lib/server/catalog");
    await ensureBuiltInCatalog();
    if (database.embedded) {
      const { seedDemoData } = await import("@/lib/db/seed");
      if (await seedDemoData()) log("Seeded the demo workspaces, users and model.");
    }
    if (!isDev) {
      const { buildApp, isBuildCurrent } = await import("@/lib/runtime/build");
      if (!isBuildCurrent()) {
        log("Building Trustboard (first start, or the sources changed) ...");
        await buildApp();
      }
    }
    // Live canvases: Hocuspocus on the same origin, at /collab (shared through Redis with REDIS_URL).
    const { createCollabServer } = await import("@/lib/collab/server");
    const { setLiveDocuments } = await import("@/lib/collab/registry");
    const live = createCollabServer({ redisUrl: config.REDIS_URL });
    setLiveDocuments(live);
    collab = live;
    const { startHttpServer } = await import("@/lib/runtime/http");
    http = await startHttpServer({
      dev: isDev,
      port: config.PORT,
      host: config.HOST,
      onUpgrade: live.handleUpgrade,
      trustProxy: config.TRUST_PROXY,
    });
    const { printBanner } = await import("@/lib/runtime/banner");
    printBanner({ port: config.PORT, databaseUrl: database.embedded ? database.url : null, isDev });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

void main();

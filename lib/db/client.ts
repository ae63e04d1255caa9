import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { trustboardPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start Trustboard with `npm start` or set DATABASE_URL");
  }
  const adapter = new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

/** One client per process (kept on globalThis so dev-mode reloads do not open new pools). */
export function db(): PrismaClient {
  globalForPrisma.trustboardPrisma ??= createClient();
  return globalForPrisma.trustboardPrisma;
}

export { Prisma } from "./generated/client.ts";
export type { ModelStage, Role } from "./generated/enums.ts";

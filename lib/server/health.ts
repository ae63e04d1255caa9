import { db } from "@/lib/db/client";

const HEALTH_TIMEOUT_MS = 2_000;

export async function checkDatabase(): Promise<boolean> {
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("health check timed out")), HEALTH_TIMEOUT_MS),
      ),
    ]);
    return true;
  } catch {
    return false;
  }
}

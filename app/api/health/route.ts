import { json } from "@/lib/api/respond";
import { checkDatabase } from "@/lib/server/health";

export const dynamic = "force-dynamic";

// GET /api/health - liveness plus a database round trip; 503 while the database is unreachable.
export async function GET() {
  const isDbUp = await checkDatabase();
  return json({ status: isDbUp ? "ok" : "degraded", db: isDbUp ? "ok" : "unavailable" }, isDbUp ? 200 : 503);
}

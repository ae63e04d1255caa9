import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { listTemplates } from "@/lib/server/catalog";

// GET /api/v1/templates - parameterized starting points for common ML systems
export const GET = apiRoute({}, async () => json(listTemplates()));

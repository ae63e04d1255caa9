import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CatalogThreatQuerySchema, listCatalogThreats } from "@/lib/server/catalog";

// GET /api/v1/catalog/threats?framework=atlas|stride|owasp-ml|owasp-llm|linddun&q=&workspace= - built-in threats, plus that workspace's own
export const GET = apiRoute<Record<string, never>, undefined, typeof CatalogThreatQuerySchema>(
  { query: CatalogThreatQuerySchema },
  async ({ actor, query }) => json(await listCatalogThreats(actor, query)),
);

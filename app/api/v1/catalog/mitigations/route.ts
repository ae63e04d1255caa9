import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CatalogMitigationQuerySchema, listCatalogMitigations } from "@/lib/server/catalog";

// GET /api/v1/catalog/mitigations?q= - the built-in mitigation catalog, with the threats each addresses
export const GET = apiRoute<Record<string, never>, undefined, typeof CatalogMitigationQuerySchema>(
  { query: CatalogMitigationQuerySchema },
  async ({ actor, query }) => json(await listCatalogMitigations(actor, query)),
);

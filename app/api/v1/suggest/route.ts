import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { SuggestSchema, suggestForDocument } from "@/lib/server/catalog";

// POST /api/v1/suggest { document } - catalog threats the diagram calls for, with reasons; stores nothing
export const POST = apiRoute<Record<string, never>, typeof SuggestSchema>(
  { body: SuggestSchema },
  async ({ body }) => json(suggestForDocument(body.document)),
);

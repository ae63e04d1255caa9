import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CreateTokenSchema, createApiToken, listApiTokens } from "@/lib/server/tokens";

// GET /api/v1/tokens - the caller's API tokens (never their secrets)
export const GET = apiRoute({}, async ({ actor }) => json(await listApiTokens(actor)));

// POST /api/v1/tokens - create a token; the secret is in this response only
export const POST = apiRoute({ auth: "session", body: CreateTokenSchema }, async ({ actor, body }) => {
  const created = await createApiToken(actor, body);
  return json(
    { id: created.id, name: created.name, token: created.token, createdAt: created.createdAt },
    201,
  );
});

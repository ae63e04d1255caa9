import { noContent } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { ChangePasswordSchema, changePassword } from "@/lib/server/users";

// POST /api/v1/account/password - change the signed-in user's password
export const POST = apiRoute({ auth: "session", body: ChangePasswordSchema }, async ({ actor, body }) => {
  await changePassword(actor, body);
  return noContent();
});

import { readJsonBody } from "@/lib/api/body";
import { AppError } from "@/lib/api/errors";
import { json } from "@/lib/api/respond";
import { assertSameOrigin, publicRoute } from "@/lib/api/route";
import { env } from "@/lib/env";
import { createUser, SignUpSchema } from "@/lib/server/users";

// POST /api/v1/account - sign up with email and password (off when SIGNUP_ENABLED=false)
export const POST = publicRoute(async (request) => {
  if (!env().SIGNUP_ENABLED) throw new AppError("forbidden", "Sign-up is turned off on this server");
  assertSameOrigin(request);
  const input = SignUpSchema.parse(await readJsonBody(request, 64 * 1024));
  const user = await createUser(input);
  return json({ id: user.id, email: user.email, name: user.name }, 201);
});

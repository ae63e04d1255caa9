import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env, isOidcEnabled, resolveAuthSecret } from "@/lib/env";
import { findUserForSignIn, getSessionActor, upsertSsoUser } from "@/lib/server/users";
import { getDecoyHash, verifyPassword } from "./password";
import { clearFailures, lockedForSeconds, recordFailure } from "./throttle";

const CredentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
});

/** Shown for every wrong email or password alike, so sign-in does not reveal which accounts exist. */
export const INVALID_CREDENTIALS = "CredentialsSignin";
export const RATE_LIMITED = "Too many failed sign-in attempts. Try again later.";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

/** The address of the nearest hop: the rightmost X-Forwarded-For entry, which the server itself adds. */
export function clientAddress(headers: HeaderBag): string {
  const raw = headers?.["x-forwarded-for"];
  const forwarded = Array.isArray(raw) ? raw.join(",") : raw;
  const last = forwarded?.split(",").pop()?.trim();
  const real = headers?.["x-real-ip"];
  return last || (typeof real === "string" ? real : "") || "unknown";
}

async function authorizeCredentials(raw: unknown, headers: HeaderBag) {
  const parsed = CredentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(headers);
  if ((await lockedForSeconds("email", email)) > 0 || (await lockedForSeconds("ip", address)) > 0) {
    throw new Error(RATE_LIMITED);
  }
  const user = await findUserForSignIn(email);
  const isValid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await getDecoyHash(), password).then(() => false);
  if (!user || !isValid) {
    await Promise.all([recordFailure("email", email), recordFailure("ip", address)]);
    return null;
  }
  await clearFailures("email", email);
  return { id: user.id, email: user.email, name: user.name, epoch: user.sessionEpoch };
}

function oidcProvider() {
  const config = env();
  return {
    id: "oidc",
    name: config.OIDC_NAME,
    type: "oauth" as const,
    wellKnown: `${config.OIDC_ISSUER?.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce" as const, "state" as const],
    profile(profile: { sub: string; email?: string; name?: string }) {
      return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.email ?? "" };
    },
  };
}

let cached: NextAuthOptions | undefined;

/** Built on first use (not at import) so `next build` needs no secret. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = env();
  // Without NEXTAUTH_URL, next-auth takes the origin from the request's Host header.
  if (!config.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  const useSecureCookies = config.COOKIE_SECURE ?? config.NEXTAUTH_URL?.startsWith("https://") ?? false;
  cached = {
    secret: resolveAuthSecret(config),
    useSecureCookies,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers as HeaderBag),
      }),
      ...(isOidcEnabled(config) ? [oidcProvider()] : []),
    ],
    callbacks: {
      async signIn({ account, user }) {
        if (account?.provider !== "oidc") return true;
        return Boolean(user.email);
      },
      async jwt({ token, user, account }) {
        if (account?.provider === "oidc" && user?.email) {
          const dbUser = await upsertSsoUser(user.email, user.name ?? "");
          return {
            ...token,
            sub: dbUser.id,
            email: dbUser.email,
            name: dbUser.name,
            epoch: dbUser.sessionEpoch,
          };
        }
        if (user)
          return { ...token, sub: user.id, email: user.email, name: user.name, epoch: user.epoch ?? 0 };
        return token;
      },
      async session({ session, token }) {
        if (token.sub) {
          session.user = { id: token.sub, email: token.email ?? "", name: token.name ?? "" };
          session.epoch = token.epoch ?? 0;
        }
        return session;
      },
    },
  };
  return cached;
}

/**
 * Resolves a session to the current account, or null when the session is over: the account was
 * deleted or its password changed since the session was signed in. Sessions from before epochs
 * existed carry none and count as epoch 0.
 */
export async function actorFromSession(userId: string | undefined, epoch: number | undefined) {
  return userId ? getSessionActor(userId, epoch ?? 0) : null;
}

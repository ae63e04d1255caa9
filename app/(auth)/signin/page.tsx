import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentActor } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/client/safe-redirect";
import { env, isOidcEnabled } from "@/lib/env";

export const metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; email?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const callbackUrl = safeRedirectPath(query.callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  const config = env();
  return (
    <AuthCard
      title="Sign in to Trustboard"
      footer={
        config.SIGNUP_ENABLED ? (
          <>
            New here?{" "}
            <Link
              className="font-medium text-brand-600 hover:underline"
              href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            >
              Create an account
            </Link>
          </>
        ) : null
      }
    >
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={query.error}
        defaultEmail={query.email}
        oidcName={isOidcEnabled(config) ? config.OIDC_NAME : undefined}
      />
    </AuthCard>
  );
}

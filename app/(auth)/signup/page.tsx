import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { getCurrentActor } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/client/safe-redirect";
import { env } from "@/lib/env";

export const metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string; email?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const query = await searchParams;
  const callbackUrl = safeRedirectPath(query.callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Create your Trustboard account"
      footer={
        <>
          Already have an account?{" "}
          <Link
            className="font-medium text-brand-600 hover:underline"
            href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          >
            Sign in
          </Link>
        </>
      }
    >
      {env().SIGNUP_ENABLED ? (
        <SignUpForm callbackUrl={callbackUrl} defaultEmail={query.email} />
      ) : (
        <Alert tone="info">
          Sign-up is turned off on this server. Ask a workspace owner for an invitation.
        </Alert>
      )}
    </AuthCard>
  );
}

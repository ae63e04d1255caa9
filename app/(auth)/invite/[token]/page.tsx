import Link from "next/link";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { getCurrentActor } from "@/lib/auth/session";
import { getInvitation } from "@/lib/server/members";

export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, actor] = await Promise.all([getInvitation(token), getCurrentActor()]);
  if (!invitation) {
    return (
      <AuthCard title="Invitation not found">
        <Alert>
          This invitation link is invalid, has already been used, or has expired. Ask the workspace owner for
          a new one.
        </Alert>
      </AuthCard>
    );
  }
  const here = `/invite/${token}`;
  const role = invitation.role.toLowerCase();
  return (
    <AuthCard title={`Join ${invitation.workspace.name}`}>
      <p className="mb-4 text-sm text-slate-600">
        You are invited as <strong>{role}</strong> ({invitation.email}).
      </p>
      {!actor ? (
        <div className="flex flex-col gap-2 text-sm">
          <Link
            className="font-medium text-brand-600 hover:underline"
            href={`/signup?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}
          >
            Create an account for {invitation.email}
          </Link>
          <Link
            className="font-medium text-brand-600 hover:underline"
            href={`/signin?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}
          >
            I already have an account: sign in
          </Link>
        </div>
      ) : actor.email === invitation.email ? (
        <AcceptInvitation token={token} workspaceName={invitation.workspace.name} />
      ) : (
        <div className="space-y-3">
          <Alert>
            This invitation is for {invitation.email}, but you are signed in as {actor.email}.
          </Alert>
          <SignOutButton callbackUrl={here} />
        </div>
      )}
    </AuthCard>
  );
}

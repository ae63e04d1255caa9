import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requireActor("/settings/account");
  return (
    <div className="max-w-xl">
      <PageHeader title="Account" subtitle={`${actor.name} · ${actor.email}`} />
      <Card title="Change password">
        <ChangePasswordForm email={actor.email} />
      </Card>
    </div>
  );
}

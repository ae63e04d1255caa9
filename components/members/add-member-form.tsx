"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField, TextField } from "@/components/ui/field";
import { ROLES } from "@/lib/auth/permissions";
import { ApiClientError, apiFetch } from "@/lib/client/api";

type Result =
  | { status: "added"; name: string; email: string }
  | { status: "invited"; email: string; inviteUrl: string };

export function AddMemberForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError("");
    setResult(null);
    try {
      const created = await apiFetch<Result>(`/api/v1/workspaces/${workspaceId}/members`, {
        method: "POST",
        body: { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") },
      });
      setResult(created);
      formElement.reset();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not add the member.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <TextField
          label="Email address"
          name="email"
          type="email"
          required
          className="min-w-64 flex-1"
          placeholder="name@company.com"
        />
        <SelectField label="Role" name="role" defaultValue="EDITOR" className="w-40">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role.toLowerCase()}
            </option>
          ))}
        </SelectField>
        <Button type="submit" isBusy={isBusy}>
          Add member
        </Button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {result?.status === "added" ? (
        <Alert tone="success">
          {result.name} ({result.email}) is now a member.
        </Alert>
      ) : null}
      {result?.status === "invited" ? (
        <Alert tone="info">
          <p className="mb-2">
            {result.email} has no account yet. Send them this one-time invitation link (shown only now):
          </p>
          <CopyField label="Invitation link" value={result.inviteUrl} />
        </Alert>
      ) : null}
    </div>
  );
}

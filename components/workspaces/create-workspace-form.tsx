"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiClientError, apiFetch } from "@/lib/client/api";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    try {
      const workspace = await apiFetch<{ id: string }>("/api/v1/workspaces", {
        method: "POST",
        body: { name: String(form.get("name") ?? "") },
      });
      router.push(`/w/${workspace.id}`);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not create the workspace.");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label="Workspace name"
        name="name"
        required
        maxLength={100}
        autoFocus
        placeholder="e.g. Payments ML"
      />
      <Button type="submit" isBusy={isBusy}>
        Create workspace
      </Button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiClientError, apiFetch } from "@/lib/client/api";

export function CreateModelForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    try {
      const model = await apiFetch<{ id: string }>(`/api/v1/workspaces/${workspaceId}/models`, {
        method: "POST",
        body: { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") },
      });
      router.push(`/models/${model.id}`);
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not create the model.");
      setBusy(false);
    }
  }

  if (!isOpen) return <Button onClick={() => setOpen(true)}>New threat model</Button>;
  return (
    <form
      onSubmit={onSubmit}
      className="flex w-full max-w-xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-label="New threat model"
    >
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label="Model name"
        name="name"
        required
        maxLength={200}
        autoFocus
        placeholder="e.g. Support chatbot with RAG"
      />
      <TextField
        label="Description"
        name="description"
        maxLength={2000}
        placeholder="What is this system for?"
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={isBusy}>
          Cancel
        </Button>
        <Button type="submit" isBusy={isBusy}>
          Create model
        </Button>
      </div>
    </form>
  );
}

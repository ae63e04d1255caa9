"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { TextField } from "@/components/ui/field";
import { ApiClientError, apiFetch } from "@/lib/client/api";

type TokenRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

const formatTime = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

export function TokensPanel({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get("name") ?? "");
    setBusyId("new");
    setError("");
    try {
      const token = await apiFetch<{ name: string; token: string }>("/api/v1/tokens", {
        method: "POST",
        body: { name },
      });
      setCreated(token);
      formElement.reset();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not create the token.");
    } finally {
      setBusyId(null);
    }
  }

  async function onRevoke(token: TokenRow) {
    if (!window.confirm(`Revoke "${token.name}"? Scripts using it will stop working.`)) return;
    setBusyId(token.id);
    setError("");
    try {
      await apiFetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not revoke the token.");
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="max-w-3xl">
      <PageHeader
        title="API tokens"
        subtitle="Tokens let scripts and CI pipelines call the REST API as you (Authorization: Bearer <token>)."
      />
      <div className="space-y-6">
        {error ? <Alert>{error}</Alert> : null}
        <Card title="Create a token">
          <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3">
            <TextField
              label="Token name"
              name="name"
              required
              maxLength={80}
              className="min-w-64 flex-1"
              placeholder="e.g. ci-pipeline"
            />
            <Button type="submit" isBusy={busyId === "new"}>
              Create token
            </Button>
          </form>
          {created ? (
            <div className="mt-4">
              <Alert tone="success">
                <p className="mb-2">Copy the token for “{created.name}” now: it will not be shown again.</p>
                <CopyField label="New API token" value={created.token} />
              </Alert>
            </div>
          ) : null}
        </Card>
        <Card title="Your tokens">
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-600">You have no API tokens.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">API tokens</caption>
              <thead className="text-xs text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="pb-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="pb-2 font-medium">
                    Created
                  </th>
                  <th scope="col" className="pb-2 font-medium">
                    Last used
                  </th>
                  <th scope="col" className="pb-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td className="py-2.5 font-medium">{token.name}</td>
                    <td className="py-2.5 text-slate-600">{formatTime(token.createdAt)}</td>
                    <td className="py-2.5 text-slate-600">{formatTime(token.lastUsedAt)}</td>
                    <td className="py-2.5 text-right">
                      <Button
                        variant="danger"
                        isBusy={busyId === token.id}
                        onClick={() => onRevoke(token)}
                        aria-label={`Revoke ${token.name}`}
                      >
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </div>
  );
}

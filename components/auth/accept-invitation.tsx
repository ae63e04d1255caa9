"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiClientError, apiFetch } from "@/lib/client/api";

export function AcceptInvitation({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setError("");
    try {
      const { workspaceId } = await apiFetch<{ workspaceId: string }>(
        `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
        {
          method: "POST",
        },
      );
      router.replace(`/w/${workspaceId}`);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Something went wrong. Try again.");
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Button className="w-full" onClick={accept} isBusy={isBusy}>
        Join {workspaceName}
      </Button>
    </div>
  );
}

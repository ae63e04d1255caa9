"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiClientError } from "@/lib/client/api";
import type { VersionSummary } from "./use-versions";

type Props = {
  version: VersionSummary | null;
  headVersion: number;
  hasUnsavedChanges: boolean;
  onClose: () => void;
  onRestore: (number: number, message: string) => Promise<void>;
};

/** Confirms a restore: it adds a new head with the old content; nothing in the history changes. */
export function RestoreDialog({ version, headVersion, hasUnsavedChanges, onClose, onRestore }: Props) {
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!version) return;
    setBusy(true);
    setError("");
    try {
      await onRestore(version.number, message.trim());
      setMessage("");
      onClose();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Restoring failed. Nothing was changed.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      isOpen={version !== null}
      onClose={onClose}
      title={`Restore version ${version?.number ?? ""}`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={isBusy}>
            Cancel
          </Button>
          <Button type="submit" form="restore-version-form" isBusy={isBusy}>
            Restore as version {headVersion + 1}
          </Button>
        </>
      }
    >
      <form id="restore-version-form" onSubmit={submit} className="space-y-3">
        {error ? <Alert>{error}</Alert> : null}
        <p className="text-sm text-slate-700">
          Version {version?.number}'s content becomes the new head, version {headVersion + 1}. Versions 1 to{" "}
          {headVersion} stay as they are, so reviews that point to them still hold.
        </p>
        {hasUnsavedChanges ? (
          <Alert>Your unsaved changes on the canvas will be replaced by the restored version.</Alert>
        ) : null}
        <label className="block text-sm font-medium text-slate-700" htmlFor="restore-message">
          Why? (optional)
        </label>
        <textarea
          id="restore-message"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          maxLength={400}
          rows={2}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
          placeholder="e.g. The redesign was rejected by the review board"
        />
      </form>
    </Dialog>
  );
}

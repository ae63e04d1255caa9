"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiClientError } from "@/lib/client/api";

type Props = {
  isOpen: boolean;
  onClose: () => void;
  onSave: (message: string) => Promise<{ number: number; isNew: boolean } | null>;
  onSaved: (result: { number: number; isNew: boolean }) => void;
};

export function SaveVersionDialog({ isOpen, onClose, onSave, onSaved }: Props) {
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      const result = await onSave(message.trim());
      if (result) {
        onSaved(result);
        setMessage("");
      }
      onClose();
    } catch (caught) {
      setError(
        caught instanceof ApiClientError ? caught.message : "Saving failed. Your changes are still here.",
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Save version"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={isBusy}>
            Cancel
          </Button>
          <Button type="submit" form="save-version-form" isBusy={isBusy}>
            Save version
          </Button>
        </>
      }
    >
      <form id="save-version-form" onSubmit={submit} className="space-y-3">
        {error ? <Alert>{error}</Alert> : null}
        <p className="text-sm text-slate-600">
          A version is an immutable snapshot that reviews and sign-offs point to.
        </p>
        <label className="block text-sm font-medium text-slate-700" htmlFor="version-message">
          What changed?
        </label>
        <textarea
          id="version-message"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          maxLength={500}
          rows={3}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
          placeholder="e.g. Added the RAG index and its poisoning threat"
        />
      </form>
    </Dialog>
  );
}

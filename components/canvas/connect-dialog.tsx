"use client";

import { type FormEvent, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { useCanvas } from "@/lib/store/canvas-context";

/** Draws a flow without a mouse: pick the two ends from lists. */
export function ConnectDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const elements = useCanvas((s) => s.document.elements);
  const selectedIds = useCanvas((s) => s.selectedIds);
  const addFlow = useCanvas((s) => s.addFlow);
  const select = useCanvas((s) => s.select);
  const [error, setError] = useState("");
  const choices = useMemo(() => elements.filter((e) => e.kind !== "trust-boundary"), [elements]);
  const initialSource = choices.find((e) => selectedIds.includes(e.id))?.id ?? choices[0]?.id ?? "";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const id = addFlow(String(form.get("source")), String(form.get("target")));
    if (!id) {
      setError("Choose two different elements (trust boundaries cannot be connected).");
      return;
    }
    select([id]);
    setError("");
    onClose();
  }

  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Connect elements"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="connect-form">
            Add flow
          </Button>
        </>
      }
    >
      <form id="connect-form" onSubmit={submit} className="space-y-3">
        {error ? <Alert>{error}</Alert> : null}
        <SelectField label="From" name="source" defaultValue={initialSource}>
          {choices.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label || e.id}
            </option>
          ))}
        </SelectField>
        <SelectField label="To" name="target" defaultValue={choices.find((e) => e.id !== initialSource)?.id}>
          {choices.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label || e.id}
            </option>
          ))}
        </SelectField>
      </form>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiClientError } from "@/lib/client/api";
import type { Conflict } from "./use-persistence";

type Props = {
  conflict: Conflict | null;
  isOpen: boolean;
  baseVersion: number;
  onCompare: () => void;
  onRebase: () => Promise<void>;
  onLoadHead: () => Promise<void>;
};

/** Someone saved first: the user sees what changed, then keeps their work (rebase) or takes theirs. */
export function ConflictDialog({ conflict, isOpen, baseVersion, onCompare, onRebase, onLoadHead }: Props) {
  return (
    <Dialog
      isOpen={isOpen && conflict !== null}
      onClose={() => undefined}
      title="Someone else saved a newer version"
      footer={
        <ConflictActions
          headVersion={conflict?.headVersion ?? 0}
          onRebase={onRebase}
          onLoadHead={onLoadHead}
        />
      }
    >
      <p className="text-sm text-slate-700">
        You started from version {baseVersion}, but version {conflict?.headVersion} has been saved since. Your
        changes are still here and autosaved.
      </p>
      <p className="mt-3 text-sm text-slate-700">
        <button type="button" className="font-medium text-brand-600 hover:underline" onClick={onCompare}>
          See what changed from version {baseVersion} to {conflict?.headVersion}
        </button>{" "}
        on the canvas before you decide. Keeping yours replays your edits on top of version{" "}
        {conflict?.headVersion}; where you both changed the same field, yours wins and you are told which.
      </p>
    </Dialog>
  );
}

/** The two ways out of a conflict; also shown in the comparison's banner. */
export function ConflictActions(props: {
  headVersion: number;
  onRebase: () => Promise<void>;
  onLoadHead: () => Promise<void>;
}) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setError("");
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "That did not work. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <Button variant="secondary" onClick={run(props.onLoadHead)} disabled={isBusy}>
        Discard mine, load version {props.headVersion}
      </Button>
      <Button onClick={run(props.onRebase)} isBusy={isBusy}>
        Keep my changes on top
      </Button>
    </>
  );
}

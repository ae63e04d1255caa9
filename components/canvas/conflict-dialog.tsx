"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Conflict } from "./use-persistence";

type Props = {
  conflict: Conflict | null;
  modelId: string;
  baseVersion: number;
  onRebase: () => Promise<void>;
  onLoadHead: () => Promise<void>;
};

/** Someone saved first: the user keeps their work (rebase) or takes theirs; nothing is lost silently. */
export function ConflictDialog({ conflict, modelId, baseVersion, onRebase, onLoadHead }: Props) {
  const [isBusy, setBusy] = useState(false);
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      isOpen={conflict !== null}
      onClose={() => undefined}
      title="Someone else saved a newer version"
      footer={
        <>
          <Button variant="secondary" onClick={run(onLoadHead)} disabled={isBusy}>
            Discard mine, load version {conflict?.headVersion}
          </Button>
          <Button onClick={run(onRebase)} isBusy={isBusy}>
            Keep my changes on top
          </Button>
        </>
      }
    >
      <p className="text-sm text-slate-700">
        You started from version {baseVersion}, but version {conflict?.headVersion} has been saved since. Your
        changes are still here and autosaved.
      </p>
      <p className="mt-3 text-sm text-slate-700">
        <a
          className="font-medium text-brand-600 hover:underline"
          href={`/api/v1/models/${modelId}/versions/${conflict?.headVersion ?? ""}`}
          target="_blank"
          rel="noreferrer"
        >
          See version {conflict?.headVersion}
        </a>{" "}
        before you decide. Keeping yours makes your copy the next version after it when you save again.
      </p>
    </Dialog>
  );
}

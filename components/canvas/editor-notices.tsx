"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { RebaseConflict } from "@/lib/domain/rebase";

type Props = {
  /** A restored draft, with a way to throw it away. */
  notice: string | null;
  onDismissNotice: () => void;
  onDiscardDraft: () => void;
  /** What a rebase did. */
  mergeNote: string | null;
  onDismissMergeNote: () => void;
  /** A short-lived confirmation (saved, restored). */
  flash: string | null;
};

/** The notices between the toolbar and the canvas. */
export function EditorNotices(props: Props) {
  return (
    <>
      {props.notice ? (
        <InfoNotice text={props.notice} onDismiss={props.onDismissNotice}>
          <button type="button" className="ml-1 font-medium underline" onClick={props.onDiscardDraft}>
            Discard these changes
          </button>
        </InfoNotice>
      ) : null}
      {props.mergeNote ? <InfoNotice text={props.mergeNote} onDismiss={props.onDismissMergeNote} /> : null}
      {props.flash ? (
        <div
          role="status"
          className="border-b border-emerald-100 bg-emerald-50 px-4 py-1.5 text-xs font-medium text-emerald-800"
        >
          {props.flash}
        </div>
      ) : null}
    </>
  );
}

/** A notice that stays until dismissed, with any further actions after "Dismiss". */
function InfoNotice(props: { text: string; onDismiss: () => void; children?: ReactNode }) {
  return (
    <div className="border-b border-amber-100 px-4 py-1.5">
      <Alert tone="info">
        <span>{props.text} </span>
        <button type="button" className="font-medium underline" onClick={props.onDismiss}>
          Dismiss
        </button>
        {props.children}
      </Alert>
    </div>
  );
}

/** What a rebase did, in a sentence for the notice above the canvas. */
export function describeRebase(conflicts: readonly RebaseConflict[], headVersion: number): string {
  const start = `Your changes now sit on top of version ${headVersion}; save to make them the next version.`;
  if (conflicts.length === 0) return `${start} Nothing you changed had been changed by them.`;
  const listed = conflicts
    .slice(0, 3)
    .map((c) => (c.field === "*" ? c.note : `${c.id ? `${c.id}: ` : ""}${c.field}`))
    .join("; ");
  const more = conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : "";
  return `${start} ${conflicts.length} ${conflicts.length === 1 ? "place" : "places"} had been changed on both sides and kept your version: ${listed}${more}.`;
}

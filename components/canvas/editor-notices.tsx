"use client";

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
        <div className="border-b border-amber-100 px-4 py-1.5">
          <Alert tone="info">
            <span>{props.notice} </span>
            <button type="button" className="font-medium underline" onClick={props.onDismissNotice}>
              Dismiss
            </button>{" "}
            <button type="button" className="font-medium underline" onClick={props.onDiscardDraft}>
              Discard these changes
            </button>
          </Alert>
        </div>
      ) : null}
      {props.mergeNote ? (
        <div className="border-b border-amber-100 px-4 py-1.5">
          <Alert tone="info">
            <span>{props.mergeNote} </span>
            <button type="button" className="font-medium underline" onClick={props.onDismissMergeNote}>
              Dismiss
            </button>
          </Alert>
        </div>
      ) : null}
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

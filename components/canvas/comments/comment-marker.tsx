"use client";

import { useCommentMarker } from "./use-comments";

/** A speech bubble with the number of open comment threads on an element or flow; opens them. */
export function CommentMarker({ targetId, className = "" }: { targetId: string; className?: string }) {
  const { count, show } = useCommentMarker(targetId);
  if (count === 0) return null;
  const name = `${count} open comment thread${count === 1 ? "" : "s"}: show`;
  return (
    <button
      type="button"
      title={name}
      aria-label={name}
      onClick={(event) => {
        event.stopPropagation();
        show();
      }}
      className={`nodrag nopan inline-flex h-5 min-w-5 items-center justify-center gap-0.5 rounded-full bg-violet-600 px-1.5 text-[11px] font-semibold text-white shadow-sm hover:bg-violet-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-violet-700 ${className}`}
      data-testid="comment-marker"
    >
      <svg viewBox="0 0 12 12" className="size-2.5" fill="currentColor" aria-hidden>
        <path d="M2 1.5h8A1.5 1.5 0 0 1 11.5 3v4A1.5 1.5 0 0 1 10 8.5H5L2.5 10.5V8.5H2A1.5 1.5 0 0 1 .5 7V3A1.5 1.5 0 0 1 2 1.5z" />
      </svg>
      {count}
    </button>
  );
}

"use client";

import { type ReactNode, useId } from "react";

type Props = {
  isOpen: boolean;
  onToggle: () => void;
  /** The row's main text, also the button's accessible name. */
  title: string;
  /** Badges and details shown on the row beside the title. */
  meta?: ReactNode;
  children: ReactNode;
};

/**
 * A list row that expands into an editor: a real button with aria-expanded, so it works from the
 * keyboard and announces its state. Used for assets, threats and mitigations.
 */
export function Disclosure({ isOpen, onToggle, title, meta, children }: Props) {
  const id = useId();
  return (
    <li
      className={`rounded-md border bg-white ${isOpen ? "border-brand-500/40 shadow-sm ring-1 ring-brand-500/20" : "border-slate-200"}`}
    >
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={onToggle}
        className="flex w-full items-start gap-2 rounded-md px-2.5 py-2 text-left hover:bg-slate-50"
      >
        <svg
          aria-hidden
          viewBox="0 0 16 16"
          className={`mt-0.5 size-4 shrink-0 text-slate-400 transition-transform ${isOpen ? "rotate-90" : ""}`}
        >
          <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
        </svg>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium break-words text-slate-900">{title}</span>
          {meta ? <span className="mt-1 flex flex-wrap items-center gap-1.5">{meta}</span> : null}
        </span>
      </button>
      {isOpen ? (
        <div id={id} className="space-y-3 border-t border-slate-200 px-3 py-3">
          {children}
        </div>
      ) : null}
    </li>
  );
}

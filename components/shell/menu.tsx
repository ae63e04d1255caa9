"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/** A disclosure menu: opens on click or Enter/Space, closes on Escape, outside click or navigation. */
export function Menu({
  label,
  button,
  children,
  align = "left",
}: {
  label: string;
  button: ReactNode;
  children: ReactNode;
  align?: "left" | "right";
}) {
  const [isOpen, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [isOpen]);

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
        className="inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {button}
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 text-slate-400" fill="currentColor">
          <path
            d="M5.5 7.5 10 12l4.5-4.5"
            stroke="currentColor"
            strokeWidth="1.6"
            fill="none"
            strokeLinecap="round"
          />
        </svg>
      </button>
      {isOpen ? (
        // biome-ignore lint/a11y/useKeyWithClickEvents: clicks inside only close the menu after a link or button ran
        // biome-ignore lint/a11y/noStaticElementInteractions: as above; the items themselves are links and buttons
        <div
          id={panelId}
          onClick={() => setOpen(false)}
          className={`absolute z-50 mt-1 min-w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}

export const MENU_ITEM =
  "block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 focus:bg-slate-50";

import type { DiffStatus } from "@/lib/domain/diff";

export const DIFF_STYLES: Record<DiffStatus, { label: string; swatch: string; text: string }> = {
  added: { label: "Added", swatch: "border-emerald-600 bg-emerald-100", text: "text-emerald-800" },
  changed: { label: "Changed", swatch: "border-amber-500 bg-amber-100", text: "text-amber-800" },
  removed: { label: "Removed", swatch: "border-dashed border-red-600 bg-red-50", text: "text-red-800" },
};

/** The key to the comparison's colours, with how many elements and flows each covers. */
export function DiffLegend({ counts }: { counts: Record<DiffStatus, number> }) {
  return (
    <section
      aria-label="Comparison legend"
      className="pointer-events-auto absolute top-3 left-3 z-10 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-sm"
    >
      <ul className="flex flex-col gap-1">
        {(Object.keys(DIFF_STYLES) as DiffStatus[]).map((status) => (
          <li key={status} className="flex items-center gap-2" data-testid={`legend-${status}`}>
            <span
              aria-hidden
              className={`inline-block size-3 rounded-sm border-2 ${DIFF_STYLES[status].swatch}`}
            />
            <span className={`font-medium ${DIFF_STYLES[status].text}`}>{DIFF_STYLES[status].label}</span>
            <span className="ml-auto pl-3 text-slate-600 tabular-nums">{counts[status]}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-[10px] text-slate-500">elements and flows on the diagram</p>
    </section>
  );
}

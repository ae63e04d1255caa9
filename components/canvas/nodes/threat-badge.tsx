"use client";

import { memo } from "react";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { openThreatSummaries, type SeverityBand } from "@/lib/domain/risk";
import { useCanvas } from "@/lib/store/canvas-context";

// One pass over the threats per document, shared by every badge on the canvas.
const cache = new WeakMap<ThreatModelDocument, ReturnType<typeof openThreatSummaries>>();
function summaryOf(doc: ThreatModelDocument, id: string) {
  let summaries = cache.get(doc);
  if (!summaries) {
    summaries = openThreatSummaries(doc);
    cache.set(doc, summaries);
  }
  return summaries.get(id);
}

// Solid circles: they must stand out on any node colour (the panels use the lighter BAND_STYLES).
const CANVAS_BADGE: Record<SeverityBand, string> = {
  none: "bg-slate-400 text-white",
  low: "bg-emerald-600 text-white",
  medium: "bg-amber-400 text-amber-950",
  high: "bg-orange-600 text-white",
  critical: "bg-red-700 text-white",
};

/** Open-threat count of an element or flow, coloured by its highest residual severity. */
export const ThreatBadge = memo(function ThreatBadge({
  targetId,
  className = "",
}: {
  targetId: string;
  className?: string;
}) {
  // Primitive selections: the badge re-renders only when its own count or band changes.
  const count = useCanvas((s) => summaryOf(s.document, targetId)?.openCount ?? 0);
  const band = useCanvas((s) => summaryOf(s.document, targetId)?.highestBand ?? "none");
  if (count === 0) return null;
  return (
    <span
      className={`inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1.5 text-[11px] font-semibold shadow-sm ${CANVAS_BADGE[band]} ${className}`}
      title={`${count} open threat${count === 1 ? "" : "s"}, highest residual risk ${band}`}
      role="img"
      aria-label={`${count} open threat${count === 1 ? "" : "s"}, highest residual risk ${band}`}
    >
      {count}
    </span>
  );
});

import { type SeverityBand, severityBand } from "@/lib/domain/risk";
import { BAND_LABELS } from "./labels";

/**
 * Severity colours shared by badges, the threats table and the risk matrix: low green, medium
 * yellow, high orange, critical red. The band is always written out too, never colour alone.
 */
export const BAND_STYLES: Record<SeverityBand, { badge: string; cell: string; dot: string }> = {
  none: {
    badge: "bg-slate-100 text-slate-600 ring-slate-200",
    cell: "bg-slate-50 text-slate-500",
    dot: "bg-slate-300",
  },
  low: {
    badge: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    cell: "bg-emerald-100 text-emerald-900",
    dot: "bg-emerald-500",
  },
  medium: {
    badge: "bg-yellow-50 text-yellow-800 ring-yellow-300",
    cell: "bg-yellow-100 text-yellow-900",
    dot: "bg-yellow-400",
  },
  high: {
    badge: "bg-orange-50 text-orange-800 ring-orange-300",
    cell: "bg-orange-200 text-orange-950",
    dot: "bg-orange-500",
  },
  critical: {
    badge: "bg-red-600 text-white ring-red-600",
    cell: "bg-red-300 text-red-950",
    dot: "bg-red-600",
  },
};

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

type Props = {
  score: number;
  /** Names the score for assistive technology and the tooltip: "Inherent risk", "Residual risk". */
  label?: string;
  /** Hide the band word when space is tight (the tooltip and accessible name keep it). */
  isCompact?: boolean;
};

/** A coloured pill with the severity band and the score, e.g. "High 12". */
export function SeverityBadge({ score, label, isCompact = false }: Props) {
  const band = severityBand(score);
  const description = `${label ? `${label} ` : ""}${formatScore(score)}, ${BAND_LABELS[band].toLowerCase()}`;
  return (
    <span
      title={description}
      className={`inline-flex shrink-0 items-center justify-center gap-1 rounded-full px-2 py-0.5 ${isCompact ? "min-w-10" : ""} text-xs font-medium whitespace-nowrap tabular-nums ring-1 ring-inset ${BAND_STYLES[band].badge}`}
    >
      <span className="sr-only">{description}</span>
      <span aria-hidden>{isCompact ? formatScore(score) : `${BAND_LABELS[band]} ${formatScore(score)}`}</span>
    </span>
  );
}

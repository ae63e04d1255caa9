"use client";

import { useMemo } from "react";
import { type RiskMatrix as Matrix, riskMatrix, severityBand } from "@/lib/domain/risk";
import { useCanvas } from "@/lib/store/canvas-context";
import { BAND_LABELS, IMPACT_LABELS, LIKELIHOOD_LABELS } from "./labels";
import { BAND_STYLES } from "./severity-badge";

const LEVELS = [1, 2, 3, 4, 5] as const;
const LEGEND = (["low", "medium", "high", "critical"] as const).map((band) => ({
  band,
  range: { low: "1–4", medium: "5–9", high: "10–16", critical: "17–25" }[band],
}));

/**
 * The model's threats on two 5 x 5 grids, likelihood by impact: before mitigations (inherent) and
 * after those in place (residual). Each is a table with a caption and row/column headers, so a
 * screen reader reads "Likelihood 4 Likely, Impact 5 Severe: 2 threats".
 */
export function RiskMatrix() {
  const threats = useCanvas((s) => s.document.threats);
  const mitigations = useCanvas((s) => s.document.mitigations);
  const inherent = useMemo(() => riskMatrix({ threats, mitigations }, "inherent"), [threats, mitigations]);
  const residual = useMemo(() => riskMatrix({ threats, mitigations }, "residual"), [threats, mitigations]);

  return (
    <section
      aria-labelledby="risk-matrix-title"
      className="rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <header className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div>
          <h2 id="risk-matrix-title" className="text-sm font-semibold text-ink">
            Risk matrix
          </h2>
          <p className="text-xs text-slate-500">
            Threats counted by likelihood and impact. Not-applicable threats are left out.
          </p>
        </div>
        <ul className="flex flex-wrap gap-3 text-xs text-slate-600" aria-label="Severity bands">
          {LEGEND.map(({ band, range }) => (
            <li key={band} className="inline-flex items-center gap-1.5">
              <span aria-hidden className={`size-3 rounded-sm ${BAND_STYLES[band].cell}`} />
              {BAND_LABELS[band]} <span className="text-slate-400">{range}</span>
            </li>
          ))}
        </ul>
      </header>
      <div className="@container p-4">
        <div className="grid gap-8 @5xl:grid-cols-2">
          <Grid matrix={inherent} caption="Inherent risk" note="Before any mitigation." />
          <Grid
            matrix={residual}
            caption="Residual risk"
            note="After implemented and verified mitigations: each threat keeps its likelihood and moves to the lowest impact that still covers its residual score."
          />
        </div>
      </div>
    </section>
  );
}

function Grid({ matrix, caption, note }: { matrix: Matrix; caption: string; note: string }) {
  const total = matrix.flat().reduce((sum, count) => sum + count, 0);
  return (
    <div className="max-w-xl min-w-0">
      <table className="w-full table-fixed border-separate border-spacing-1 text-sm">
        <caption className="mb-2 text-left">
          <span className="block text-sm font-semibold text-ink">
            {caption}{" "}
            <span className="font-normal text-slate-500">
              ({total} {total === 1 ? "threat" : "threats"})
            </span>
          </span>
          <span className="block text-xs text-slate-500">{note}</span>
        </caption>
        <colgroup>
          <col className="w-7" />
          <col className="w-28" />
        </colgroup>
        <thead>
          <tr>
            <td colSpan={2} />
            <th
              scope="colgroup"
              colSpan={5}
              className="pb-1 text-center text-xs font-semibold tracking-wide text-slate-500 uppercase"
            >
              Impact →
            </th>
          </tr>
          <tr>
            <td colSpan={2} />
            {LEVELS.map((impact) => (
              <th
                key={impact}
                scope="col"
                className="px-1 pb-1 text-center text-xs font-medium text-slate-600"
              >
                <span className="block text-sm font-semibold text-slate-800">{impact}</span>
                <span className="block truncate" title={IMPACT_LABELS[impact]}>
                  {IMPACT_LABELS[impact]}
                </span>
                <span className="sr-only"> impact</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...LEVELS].reverse().map((likelihood, index) => (
            <tr key={likelihood}>
              {index === 0 ? (
                <th
                  scope="rowgroup"
                  rowSpan={5}
                  className="p-0 text-xs font-semibold tracking-wide text-slate-500 uppercase"
                >
                  <span className="inline-block -rotate-180 [writing-mode:vertical-rl]">Likelihood →</span>
                </th>
              ) : null}
              <th scope="row" className="pr-2 text-right text-xs font-medium text-slate-600">
                <span className="text-sm font-semibold text-slate-800">{likelihood}</span>{" "}
                <span className="whitespace-nowrap">{LIKELIHOOD_LABELS[likelihood]}</span>
                <span className="sr-only"> likelihood</span>
              </th>
              {LEVELS.map((impact) => {
                const count = matrix[likelihood - 1]?.[impact - 1] ?? 0;
                const band = severityBand(likelihood * impact);
                return (
                  <td
                    key={impact}
                    title={`Likelihood ${likelihood} × impact ${impact} = ${likelihood * impact} (${BAND_LABELS[band].toLowerCase()}): ${count} ${count === 1 ? "threat" : "threats"}`}
                    className={`h-14 rounded-md text-center align-middle tabular-nums ${BAND_STYLES[band].cell} ${count === 0 ? "opacity-45" : ""}`}
                  >
                    <span className={count === 0 ? "text-sm" : "text-lg font-semibold"}>{count}</span>
                    <span className="sr-only">
                      {count === 1 ? " threat" : " threats"}, {BAND_LABELS[band].toLowerCase()} band
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

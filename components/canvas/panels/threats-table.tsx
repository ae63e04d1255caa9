"use client";

import { memo, useDeferredValue, useMemo, useState } from "react";
import { THREAT_STATUSES } from "@/lib/domain/document";
import { SEVERITY_BANDS } from "@/lib/domain/risk";
import { useCanvas } from "@/lib/store/canvas-context";
import { CommentMarker } from "../comments/comment-marker";
import { BAND_LABELS, labelOf, optionsOf, STRIDE_LABELS, THREAT_STATUS_LABELS } from "./labels";
import { Chip, PanelButton, SelectInput, TextInput } from "./panel-controls";
import { SeverityBadge } from "./severity-badge";
import {
  buildThreatRows,
  filterThreatRows,
  nextSort,
  type Sort,
  type SortKey,
  sortThreatRows,
  type ThreatFilter,
  type ThreatRow,
} from "./threat-rows";

const STATUS_OPTIONS = [
  { value: "all", label: "All statuses" },
  ...optionsOf(THREAT_STATUSES, THREAT_STATUS_LABELS),
];
const SEVERITY_OPTIONS = [
  { value: "all", label: "Any severity" },
  ...[...SEVERITY_BANDS].reverse().map((band) => ({ value: band, label: BAND_LABELS[band] })),
];
const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: "title", label: "Threat" },
  { key: "targets", label: "Targets" },
  { key: "stride", label: "STRIDE" },
  { key: "status", label: "Status" },
  { key: "owner", label: "Owner" },
  { key: "inherent", label: "Inherent" },
  { key: "residual", label: "Residual" },
];
const EMPTY_FILTER: ThreatFilter = { text: "", status: "all", severity: "all" };

/**
 * Every threat of the model in one sortable, filterable table. Rows are derived once per change of
 * the document's threats, mitigations, elements or flows; filtering and sorting reuse them.
 */
export function ThreatsTable({ onJumpTo }: { onJumpTo: (targetId: string) => void }) {
  const threats = useCanvas((s) => s.document.threats);
  const mitigations = useCanvas((s) => s.document.mitigations);
  const elements = useCanvas((s) => s.document.elements);
  const flows = useCanvas((s) => s.document.flows);
  const rows = useMemo(
    () => buildThreatRows({ threats, mitigations, elements, flows }),
    [threats, mitigations, elements, flows],
  );
  const [filter, setFilter] = useState<ThreatFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>({ key: "residual", direction: "descending" });
  const text = useDeferredValue(filter.text);
  const visible = useMemo(
    () => sortThreatRows(filterThreatRows(rows, { ...filter, text }), sort),
    [rows, filter, text, sort],
  );
  const isFiltered = filter.text !== "" || filter.status !== "all" || filter.severity !== "all";

  return (
    <section
      aria-labelledby="threats-table-title"
      className="rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <header className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div>
          <h2 id="threats-table-title" className="text-sm font-semibold text-ink">
            Threats
          </h2>
          <p className="text-xs text-slate-500" aria-live="polite">
            {isFiltered ? `${visible.length} of ${rows.length} threats` : `${rows.length} threats`}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <TextInput
            label="Filter threats"
            hideLabel
            className="w-56"
            placeholder="Search title, target, owner, id"
            value={filter.text}
            onChange={(value) => setFilter({ ...filter, text: value })}
          />
          <SelectInput
            label="Status"
            hideLabel
            className="w-36"
            value={filter.status}
            options={STATUS_OPTIONS}
            onChange={(status) =>
              setFilter({ ...filter, status: (status ?? "all") as ThreatFilter["status"] })
            }
          />
          <SelectInput
            label="Residual severity"
            hideLabel
            className="w-36"
            value={filter.severity}
            options={SEVERITY_OPTIONS}
            onChange={(severity) =>
              setFilter({ ...filter, severity: (severity ?? "all") as ThreatFilter["severity"] })
            }
          />
          {isFiltered ? (
            <PanelButton variant="ghost" onClick={() => setFilter(EMPTY_FILTER)}>
              Clear filters
            </PanelButton>
          ) : null}
        </div>
      </header>
      {rows.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-slate-500">
          No threats yet. Select an element or a flow on the diagram and choose “Add threat”.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[46rem] border-collapse text-left text-sm">
            <caption className="sr-only">
              Threats in this model, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase()},{" "}
              {sort.direction}. Column headers sort the table.
            </caption>
            <thead className="bg-slate-50 text-xs text-slate-600">
              <tr>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={sort.key === column.key ? sort.direction : "none"}
                    className="border-b border-slate-200 px-2.5 py-2 font-medium whitespace-nowrap"
                  >
                    <button
                      type="button"
                      onClick={() => setSort(nextSort(sort, column.key))}
                      className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200/60 hover:text-ink"
                    >
                      {column.label}
                      <SortIcon direction={sort.key === column.key ? sort.direction : undefined} />
                    </button>
                  </th>
                ))}
                <th scope="col" className="border-b border-slate-200 px-2.5 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => (
                <Row key={row.id} row={row} onJumpTo={onJumpTo} />
              ))}
            </tbody>
          </table>
          {visible.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-slate-500">No threats match these filters.</p>
          ) : null}
        </div>
      )}
    </section>
  );
}

const Row = memo(function Row({ row, onJumpTo }: { row: ThreatRow; onJumpTo: (targetId: string) => void }) {
  const target = row.firstTargetId;
  return (
    <tr className="border-b border-slate-100 align-top last:border-b-0 hover:bg-slate-50/70">
      <td className="min-w-40 px-2.5 py-2.5 font-medium break-words text-slate-900">
        {row.title} <CommentMarker targetId={row.id} className="ml-1 align-middle" />
      </td>
      <td className="min-w-28 px-2.5 py-2.5 break-words text-slate-700">
        {row.targetLabels.length === 0 ? (
          <span className="text-slate-400">None</span>
        ) : (
          row.targetLabels.join(", ")
        )}
      </td>
      <td className="px-2.5 py-2.5">
        {row.stride === "" ? (
          <span className="text-slate-400">—</span>
        ) : (
          <span className="inline-flex gap-0.5">
            {[...row.stride].map((letter) => (
              <abbr
                key={letter}
                title={STRIDE_LABELS[letter]}
                className="rounded bg-slate-100 px-1 font-mono text-xs font-semibold text-slate-700 no-underline"
              >
                {letter}
              </abbr>
            ))}
          </span>
        )}
      </td>
      <td className="px-2.5 py-2.5">
        <Chip>{labelOf(THREAT_STATUS_LABELS, row.status)}</Chip>
      </td>
      <td className="px-2.5 py-2.5 text-slate-700">
        {row.owner || <span className="text-slate-400">—</span>}
      </td>
      <td className="px-2.5 py-2.5">
        <SeverityBadge score={row.inherent} label="Inherent risk" isCompact />
      </td>
      <td className="px-2.5 py-2.5">
        <SeverityBadge score={row.residual} label="Residual risk" isCompact />
      </td>
      <td className="py-2 pr-3 pl-1 text-right whitespace-nowrap">
        <PanelButton disabled={target === undefined} onClick={() => target && onJumpTo(target)}>
          Show on canvas<span className="sr-only">: {row.title}</span>
        </PanelButton>
      </td>
    </tr>
  );
});

function SortIcon({ direction }: { direction: Sort["direction"] | undefined }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 12 12"
      className={`size-3 ${direction ? "text-brand-600" : "text-slate-300"}`}
    >
      <path
        d={
          direction === "ascending"
            ? "M3 7.5l3-3 3 3"
            : direction === "descending"
              ? "M3 4.5l3 3 3-3"
              : "M3 5l3-3 3 3M3 7l3 3 3-3"
        }
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

"use client";

import Link from "next/link";
import { GovernanceChip } from "@/components/reviews/governance-chip";
import type { EditorProps } from "./editor";
import { PeopleHere } from "./live/people-here";
import type { LiveStatus } from "./live/use-live-canvas";

export type Tab = "diagram" | "threats" | "risk";

export const TABS: { id: Tab; label: string }[] = [
  { id: "diagram", label: "Diagram" },
  { id: "threats", label: "Threats" },
  { id: "risk", label: "Risk matrix" },
];

type Props = {
  workspace: EditorProps["workspace"];
  modelName: string;
  governance: EditorProps["governance"];
  tab: Tab;
  onTab: (tab: Tab) => void;
  onGovernance: () => void;
  liveStatus: LiveStatus;
};

/** The editor's title row: where the model lives, its name, the views, its stage and who is here. */
export function EditorTitle(props: Props) {
  return (
    <div className="flex max-w-full items-center gap-3">
      <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm">
        <Link
          href={`/w/${props.workspace.id}`}
          className="max-w-48 truncate text-slate-500 hover:text-ink hover:underline"
        >
          {props.workspace.name}
        </Link>
        <span aria-hidden className="text-slate-300">
          /
        </span>
      </nav>
      <h1 className="max-w-96 truncate text-base font-semibold text-ink" title={props.modelName}>
        {props.modelName}
      </h1>
      <div role="tablist" aria-label="Views" className="flex shrink-0 rounded-md bg-slate-100 p-0.5">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={props.tab === t.id}
            onClick={() => props.onTab(t.id)}
            className={`rounded px-2.5 py-1 text-xs font-medium ${props.tab === t.id ? "bg-white text-ink shadow-xs" : "text-slate-600 hover:text-ink"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <GovernanceChip governance={props.governance} onOpen={props.onGovernance} />
      <PeopleHere status={props.liveStatus} />
    </div>
  );
}

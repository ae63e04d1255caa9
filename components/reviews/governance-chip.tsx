"use client";

import { STAGE_LABELS } from "./labels";

/** In the editor's header: the stage and whether the sign-off history verifies; opens the panel. */
export function GovernanceChip(props: {
  governance: {
    stage: keyof typeof STAGE_LABELS;
    ledger: { valid: boolean; entries: number };
    expiredAcceptances: number;
  };
  onOpen: () => void;
}) {
  const { stage, ledger, expiredAcceptances } = props.governance;
  return (
    <button
      type="button"
      onClick={props.onOpen}
      className="flex shrink-0 items-center gap-1.5 rounded-md border border-slate-200 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50"
      title="Open review and sign-off"
      data-testid="governance-chip"
    >
      <span className="font-medium">{STAGE_LABELS[stage]}</span>
      <span aria-hidden className="text-slate-300">
        ·
      </span>
      {ledger.valid ? (
        <span className="text-emerald-700">
          History verified · {ledger.entries} {ledger.entries === 1 ? "entry" : "entries"}
        </span>
      ) : (
        <span className="font-medium text-red-700">History does not verify</span>
      )}
      {expiredAcceptances > 0 ? (
        <span className="font-medium text-red-700">
          · {expiredAcceptances} expired risk acceptance{expiredAcceptances === 1 ? "" : "s"}
        </span>
      ) : null}
    </button>
  );
}

"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { useCanvas } from "@/lib/store/canvas-context";
import { EVENT_LABELS, STAGE_LABELS, STATUS_LABELS } from "./labels";
import { type Acceptance, type Member, RiskAcceptances } from "./risk-acceptances";

type Board = { id: string; name: string; quorum: { approvals: number; disciplines: string[] } };
type Review = {
  id: string;
  version: number;
  status: keyof typeof STATUS_LABELS;
  stale: boolean;
  board: { name: string };
  requestedBy: { name: string };
  progress: { approvals: number; required: number; missingDisciplines: string[] };
  createdAt: string;
};
type LedgerEntry = {
  seq: number;
  event: string;
  actorName: string;
  version: number;
  createdAt: string;
  details: { from?: string; to?: string; decision?: string; board?: string; threat?: string };
};

/** "Stage changed: In review → Approved", "Decision: approve", ... */
function describeEntry(entry: LedgerEntry): string {
  const label = EVENT_LABELS[entry.event] ?? entry.event;
  const { from, to, decision, board, threat } = entry.details ?? {};
  const stage = (value?: string) => STAGE_LABELS[value as keyof typeof STAGE_LABELS] ?? value;
  if (entry.event === "stage_changed" && from && to) return `${label}: ${stage(from)} → ${stage(to)}`;
  if (entry.event === "decision" && decision) return `${label}: ${decision.replace("_", " ")}`;
  if ((entry.event === "review_requested" || entry.event === "signed_off") && board)
    return `${label} (${board})`;
  if (entry.event === "risk_accepted" && threat) return `${label}: ${threat}`;
  return label;
}
type Verification = { valid: boolean; entries: number; firstBadEntry?: number; reason?: string };
type Gate = { pass: boolean; reasons: string[] };
type Model = { stage: keyof typeof STAGE_LABELS; headVersion: number };

type State = {
  model: Model;
  boards: Board[];
  reviews: Review[];
  ledger: LedgerEntry[];
  verification: Verification;
  gate: Gate;
  acceptances: Acceptance[];
  members: Member[];
};

const NEXT_STAGE: Partial<Record<keyof typeof STAGE_LABELS, keyof typeof STAGE_LABELS>> = {
  approved: "production",
  production: "retired",
};

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });

/**
 * Review and sign-off for the model on the canvas: stage, ledger verification, the release gate,
 * reviews with their quorum progress, requesting a review of the head, promoting the stage, and the
 * sign-off timeline.
 */
export function GovernancePanel(props: {
  modelId: string;
  workspaceId: string;
  canEdit: boolean;
  onClose: () => void;
}) {
  const isDirty = useCanvas((s) => s.isDirty);
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [boardId, setBoardId] = useState("");
  const [isBusy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const base = `/api/v1/models/${props.modelId}`;
      const [model, boards, reviews, ledger, verification, gate, acceptances, members] = await Promise.all([
        apiFetch<Model>(base),
        apiFetch<Board[]>(`/api/v1/workspaces/${props.workspaceId}/boards`),
        apiFetch<Review[]>(`${base}/reviews`),
        apiFetch<LedgerEntry[]>(`${base}/ledger`),
        apiFetch<Verification>(`${base}/ledger/verify`),
        apiFetch<Gate>(`${base}/gate`),
        apiFetch<Acceptance[]>(`${base}/risk-acceptances`),
        apiFetch<Member[]>(`/api/v1/workspaces/${props.workspaceId}/members`),
      ]);
      setState({ model, boards, reviews, ledger, verification, gate, acceptances, members });
      setBoardId((current) => current || boards[0]?.id || "");
      setError("");
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not load the sign-off state.");
    }
  }, [props.modelId, props.workspaceId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Runs one action, then reloads; resolves to whether it worked (its error is shown otherwise). */
  async function act(run: () => Promise<unknown>, done: string): Promise<boolean> {
    setBusy(true);
    setNotice("");
    setError("");
    try {
      await run();
      setNotice(done);
      await load();
      return true;
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "That did not work.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  const next = state ? NEXT_STAGE[state.model.stage] : undefined;
  return (
    <section aria-labelledby="governance-title" className="flex flex-col gap-4 p-4">
      <div className="flex items-center justify-between">
        <h2 id="governance-title" className="text-sm font-semibold text-ink">
          Review and sign-off
        </h2>
        <button type="button" className="text-xs text-slate-600 hover:underline" onClick={props.onClose}>
          Close sign-off
        </button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {!state ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
            <dt className="text-slate-500">Stage</dt>
            <dd className="font-medium text-ink" data-testid="model-stage">
              {STAGE_LABELS[state.model.stage]}
            </dd>
            <dt className="text-slate-500">History</dt>
            <dd data-testid="ledger-verification">
              {state.verification.valid ? (
                <span className="font-medium text-emerald-700">
                  History verified · {state.verification.entries}{" "}
                  {state.verification.entries === 1 ? "entry" : "entries"}
                </span>
              ) : (
                <span className="font-medium text-red-700">
                  History does not verify: entry {state.verification.firstBadEntry} (
                  {state.verification.reason})
                </span>
              )}
            </dd>
            <dt className="text-slate-500">Release gate</dt>
            <dd data-testid="gate">
              {state.gate.pass ? (
                <span className="font-medium text-emerald-700">Passes</span>
              ) : (
                <>
                  <span className="font-medium text-red-700">Fails</span>
                  <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-600">
                    {state.gate.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </>
              )}
            </dd>
          </dl>

          {props.canEdit && next ? (
            <Button
              variant="secondary"
              isBusy={isBusy}
              onClick={() =>
                act(
                  () =>
                    apiFetch(`/api/v1/models/${props.modelId}`, { method: "PATCH", body: { stage: next } }),
                  `Moved to ${STAGE_LABELS[next]}.`,
                )
              }
            >
              Move to {STAGE_LABELS[next]}
            </Button>
          ) : null}

          {props.canEdit ? (
            <form
              className="flex flex-col gap-2 rounded-md border border-slate-200 p-3"
              onSubmit={(event) => {
                event.preventDefault();
                void act(
                  () =>
                    apiFetch(`/api/v1/models/${props.modelId}/reviews`, {
                      method: "POST",
                      body: { version: state.model.headVersion, boardId },
                    }),
                  `Review of version ${state.model.headVersion} requested.`,
                );
              }}
            >
              {state.boards.length === 0 ? (
                <p className="text-xs text-slate-600">
                  No review board yet: a workspace owner creates one under Members.
                </p>
              ) : (
                <>
                  <SelectField
                    label="Review board"
                    value={boardId}
                    onChange={(e) => setBoardId(e.target.value)}
                  >
                    {state.boards.map((board) => (
                      <option key={board.id} value={board.id}>
                        {board.name} ({board.quorum.approvals} approvals
                        {board.quorum.disciplines.length
                          ? `, incl. ${board.quorum.disciplines.join(", ")}`
                          : ""}
                        )
                      </option>
                    ))}
                  </SelectField>
                  {isDirty ? (
                    <p className="text-xs text-amber-700">
                      Save your changes as a version first: reviews pin a version.
                    </p>
                  ) : null}
                  <Button type="submit" isBusy={isBusy} disabled={isDirty || !boardId}>
                    Request review of version {state.model.headVersion}
                  </Button>
                </>
              )}
            </form>
          ) : null}

          <div>
            <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">Reviews</h3>
            {state.reviews.length === 0 ? (
              <p className="text-sm text-slate-500">No reviews yet.</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {state.reviews.map((review) => (
                  <li key={review.id} className="rounded-md border border-slate-200 p-2 text-sm">
                    <div className="flex items-center justify-between gap-2">
                      <Link
                        href={`/reviews/${review.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        Version {review.version} · {review.board.name}
                      </Link>
                      <span className="text-xs font-medium text-slate-700">
                        {STATUS_LABELS[review.status]}
                        {review.stale ? " · stale" : ""}
                      </span>
                    </div>
                    <p className="text-xs text-slate-500">
                      {review.progress.approvals} of {review.progress.required} approvals
                      {review.progress.missingDisciplines.length
                        ? ` · needs ${review.progress.missingDisciplines.join(", ")}`
                        : ""}{" "}
                      · asked by {review.requestedBy.name}, {when(review.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </div>

          <RiskAcceptances
            modelId={props.modelId}
            acceptances={state.acceptances}
            members={state.members}
            isBusy={isBusy}
            onAccept={(body) =>
              act(
                () => apiFetch(`/api/v1/models/${props.modelId}/risk-acceptances`, { method: "POST", body }),
                "Risk acceptance recorded.",
              )
            }
          />
          <div>
            <div className="mb-1.5 flex items-center justify-between">
              <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Sign-off timeline
              </h3>
              <a
                href={`/api/v1/models/${props.modelId}/ledger/export`}
                className="text-xs text-brand-700 hover:underline"
                download
              >
                Export ledger (JSON)
              </a>
            </div>
            {state.ledger.length === 0 ? (
              <p className="text-sm text-slate-500">Nothing recorded yet.</p>
            ) : (
              <ol
                aria-label="Sign-off timeline"
                className="flex flex-col gap-1.5 border-l border-slate-200 pl-3"
              >
                {[...state.ledger].reverse().map((entry) => (
                  <li key={entry.seq} className="text-xs">
                    <span className="font-medium text-slate-800">{describeEntry(entry)}</span>{" "}
                    <span className="text-slate-600">
                      · version {entry.version} · {entry.actorName} · {when(entry.createdAt)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </>
      )}
    </section>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { DISCIPLINES } from "@/lib/domain/quorum";
import type { toBoardView } from "@/lib/server/boards";
import type { MemberView } from "@/lib/server/members";
import { DISCIPLINE_LABELS } from "./labels";

type Board = Omit<ReturnType<typeof toBoardView>, "createdAt">;
type Seat = { userId: string; discipline: string; role: "CHAIR" | "MEMBER" };

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The workspace's review boards, and (for owners) a form to create one. */
export function BoardsPanel(props: {
  workspaceId: string;
  boards: Board[];
  members: MemberView[];
  canManage: boolean;
}) {
  return (
    <Card title="Review boards">
      <div className="space-y-4">
        {props.boards.length === 0 ? (
          <p className="text-sm text-slate-600">
            No review boards yet. A board reviews model versions and signs them off once its quorum approves.
          </p>
        ) : (
          <ul className="space-y-3" aria-label="Review boards">
            {props.boards.map((board) => (
              <li key={board.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium text-slate-900">{board.name}</p>
                <p className="text-xs text-slate-600">
                  Signs off with {board.quorum.approvals} approval{board.quorum.approvals === 1 ? "" : "s"}
                  {board.quorum.disciplines.length
                    ? `, including ${board.quorum.disciplines.map((d) => DISCIPLINE_LABELS[d] ?? d).join(" and ")}`
                    : ""}
                </p>
                <p className="mt-1 text-xs text-slate-700">
                  {board.members
                    .map(
                      (m) =>
                        `${m.name} (${DISCIPLINE_LABELS[m.discipline] ?? m.discipline}${m.role === "CHAIR" ? ", chair" : ""})`,
                    )
                    .join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
        {props.canManage ? <NewBoardForm workspaceId={props.workspaceId} members={props.members} /> : null}
      </div>
    </Card>
  );
}

function NewBoardForm({ workspaceId, members }: { workspaceId: string; members: MemberView[] }) {
  const router = useRouter();
  const [seats, setSeats] = useState<Seat[]>([]);
  const [required, setRequired] = useState<string[]>([]);
  const [approvals, setApprovals] = useState(1);
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);
  const seated = new Map(seats.map((s) => [s.userId, s]));

  function toggleMember(userId: string, isOn: boolean) {
    setSeats((current) =>
      isOn
        ? [...current, { userId, discipline: "SECURITY", role: "MEMBER" }]
        : current.filter((s) => s.userId !== userId),
    );
  }
  const updateSeat = (userId: string, change: Partial<Seat>) =>
    setSeats((current) => current.map((s) => (s.userId === userId ? { ...s, ...change } : s)));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setBusy(true);
    setError("");
    try {
      await apiFetch(`/api/v1/workspaces/${workspaceId}/boards`, {
        method: "POST",
        body: { name, members: seats, quorum: { approvals, disciplines: required } },
      });
      form.reset();
      setSeats([]);
      setRequired([]);
      setApprovals(1);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not create the board.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label="New review board"
      className="space-y-3 border-t border-slate-200 pt-4"
    >
      <h3 className="text-sm font-semibold text-slate-900">New review board</h3>
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label="Board name"
        name="name"
        required
        maxLength={120}
        placeholder="e.g. Model risk board"
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Members</legend>
        <ul className="space-y-1.5">
          {members.map((member) => {
            const seat = seated.get(member.userId);
            return (
              <li key={member.userId} className="flex flex-wrap items-center gap-2 text-sm">
                <label className="flex min-w-48 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={Boolean(seat)}
                    onChange={(e) => toggleMember(member.userId, e.target.checked)}
                  />
                  {member.name}
                </label>
                {seat ? (
                  <>
                    <select
                      aria-label={`Discipline of ${member.name}`}
                      className={CONTROL}
                      value={seat.discipline}
                      onChange={(e) => updateSeat(member.userId, { discipline: e.target.value })}
                    >
                      {DISCIPLINES.map((d) => (
                        <option key={d} value={d}>
                          {DISCIPLINE_LABELS[d]}
                        </option>
                      ))}
                    </select>
                    <select
                      aria-label={`Board role of ${member.name}`}
                      className={CONTROL}
                      value={seat.role}
                      onChange={(e) => updateSeat(member.userId, { role: e.target.value as Seat["role"] })}
                    >
                      <option value="MEMBER">Member</option>
                      <option value="CHAIR">Chair</option>
                    </select>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-700">Quorum</legend>
        <label className="flex flex-col gap-1 text-sm text-slate-700">
          Approvals needed
          <input
            type="number"
            min={1}
            max={50}
            value={approvals}
            onChange={(e) => setApprovals(Number(e.target.value))}
            className={`${CONTROL} w-24`}
          />
        </label>
        <div className="flex flex-wrap gap-3 text-sm">
          <span className="text-slate-700">Disciplines that must approve:</span>
          {DISCIPLINES.map((d) => (
            <label key={d} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={required.includes(d)}
                onChange={(e) =>
                  setRequired((current) =>
                    e.target.checked ? [...current, d] : current.filter((x) => x !== d),
                  )
                }
              />
              {DISCIPLINE_LABELS[d]}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" isBusy={isBusy} disabled={seats.length === 0}>
        Create board
      </Button>
    </form>
  );
}

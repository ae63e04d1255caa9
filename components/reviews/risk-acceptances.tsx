"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useCanvas } from "@/lib/store/canvas-context";

export type Acceptance = {
  id: string;
  threatId: string;
  requestedBy: { name: string };
  approvedBy: { name: string };
  reason: string;
  expiresAt: string;
  expired: boolean;
};
export type Member = { userId: string; name: string; role: string };

/**
 * Accepted risks with approver and expiry (expired ones count as open again), and the approval form:
 * an owner or board member records someone else's request to accept a threat's risk until a date.
 */
export function RiskAcceptances(props: {
  modelId: string;
  acceptances: Acceptance[];
  members: Member[];
  isBusy: boolean;
  onAccept: (body: {
    threatId: string;
    requestedBy: string;
    expiresAt: string;
    reason: string;
  }) => Promise<boolean>;
}) {
  const threats = useCanvas((s) => s.document.threats);
  const title = (id: string) => threats.find((t) => t.id === id)?.title ?? id;
  const candidates = threats.filter((t) => t.status === "accepted" || t.status === "open");
  const requesters = props.members.filter((m) => m.role === "OWNER" || m.role === "EDITOR");
  const [isOpen, setOpen] = useState(false);
  return (
    <div>
      <div className="mb-1.5 flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Risk acceptances</h3>
        {candidates.length > 0 ? (
          <button
            type="button"
            className="text-xs text-brand-700 hover:underline"
            onClick={() => setOpen((o) => !o)}
          >
            {isOpen ? "Cancel" : "Approve an acceptance"}
          </button>
        ) : null}
      </div>
      {props.acceptances.length === 0 ? (
        <p className="text-sm text-slate-500">No accepted risks.</p>
      ) : (
        <ul className="flex flex-col gap-1.5" aria-label="Risk acceptances">
          {props.acceptances.map((a) => (
            <li key={a.id} className="text-xs">
              <span className="font-medium text-slate-800">{title(a.threatId)}</span>
              {a.expired ? (
                <span className="ml-1 rounded bg-red-50 px-1 font-medium text-red-700">
                  expired: counts as open
                </span>
              ) : null}
              <span className="block text-slate-600">
                Asked by {a.requestedBy.name}, approved by {a.approvedBy.name}, until{" "}
                {new Date(a.expiresAt).toLocaleDateString()} · {a.reason}
              </span>
            </li>
          ))}
        </ul>
      )}
      {isOpen ? (
        <form
          aria-label="Approve a risk acceptance"
          className="mt-2 flex flex-col gap-2 rounded-md border border-slate-200 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const day = String(form.get("expiresAt") ?? "");
            void props
              .onAccept({
                threatId: String(form.get("threatId") ?? ""),
                requestedBy: String(form.get("requestedBy") ?? ""),
                expiresAt: day ? new Date(`${day}T23:59:59Z`).toISOString() : "",
                reason: String(form.get("reason") ?? ""),
              })
              .then((isDone) => setOpen(!isDone));
          }}
        >
          <SelectField label="Threat" name="threatId" required>
            {candidates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </SelectField>
          <SelectField label="Asked by" name="requestedBy" required>
            {requesters.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <TextField label="Accepted until" name="expiresAt" type="date" required />
          <TextField label="Why the risk is acceptable" name="reason" required maxLength={2000} />
          <p className="text-xs text-slate-500">
            You approve as a workspace owner or board member, and cannot approve your own request.
          </p>
          <Button type="submit" isBusy={props.isBusy}>
            Approve acceptance
          </Button>
        </form>
      ) : null}
    </div>
  );
}

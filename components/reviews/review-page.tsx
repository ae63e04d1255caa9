"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import type { DocumentDiff } from "@/lib/domain/diff";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { inherentRisk, mitigationsByThreat, residualRisk, severityBand } from "@/lib/domain/risk";
import type { ReviewView } from "@/lib/server/reviews";
import { DECISION_LABELS, DISCIPLINE_LABELS, STATUS_LABELS } from "./labels";
import { ReviewCanvas } from "./review-canvas";

/** The four questions and the three diagnostic ones a reviewer answers, each with a note. */
const QUESTIONS = [
  { id: "working-on", text: "What are we working on?" },
  { id: "go-wrong", text: "What can go wrong?" },
  { id: "do-about-it", text: "What are we going to do about it?" },
  { id: "good-enough", text: "Did we do a good enough job?" },
  { id: "secure", text: "Is it secure?", flag: "secure" },
  { id: "operational", text: "Can we operationalize it?", flag: "operational" },
  { id: "scales", text: "Does it scale?", flag: "scales" },
] as const;

type Serialized<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;

type Props = {
  review: Serialized<ReviewView>;
  document: ThreatModelDocument;
  baseline: { version: number; document: ThreatModelDocument; diff: DocumentDiff } | null;
  currentUserId: string;
  isAuthor: boolean;
};

function namesOf(document: ThreatModelDocument): Map<string, string> {
  return new Map<string, string>([
    ...document.elements.map((e) => [e.id, e.label] as const),
    ...document.flows.map((f) => [f.id, f.label || f.id] as const),
    ...document.assets.map((a) => [a.id, a.name] as const),
    ...document.threats.map((t) => [t.id, t.title] as const),
    ...document.mitigations.map((m) => [m.id, m.title] as const),
  ]);
}

export function ReviewPage({ review, document, baseline, currentUserId, isAuthor }: Props) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [isBusy, setBusy] = useState(false);
  const isMember = review.board.members.some((m) => m.userId === currentUserId);
  const isRequester = review.requestedBy.id === currentUserId;
  const isUnsettled = review.status === "open" || review.status === "changes_requested";
  const names = new Map([...(baseline ? namesOf(baseline.document) : []), ...namesOf(document)]);
  const byThreat = mitigationsByThreat(document.mitigations);

  async function post(path: string, body: unknown, done: string) {
    setBusy(true);
    setError("");
    setNotice("");
    try {
      await apiFetch(path, { method: "POST", body });
      setNotice(done);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "That did not work.");
    } finally {
      setBusy(false);
    }
  }

  function onDecide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = submitter?.value ?? "comment";
    const form = new FormData(event.currentTarget);
    const notes: Record<string, string> = {};
    for (const question of QUESTIONS) {
      const note = String(form.get(`note-${question.id}`) ?? "").trim();
      if (note) notes[question.id] = note;
    }
    const checklist = {
      secure: form.get("flag-secure") === "on",
      operational: form.get("flag-operational") === "on",
      scales: form.get("flag-scales") === "on",
      ...(Object.keys(notes).length ? { notes } : {}),
    };
    void post(
      `/api/v1/reviews/${review.id}/decisions`,
      { decision, comment: String(form.get("comment") ?? ""), checklist },
      `${DECISION_LABELS[decision as keyof typeof DECISION_LABELS]}: recorded.`,
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href={`/models/${review.modelId}`} className="hover:text-ink hover:underline">
            {review.modelName}
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold text-ink">
          Review of version {review.version} · {review.board.name}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Requested by {review.requestedBy.name} · content hash{" "}
          <code className="text-xs">{review.contentHash.slice(0, 12)}</code>
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-3" data-testid="review-status">
        <span className="rounded-full bg-slate-100 px-3 py-1 text-sm font-medium text-slate-800">
          {STATUS_LABELS[review.status]}
        </span>
        <span className="text-sm text-slate-700">
          {review.progress.approvals} of {review.progress.required} approvals
          {review.progress.missingDisciplines.length
            ? ` · still needs ${review.progress.missingDisciplines.map((d) => DISCIPLINE_LABELS[d] ?? d).join(", ")}`
            : ""}
        </span>
        {review.stale ? (
          <Alert tone="info">
            Stale: version {review.headVersion} is the head now, so approvals of version {review.version} no
            longer count. Ask for a review of the head.
          </Alert>
        ) : null}
      </div>

      {error ? <Alert>{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <Card
        title={
          baseline
            ? `Version ${review.version}, with what changed since version ${baseline.version} (last signed off)`
            : `Version ${review.version}`
        }
      >
        {baseline ? null : (
          <p className="mb-3 text-sm text-slate-600">
            No earlier version was signed off: this review covers the whole model ({document.elements.length}{" "}
            elements, {document.flows.length} flows, {document.threats.length} threats).
          </p>
        )}
        <ReviewCanvas version={review.version} document={document} before={baseline?.document ?? null} />
        <Link
          href={`/models/${review.modelId}`}
          className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
        >
          Open the model in the editor
        </Link>
      </Card>

      <Card title="Threats and mitigations">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Threats of version {review.version} with residual risk</caption>
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="pb-2 font-medium">
                  Threat
                </th>
                <th scope="col" className="pb-2 font-medium">
                  On
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Status
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Inherent
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Residual
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Mitigations
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {document.threats.map((threat) => {
                const mitigations = byThreat.get(threat.id) ?? [];
                const residual = residualRisk(threat, mitigations);
                return (
                  <tr key={threat.id} className="align-top">
                    <td className="py-2 pr-3 font-medium text-slate-800">{threat.title}</td>
                    <td className="py-2 pr-3 text-slate-600">
                      {threat.targetIds.map((id) => names.get(id) ?? id).join(", ")}
                    </td>
                    <td className="py-2 pr-3 text-slate-600">{threat.status}</td>
                    <td className="py-2 pr-3 text-slate-600">{inherentRisk(threat)}</td>
                    <td className="py-2 pr-3 text-slate-600">
                      {residual} ({severityBand(residual)})
                    </td>
                    <td className="py-2 text-slate-600">
                      {mitigations.map((m) => `${m.title} (${m.status})`).join("; ") || "none"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {document.threats.length === 0 ? (
            <p className="text-sm text-slate-500">No threats recorded.</p>
          ) : null}
        </div>
      </Card>

      <Card title="Decisions">
        {review.decisions.length === 0 ? (
          <p className="text-sm text-slate-500">No decisions yet.</p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label="Decisions">
            {review.decisions.map((decision) => (
              <li key={`${decision.userId}-${decision.createdAt}`} className="text-sm">
                <span className="font-medium text-slate-800">{decision.name}</span>{" "}
                <span className="text-slate-600">
                  {DECISION_LABELS[decision.decision]} · {new Date(decision.createdAt).toLocaleString()}
                </span>
                {decision.comment ? <p className="mt-0.5 text-slate-700">{decision.comment}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      {isMember && review.status !== "withdrawn" ? (
        <Card title="Your decision">
          <form onSubmit={onDecide} className="flex flex-col gap-4" aria-label="Your decision">
            <p className="text-xs text-slate-500">
              The checklist is optional: answer what helps the record. Board members:{" "}
              {review.board.members
                .map((m) => `${m.name} (${DISCIPLINE_LABELS[m.discipline] ?? m.discipline})`)
                .join(", ")}
              .
            </p>
            <div className="grid gap-3 md:grid-cols-2">
              {QUESTIONS.map((question) => (
                <div key={question.id} className="flex flex-col gap-1">
                  <label htmlFor={`note-${question.id}`} className="text-sm font-medium text-slate-700">
                    {question.text}
                  </label>
                  {"flag" in question ? (
                    <label className="flex items-center gap-2 text-xs text-slate-600">
                      <input type="checkbox" name={`flag-${question.flag}`} /> Yes
                    </label>
                  ) : null}
                  <textarea
                    id={`note-${question.id}`}
                    name={`note-${question.id}`}
                    rows={2}
                    maxLength={4000}
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                  />
                </div>
              ))}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="decision-comment" className="text-sm font-medium text-slate-700">
                Comment
              </label>
              <textarea
                id="decision-comment"
                name="comment"
                rows={3}
                maxLength={4000}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              />
            </div>
            {isAuthor ? (
              <p className="text-xs text-amber-700">
                You saved version {review.version}: separation of duties lets you comment but not approve.
              </p>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="decision" value="approve" isBusy={isBusy} disabled={isAuthor}>
                Approve
              </Button>
              <Button
                type="submit"
                name="decision"
                value="request_changes"
                variant="danger"
                disabled={isBusy}
              >
                Request changes
              </Button>
              <Button type="submit" name="decision" value="comment" variant="secondary" disabled={isBusy}>
                Comment
              </Button>
            </div>
          </form>
        </Card>
      ) : null}

      {isRequester && isUnsettled ? (
        <div>
          <Button
            variant="secondary"
            isBusy={isBusy}
            onClick={() => post(`/api/v1/reviews/${review.id}/withdraw`, {}, "Review withdrawn.")}
          >
            Withdraw this review
          </Button>
        </div>
      ) : null}
    </div>
  );
}

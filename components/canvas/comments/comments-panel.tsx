"use client";

import { type FormEvent, useEffect, useId, useMemo, useState } from "react";
import { useShallow } from "zustand/shallow";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ApiClientError } from "@/lib/client/api";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { useCanvas } from "@/lib/store/canvas-context";
import { SidePanelHeader } from "../side-panel-header";
import type { Anchor, AnchorKind, Reply, Thread } from "./use-comments";

type Props = {
  threads: Thread[] | null;
  error: string | null;
  canComment: boolean;
  /** Only the threads on this element, flow or threat (a marker on the canvas was clicked). */
  focus: string | null;
  onClearFocus: () => void;
  onStart: (anchor: Anchor, body: string) => Promise<unknown>;
  onReply: (threadId: string, body: string) => Promise<void>;
  onResolve: (threadId: string, resolved: boolean) => Promise<void>;
  onJump: (id: string) => void;
  onClose: () => void;
};

const KIND_NAME: Record<AnchorKind, string> = { element: "element", flow: "flow", threat: "threat" };
const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
const messageOf = (caught: unknown) =>
  caught instanceof ApiClientError ? caught.message : "Something went wrong. Try again.";

type Target = { key: string; anchor: Anchor; label: string };

/** Everything a comment can be anchored to, with the label people know it by. */
function targetsOf(document: ThreatModelDocument): Target[] {
  const element = new Map(document.elements.map((e) => [e.id, e.label || "Untitled"]));
  return [
    ...document.elements.map((e) => ({
      anchor: { kind: "element" as const, id: e.id },
      label: e.label || "Untitled",
    })),
    ...document.flows.map((f) => ({
      anchor: { kind: "flow" as const, id: f.id },
      label: f.label || `${element.get(f.source) ?? "?"} → ${element.get(f.target) ?? "?"}`,
    })),
    ...document.threats.map((t) => ({ anchor: { kind: "threat" as const, id: t.id }, label: t.title })),
  ].map((target) => ({ ...target, key: `${target.anchor.kind}:${target.anchor.id}` }));
}

/**
 * Threaded comments on elements, flows and threats: start a thread on what is selected (or pick
 * another target), reply, resolve and reopen. Open threads come first; resolved ones fold away.
 */
export function CommentsPanel(props: Props) {
  const { document, selectedIds } = useCanvas(
    useShallow((s) => ({ document: s.document, selectedIds: s.selectedIds })),
  );
  const targets = useMemo(() => targetsOf(document), [document]);
  const labelOf = useMemo(() => new Map(targets.map((t) => [t.anchor.id, t.label])), [targets]);
  const shown = (props.threads ?? []).filter((t) => props.focus === null || t.anchor.id === props.focus);
  const open = shown.filter((t) => !t.resolvedAt);
  const resolved = shown.filter((t) => t.resolvedAt);
  const preferred = props.focus ?? selectedIds[0] ?? null;

  return (
    <section aria-labelledby="comments-heading" className="flex h-full flex-col">
      <SidePanelHeader
        id="comments-heading"
        title="Comments"
        closeLabel="Close comments"
        onClose={props.onClose}
      />
      {props.error ? (
        <div className="p-4">
          <Alert>{props.error}</Alert>
        </div>
      ) : null}
      {props.canComment ? (
        <NewThread targets={targets} preferred={preferred} onStart={props.onStart} />
      ) : (
        <p className="border-b border-slate-100 px-4 py-3 text-xs text-slate-500">
          Viewers read comments; owners, editors and reviewers write them.
        </p>
      )}
      {props.focus !== null ? (
        <div className="flex items-center justify-between gap-2 bg-violet-50 px-4 py-2 text-xs text-violet-900">
          <span>
            Threads on <strong>{labelOf.get(props.focus) ?? "a removed item"}</strong>
          </span>
          <button type="button" className="font-medium underline" onClick={props.onClearFocus}>
            Show all
          </button>
        </div>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto">
        {props.threads === null && !props.error ? (
          <p className="p-4 text-sm text-slate-500" role="status">
            Loading comments…
          </p>
        ) : null}
        {props.threads !== null && shown.length === 0 ? (
          <p className="p-4 text-sm text-slate-500">No comments yet.</p>
        ) : null}
        <ol aria-label="Open threads" className="divide-y divide-slate-100">
          {open.map((thread) => (
            <ThreadItem key={thread.id} thread={thread} label={labelOf.get(thread.anchor.id)} {...props} />
          ))}
        </ol>
        {resolved.length > 0 ? (
          <details className="border-t border-slate-200">
            <summary className="cursor-pointer px-4 py-2 text-xs font-medium text-slate-600">
              Resolved ({resolved.length})
            </summary>
            <ol aria-label="Resolved threads" className="divide-y divide-slate-100">
              {resolved.map((thread) => (
                <ThreadItem
                  key={thread.id}
                  thread={thread}
                  label={labelOf.get(thread.anchor.id)}
                  {...props}
                />
              ))}
            </ol>
          </details>
        ) : null}
      </div>
    </section>
  );
}

function NewThread({
  targets,
  preferred,
  onStart,
}: {
  targets: Target[];
  preferred: string | null;
  onStart: Props["onStart"];
}) {
  const preferredKey = targets.find((t) => t.anchor.id === preferred)?.key ?? "";
  const [target, setTarget] = useState(preferredKey);
  // Selecting something else on the canvas retargets the comment; what was typed stays.
  useEffect(() => {
    if (preferredKey) setTarget(preferredKey);
  }, [preferredKey]);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const bodyId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = targets.find((t) => t.key === target);
    if (!chosen) return setError("Choose what the comment is about.");
    if (!body.trim()) return setError("Write a comment first.");
    setBusy(true);
    try {
      await onStart(chosen.anchor, body);
      setBody("");
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-2 border-b border-slate-200 px-4 py-3"
      aria-label="New comment"
    >
      <SelectField label="Comment on" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Choose an element, flow or threat…</option>
        {(["element", "flow", "threat"] as const).map((kind) => (
          <optgroup key={kind} label={`${KIND_NAME[kind][0]?.toUpperCase()}${KIND_NAME[kind].slice(1)}s`}>
            {targets
              .filter((t) => t.anchor.kind === kind)
              .map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <div>
        <label htmlFor={bodyId} className="mb-1 block text-sm font-medium text-slate-700">
          Comment
        </label>
        <CommentBox id={bodyId} value={body} onChange={setBody} onSubmit={submit} />
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" isBusy={isBusy}>
          Comment
        </Button>
      </div>
    </form>
  );
}

/** A textarea that also submits with Ctrl+Enter (or ⌘+Enter). */
function CommentBox(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  label?: string;
}) {
  return (
    <textarea
      id={props.id}
      aria-label={props.label}
      rows={3}
      maxLength={5000}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) props.onSubmit(e);
      }}
      className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
    />
  );
}

function ThreadItem(props: Props & { thread: Thread; label: string | undefined }) {
  const { thread } = props;
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const replyId = useId();
  const isResolved = thread.resolvedAt !== null;
  const isOnCanvas = props.label !== undefined && thread.anchor.kind !== "threat";

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const sendReply = (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return setError("Write a reply first.");
    void run(async () => {
      await props.onReply(thread.id, reply);
      setReply("");
    });
  };

  return (
    <li className="px-4 py-3" aria-label={`Thread on ${props.label ?? "a removed item"}`}>
      <div className="mb-1.5 flex items-center justify-between gap-2 text-xs">
        <span className="min-w-0 truncate text-slate-500">
          On {KIND_NAME[thread.anchor.kind]}{" "}
          {isOnCanvas ? (
            <button
              type="button"
              className="font-medium text-brand-700 hover:underline"
              onClick={() => props.onJump(thread.anchor.id)}
            >
              {props.label}
            </button>
          ) : (
            <strong className="font-medium text-slate-700">{props.label ?? "(removed since)"}</strong>
          )}
        </span>
        {isResolved ? (
          <span className="shrink-0 rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">
            Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}
          </span>
        ) : null}
      </div>
      <ol className="space-y-2">
        {[thread as Reply, ...thread.replies].map((comment) => (
          <li key={comment.id} className="rounded-md bg-slate-50 px-2.5 py-2">
            <p className="flex flex-wrap items-baseline gap-x-1.5 text-xs text-slate-500">
              <span className="font-semibold text-slate-800">{comment.author.name}</span>
              <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
              <span title={`Written when version ${comment.versionNumber} was the latest`}>
                · v{comment.versionNumber}
              </span>
            </p>
            <p className="mt-0.5 text-sm whitespace-pre-wrap break-words text-ink">{comment.body}</p>
          </li>
        ))}
      </ol>
      {error ? (
        <div className="mt-2">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {props.canComment ? (
        <form onSubmit={sendReply} className="mt-2 space-y-1.5">
          <CommentBox
            id={replyId}
            label={`Reply to ${thread.author.name}`}
            value={reply}
            onChange={setReply}
            onSubmit={sendReply}
          />
          <div className="flex justify-end gap-2">
            <Button
              variant="secondary"
              className="!px-2.5 !py-1 text-xs"
              isBusy={isBusy}
              onClick={() => void run(() => props.onResolve(thread.id, !isResolved))}
            >
              {isResolved ? "Reopen" : "Resolve"}
            </Button>
            <Button type="submit" className="!px-2.5 !py-1 text-xs" isBusy={isBusy}>
              Reply
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

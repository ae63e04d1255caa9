"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptSuggestions } from "@/lib/catalog/accept";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import type { Suggestion } from "@/lib/rules/suggest";
import { useCanvasStoreApi } from "@/lib/store/canvas-context";
import { newId } from "@/lib/store/ids";

type Props = { onClose: () => void; onJump: (id: string) => void };

const keyOf = (s: Suggestion) => `${s.catalogId}@${s.targetIds.join(",")}`;

/**
 * "Suggest threats": asks the rule engine about the current diagram and lists what it finds, grouped
 * by the element or flow concerned. Each can be accepted (a threat linked to the catalog's
 * mitigations, in one undoable step) or skipped; "Why?" shows the rule's reason.
 */
export function SuggestionsPanel({ onClose, onJump }: Props) {
  const store = useCanvasStoreApi();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState("");
  const [accepted, setAccepted] = useState(0);

  const load = useCallback(async () => {
    setError("");
    setSuggestions(null);
    try {
      const result = await apiFetch<{ suggestions: Suggestion[] }>("/api/v1/suggest", {
        method: "POST",
        body: { document: store.getState().document },
      });
      setSuggestions(result.suggestions);
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not get suggestions.");
      setSuggestions([]);
    }
  }, [store]);

  useEffect(() => {
    void load();
  }, [load]);

  const accept = (chosen: readonly Suggestion[]) => {
    if (chosen.length === 0) return;
    store.getState().applyEdit((document) => acceptSuggestions(document, chosen, newId));
    const done = new Set(chosen.map(keyOf));
    setSuggestions((list) => list?.filter((s) => !done.has(keyOf(s))) ?? null);
    setAccepted((count) => count + chosen.length);
  };
  const skip = (chosen: readonly Suggestion[]) => {
    const done = new Set(chosen.map(keyOf));
    setSuggestions((list) => list?.filter((s) => !done.has(keyOf(s))) ?? null);
  };

  const groups = useGroups(suggestions ?? []);
  return (
    <section aria-labelledby="suggestions-heading" className="flex h-full flex-col">
      <header className="border-b border-slate-200 px-4 py-2.5">
        <div className="flex items-center justify-between">
          <h2 id="suggestions-heading" className="text-sm font-semibold text-ink">
            Suggested threats{suggestions ? ` (${suggestions.length})` : ""}
          </h2>
          <Button variant="ghost" className="!px-2 !py-1 text-xs" onClick={onClose}>
            Close suggestions
          </Button>
        </div>
        {accepted > 0 ? (
          <p role="status" className="mt-1 text-xs text-emerald-700">
            {accepted} accepted: they are in the threats list with their catalog mitigations (proposed).
          </p>
        ) : null}
        {suggestions && suggestions.length > 0 ? (
          <div className="mt-2 flex gap-2">
            <Button className="!px-2.5 !py-1 text-xs" onClick={() => accept(suggestions)}>
              Accept all
            </Button>
            <Button variant="secondary" className="!px-2.5 !py-1 text-xs" onClick={() => skip(suggestions)}>
              Skip all
            </Button>
            <Button variant="ghost" className="!px-2.5 !py-1 text-xs" onClick={() => void load()}>
              Check again
            </Button>
          </div>
        ) : null}
      </header>
      {error ? (
        <div className="p-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto">
        {suggestions === null ? (
          <p role="status" className="p-4 text-sm text-slate-500">
            Reading the diagram…
          </p>
        ) : suggestions.length === 0 && !error ? (
          <p className="p-4 text-sm text-slate-600">
            Nothing to suggest: every threat the rules know for this diagram is already in the model.
          </p>
        ) : (
          groups.map((group) => (
            <section
              key={group.targetId}
              aria-label={`Suggestions for ${group.label}`}
              className="border-b border-slate-100"
            >
              <div className="flex items-center justify-between bg-slate-50 px-4 py-1.5">
                <button
                  type="button"
                  className="truncate text-left text-xs font-semibold text-slate-700 hover:underline"
                  onClick={() => onJump(group.targetId)}
                  title="Show on the diagram"
                >
                  {group.label}
                </button>
                <button
                  type="button"
                  className="shrink-0 text-xs font-medium text-brand-600 hover:underline"
                  onClick={() => accept(group.items)}
                >
                  Accept {group.items.length}
                </button>
              </div>
              <ul className="divide-y divide-slate-100">
                {group.items.map((suggestion) => (
                  <SuggestionItem
                    key={keyOf(suggestion)}
                    suggestion={suggestion}
                    onAccept={() => accept([suggestion])}
                    onSkip={() => skip([suggestion])}
                  />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </section>
  );
}

function SuggestionItem(props: { suggestion: Suggestion; onAccept: () => void; onSkip: () => void }) {
  const { suggestion } = props;
  const [isOpen, setOpen] = useState(false);
  return (
    <li className="px-4 py-2" data-testid={`suggestion-${suggestion.catalogId}`}>
      <p className="text-sm font-medium text-slate-800">{suggestion.title}</p>
      <p className="mt-0.5 flex flex-wrap gap-1">
        {suggestion.refs.slice(0, 4).map((ref) => (
          <span key={ref} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[10px] text-slate-600">
            {ref}
          </span>
        ))}
      </p>
      {isOpen ? (
        <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          {/[.!?]$/.test(suggestion.reason) ? suggestion.reason : `${suggestion.reason}.`}
          {suggestion.mitigationIds.length > 0
            ? ` Accepting adds ${suggestion.mitigationIds.length} catalog mitigation${suggestion.mitigationIds.length === 1 ? "" : "s"}.`
            : ""}
        </p>
      ) : null}
      <div className="mt-1.5 flex gap-1.5">
        <Button
          className="!px-2 !py-0.5 text-xs"
          onClick={props.onAccept}
          aria-label={`Accept ${suggestion.title}`}
        >
          Accept
        </Button>
        <Button
          variant="secondary"
          className="!px-2 !py-0.5 text-xs"
          onClick={props.onSkip}
          aria-label={`Skip ${suggestion.title}`}
        >
          Skip
        </Button>
        <Button
          variant="ghost"
          className="!px-2 !py-0.5 text-xs"
          aria-expanded={isOpen}
          onClick={() => setOpen((open) => !open)}
        >
          Why?
        </Button>
      </div>
    </li>
  );
}

/** Suggestions grouped by their first target, in the order the engine returned them. */
function useGroups(suggestions: readonly Suggestion[]) {
  const store = useCanvasStoreApi();
  return useMemo(() => {
    const { document } = store.getState();
    const labels = new Map<string, string>([
      ...document.elements.map((e) => [e.id, e.label || e.id] as const),
      ...document.flows.map((f) => [f.id, f.label || "Data flow"] as const),
    ]);
    const groups = new Map<string, { targetId: string; label: string; items: Suggestion[] }>();
    for (const suggestion of suggestions) {
      const targetId = suggestion.targetIds[0] ?? "";
      const group = groups.get(targetId) ?? { targetId, label: labels.get(targetId) ?? targetId, items: [] };
      group.items.push(suggestion);
      groups.set(targetId, group);
    }
    return [...groups.values()];
  }, [store, suggestions]);
}

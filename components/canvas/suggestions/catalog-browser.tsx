"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { acceptSuggestions } from "@/lib/catalog/accept";
import { CATALOG_FRAMEWORKS, type CatalogFramework } from "@/lib/catalog/types";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { ThreatSchema } from "@/lib/domain/document-analysis";
import { useCanvas, useCanvasStoreApi } from "@/lib/store/canvas-context";
import { newId } from "@/lib/store/ids";

type CatalogThreatView = {
  id: string;
  title: string;
  description: string;
  refs: string[];
  appliesTo: string[];
  custom?: boolean;
  defaultLikelihood?: number;
  defaultImpact?: number;
};

const FRAMEWORK_LABELS: Record<CatalogFramework, string> = {
  atlas: "MITRE ATLAS",
  stride: "STRIDE",
  "owasp-ml": "OWASP ML Top 10",
  "owasp-llm": "OWASP LLM Top 10",
  linddun: "LINDDUN (privacy)",
};

/** Search the threat catalog and add an entry, with its mitigations, to the selected element or flow. */
export function CatalogBrowser({
  workspaceId,
  canAddCustom,
  onClose,
}: {
  workspaceId: string;
  canAddCustom: boolean;
  onClose: () => void;
}) {
  const [reload, setReload] = useState(0);
  const store = useCanvasStoreApi();
  const [framework, setFramework] = useState<CatalogFramework | "">("");
  const [q, setQ] = useState("");
  const [threats, setThreats] = useState<CatalogThreatView[] | null>(null);
  const [error, setError] = useState("");
  const [added, setAdded] = useState("");
  const selected = useCanvas((s) => (s.selectedIds.length === 1 ? s.selectedIds[0] : undefined));
  const selectedLabel = useCanvas((s) => {
    const id = s.selectedIds.length === 1 ? s.selectedIds[0] : undefined;
    if (!id) return undefined;
    return (
      s.document.elements.find((e) => e.id === id)?.label ??
      s.document.flows.find((f) => f.id === id)?.label ??
      "the selected flow"
    );
  });
  const isReadOnly = useCanvas((s) => s.isReadOnly);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` refetches after a workspace threat is added
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(async () => {
      // The workspace's own entries come with the built-ins.
      const params = new URLSearchParams({ workspace: workspaceId });
      if (framework) params.set("framework", framework);
      if (q.trim()) params.set("q", q.trim());
      try {
        const list = await apiFetch<CatalogThreatView[]>(`/api/v1/catalog/threats?${params}`);
        if (isCurrent) {
          setThreats(list);
          setError("");
        }
      } catch (caught) {
        if (isCurrent)
          setError(caught instanceof ApiClientError ? caught.message : "Could not load the catalog.");
      }
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [framework, q, workspaceId, reload]);

  const add = (threat: CatalogThreatView) => {
    if (!selected) return;
    store.getState().applyEdit((document) =>
      threat.custom
        ? {
            // A workspace entry: copied as it is (built-ins also bring their catalog mitigations).
            ...document,
            threats: [
              ...document.threats,
              ThreatSchema.parse({
                id: newId("t"),
                title: threat.title,
                description: threat.description,
                catalogId: threat.id,
                targetIds: [selected],
                likelihood: threat.defaultLikelihood ?? 3,
                impact: threat.defaultImpact ?? 3,
              }),
            ],
          }
        : acceptSuggestions(document, [{ catalogId: threat.id, targetIds: [selected] }], newId),
    );
    setAdded(`Added "${threat.title}" to ${selectedLabel}.`);
  };

  return (
    <section aria-labelledby="catalog-heading" className="flex h-full flex-col">
      <header className="space-y-2 border-b border-slate-200 px-4 py-2.5">
        <div className="flex items-center justify-between">
          <h2 id="catalog-heading" className="text-sm font-semibold text-ink">
            Threat catalog
          </h2>
          <Button variant="ghost" className="!px-2 !py-1 text-xs" onClick={onClose}>
            Close catalog
          </Button>
        </div>
        <TextField
          label="Search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="poisoning, AML.T0051, LLM01…"
        />
        <SelectField
          label="Framework"
          value={framework}
          onChange={(e) => setFramework(e.target.value as CatalogFramework | "")}
        >
          <option value="">All frameworks</option>
          {CATALOG_FRAMEWORKS.map((f) => (
            <option key={f} value={f}>
              {FRAMEWORK_LABELS[f]}
            </option>
          ))}
        </SelectField>
        {isReadOnly ? null : (
          <p className="text-xs text-slate-500">
            {selected
              ? `Adding to: ${selectedLabel}`
              : "Select one element or flow on the diagram to add threats to it."}
          </p>
        )}
        {added ? (
          <p role="status" className="text-xs text-emerald-700">
            {added}
          </p>
        ) : null}
        {canAddCustom ? (
          <CustomThreatForm
            workspaceId={workspaceId}
            onCreated={(title) => {
              setFramework("");
              setQ(title);
              setReload((n) => n + 1);
            }}
          />
        ) : null}
      </header>
      {error ? (
        <div className="p-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      <ul aria-label="Catalog threats" className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto">
        {threats === null ? (
          <li className="p-4 text-sm text-slate-500">Loading the catalog…</li>
        ) : threats.length === 0 ? (
          <li className="p-4 text-sm text-slate-500">No catalog threat matches.</li>
        ) : (
          threats.map((threat) => (
            <li key={threat.id} className="px-4 py-2">
              <p className="text-sm font-medium text-slate-800">
                {threat.title}
                {threat.custom ? (
                  <span className="ml-1.5 rounded bg-violet-50 px-1 text-[10px] font-medium text-violet-700">
                    this workspace
                  </span>
                ) : null}
              </p>
              <p className="mt-0.5 text-xs text-slate-600">{threat.description}</p>
              <p className="mt-1 flex flex-wrap gap-1">
                {threat.refs.map((ref) => (
                  <span
                    key={ref}
                    className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[10px] text-slate-600"
                  >
                    {ref}
                  </span>
                ))}
              </p>
              {isReadOnly ? null : (
                <Button
                  variant="secondary"
                  className="mt-1.5 !px-2 !py-0.5 text-xs"
                  disabled={!selected}
                  onClick={() => add(threat)}
                  aria-label={`Add ${threat.title} to the selection`}
                >
                  Add to selection
                </Button>
              )}
            </li>
          ))
        )}
      </ul>
    </section>
  );
}

/** Owners and editors add their own threat to the workspace's catalog (built-ins stay read-only). */
function CustomThreatForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (title: string) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);
  if (!isOpen) {
    return (
      <button
        type="button"
        className="text-xs font-medium text-brand-700 hover:underline"
        onClick={() => setOpen(true)}
      >
        New workspace threat…
      </button>
    );
  }
  return (
    <form
      aria-label="New workspace threat"
      className="space-y-2 rounded-md border border-slate-200 p-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const title = String(form.get("title") ?? "").trim();
        const refs = String(form.get("refs") ?? "")
          .split(",")
          .map((ref) => ref.trim())
          .filter(Boolean);
        setBusy(true);
        setError("");
        try {
          await apiFetch(`/api/v1/workspaces/${workspaceId}/catalog/threats`, {
            method: "POST",
            body: { title, description: String(form.get("description") ?? ""), refs },
          });
          setOpen(false);
          onCreated(title);
        } catch (caught) {
          setError(caught instanceof ApiClientError ? caught.message : "Could not add the threat.");
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <TextField label="Title" name="title" required maxLength={200} />
      <TextField label="Description" name="description" maxLength={2000} />
      <TextField label="References" name="refs" placeholder="AML.T0051, LLM01:2025, STRIDE:T" />
      <div className="flex gap-2">
        <Button type="submit" isBusy={isBusy} className="!px-2 !py-1 text-xs">
          Add to the catalog
        </Button>
        <Button variant="ghost" className="!px-2 !py-1 text-xs" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

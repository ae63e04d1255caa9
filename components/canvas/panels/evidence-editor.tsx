"use client";

import { type FormEvent, useId, useState } from "react";
import { EvidenceSchema, type Mitigation } from "@/lib/domain/document";
import { isSafeLink } from "./entry-edits";
import { CONTROL, PanelButton } from "./panel-controls";

type Evidence = Mitigation["evidence"][number];

/** Evidence links (a CI run, a test report): listed with remove, added through a validated form. */
export function EvidenceEditor({
  evidence,
  isReadOnly,
  onChange,
}: {
  evidence: readonly Evidence[];
  isReadOnly: boolean;
  onChange: (evidence: Evidence[]) => void;
}) {
  const [label, setLabel] = useState("");
  const [url, setUrl] = useState("");
  const [errors, setErrors] = useState<{ label?: string; url?: string }>({});
  const id = useId();

  const add = (event: FormEvent) => {
    event.preventDefault();
    const parsed = EvidenceSchema.safeParse({ label: label.trim(), url: url.trim() });
    if (!parsed.success) {
      const next: { label?: string; url?: string } = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "label") next.label = "Give the evidence a label.";
        if (issue.path[0] === "url") next.url = "Enter a full http:// or https:// link.";
      }
      setErrors(next);
      return;
    }
    onChange([...evidence, parsed.data]);
    setLabel("");
    setUrl("");
    setErrors({});
  };

  return (
    <fieldset>
      <legend className="mb-1 text-xs font-medium text-slate-600">Evidence</legend>
      {evidence.length === 0 ? (
        <p className="mb-2 text-xs text-slate-500">No evidence linked yet.</p>
      ) : (
        <ul className="mb-2 space-y-1">
          {evidence.map((item, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and may repeat
              key={index}
              className="flex items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-sm"
            >
              {isSafeLink(item.url) ? (
                <a
                  href={item.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={item.url}
                  className="min-w-0 flex-1 truncate text-brand-700 underline-offset-2 hover:underline"
                >
                  {item.label}
                </a>
              ) : (
                <span className="min-w-0 flex-1 truncate" title={item.url}>
                  {item.label}
                </span>
              )}
              {isReadOnly ? null : (
                <PanelButton
                  variant="ghost"
                  ariaLabel={`Remove evidence ${item.label}`}
                  onClick={() => onChange(evidence.filter((_, i) => i !== index))}
                >
                  <span aria-hidden className="text-base leading-4">
                    ×
                  </span>
                </PanelButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {isReadOnly ? null : (
        <form onSubmit={add} noValidate className="space-y-1.5 rounded-md bg-slate-50 p-2">
          <input
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            aria-label="Evidence label"
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={errors.label ? `${id}-label-error` : undefined}
            placeholder="Label, e.g. Evasion regression suite"
            className={CONTROL}
          />
          {errors.label ? (
            <p id={`${id}-label-error`} className="text-xs text-red-700">
              {errors.label}
            </p>
          ) : null}
          <div className="flex items-center gap-1.5">
            <input
              type="url"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              aria-label="Evidence URL"
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={errors.url ? `${id}-url-error` : undefined}
              placeholder="https://ci.example.com/run/123"
              className={`${CONTROL} min-w-0 flex-1`}
            />
            <PanelButton type="submit">Add evidence</PanelButton>
          </div>
          {errors.url ? (
            <p id={`${id}-url-error`} className="text-xs text-red-700">
              {errors.url}
            </p>
          ) : null}
        </form>
      )}
    </fieldset>
  );
}

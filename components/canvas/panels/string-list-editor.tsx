"use client";

import { type FormEvent, useId, useState } from "react";
import { CONTROL, PanelButton } from "./panel-controls";

type Props = {
  /** The list's name, used as its legend and in every control's accessible name. */
  label: string;
  /** Singular noun for one entry ("assumption", "indicator", "tool"). */
  itemNoun: string;
  items: readonly string[];
  /** `coalesceKey` is set while one entry is typed into, so typing is one undo step. */
  onChange: (items: string[], coalesceKey?: string) => void;
  isReadOnly?: boolean;
  placeholder?: string;
  isMultiline?: boolean;
  /** Keep the legend for assistive technology only (the section heading already says it). */
  hideLabel?: boolean;
};

/**
 * A list of short texts (assumptions, detection indicators, agent tools): edit in place, remove,
 * and add with Enter or the button. Read-only users see a plain list.
 */
export function StringListEditor(props: Props) {
  const { label, itemNoun, items, onChange, isReadOnly, placeholder, isMultiline, hideLabel } = props;
  const [draft, setDraft] = useState("");
  const id = useId();
  const labelClass = hideLabel ? "sr-only" : "mb-1 text-xs font-medium text-slate-600";

  if (isReadOnly) {
    return (
      <div>
        <p className={labelClass}>{label}</p>
        {items.length === 0 ? (
          <p className="text-sm text-slate-500">None recorded.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
            {items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries are plain strings and may repeat
              <li key={index} className="break-words">
                {item}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const add = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    onChange([...items, text]);
    setDraft("");
  };
  const replace = (index: number, text: string) =>
    onChange(
      items.map((item, i) => (i === index ? text : item)),
      `${id}:${index}`,
    );
  const removeAt = (index: number) => onChange(items.filter((_, i) => i !== index));

  return (
    <fieldset>
      <legend className={labelClass}>{label}</legend>
      {items.length > 0 ? (
        <ul className="mb-2 space-y-1.5">
          {items.map((item, index) => {
            const name = `${itemNoun} ${index + 1}`;
            const control = {
              value: item,
              "aria-label": name.charAt(0).toUpperCase() + name.slice(1),
              className: `${CONTROL} min-w-0 flex-1`,
              // An emptied entry is dropped when the user leaves it.
              onBlur: () => (item.trim() === "" ? removeAt(index) : undefined),
            };
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries are plain strings and may repeat
              <li key={index} className="flex items-start gap-1.5">
                {isMultiline ? (
                  <textarea
                    {...control}
                    rows={1}
                    className={`${control.className} field-sizing-content max-h-60 resize-none`}
                    onChange={(event) => replace(index, event.target.value)}
                  />
                ) : (
                  <input {...control} onChange={(event) => replace(index, event.target.value)} />
                )}
                <PanelButton variant="ghost" ariaLabel={`Remove ${name}`} onClick={() => removeAt(index)}>
                  <span aria-hidden className="text-base leading-5">
                    ×
                  </span>
                </PanelButton>
              </li>
            );
          })}
        </ul>
      ) : null}
      <form onSubmit={add} className="flex items-center gap-1.5">
        <input
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder={placeholder}
          aria-label={`New ${itemNoun}`}
          className={`${CONTROL} min-w-0 flex-1`}
        />
        <PanelButton type="submit" ariaLabel={`Add ${itemNoun}`} disabled={draft.trim() === ""}>
          Add
        </PanelButton>
      </form>
    </fieldset>
  );
}

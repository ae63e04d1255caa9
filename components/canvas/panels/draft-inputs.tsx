"use client";

import { useState } from "react";
import type { z } from "zod";
import { commaListError, formatCommaList, validateCommaList } from "./comma-list";
import { TextInput } from "./panel-controls";

/**
 * Inputs whose text may be invalid while the user types. The draft stays local and only valid
 * values reach the document, so the working copy never holds an entry the schema would reject on
 * save; the draft is dropped on blur once valid, so undo and remote edits show through again.
 */
type RequiredProps = {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  isReadOnly?: boolean;
  className?: string;
};

/** A text field that must not be empty (titles, names). */
export function RequiredTextInput({ label, value, onCommit, isReadOnly, className }: RequiredProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const isEmpty = draft !== null && draft.trim() === "";
  return (
    <TextInput
      label={label}
      value={draft ?? value}
      isRequired
      isReadOnly={isReadOnly}
      className={className}
      error={isEmpty ? `${label} is required.` : null}
      onChange={(next) => {
        setDraft(next);
        if (next.trim() !== "") onCommit(next);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

type ListProps = {
  label: string;
  values: readonly string[];
  schema: z.ZodType<string>;
  /** An example id for the hint and the error message. */
  example: string;
  onCommit: (values: string[]) => void;
  isReadOnly?: boolean;
};

/** Comma-separated ids checked against the schema, with an inline error naming the bad entries. */
export function IdListInput({ label, values, schema, example, onCommit, isReadOnly }: ListProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const error = draft === null ? null : commaListError(validateCommaList(draft, schema), example);
  return (
    <TextInput
      label={label}
      value={draft ?? formatCommaList(values)}
      placeholder={example}
      hint={`Comma-separated, e.g. ${example}`}
      error={error}
      isReadOnly={isReadOnly}
      onChange={(next) => {
        setDraft(next);
        const parsed = validateCommaList(next, schema);
        if (parsed.invalid.length === 0) onCommit(parsed.values);
      }}
      onBlur={() => {
        // Keep an invalid draft on screen so the error stays visible until it is fixed.
        if (draft !== null && validateCommaList(draft, schema).invalid.length === 0) setDraft(null);
      }}
    />
  );
}

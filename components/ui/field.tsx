import { type InputHTMLAttributes, type SelectHTMLAttributes, useId } from "react";

const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string };

/** A labelled input: the label is the input's accessible name. */
export function TextField({ label, hint, className = "", id, ...rest }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={inputId}
        className={CONTROL}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...rest}
      />
      {hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; hideLabel?: boolean };

export function SelectField({
  label,
  hideLabel = false,
  className = "",
  id,
  children,
  ...rest
}: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={className}>
      <label
        htmlFor={selectId}
        className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-slate-700"}
      >
        {label}
      </label>
      <select id={selectId} className={CONTROL} {...rest}>
        {children}
      </select>
    </div>
  );
}

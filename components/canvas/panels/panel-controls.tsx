"use client";

import { type ReactNode, useId } from "react";

/**
 * Compact labelled controls for the ~360px side panel. Every control has a visible label (or,
 * with `hideLabel`, an sr-only one); read-only users get read-only text and disabled choices.
 */
export const CONTROL_BASE =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs " +
  "placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 " +
  "disabled:border-slate-200 disabled:bg-slate-50 disabled:text-slate-600 disabled:shadow-none " +
  // Variants, so they win over the base colours. Not the :read-only pseudo-class: it matches selects too.
  "data-readonly:resize-none data-readonly:border-slate-200 data-readonly:bg-slate-50 data-readonly:shadow-none " +
  "aria-[invalid=true]:border-red-400 aria-[invalid=true]:focus:ring-red-500/30";
export const CONTROL = `block w-full ${CONTROL_BASE}`;

type Common = {
  label: string;
  hideLabel?: boolean;
  hint?: string;
  error?: string | null;
  isRequired?: boolean;
  isReadOnly?: boolean;
  className?: string;
};

function Label({ htmlFor, label, hideLabel, isRequired, isReadOnly }: Common & { htmlFor: string }) {
  return (
    <label
      htmlFor={htmlFor}
      className={hideLabel ? "sr-only" : "mb-1 block text-xs font-medium text-slate-600"}
    >
      {label}
      {isRequired && !isReadOnly ? (
        <span className="ml-1 text-red-600" aria-hidden>
          *
        </span>
      ) : null}
    </label>
  );
}

function Help({ id, hint, error }: { id: string; hint?: string; error?: string | null }) {
  if (error) {
    return (
      <p id={id} className="mt-1 text-xs text-red-700">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={id} className="mt-1 text-xs text-slate-500">
      {hint}
    </p>
  ) : null;
}

type TextProps = Common & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  type?: "text" | "date" | "url";
  isMultiline?: boolean;
  rows?: number;
};

export function TextInput(props: TextProps) {
  const { value, onChange, onBlur, placeholder, type = "text", isMultiline, rows = 3 } = props;
  const { hint, error, isRequired, isReadOnly, className = "" } = props;
  const id = useId();
  const helpId = `${id}-help`;
  const shared = {
    id,
    value,
    placeholder: isReadOnly ? undefined : placeholder,
    readOnly: isReadOnly,
    "aria-required": isRequired || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error || hint ? helpId : undefined,
    onBlur,
    "data-readonly": isReadOnly || undefined,
    className: CONTROL,
  };
  return (
    <div className={className}>
      <Label htmlFor={id} {...props} />
      {isMultiline ? (
        <textarea
          {...shared}
          rows={rows}
          // Grows with its content (field-sizing), never shorter than `rows` lines.
          style={{ minHeight: `${rows * 1.25 + 0.875}rem` }}
          className={`${shared.className} field-sizing-content max-h-96 resize-y`}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input {...shared} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      <Help id={helpId} hint={hint} error={error} />
    </div>
  );
}

export type Option<T extends string | number> = { value: T; label: string };

type SelectProps<T extends string | number> = Common & {
  value: T | undefined;
  options: readonly Option<T>[];
  onChange: (value: T | undefined) => void;
  /** Offer an empty choice with this label (the field is optional). */
  unsetLabel?: string;
};

export function SelectInput<T extends string | number>(props: SelectProps<T>) {
  const { value, options, onChange, unsetLabel, hint, error, isReadOnly, className = "" } = props;
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className={className}>
      <Label htmlFor={id} {...props} />
      <select
        id={id}
        value={value === undefined ? "" : String(value)}
        disabled={isReadOnly}
        aria-describedby={error || hint ? helpId : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const match = options.find((option) => String(option.value) === event.target.value);
          onChange(match?.value);
        }}
        className={CONTROL}
      >
        {unsetLabel !== undefined || value === undefined ? (
          <option value="">{unsetLabel ?? "—"}</option>
        ) : null}
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
      <Help id={helpId} hint={hint} error={error} />
    </div>
  );
}

type CheckboxProps = {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  isReadOnly?: boolean;
  description?: string;
  /** An accessible name when the visible label is abbreviated. */
  ariaLabel?: string;
  title?: string;
};

export function Checkbox({
  label,
  checked,
  onChange,
  isReadOnly,
  description,
  ariaLabel,
  title,
}: CheckboxProps) {
  return (
    <label
      title={title}
      className={`flex items-start gap-2 rounded px-1 py-0.5 text-sm text-slate-800 ${isReadOnly ? "" : "cursor-pointer hover:bg-slate-50"}`}
    >
      <input
        type="checkbox"
        checked={checked}
        disabled={isReadOnly}
        aria-label={ariaLabel}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
      />
      <span className="min-w-0">
        <span className="block break-words">{label}</span>
        {description ? <span className="block text-xs text-slate-500">{description}</span> : null}
      </span>
    </label>
  );
}

/** A fieldset of checkboxes with a visible legend. */
export function CheckboxGroup({
  legend,
  children,
  empty,
  columns = 1,
}: {
  legend: string;
  children: ReactNode;
  empty?: string;
  columns?: 1 | 2 | 3;
}) {
  const grid = { 1: "", 2: "grid grid-cols-2 gap-x-2", 3: "grid grid-cols-3 gap-x-2" }[columns];
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-medium text-slate-600">{legend}</legend>
      {empty ? <p className="text-xs text-slate-500">{empty}</p> : <div className={grid}>{children}</div>}
    </fieldset>
  );
}

/** A titled block of the panel, with optional actions on the right of its heading. */
export function PanelSection({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="border-t border-slate-200 px-4 py-4 first:border-t-0">
      <div className="mb-3 flex min-h-7 items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
        {actions}
      </div>
      <div className="space-y-3">{children}</div>
    </section>
  );
}

/** A small secondary button for panel actions ("Add threat", "Remove"). */
export function PanelButton({
  children,
  onClick,
  variant = "secondary",
  ariaLabel,
  disabled,
  type = "button",
}: {
  children: ReactNode;
  onClick?: () => void;
  variant?: "secondary" | "primary" | "danger" | "ghost";
  ariaLabel?: string;
  disabled?: boolean;
  type?: "button" | "submit";
}) {
  const styles = {
    primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/50",
    secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 disabled:text-slate-400",
    danger: "border border-red-200 bg-white text-red-700 hover:bg-red-50 disabled:text-red-300",
    ghost: "text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-300",
  }[variant];
  return (
    <button
      type={type}
      onClick={onClick}
      aria-label={ariaLabel}
      disabled={disabled}
      className={`inline-flex shrink-0 items-center justify-center gap-1 rounded-md px-2.5 py-1 text-xs font-medium transition-colors disabled:cursor-not-allowed ${styles}`}
    >
      {children}
    </button>
  );
}

/** A labelled group inside an expanded editor ("Risk", "Attacker", "Mitigations"). */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-3 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0">
      <h4 className="text-xs font-semibold text-slate-800">{title}</h4>
      {children}
    </div>
  );
}

/** A small neutral chip for statuses and kinds. */
export function Chip({
  children,
  tone = "slate",
}: {
  children: ReactNode;
  tone?: "slate" | "brand" | "amber";
}) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    brand: "bg-brand-50 text-brand-700",
    amber: "bg-amber-50 text-amber-800",
  };
  return (
    <span
      className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

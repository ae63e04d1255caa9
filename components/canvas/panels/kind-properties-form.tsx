"use client";

import type { Element } from "@/lib/domain/document";
import { useCanvas } from "@/lib/store/canvas-context";
import { humanize } from "./labels";
import { Checkbox, SelectInput, TextInput } from "./panel-controls";
import {
  type PropertyField,
  propertyFieldsOf,
  undocumentedProperties,
  withProperty,
} from "./property-fields";
import { StringListEditor } from "./string-list-editor";

/**
 * The element's kind-specific properties, one control per property the kind's schema documents:
 * booleans as checkboxes, enums as selects, string lists as add/remove lists, strings as text.
 * Keys the kind does not document are kept by the document and listed read-only.
 */
export function KindPropertiesForm({ element }: { element: Element }) {
  const isReadOnly = useCanvas((s) => s.isReadOnly);
  const updateElement = useCanvas((s) => s.updateElement);
  const properties: Record<string, unknown> = element.properties;
  const fields = propertyFieldsOf(element.kind);
  const others = undocumentedProperties(element.kind, properties);

  const set = (key: string, value: unknown, coalesce?: boolean) =>
    updateElement(
      element.id,
      // `Element` is a union by kind; these properties came from this element's own kind schema.
      { properties: withProperty(properties, key, value) } as Partial<Element>,
      coalesce ? `element:${element.id}:prop:${key}` : undefined,
    );

  if (fields.length === 0 && others.length === 0) {
    return <p className="text-sm text-slate-500">This kind has no specific properties.</p>;
  }
  return (
    <>
      {fields
        .filter((field) => field.type !== "boolean")
        .map((field) => (
          <PropertyControl
            key={field.key}
            field={field}
            value={properties[field.key]}
            isReadOnly={isReadOnly}
            onChange={(value, coalesce) => set(field.key, value, coalesce)}
          />
        ))}
      {fields.some((field) => field.type === "boolean") ? (
        <div className="space-y-0.5">
          {fields
            .filter((field) => field.type === "boolean")
            .map((field) => (
              <PropertyControl
                key={field.key}
                field={field}
                value={properties[field.key]}
                isReadOnly={isReadOnly}
                onChange={(value) => set(field.key, value)}
              />
            ))}
        </div>
      ) : null}
      {others.length > 0 ? (
        <div>
          <p className="mb-1 text-xs font-medium text-slate-600">Other properties</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-xs">
            {others.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-slate-500">{key}</dt>
                <dd className="font-mono break-all text-slate-800">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </>
  );
}

type ControlProps = {
  field: PropertyField;
  value: unknown;
  isReadOnly: boolean;
  onChange: (value: unknown, coalesce?: boolean) => void;
};

function PropertyControl({ field, value, isReadOnly, onChange }: ControlProps) {
  switch (field.type) {
    case "boolean":
      return (
        <Checkbox
          label={field.label}
          checked={value === true}
          isReadOnly={isReadOnly}
          onChange={(checked) => onChange(checked)}
        />
      );
    case "string":
      return (
        <TextInput
          label={field.label}
          value={typeof value === "string" ? value : ""}
          isReadOnly={isReadOnly}
          onChange={(text) => onChange(text, true)}
        />
      );
    case "enum":
      return (
        <SelectInput
          label={field.label}
          value={typeof value === "string" && field.options.includes(value) ? value : undefined}
          options={field.options.map((option) => ({ value: option, label: humanize(option) }))}
          unsetLabel="Not set"
          isReadOnly={isReadOnly}
          onChange={(option) => onChange(option)}
        />
      );
    case "list": {
      const items = Array.isArray(value)
        ? value.filter((item): item is string => typeof item === "string")
        : [];
      const noun = field.label.toLowerCase().replace(/s$/, "");
      return (
        <StringListEditor
          label={field.label}
          itemNoun={noun}
          items={items}
          isReadOnly={isReadOnly}
          placeholder={`Add a ${noun}`}
          onChange={(next, key) => onChange(next, key !== undefined)}
        />
      );
    }
  }
}

"use client";

import { LinddunSchema, STRIDE, type Threat, ThreatCategoriesSchema } from "@/lib/domain/document";
import { IdListInput } from "./draft-inputs";
import { toggleIn, withOptional } from "./entry-edits";
import { LINDDUN_LABELS, labelOf, STRIDE_LABELS } from "./labels";
import { Checkbox, CheckboxGroup, TextInput } from "./panel-controls";

// The id formats the document schema enforces, so the inline error matches what saving would say.
const shape = ThreatCategoriesSchema.shape;
const ATLAS_ID = shape.atlas.unwrap().element;
const OWASP_ML_ID = shape.owaspMl.unwrap().element;
const OWASP_LLM_ID = shape.owaspLlm.unwrap().element;

type Categories = Threat["categories"];
type Props = {
  threat: Threat;
  isReadOnly: boolean;
  onChange: (threat: Threat, coalesceField?: string) => void;
};

/** STRIDE and LINDDUN as toggles; ATLAS and OWASP ids as validated comma lists; AI Exchange text. */
export function ThreatCategories({ threat, isReadOnly, onChange }: Props) {
  const categories = threat.categories;
  const set = (next: Categories, field?: string) => onChange({ ...threat, categories: next }, field);

  return (
    <>
      <CheckboxGroup legend="STRIDE" columns={2}>
        {STRIDE.map((letter) => (
          <Checkbox
            key={letter}
            label={
              <>
                <span className="mr-1 font-mono font-semibold text-slate-500">{letter}</span>
                {STRIDE_LABELS[letter]}
              </>
            }
            ariaLabel={`${STRIDE_LABELS[letter]} (${letter})`}
            checked={categories.stride.includes(letter)}
            isReadOnly={isReadOnly}
            onChange={(checked) => {
              const stride = toggleIn(categories.stride, letter, checked);
              set({ ...categories, stride: STRIDE.filter((l) => stride.includes(l)) });
            }}
          />
        ))}
      </CheckboxGroup>
      <IdListInput
        label="MITRE ATLAS techniques"
        values={categories.atlas}
        schema={ATLAS_ID}
        example="AML.T0051"
        isReadOnly={isReadOnly}
        onCommit={(atlas) => set({ ...categories, atlas }, "atlas")}
      />
      <IdListInput
        label="OWASP ML Top 10"
        values={categories.owaspMl}
        schema={OWASP_ML_ID}
        example="ML01:2023"
        isReadOnly={isReadOnly}
        onCommit={(owaspMl) => set({ ...categories, owaspMl }, "owaspMl")}
      />
      <IdListInput
        label="OWASP LLM Top 10"
        values={categories.owaspLlm}
        schema={OWASP_LLM_ID}
        example="LLM01:2025"
        isReadOnly={isReadOnly}
        onCommit={(owaspLlm) => set({ ...categories, owaspLlm }, "owaspLlm")}
      />
      <CheckboxGroup legend="LINDDUN (privacy)" columns={2}>
        {LinddunSchema.options.map((category) => (
          <Checkbox
            key={category}
            label={labelOf(LINDDUN_LABELS, category)}
            checked={categories.linddun.includes(category)}
            isReadOnly={isReadOnly}
            onChange={(checked) =>
              set({ ...categories, linddun: toggleIn(categories.linddun, category, checked) })
            }
          />
        ))}
      </CheckboxGroup>
      <TextInput
        label="OWASP AI Exchange category"
        value={categories.aiExchange ?? ""}
        placeholder="e.g. Evasion, Model theft"
        isReadOnly={isReadOnly}
        onChange={(value) => set(withOptional(categories, "aiExchange", value), "aiExchange")}
      />
    </>
  );
}

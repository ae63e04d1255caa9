"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { instantiateTemplate, TEMPLATES, type Template } from "@/lib/templates";
import { TemplatePreview } from "./template-preview";

const EMPTY = "";

export function CreateModelForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const formId = useId();
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [templateId, setTemplateId] = useState(EMPTY);
  const [parameters, setParameters] = useState<Record<string, boolean>>({});
  const template = TEMPLATES.find((t) => t.id === templateId);

  function chooseTemplate(id: string) {
    setTemplateId(id);
    const chosen = TEMPLATES.find((t) => t.id === id);
    setParameters(Object.fromEntries((chosen?.parameters ?? []).map((p) => [p.id, p.default])));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    try {
      const model = await apiFetch<{ id: string }>(`/api/v1/workspaces/${workspaceId}/models`, {
        method: "POST",
        body: {
          name: String(form.get("name") ?? ""),
          description: String(form.get("description") ?? ""),
          ...(template ? { templateId: template.id, parameters } : {}),
        },
      });
      router.push(`/models/${model.id}`);
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not create the model.");
      setBusy(false);
    }
  }

  const close = () => {
    setOpen(false);
    setError("");
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>New threat model</Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        title="New threat model"
        size="xl"
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={isBusy}>
              Cancel
            </Button>
            <Button type="submit" form={formId} isBusy={isBusy}>
              Create model
            </Button>
          </>
        }
      >
        <form
          id={formId}
          onSubmit={onSubmit}
          className="grid gap-4 md:grid-cols-2"
          aria-label="New threat model"
        >
          <div className="flex flex-col gap-3">
            {error ? <Alert>{error}</Alert> : null}
            <TextField
              label="Model name"
              name="name"
              required
              maxLength={200}
              data-autofocus
              placeholder="e.g. Support chatbot with RAG"
            />
            <TextField
              label="Description"
              name="description"
              maxLength={2000}
              placeholder="What is this system for?"
            />
            <fieldset className="space-y-1.5">
              <legend className="mb-1 text-sm font-medium text-slate-700">Start from</legend>
              <StartOption
                id={EMPTY}
                name="Empty canvas"
                description="Draw the system yourself."
                checked={templateId === EMPTY}
                onChoose={chooseTemplate}
              />
              {TEMPLATES.map((t) => (
                <StartOption
                  key={t.id}
                  id={t.id}
                  name={t.name}
                  description={t.description}
                  checked={templateId === t.id}
                  onChoose={chooseTemplate}
                />
              ))}
            </fieldset>
          </div>
          {template ? (
            <TemplateOptions template={template} parameters={parameters} onChange={setParameters} />
          ) : (
            <p className="self-center rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
              Start from a template to see its diagram here, and tune it with the template's options.
            </p>
          )}
        </form>
      </Dialog>
    </>
  );
}

function StartOption(props: {
  id: string;
  name: string;
  description: string;
  checked: boolean;
  onChoose: (id: string) => void;
}) {
  return (
    <label
      className={`flex cursor-pointer gap-2 rounded-md border px-3 py-2 text-sm ${props.checked ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50"}`}
    >
      <input
        type="radio"
        name="start-from"
        value={props.id}
        checked={props.checked}
        onChange={() => props.onChoose(props.id)}
        className="mt-0.5"
      />
      <span>
        <span className="font-medium text-slate-800">{props.name}</span>
        <span className="block text-xs text-slate-500">{props.description}</span>
      </span>
    </label>
  );
}

/** The chosen template's switches and a live preview of the diagram they produce. */
function TemplateOptions(props: {
  template: Template;
  parameters: Record<string, boolean>;
  onChange: (parameters: Record<string, boolean>) => void;
}) {
  const { template, parameters } = props;
  const preview = useMemo(() => instantiateTemplate(template.id, parameters), [template.id, parameters]);
  return (
    <div className="flex flex-col gap-3">
      <TemplatePreview document={preview} title={`${template.name} preview`} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Options</legend>
        {template.parameters.map((parameter) => (
          <label key={parameter.id} className="flex gap-2 text-sm">
            <input
              type="checkbox"
              checked={parameters[parameter.id] ?? parameter.default}
              onChange={(event) => props.onChange({ ...parameters, [parameter.id]: event.target.checked })}
              className="mt-0.5"
            />
            <span>
              <span className="font-medium text-slate-800">{parameter.label}</span>
              <span className="block text-xs text-slate-500">{parameter.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

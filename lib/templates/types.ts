import type { ThreatModelDocumentInput } from "@/lib/domain/document";

/** A switch shown when creating a model from a template. Only booleans for now. */
export type TemplateParameter = {
  id: string;
  label: string;
  description: string;
  type: "boolean";
  default: boolean;
};

/**
 * A parameterized starting point for a common ML system. `build` is pure: the same parameters
 * always give the same document, with stable, readable ids. It gets validated parameters (see
 * TemplateParametersSchema); a missing one falls back to its default.
 */
export type Template = {
  id: string;
  name: string;
  description: string;
  parameters: readonly TemplateParameter[];
  build: (params: Record<string, boolean>) => ThreatModelDocumentInput;
};

export function parameter<const Id extends string>(
  id: Id,
  label: string,
  description: string,
  defaultValue: boolean,
): TemplateParameter & { id: Id } {
  return { id, label, description, type: "boolean", default: defaultValue };
}

type ParameterValues<P extends readonly TemplateParameter[]> = { readonly [K in P[number]["id"]]: boolean };

/** A template whose `build` sees exactly its own parameters by name, defaults filled in. */
export function defineTemplate<const P extends readonly TemplateParameter[]>(spec: {
  id: string;
  name: string;
  description: string;
  parameters: P;
  build: (params: ParameterValues<P>) => ThreatModelDocumentInput;
}): Template {
  const { build, parameters } = spec;
  return {
    ...spec,
    build: (params) => {
      const values = Object.fromEntries(parameters.map((p) => [p.id, params[p.id] ?? p.default]));
      return build(values as ParameterValues<P>);
    },
  };
}

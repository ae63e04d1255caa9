import { PLACEHOLDERS, type Placeholder } from "./types";

/**
 * What a condition found: the values it bound (labels, classifications, zones ...) and the notes
 * that explain it. Notes are rendered only for a match that reaches a rule, so the interpreter can
 * try conditions freely without building text it will throw away.
 */

export type Values = Partial<Record<Placeholder, readonly string[]>>;
/** A note and the values it is rendered with; rendered only if its match survives to a rule. */
type Note = { readonly template: string; readonly values: Values };
/** A successful match: the values it bound and the notes that explain it (undefined: no match). */
export type Match = { readonly values: Values; readonly notes: readonly Note[] };

export const EMPTY: Match = { values: {}, notes: [] };

export function merge(matches: readonly Match[]): Match {
  // Most parts of a match (kind tests, `not`) bind nothing; with at most one that does, reuse it.
  let informative: Match | undefined;
  let count = 0;
  for (const match of matches) {
    if (match === EMPTY) continue;
    informative = match;
    count++;
  }
  if (count <= 1) return informative ?? EMPTY;
  const values: Partial<Record<Placeholder, string[]>> = {};
  const notes: Note[] = [];
  for (const match of matches) {
    for (const key in match.values) {
      const list = match.values[key as Placeholder] ?? [];
      const into = values[key as Placeholder];
      if (!into) values[key as Placeholder] = [...list];
      else for (const value of list) if (!into.includes(value)) into.push(value);
    }
    notes.push(...match.notes);
  }
  return { values, notes };
}

export const bind = (values: Values): Match => ({ values, notes: [] });

/** The match's notes as text, each once, in the order the conditions were written. */
export function explain(match: Match): string[] {
  const texts: string[] = [];
  for (const note of match.notes) {
    const text = render(note.template, note.values);
    if (!texts.includes(text)) texts.push(text);
  }
  return texts;
}

/** Fills a template's `{placeholders}`; several values read as "a, b and c". */
export function render(template: string, values: Values): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, key: string) => {
    if (!isPlaceholder(key)) return whole;
    const list = values[key];
    return list && list.length > 0 ? englishList(list) : FALLBACK[key];
  });
}

function isPlaceholder(key: string): key is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(key);
}

// Used only when a template names something its rule did not bind; rules are tested not to.
const FALLBACK: Record<Placeholder, string> = {
  target: "this element",
  why: "matches this rule",
  neighbour: "a connected element",
  flow: "a flow",
  source: "its source",
  destination: "its destination",
  asset: "an asset",
  provenance: "of unknown origin",
  classification: "sensitive",
  zone: "its zone",
  boundary: "a trust boundary",
  value: "a listed value",
  exposure: "is exposed to untrusted input",
};

export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function annotate(match: Match | undefined, note: string | undefined): Match | undefined {
  if (!match || note === undefined) return match;
  return { values: match.values, notes: [{ template: note, values: match.values }] };
}

import type { Asset, Element, Flow, Provenance } from "@/lib/domain/document";
import { baseTypeOf, ELEMENT_KINDS, type ElementKind } from "@/lib/domain/kinds";
import { type DocumentIndex, elementName, otherEnd } from "./document-index";
import { annotate, bind, EMPTY, type Match, merge } from "./match";
import type { AssetMatch, Combinator, ElementCondition, FlowCondition, ValueTest } from "./types";

/**
 * The interpreter for the rule language in types.ts: a condition and a subject (element or flow)
 * in, a Match (the values it bound and the notes explaining it) or undefined out. It reads only the
 * precomputed DocumentIndex, and runs nothing but this switch over condition data.
 */

const NO_FLOWS: readonly Flow[] = [];
const NO_ASSETS: readonly Asset[] = [];

type Evaluator<C, S> = (
  condition: C,
  subject: S,
  index: DocumentIndex,
  subjectId?: string,
) => Match | undefined;

// Module-level evaluators, not closures: this runs for every rule on every element.
function combine<C, S>(
  condition: Combinator<C>,
  subject: S,
  index: DocumentIndex,
  subjectId: string | undefined,
  evaluate: Evaluator<C, S>,
): Match | undefined {
  switch (condition.op) {
    case "all": {
      const matches: Match[] = [];
      for (const child of condition.of) {
        const match = evaluate(child, subject, index, subjectId);
        if (!match) return undefined;
        matches.push(match);
      }
      return merge(matches);
    }
    case "any": {
      const matches: Match[] = [];
      for (const child of condition.of) {
        const match = evaluate(child, subject, index, subjectId);
        if (match) matches.push(match);
      }
      return matches.length > 0 ? merge(matches) : undefined;
    }
    case "first":
      for (const child of condition.of) {
        const match = evaluate(child, subject, index, subjectId);
        if (match) return match;
      }
      return undefined;
    case "not":
      return evaluate(condition.of, subject, index, subjectId) ? undefined : EMPTY;
  }
}

// ---------------------------------------------------------------------------------------------
// Elements

export function evaluateElement(
  condition: ElementCondition,
  element: Element,
  index: DocumentIndex,
): Match | undefined {
  return annotate(testElement(condition, element, index), condition.note);
}

function testElement(condition: ElementCondition, element: Element, index: DocumentIndex): Match | undefined {
  switch (condition.op) {
    case "all":
    case "any":
    case "first":
    case "not":
      return combine(condition, element, index, undefined, evaluateElement);
    case "kind":
      return condition.kinds.includes(element.kind) ? EMPTY : undefined;
    case "base-type":
      return condition.baseTypes.includes(baseTypeOf(element.kind)) ? EMPTY : undefined;
    case "property": {
      const value = (element.properties as Record<string, unknown>)[condition.key];
      const shown = testValue(condition.test, value, index);
      return shown ? bind({ value: shown }) : undefined;
    }
    case "label":
      return hasAnyWord(index.words(element.label), condition.words, index) ? EMPTY : undefined;
    case "trust": {
      const level = index.trust.get(element.id) ?? "untrusted";
      const zone = index.zones.get(element.id);
      return condition.levels.includes(level) ? bind(zone ? { zone: [zone] } : {}) : undefined;
    }
    case "exposed": {
      const why = index.exposure.get(element.id);
      return why ? bind({ exposure: [why] }) : undefined;
    }
    case "asset": {
      const matches: Match[] = [];
      for (const asset of index.assets.get(element.id) ?? NO_ASSETS) {
        if (assetMatches(condition.match, asset, index)) matches.push(assetValues(asset));
      }
      return matches.length > 0 ? merge(matches) : undefined;
    }
    case "flow": {
      const lists =
        condition.direction === "in"
          ? index.incoming
          : condition.direction === "out"
            ? index.outgoing
            : index.adjacent;
      const matches: Match[] = [];
      for (const flow of lists.get(element.id) ?? NO_FLOWS) {
        const match = evaluateFlow(condition.match, flow, index, element.id);
        if (match) matches.push(merge([flowValues(flow, index, element.id), match]));
      }
      return matches.length > 0 ? merge(matches) : undefined;
    }
  }
}

/** The values a matching property shows in a reason, or undefined when the test fails. */
function testValue(test: ValueTest, value: unknown, index: DocumentIndex): readonly string[] | undefined {
  if ("is" in test) return value === test.is ? [String(value)] : undefined;
  if ("oneOf" in test) return typeof value === "string" && test.oneOf.includes(value) ? [value] : undefined;
  if ("nonEmpty" in test) {
    if (typeof value === "string") return value.trim() ? [value] : undefined;
    if (Array.isArray(value) && value.length > 0) return value.map((item) => String(item));
    return undefined;
  }
  const texts = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  const hits = texts.filter(
    (text): text is string => typeof text === "string" && hasAnyWord(index.words(text), test.hasWord, index),
  );
  return hits.length > 0 ? hits : undefined;
}

/** Whether one of the needles (each one or more words) occurs, word for word, in the text's words. */
function hasAnyWord(words: readonly string[], needles: readonly string[], index: DocumentIndex): boolean {
  for (const needle of needles) {
    const wanted = index.words(needle);
    if (wanted.length === 0) continue;
    for (let start = 0; start + wanted.length <= words.length; start++) {
      let offset = 0;
      while (offset < wanted.length && words[start + offset] === wanted[offset]) offset++;
      if (offset === wanted.length) return true;
    }
  }
  return false;
}

function assetMatches(match: AssetMatch, asset: Asset, index: DocumentIndex): boolean {
  if (match.provenance && !(asset.provenance && match.provenance.includes(asset.provenance))) return false;
  if (match.classification && !(asset.classification && match.classification.includes(asset.classification)))
    return false;
  if (match.words && !hasAnyWord(index.words(`${asset.name} ${asset.type ?? ""}`), match.words, index))
    return false;
  return true;
}

const PROVENANCE_PHRASE: Record<Provenance, string> = {
  "first-party": "first-party",
  "third-party-broker": "supplied by a data broker",
  "user-generated": "user-generated",
  "vendor-model": "a vendor model",
};

function assetValues(asset: Asset): Match {
  return bind({
    asset: [asset.name],
    ...(asset.provenance ? { provenance: [PROVENANCE_PHRASE[asset.provenance]] } : {}),
    ...(asset.classification ? { classification: [asset.classification] } : {}),
  });
}

/**
 * The element kinds a condition can match at all, read from its kind and base-type tests (undefined:
 * any kind). Lets the caller skip rules that cannot apply to an element without evaluating them.
 */
export function kindsMatchedBy(condition: ElementCondition): ReadonlySet<ElementKind> | undefined {
  switch (condition.op) {
    case "kind":
      return new Set(condition.kinds);
    case "base-type":
      return new Set(ELEMENT_KINDS.filter((kind) => condition.baseTypes.includes(baseTypeOf(kind))));
    case "all": {
      let kinds: Set<ElementKind> | undefined;
      for (const child of condition.of) {
        const allowed = kindsMatchedBy(child);
        if (allowed) kinds = new Set([...(kinds ?? allowed)].filter((kind) => allowed.has(kind)));
      }
      return kinds;
    }
    case "any":
    case "first": {
      const kinds = new Set<ElementKind>();
      for (const child of condition.of) {
        const allowed = kindsMatchedBy(child);
        if (!allowed) return undefined;
        for (const kind of allowed) kinds.add(kind);
      }
      return kinds;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Flows

/**
 * Evaluates a flow condition. `subjectId` is the element whose flow this is (for `neighbour`), or
 * undefined when the flow itself is the rule's target.
 */
export function evaluateFlow(
  condition: FlowCondition,
  flow: Flow,
  index: DocumentIndex,
  subjectId?: string,
): Match | undefined {
  return annotate(testFlow(condition, flow, index, subjectId), condition.note);
}

function testFlow(
  condition: FlowCondition,
  flow: Flow,
  index: DocumentIndex,
  subjectId: string | undefined,
): Match | undefined {
  switch (condition.op) {
    case "all":
    case "any":
    case "first":
    case "not":
      return combine(condition, flow, index, subjectId, evaluateFlow);
    case "encrypted":
      return flow.encrypted === condition.value ? EMPTY : undefined;
    case "authenticated":
      return flow.authenticated === condition.value ? EMPTY : undefined;
    case "classification":
      return flow.dataClassification && condition.levels.includes(flow.dataClassification)
        ? bind({ classification: [flow.dataClassification] })
        : undefined;
    case "label":
      return hasAnyWord(index.words(flow.label ?? ""), condition.words, index) ? EMPTY : undefined;
    case "crosses-boundary": {
      const boundaries = index.flowFacts.get(flow)?.boundaries ?? [];
      return boundaries.length > 0 ? bind({ boundary: boundaries }) : undefined;
    }
    case "trust-change":
      return index.flowFacts.get(flow)?.[condition.direction] ? EMPTY : undefined;
    case "from":
      return atEnd(condition.where, flow.source, index);
    case "to":
      return atEnd(condition.where, flow.target, index);
    case "neighbour":
      return subjectId === undefined
        ? (atEnd(condition.where, flow.source, index) ?? atEnd(condition.where, flow.target, index))
        : atEnd(condition.where, otherEnd(flow, subjectId), index);
  }
}

/**
 * A condition on the element at one end of a flow. It explains itself in its own notes; its values
 * (that element's zone, assets, ...) stay behind, so they are never mistaken for the subject's.
 */
function atEnd(where: ElementCondition, id: string, index: DocumentIndex): Match | undefined {
  const element = index.elements.get(id);
  const match = element ? evaluateElement(where, element, index) : undefined;
  return match && { values: {}, notes: match.notes };
}

/** What any matched flow shows in a reason: its label, ends and classification. */
export function flowValues(flow: Flow, index: DocumentIndex, subjectId?: string): Match {
  return bind({
    flow: [flow.label?.trim() || "an unlabelled flow"],
    source: [endName(flow.source, index)],
    destination: [endName(flow.target, index)],
    ...(subjectId === undefined ? {} : { neighbour: [endName(otherEnd(flow, subjectId), index)] }),
    ...(flow.dataClassification ? { classification: [flow.dataClassification] } : {}),
  });
}

function endName(id: string, index: DocumentIndex): string {
  const element = index.elements.get(id);
  return element ? elementName(element) : id;
}

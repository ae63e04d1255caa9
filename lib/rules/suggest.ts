import type { ThreatModelDocument } from "@/lib/domain/document";
import { ELEMENT_KINDS, type ElementKind } from "@/lib/domain/kinds";
import { elementName, flowName, indexDocument } from "./document-index";
import { evaluateElement, evaluateFlow, flowValues, kindsMatchedBy } from "./engine";
import { explain, type Match, render } from "./match";
import { RULES } from "./rules";
import type { ElementRule, FlowRule, Rule } from "./types";

export { RULES };

/** A catalog threat the diagram calls for, on one element or flow, with the reason in plain words. */
export type Suggestion = {
  catalogId: string;
  title: string;
  targetIds: string[];
  refs: string[];
  /** The first rule that produced it (others that agree add their reasons). */
  ruleId: string;
  reason: string;
  mitigationIds: string[];
};

export type CatalogLookup = (
  catalogId: string,
) => { title: string; refs: readonly string[]; mitigationIds: readonly string[] } | undefined;

type PreparedRules = {
  /** Element rules by the kinds they can match, in rule order: the rest are never evaluated. */
  byKind: ReadonlyMap<ElementKind, readonly ElementRule[]>;
  flowRules: readonly FlowRule[];
  /** Each rule's catalog ids, sorted. */
  suggests: ReadonlyMap<Rule, readonly string[]>;
};

const prepared = new WeakMap<readonly Rule[], PreparedRules>();

function prepare(rules: readonly Rule[]): PreparedRules {
  const known = prepared.get(rules);
  if (known) return known;
  const elementRules = rules.filter((rule): rule is ElementRule => rule.target === "element");
  const result: PreparedRules = {
    byKind: new Map(
      ELEMENT_KINDS.map((kind) => [
        kind,
        elementRules.filter((rule) => kindsMatchedBy(rule.when)?.has(kind) ?? true),
      ]),
    ),
    flowRules: rules.filter((rule): rule is FlowRule => rule.target === "flow"),
    suggests: new Map(rules.map((rule) => [rule, [...rule.suggests].sort(compareStrings)])),
  };
  prepared.set(rules, result);
  return result;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The catalog threats the rules suggest for a document, in document order of their target, then
 * rule order, then catalog id. One suggestion per (catalog id, target): rules that agree merge
 * their reasons. Pairs the document already has (a threat with that catalogId targeting it) and
 * ids the lookup does not know are left out. Pure: same document, same answer.
 */
export function suggestThreats(document: ThreatModelDocument, lookup: CatalogLookup): Suggestion[] {
  return suggestWithRules(RULES, document, lookup);
}

/** suggestThreats with another rule list: for tests of the merging and ordering themselves. */
export function suggestWithRules(
  rules: readonly Rule[],
  document: ThreatModelDocument,
  lookup: CatalogLookup,
): Suggestion[] {
  const { byKind, flowRules, suggests } = prepare(rules);
  const index = indexDocument(document);
  const present = new Set<string>();
  for (const threat of document.threats) {
    if (threat.catalogId === undefined) continue;
    for (const targetId of threat.targetIds) present.add(pairKey(threat.catalogId, targetId));
  }
  const entries = new Map<string, ReturnType<CatalogLookup>>();
  const findEntry = (catalogId: string) => {
    if (!entries.has(catalogId)) entries.set(catalogId, lookup(catalogId));
    return entries.get(catalogId);
  };

  const suggestions = new Map<string, Suggestion>();
  const suggest = (rule: Rule, targetId: string, reason: string) => {
    for (const catalogId of suggests.get(rule) ?? []) {
      const key = pairKey(catalogId, targetId);
      if (present.has(key)) continue;
      const known = suggestions.get(key);
      if (known) {
        if (!known.reason.split("; ").includes(reason)) known.reason = `${known.reason}; ${reason}`;
        continue;
      }
      const entry = findEntry(catalogId);
      if (!entry) continue;
      suggestions.set(key, {
        catalogId,
        title: entry.title,
        targetIds: [targetId],
        refs: [...entry.refs],
        ruleId: rule.id,
        reason,
        mitigationIds: [...entry.mitigationIds],
      });
    }
  };
  const because = (template: string, target: string, match: Match) =>
    render(template, { ...match.values, target: [target], why: explain(match) });

  for (const element of document.elements) {
    // Boundaries carry no threats of their own; out-of-scope elements are not being modelled.
    if (element.kind === "trust-boundary" || element.outOfScope) continue;
    if (index.elements.get(element.id) !== element) continue;
    for (const rule of byKind.get(element.kind) ?? []) {
      const match = evaluateElement(rule.when, element, index);
      if (match) suggest(rule, element.id, because(rule.reason, elementName(element), match));
    }
  }
  for (const flow of document.flows) {
    const ends = [index.elements.get(flow.source), index.elements.get(flow.target)];
    if (ends.every((end) => end?.outOfScope)) continue;
    for (const rule of flowRules) {
      const match = evaluateFlow(rule.when, flow, index);
      if (!match) continue;
      const bound: Match = {
        values: { ...flowValues(flow, index).values, ...match.values },
        notes: match.notes,
      };
      suggest(rule, flow.id, because(rule.reason, flowName(flow, index.elements), bound));
    }
  }
  return [...suggestions.values()];
}

function pairKey(catalogId: string, targetId: string): string {
  return `${catalogId}\u0000${targetId}`;
}

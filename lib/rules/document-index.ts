import {
  boundaryChain,
  crossedBoundaries,
  crossesToHigherTrust,
  effectiveTrustLevel,
} from "@/lib/domain/boundaries";
import type { Asset, Element, Flow, ThreatModelDocument } from "@/lib/domain/document";
import type { TrustLevel } from "@/lib/domain/kind-properties";
import { KIND_INFO } from "@/lib/domain/kinds";

/**
 * Everything a rule condition may ask about a document, computed once: elements by id, flows by
 * end, assets by element, effective trust and zone per element, which elements are exposed to
 * untrusted input, and which boundaries each flow crosses. Evaluating a rule on an element then
 * costs time in proportion to that element's flows and assets, never to the document's size.
 */

/** The boundaries a flow crosses (by label) and whether it carries data up or down in trust. */
export type FlowFacts = { boundaries: readonly string[]; higher: boolean; lower: boolean };

export type DocumentIndex = {
  readonly elements: ReadonlyMap<string, Element>;
  /** Flows carrying data into / out of / touching an element; bidirectional flows count both ways. */
  readonly incoming: ReadonlyMap<string, readonly Flow[]>;
  readonly outgoing: ReadonlyMap<string, readonly Flow[]>;
  readonly adjacent: ReadonlyMap<string, readonly Flow[]>;
  readonly assets: ReadonlyMap<string, readonly Asset[]>;
  readonly trust: ReadonlyMap<string, TrustLevel>;
  /** The zone an element sits in, as a reason names it: "Internet (untrusted)". */
  readonly zones: ReadonlyMap<string, string>;
  /** Why an element is exposed to untrusted input, for the elements that are. */
  readonly exposure: ReadonlyMap<string, string>;
  readonly flowFacts: ReadonlyMap<Flow, FlowFacts>;
  /** Lower-case words of a text, memoized for the life of the index. */
  readonly words: (text: string) => readonly string[];
};

/** An element kind whose flows make the receiver exposed, wherever it sits. */
const UNTRUSTED_SOURCE_KINDS: readonly string[] = ["end-user", "data-broker", "external-entity"];

export function elementName(element: Element): string {
  return element.label.trim() || `unnamed ${KIND_INFO[element.kind].label}`;
}

export function otherEnd(flow: Flow, elementId: string): string {
  return flow.source === elementId ? flow.target : flow.source;
}

export function flowName(flow: Flow, elements: ReadonlyMap<string, Element>): string {
  const end = (id: string) => {
    const element = elements.get(id);
    return element ? elementName(element) : id;
  };
  const route = `${end(flow.source)} → ${end(flow.target)}`;
  return flow.label?.trim() ? `${flow.label.trim()} (${route})` : `Flow ${route}`;
}

export function indexDocument(doc: ThreatModelDocument): DocumentIndex {
  const elements = new Map<string, Element>();
  for (const element of doc.elements) if (!elements.has(element.id)) elements.set(element.id, element);

  const incoming = new Map<string, Flow[]>();
  const outgoing = new Map<string, Flow[]>();
  const adjacent = new Map<string, Flow[]>();
  const add = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  };
  const flowFacts = new Map<Flow, FlowFacts>();
  for (const flow of doc.flows) {
    add(outgoing, flow.source, flow);
    add(incoming, flow.target, flow);
    if (flow.bidirectional) {
      add(incoming, flow.source, flow);
      add(outgoing, flow.target, flow);
    }
    add(adjacent, flow.source, flow);
    add(adjacent, flow.target, flow);
    const reversed = { source: flow.target, target: flow.source, bidirectional: flow.bidirectional };
    flowFacts.set(flow, {
      boundaries: crossedBoundaries(doc, flow).map((boundary) => boundary.label.trim() || "a trust boundary"),
      higher: crossesToHigherTrust(doc, flow),
      lower: crossesToHigherTrust(doc, reversed),
    });
  }

  const assets = new Map<string, Asset[]>();
  for (const asset of doc.assets) for (const id of new Set(asset.elementIds)) add(assets, id, asset);

  const trust = new Map<string, TrustLevel>();
  const zones = new Map<string, string>();
  for (const element of elements.values()) {
    const level = effectiveTrustLevel(doc, element.id);
    trust.set(element.id, level);
    const chain = boundaryChain(doc, element.id);
    const zone = chain.find((boundary) => boundary.properties.trustLevel) ?? chain[0];
    zones.set(
      element.id,
      zone
        ? `${zone.label.trim() || "an unnamed trust boundary"} (${level})`
        : "the untrusted area outside every trust boundary",
    );
  }

  const exposure = new Map<string, string>();
  for (const element of elements.values()) {
    if (element.kind === "trust-boundary") continue;
    if (trust.get(element.id) === "untrusted") {
      exposure.set(element.id, `sits in ${zones.get(element.id)}`);
      continue;
    }
    for (const flow of incoming.get(element.id) ?? []) {
      const sender = elements.get(otherEnd(flow, element.id));
      if (!sender) continue;
      if (trust.get(sender.id) === "untrusted" || UNTRUSTED_SOURCE_KINDS.includes(sender.kind)) {
        exposure.set(element.id, `receives data from ${elementName(sender)}`);
        break;
      }
    }
  }

  const wordCache = new Map<string, readonly string[]>();
  const words = (text: string) => {
    let known = wordCache.get(text);
    if (!known) {
      known = text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word !== "");
      wordCache.set(text, known);
    }
    return known;
  };

  return { elements, incoming, outgoing, adjacent, assets, trust, zones, exposure, flowFacts, words };
}

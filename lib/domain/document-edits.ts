import type { ThreatModelDocument } from "./document";
import { type Element, ElementSchema, type Position } from "./document-graph";
import { elementTree } from "./element-tree";
import { type ElementKind, KIND_INFO } from "./kinds";

/**
 * A new element of a kind with every default applied (size, empty properties, in scope), labelled
 * after its kind ("Training data store") unless a label is given. `position` is absolute.
 */
export function createElement(
  kind: ElementKind,
  id: string,
  position: Position,
  options: { label?: string; parentId?: string } = {},
): Element {
  const fallback = KIND_INFO[kind].label;
  const label = options.label ?? fallback.charAt(0).toUpperCase() + fallback.slice(1);
  const parent = options.parentId === undefined ? {} : { parentId: options.parentId };
  return ElementSchema.parse({ id, kind, label, position, ...parent });
}

/**
 * Deletes entries by id from any collection and repairs every reference, so the result still
 * validates: flows touching a deleted element go too; elements inside a deleted boundary move up to
 * the nearest remaining boundary (their absolute positions do not change); id lists on assets,
 * threats and mitigations lose the deleted ids. Threats and assets are never deleted implicitly.
 * Untouched entries keep their identity.
 */
export function removeFromDocument(doc: ThreatModelDocument, ids: Iterable<string>): ThreatModelDocument {
  const removed = new Set(ids);
  if (removed.size === 0) return doc;
  const tree = elementTree(doc.elements);

  const reparent = (element: Element): Element => {
    if (element.parentId === undefined || !removed.has(element.parentId)) return element;
    const survivor = tree.chainOf(element.id).find((boundary) => !removed.has(boundary.id));
    const next: Element = { ...element };
    if (survivor) next.parentId = survivor.id;
    else delete next.parentId;
    return next;
  };
  const elements = doc.elements.filter((element) => !removed.has(element.id)).map(reparent);
  for (const flow of doc.flows) {
    if (removed.has(flow.source) || removed.has(flow.target)) removed.add(flow.id);
  }
  const flows = doc.flows.filter((flow) => !removed.has(flow.id));

  const kept = (list: string[]): string[] =>
    list.some((id) => removed.has(id)) ? list.filter((id) => !removed.has(id)) : list;
  const assets = doc.assets
    .filter((asset) => !removed.has(asset.id))
    .map((asset) => {
      const elementIds = kept(asset.elementIds);
      return elementIds === asset.elementIds ? asset : { ...asset, elementIds };
    });
  const threats = doc.threats
    .filter((threat) => !removed.has(threat.id))
    .map((threat) => {
      const targetIds = kept(threat.targetIds);
      const assetIds = kept(threat.assetIds);
      if (targetIds === threat.targetIds && assetIds === threat.assetIds) return threat;
      return { ...threat, targetIds, assetIds };
    });
  const mitigations = doc.mitigations
    .filter((mitigation) => !removed.has(mitigation.id))
    .map((mitigation) => {
      const threatIds = kept(mitigation.threatIds);
      return threatIds === mitigation.threatIds ? mitigation : { ...mitigation, threatIds };
    });
  return { ...doc, elements, flows, assets, threats, mitigations };
}

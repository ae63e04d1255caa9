import type { Element, Flow, ThreatModelDocument } from "@/lib/domain/document";
import { elementTree } from "@/lib/domain/element-tree";

/** Copied elements (with everything inside copied boundaries) and the flows between them. */
export type Fragment = { elements: Element[]; flows: Flow[]; offset: number };

export function copyFragment(doc: ThreatModelDocument, selectedIds: readonly string[]): Fragment | null {
  const tree = elementTree(doc.elements);
  const chosen = new Set(selectedIds.filter((id) => tree.byId.has(id)));
  if (chosen.size === 0) return null;
  // Copying a boundary copies its contents too.
  for (const element of doc.elements) {
    if (tree.chainOf(element.id).some((boundary) => chosen.has(boundary.id))) chosen.add(element.id);
  }
  const elements = doc.elements.filter((e) => chosen.has(e.id));
  const flows = doc.flows.filter((f) => chosen.has(f.source) && chosen.has(f.target));
  return { elements, flows, offset: 40 };
}

/** The document with the fragment added under new ids, shifted by its offset; returns the new ids. */
export function pasteFragment(
  doc: ThreatModelDocument,
  fragment: Fragment,
  newId: (prefix: string) => string,
): { document: ThreatModelDocument; ids: string[] } {
  const renamed = new Map(fragment.elements.map((e) => [e.id, newId("e")]));
  const elements = fragment.elements.map((e): Element => {
    const copy: Element = {
      ...e,
      id: renamed.get(e.id) as string,
      position: { x: e.position.x + fragment.offset, y: e.position.y + fragment.offset },
    };
    const parentId = e.parentId === undefined ? undefined : (renamed.get(e.parentId) ?? e.parentId);
    if (
      parentId === undefined ||
      !(renamed.has(e.parentId as string) || doc.elements.some((d) => d.id === parentId))
    ) {
      delete copy.parentId;
    } else copy.parentId = parentId;
    return copy;
  });
  const flows = fragment.flows.map(
    (f): Flow => ({
      ...f,
      id: newId("f"),
      source: renamed.get(f.source) as string,
      target: renamed.get(f.target) as string,
    }),
  );
  return {
    document: { ...doc, elements: [...doc.elements, ...elements], flows: [...doc.flows, ...flows] },
    ids: [...elements.map((e) => e.id), ...flows.map((f) => f.id)],
  };
}

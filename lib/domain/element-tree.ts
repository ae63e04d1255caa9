import { type Element, isTrustBoundary, type TrustBoundaryElement } from "./document-graph";

/**
 * The nesting of elements in trust boundaries, as a forest. The schema rejects broken parents, but
 * the canvas may hold a not-yet-validated working copy (a concurrent delete, a half-applied
 * change), so a parentId that names a missing element, a non-boundary, or closes a cycle is
 * treated as absent here: every consumer sees a proper tree and never loops.
 */
export type ElementTree = {
  byId: ReadonlyMap<string, Element>;
  /** The enclosing trust boundary actually in effect. */
  parentOf(id: string): TrustBoundaryElement | undefined;
  /** Enclosing boundaries, innermost first; empty for top-level or unknown ids. */
  chainOf(id: string): readonly TrustBoundaryElement[];
};

// Documents are immutable values; a tree is derived once per elements array.
const cache = new WeakMap<readonly Element[], ElementTree>();

export function elementTree(elements: readonly Element[]): ElementTree {
  const cached = cache.get(elements);
  if (cached) return cached;
  const tree = buildTree(elements);
  cache.set(elements, tree);
  return tree;
}

function buildTree(elements: readonly Element[]): ElementTree {
  const byId = new Map<string, Element>();
  for (const element of elements) if (!byId.has(element.id)) byId.set(element.id, element);

  const declaredParent = (element: Element): TrustBoundaryElement | undefined => {
    if (element.parentId === undefined) return undefined;
    const parent = byId.get(element.parentId);
    return parent && isTrustBoundary(parent) ? parent : undefined;
  };
  const isInCycle = (start: Element): boolean => {
    const visited = new Set<string>([start.id]);
    for (let parent = declaredParent(start); parent; parent = declaredParent(parent)) {
      if (parent.id === start.id) return true;
      if (visited.has(parent.id)) return false;
      visited.add(parent.id);
    }
    return false;
  };

  const parents = new Map<string, TrustBoundaryElement | undefined>();
  for (const element of byId.values()) {
    parents.set(element.id, isInCycle(element) ? undefined : declaredParent(element));
  }

  const chains = new Map<string, readonly TrustBoundaryElement[]>();
  const chainOf = (id: string): readonly TrustBoundaryElement[] => {
    const known = chains.get(id);
    if (known) return known;
    const parent = parents.get(id);
    const chain = parent ? [parent, ...chainOf(parent.id)] : [];
    chains.set(id, chain);
    return chain;
  };

  return { byId, parentOf: (id) => parents.get(id), chainOf };
}

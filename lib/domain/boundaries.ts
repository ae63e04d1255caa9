import type { Element, Flow, Position, TrustBoundaryElement } from "./document-graph";
import { elementTree } from "./element-tree";
import { TRUST_LEVELS, type TrustLevel } from "./kind-properties";

/**
 * Trust boundaries are derived from `parentId`, never stored on flows: which boundaries a flow
 * crosses, and whether it carries data into a more trusted zone, follow from where its two ends sit.
 */
type Elements = { elements: readonly Element[] };

/** The trust boundaries enclosing an element, innermost first (by parentId, not by geometry). */
export function boundaryChain(doc: Elements, elementId: string): readonly TrustBoundaryElement[] {
  return elementTree(doc.elements).chainOf(elementId);
}

export type CrossedBoundary = {
  id: string;
  label: string;
  trustLevel: TrustLevel | undefined;
  /** Whether the flow, read from source to target, leaves or enters this boundary. */
  direction: "leaves" | "enters";
};

/**
 * The boundaries a flow crosses: those around its source or its target but not both. Listed in
 * the order the data meets them: boundaries it leaves (innermost first), then those it enters
 * (outermost first).
 */
export function crossedBoundaries(doc: Elements, flow: Pick<Flow, "source" | "target">): CrossedBoundary[] {
  const from = boundaryChain(doc, flow.source);
  const to = boundaryChain(doc, flow.target);
  const toIds = new Set(to.map((boundary) => boundary.id));
  const fromIds = new Set(from.map((boundary) => boundary.id));
  const crossing = (boundary: TrustBoundaryElement, direction: CrossedBoundary["direction"]) => ({
    id: boundary.id,
    label: boundary.label,
    trustLevel: boundary.properties.trustLevel,
    direction,
  });
  return [
    ...from.filter((boundary) => !toIds.has(boundary.id)).map((b) => crossing(b, "leaves")),
    ...to
      .filter((boundary) => !fromIds.has(boundary.id))
      .reverse()
      .map((b) => crossing(b, "enters")),
  ];
}

export function trustRank(level: TrustLevel): number {
  return TRUST_LEVELS.indexOf(level);
}

/**
 * The trust level an element runs at: that of its innermost boundary that states one (a boundary
 * without `trustLevel` inherits from the one around it). Outside every boundary is untrusted.
 */
export function effectiveTrustLevel(doc: Elements, elementId: string): TrustLevel {
  for (const boundary of boundaryChain(doc, elementId)) {
    if (boundary.properties.trustLevel) return boundary.properties.trustLevel;
  }
  return "untrusted";
}

/**
 * Whether the flow carries data into a more trusted zone (untrusted < partner < internal <
 * restricted). A bidirectional flow carries data both ways, so any difference in trust counts.
 */
export function crossesToHigherTrust(
  doc: Elements,
  flow: Pick<Flow, "source" | "target"> & { bidirectional?: boolean },
): boolean {
  const source = trustRank(effectiveTrustLevel(doc, flow.source));
  const target = trustRank(effectiveTrustLevel(doc, flow.target));
  return flow.bidirectional ? source !== target : target > source;
}

/**
 * The innermost trust boundary whose rectangle (absolute position and size, edges included)
 * contains the point: where a dropped element lands. `excludeId` leaves out that boundary and
 * everything nested in it, so a dragged boundary never lands inside itself. Among overlapping,
 * unnested candidates the deepest wins, then the smallest, then the later in document order (drawn
 * on top).
 */
export function containingBoundary(
  doc: Elements,
  point: Position,
  excludeId?: string,
): TrustBoundaryElement | undefined {
  const tree = elementTree(doc.elements);
  let best: { boundary: TrustBoundaryElement; depth: number; area: number } | undefined;
  for (const element of tree.byId.values()) {
    if (element.kind !== "trust-boundary") continue;
    const chain = tree.chainOf(element.id);
    if (excludeId !== undefined && (element.id === excludeId || chain.some((b) => b.id === excludeId)))
      continue;
    const { x, y } = element.position;
    const { width, height } = element.size;
    if (point.x < x || point.y < y || point.x > x + width || point.y > y + height) continue;
    const candidate = { boundary: element, depth: chain.length, area: width * height };
    if (
      !best ||
      candidate.depth > best.depth ||
      (candidate.depth === best.depth && candidate.area <= best.area)
    ) {
      best = candidate;
    }
  }
  return best?.boundary;
}

import type { Position } from "@xyflow/react";
import type { Element, Flow } from "./document-graph";
import { elementTree } from "./element-tree";
import {
  type BoundaryNode,
  type CanvasNode,
  type CanvasNodeType,
  type ComponentNodeData,
  type ElementNode,
  type ElementNodeType,
  FLOW_EDGE_TYPE,
  type FlowEdge,
  type FlowEdgeData,
  NODE_TYPE_BY_BASE,
} from "./flow-types";
import { jsonEqual } from "./json-equal";
import { baseTypeOf, type ElementKind } from "./kinds";

/**
 * Pure mappers from the document to React Flow nodes and edges (the reverse is in
 * flow-writeback.ts). Coordinates: the document stores ABSOLUTE canvas positions; React Flow wants
 * a child's position relative to its parent node, so a child's node position is its absolute
 * position minus its boundary's. `extent` is never set, so elements can be dragged out of a
 * boundary (the canvas then clears or changes `parentId`).
 *
 * Identity: pass the nodes currently on the canvas as `previous`; a node whose durable fields are
 * unchanged is returned as the very same object (React Flow skips re-processing it), and a changed
 * node keeps the previous node's local fields (`selected`, `measured`) so selection survives edits.
 */
export * from "./flow-types";
export { applyNodeChangesToDocument, edgesToFlows, nodesToElements } from "./flow-writeback";

export type MapOptions<T> = { previous?: ReadonlyMap<string, T> };

type Graph = { elements: readonly Element[]; flows?: readonly Flow[] };

export function nodeDataOf<E extends Element>(
  element: E,
): Pick<E, "kind" | "label" | "properties" | "outOfScope" | "outOfScopeReason"> {
  const data = {
    kind: element.kind,
    label: element.label,
    properties: element.properties,
    outOfScope: element.outOfScope,
  };
  return element.outOfScopeReason === undefined
    ? data
    : { ...data, outOfScopeReason: element.outOfScopeReason };
}

/** Nodes for every element, trust boundaries first (outermost first), as React Flow requires. */
export function documentToNodes(doc: Graph, options: MapOptions<CanvasNode> = {}): CanvasNode[] {
  const tree = elementTree(doc.elements);
  const boundaries: { node: CanvasNode; depth: number }[] = [];
  const others: CanvasNode[] = [];
  for (const element of tree.byId.values()) {
    const parent = tree.parentOf(element.id);
    const previous = options.previous?.get(element.id);
    const node =
      previous && isUpToDate(previous, element, parent)
        ? previous
        : reconcileNode(previous, freshNode(element, parent));
    if (element.kind === "trust-boundary") boundaries.push({ node, depth: tree.chainOf(element.id).length });
    else others.push(node);
  }
  boundaries.sort((a, b) => a.depth - b.depth); // stable: document order within one depth
  return [...boundaries.map((entry) => entry.node), ...others];
}

function freshNode(element: Element, parent: Element | undefined): CanvasNode {
  const position = parent
    ? { x: element.position.x - parent.position.x, y: element.position.y - parent.position.y }
    : { x: element.position.x, y: element.position.y };
  const geometry = {
    id: element.id,
    position,
    width: element.size.width,
    height: element.size.height,
    ...(parent ? { parentId: parent.id } : {}),
  };
  if (element.kind === "trust-boundary") {
    const node: BoundaryNode = { ...geometry, type: "boundary", data: nodeDataOf(element) };
    return node;
  }
  const node: ElementNode = {
    ...geometry,
    type: elementNodeType(element.kind),
    data: nodeDataOf(element),
    handles: sideHandles(element.size.width, element.size.height),
  };
  return node;
}

/** The handle's box, as the element nodes draw it (components/canvas/nodes/element-node.tsx). */
const HANDLE = 10;

/**
 * The four side handles every element draws, declared up front: with them (and the node's size)
 * React Flow can place flows before it has measured the nodes, so a large model draws its flows in
 * the first render instead of a second one after measuring.
 */
function sideHandles(width: number, height: number): NonNullable<ElementNode["handles"]> {
  const half = HANDLE / 2;
  // Corner of each handle's box, relative to the node; `position` values are React Flow's Position.
  const sides = [
    ["top", width / 2 - half, -half],
    ["right", width - half, height / 2 - half],
    ["bottom", width / 2 - half, height - half],
    ["left", -half, height / 2 - half],
  ] as const;
  return sides.map(([side, x, y]) => ({
    id: side,
    type: "source" as const,
    position: side as Position,
    x,
    y,
    width: HANDLE,
    height: HANDLE,
  }));
}

function elementNodeType(kind: ComponentNodeData["kind"]): ElementNodeType {
  const base = baseTypeOf(kind);
  if (base === "trust-boundary") throw new Error(`kind ${kind} cannot be drawn as an element node`);
  return NODE_TYPE_BY_BASE[base];
}

/** The React Flow node type that draws an element of this kind. */
export function nodeTypeOf(kind: ElementKind): CanvasNodeType {
  return NODE_TYPE_BY_BASE[baseTypeOf(kind)];
}

/** Whether the previous node already shows the element exactly (checked without allocating). */
function isUpToDate(previous: CanvasNode, element: Element, parent: Element | undefined): boolean {
  const { data, position } = previous;
  return (
    previous.parentId === parent?.id &&
    position.x === element.position.x - (parent?.position.x ?? 0) &&
    position.y === element.position.y - (parent?.position.y ?? 0) &&
    previous.width === element.size.width &&
    previous.height === element.size.height &&
    previous.type === (element.kind === "trust-boundary" ? "boundary" : elementNodeType(element.kind)) &&
    data.kind === element.kind &&
    data.label === element.label &&
    data.outOfScope === element.outOfScope &&
    data.outOfScopeReason === element.outOfScopeReason &&
    Object.keys(data).length === (element.outOfScopeReason === undefined ? 4 : 5) &&
    jsonEqual(data.properties, element.properties)
  );
}

/** A changed node: the fresh durable fields over the previous node's local ones (selection...). */
function reconcileNode(previous: CanvasNode | undefined, fresh: CanvasNode): CanvasNode {
  if (!previous) return fresh;
  const sameData = jsonEqual(previous.data, fresh.data);
  const next = { ...previous, ...fresh, data: sameData ? previous.data : fresh.data } as CanvasNode;
  if (fresh.parentId === undefined) delete next.parentId;
  return next;
}

function edgeDataOf(flow: Flow): FlowEdgeData {
  const data: FlowEdgeData = {
    encrypted: flow.encrypted,
    authenticated: flow.authenticated,
    bidirectional: flow.bidirectional,
    properties: flow.properties,
  };
  if (flow.label !== undefined) data.label = flow.label;
  if (flow.protocol !== undefined) data.protocol = flow.protocol;
  if (flow.dataClassification !== undefined) data.dataClassification = flow.dataClassification;
  return data;
}

/**
 * Edges for every flow whose two ends exist. A dangling flow (possible in a live working copy
 * after a concurrent delete) is left out rather than handed to React Flow.
 */
export function documentToEdges(doc: Graph, options: MapOptions<FlowEdge> = {}): FlowEdge[] {
  const elements = elementTree(doc.elements).byId;
  const edges: FlowEdge[] = [];
  for (const flow of doc.flows ?? []) {
    if (!elements.has(flow.source) || !elements.has(flow.target)) continue;
    const fresh: FlowEdge = {
      id: flow.id,
      type: FLOW_EDGE_TYPE,
      source: flow.source,
      target: flow.target,
      data: edgeDataOf(flow),
    };
    const previous = options.previous?.get(flow.id);
    edges.push(previous ? reconcileEdge(previous, fresh) : fresh);
  }
  return edges;
}

function reconcileEdge(previous: FlowEdge, fresh: FlowEdge): FlowEdge {
  const sameData = jsonEqual(previous.data, fresh.data);
  if (
    sameData &&
    previous.type === fresh.type &&
    previous.source === fresh.source &&
    previous.target === fresh.target
  ) {
    return previous;
  }
  return { ...previous, ...fresh, data: sameData ? previous.data : fresh.data };
}

/** A lookup for `previous`, from the nodes or edges currently on the canvas. */
export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

import type { NodeChange, XYPosition } from "@xyflow/react";
import type { Element, Flow, Position } from "./document-graph";
import { elementTree } from "./element-tree";
import type { CanvasNode, FlowEdge } from "./flow-types";
import { jsonEqual } from "./json-equal";
import { defaultSizeOf, type Size } from "./kinds";

/**
 * React Flow back into the document: node positions are parent-relative, document positions are
 * absolute (see flow-mapping.ts). Entries that did not change come back as the same objects, and
 * an unchanged document maps back to a hash-equal one. Only durable fields are read: `measured`,
 * `selected` and `dragging` never reach the document.
 */

// Parent-relative to absolute and back is not exact in floating point; treat noise as no change.
const EPSILON = 1e-6;
function keepIfClose(previous: Position, next: Position): Position {
  return Math.abs(previous.x - next.x) < EPSILON && Math.abs(previous.y - next.y) < EPSILON ? previous : next;
}

function withoutKeys<T extends Record<string, unknown>>(entry: T, keys: readonly string[]): T {
  const copy: Record<string, unknown> = { ...entry };
  for (const key of keys) delete copy[key];
  return copy as T;
}

/** Absolute positions of nodes whose positions are relative to their React Flow parents. */
function absolutePositions(nodes: readonly CanvasNode[]): (node: CanvasNode) => Position {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const memo = new Map<string, Position>();
  const resolve = (node: CanvasNode, depth: number): Position => {
    const known = memo.get(node.id);
    if (known) return known;
    const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
    // depth guards against a parent cycle in malformed input
    const origin = parent && depth < nodes.length ? resolve(parent, depth + 1) : { x: 0, y: 0 };
    const absolute = { x: node.position.x + origin.x, y: node.position.y + origin.y };
    memo.set(node.id, absolute);
    return absolute;
  };
  return (node) => resolve(node, 0);
}

/**
 * Elements from the canvas nodes, in document order: `previous` (the document's elements) gives
 * the order and any fields nodes do not carry (unknown keys are kept). Elements without a node are
 * dropped (deleted on the canvas); nodes without an element are appended (added on the canvas).
 */
export function nodesToElements(nodes: readonly CanvasNode[], previous: readonly Element[] = []): Element[] {
  const absoluteOf = absolutePositions(nodes);
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const geometry = (node: CanvasNode, position: Position, size: Size) => {
    const parentId = node.parentId !== undefined && nodeById.has(node.parentId) ? node.parentId : undefined;
    return { id: node.id, position, size, ...(parentId === undefined ? {} : { parentId }) };
  };

  const result: Element[] = [];
  const known = new Set<string>();
  for (const element of previous) {
    const node = nodeById.get(element.id);
    if (!node || known.has(element.id)) continue;
    known.add(element.id);
    const position = keepIfClose(element.position, absoluteOf(node));
    const size = {
      width: node.width ?? element.size.width,
      height: node.height ?? element.size.height,
    };
    // node.data carries a consistent kind/properties pair, so the merged entry is a valid variant.
    const next = {
      ...withoutKeys(element, ["parentId", "outOfScopeReason"]),
      ...node.data,
      ...geometry(node, position, jsonEqual(size, element.size) ? element.size : size),
    } as Element;
    result.push(jsonEqual(next, element) ? element : next);
  }
  for (const node of nodes) {
    if (known.has(node.id)) continue;
    known.add(node.id);
    const fallback = defaultSizeOf(node.data.kind);
    const size = { width: node.width ?? fallback.width, height: node.height ?? fallback.height };
    result.push({ ...node.data, ...geometry(node, absoluteOf(node), size) } as Element);
  }
  return result;
}

/**
 * Flows from the canvas edges, in document order (as for nodesToElements): flows without an edge
 * are dropped, new edges appended. Edges without data (e.g. just connected) get the flow defaults.
 */
export function edgesToFlows(edges: readonly FlowEdge[], previous: readonly Flow[] = []): Flow[] {
  const edgeById = new Map(edges.map((edge) => [edge.id, edge]));
  const toFlow = (edge: FlowEdge, base: Partial<Flow>): Flow => {
    const data = edge.data;
    const flow: Flow = {
      ...withoutKeys(base, ["label", "protocol", "dataClassification"]),
      id: edge.id,
      source: edge.source,
      target: edge.target,
      encrypted: data?.encrypted ?? false,
      authenticated: data?.authenticated ?? false,
      bidirectional: data?.bidirectional ?? false,
      properties: data?.properties ?? {},
    };
    if (data?.label !== undefined) flow.label = data.label;
    if (data?.protocol !== undefined) flow.protocol = data.protocol;
    if (data?.dataClassification !== undefined) flow.dataClassification = data.dataClassification;
    return flow;
  };

  const result: Flow[] = [];
  const known = new Set<string>();
  for (const flow of previous) {
    const edge = edgeById.get(flow.id);
    if (!edge || known.has(flow.id)) continue;
    known.add(flow.id);
    const next = toFlow(edge, flow);
    result.push(jsonEqual(next, flow) ? flow : next);
  }
  for (const edge of edges) {
    if (known.has(edge.id)) continue;
    known.add(edge.id);
    result.push(toFlow(edge, {}));
  }
  return result;
}

/**
 * Applies React Flow's position and size changes straight to the document, so a drag or resize
 * costs work proportional to the moved subtree. Positions in changes are parent-relative; moving a
 * boundary moves everything inside it (their absolute positions shift with it). Dimension changes
 * are applied only when they come from a user resize (`setAttributes` or `resizing` present), never
 * from DOM measurement. Mid-drag frames (`dragging: true`) are applied like any other; to keep the
 * document and undo history small, pass only the drag-end changes. Select, add, remove and replace
 * changes are ignored: selection is local and deletion has document-wide consequences (see
 * removeFromDocument in document-edits.ts).
 */
export function applyNodeChangesToDocument<D extends { elements: readonly Element[] }>(
  doc: D,
  changes: readonly NodeChange[],
): D {
  const moved = new Map<string, XYPosition>();
  const resized = new Map<string, Partial<Size>>();
  for (const change of changes) {
    if (change.type === "position" && change.position) moved.set(change.id, change.position);
    if (change.type === "dimensions" && change.dimensions) {
      if (!change.setAttributes && change.resizing === undefined) continue;
      const attributes = change.setAttributes ?? true;
      const { width, height } = change.dimensions;
      resized.set(change.id, {
        ...resized.get(change.id),
        ...(attributes === true || attributes === "width" ? { width } : {}),
        ...(attributes === true || attributes === "height" ? { height } : {}),
      });
    }
  }
  if (moved.size === 0 && resized.size === 0) return doc;

  const tree = elementTree(doc.elements);
  const next = new Map<string, Position>();
  const positionOf = (element: Element): Position => {
    const known = next.get(element.id);
    if (known) return known;
    const parent = tree.parentOf(element.id);
    const parentBefore = parent?.position ?? { x: 0, y: 0 };
    const parentAfter = parent ? positionOf(parent) : parentBefore;
    const relative = moved.get(element.id);
    let position = element.position;
    if (relative) position = { x: relative.x + parentAfter.x, y: relative.y + parentAfter.y };
    else if (parentAfter !== parentBefore) {
      position = {
        x: element.position.x - parentBefore.x + parentAfter.x,
        y: element.position.y - parentBefore.y + parentAfter.y,
      };
    }
    position = keepIfClose(element.position, position);
    next.set(element.id, position);
    return position;
  };

  let changed = false;
  const elements = doc.elements.map((element) => {
    const position = positionOf(element);
    const resize = resized.get(element.id);
    const size = resize ? { ...element.size, ...resize } : element.size;
    if (position === element.position && jsonEqual(size, element.size)) return element;
    changed = true;
    return { ...element, position, size: jsonEqual(size, element.size) ? element.size : size };
  });
  return changed ? { ...doc, elements } : doc;
}

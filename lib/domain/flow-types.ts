import type { Edge, Node } from "@xyflow/react";
import type { Element, Flow } from "./document-graph";
import type { DfdBaseType } from "./kinds";

/**
 * The React Flow view of the document. Node types are per DFD base type, so the canvas registers
 * four node components (shapes follow DFD conventions) and one edge component; each component
 * switches on `data.kind` for its icon and kind-specific details.
 */
export const NODE_TYPE_BY_BASE = {
  process: "process",
  datastore: "datastore",
  "external-entity": "external-entity",
  "trust-boundary": "boundary",
} as const satisfies Record<DfdBaseType, string>;

export type CanvasNodeType = (typeof NODE_TYPE_BY_BASE)[DfdBaseType];
export type ElementNodeType = Exclude<CanvasNodeType, "boundary">;
export const FLOW_EDGE_TYPE = "flow";

/** The durable, non-geometric fields of an element; a union discriminated by `kind`. */
type NodeDataOf<E> = E extends Element
  ? Pick<E, "kind" | "label" | "properties" | "outOfScope" | "outOfScopeReason">
  : never;
export type ElementNodeData = NodeDataOf<Element>;
export type BoundaryNodeData = Extract<ElementNodeData, { kind: "trust-boundary" }>;
export type ComponentNodeData = Exclude<ElementNodeData, { kind: "trust-boundary" }>;

/**
 * A node for a process, data store or external entity (including the ML kinds based on them).
 * `position` is relative to `parentId`'s node when set, as React Flow requires; `width`/`height`
 * come from the element's `size`.
 */
export type ElementNode = Node<ComponentNodeData, ElementNodeType>;
/** A trust boundary: a resizable region that is the React Flow parent of what it contains. */
export type BoundaryNode = Node<BoundaryNodeData, "boundary">;
export type CanvasNode = ElementNode | BoundaryNode;

export type FlowEdgeData = Pick<
  Flow,
  "label" | "protocol" | "dataClassification" | "encrypted" | "authenticated" | "bidirectional" | "properties"
>;
export type FlowEdge = Edge<FlowEdgeData, typeof FLOW_EDGE_TYPE>;

import type { ThreatModelDocument } from "@/lib/domain/document";
import { elementTree } from "@/lib/domain/element-tree";

type ElkNode = {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  children?: ElkNode[];
  layoutOptions?: Record<string, string>;
};
type ElkEdge = { id: string; sources: string[]; targets: string[] };
export type Layout = Map<
  string,
  { position: { x: number; y: number }; size?: { width: number; height: number } }
>;

const ROOT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.spacing.nodeNode": "40",
  "elk.layered.spacing.nodeNodeBetweenLayers": "70",
};
const BOUNDARY_OPTIONS = { "elk.padding": "[top=40,left=24,bottom=24,right=24]" };

/** The ELK graph of the document: trust boundaries become compound nodes holding their contents. */
export function toElkGraph(doc: ThreatModelDocument): {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkNode[];
  edges: ElkEdge[];
} {
  const tree = elementTree(doc.elements);
  const nodes = new Map<string, ElkNode>();
  for (const element of doc.elements) {
    const isBoundary = element.kind === "trust-boundary";
    nodes.set(element.id, {
      id: element.id,
      ...(isBoundary
        ? { children: [], layoutOptions: BOUNDARY_OPTIONS }
        : { width: element.size.width, height: element.size.height }),
    });
  }
  const roots: ElkNode[] = [];
  for (const element of doc.elements) {
    const node = nodes.get(element.id) as ElkNode;
    const parent = tree.parentOf(element.id);
    const container = parent ? nodes.get(parent.id)?.children : roots;
    (container ?? roots).push(node);
  }
  const edges = doc.flows.map((flow) => ({ id: flow.id, sources: [flow.source], targets: [flow.target] }));
  return { id: "root", layoutOptions: ROOT_OPTIONS, children: roots, edges };
}

/** Absolute positions (and boundary sizes) from ELK's parent-relative result. */
export function fromElkResult(result: { children?: ElkNode[] }, doc: ThreatModelDocument): Layout {
  const layout: Layout = new Map();
  const boundaries = new Set(doc.elements.filter((e) => e.kind === "trust-boundary").map((e) => e.id));
  const visit = (node: ElkNode, originX: number, originY: number) => {
    const x = originX + (node.x ?? 0);
    const y = originY + (node.y ?? 0);
    const isBoundary = boundaries.has(node.id);
    layout.set(node.id, {
      position: { x: Math.round(x), y: Math.round(y) },
      ...(isBoundary && node.width && node.height
        ? { size: { width: Math.round(node.width), height: Math.round(node.height) } }
        : {}),
    });
    for (const child of node.children ?? []) visit(child, x, y);
  };
  for (const child of result.children ?? []) visit(child, 0, 0);
  return layout;
}

/** Lays the diagram out left to right with elkjs (loaded only when asked for). */
export async function computeLayout(doc: ThreatModelDocument): Promise<Layout> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  const result = await elk.layout(toElkGraph(doc));
  return fromElkResult(result, doc);
}

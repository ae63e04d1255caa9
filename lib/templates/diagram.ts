import type { z } from "zod";
import type { AssetSchema, DataClassification, ElementInput, FlowInput } from "@/lib/domain/document";
import type { TrustLevel } from "@/lib/domain/kind-properties";
import type { ElementKind, KindProperties } from "@/lib/domain/kinds";

/**
 * Building blocks for template diagrams. Elements sit on a grid of 280 x 160 px cells at their
 * kind's default size (180 x 72), and a trust boundary is drawn around a block of cells, so the
 * layout is clean by construction: boxes never touch, and a boundary holds exactly its cells.
 */
export const COLUMN_WIDTH = 280;
export const ROW_HEIGHT = 160;

/** Where a box sits inside its cell: room on the left for the gutter, above it for a boundary label. */
const BOX_OFFSET = { x: 50, y: 60 };

// Insets of a boundary from its cells by nesting depth: a nested boundary sits inside its parent's
// margin and keeps room above its boxes for its own label, so it must start below the parent's first row.
const BOUNDARY_INSETS = [
  { side: 10, top: 8, bottom: 8 },
  { side: 25, top: 26, bottom: 20 },
] as const;

export type Cell = { col: number; row: number };
/** A block of cells: `cols` x `rows` starting at the cell, one cell by default. */
export type Span = Cell & { cols?: number; rows?: number };

export function cellPosition({ col, row }: Cell) {
  return { x: col * COLUMN_WIDTH + BOX_OFFSET.x, y: row * ROW_HEIGHT + BOX_OFFSET.y };
}

/** A trust boundary around a block of cells; `parentId` nests it one level inside another boundary. */
export function boundary(
  id: string,
  label: string,
  trustLevel: TrustLevel,
  { col, row, cols = 1, rows = 1 }: Span,
  parentId?: string,
): ElementInput {
  const inset = BOUNDARY_INSETS[parentId === undefined ? 0 : 1];
  return {
    id,
    kind: "trust-boundary",
    label,
    position: { x: col * COLUMN_WIDTH + inset.side, y: row * ROW_HEIGHT + inset.top },
    size: {
      width: cols * COLUMN_WIDTH - 2 * inset.side,
      height: rows * ROW_HEIGHT - inset.top - inset.bottom,
    },
    ...(parentId === undefined ? {} : { parentId }),
    properties: { trustLevel },
  };
}

type NodeKind = Exclude<ElementKind, "trust-boundary">;

/** An element at its kind's default size in one grid cell, inside `parentId` if given. */
export function node<K extends NodeKind>(
  id: string,
  kind: K,
  label: string,
  cell: Cell,
  parentId: string | undefined,
  properties?: KindProperties<K>,
): ElementInput {
  // TypeScript cannot narrow the generic `kind` to one member of the element union; the
  // signature already ties `properties` to `kind`, which is what the cast would otherwise check.
  return {
    id,
    kind,
    label,
    position: cellPosition(cell),
    ...(parentId === undefined ? {} : { parentId }),
    properties: properties ?? {},
  } as ElementInput;
}

export type FlowTraits = {
  protocol: string;
  dataClassification: DataClassification;
  encrypted?: boolean;
  authenticated?: boolean;
  bidirectional?: boolean;
};

export function flow(
  id: string,
  source: string,
  target: string,
  label: string,
  traits: FlowTraits,
): FlowInput {
  return { id, source, target, label, ...traits };
}

export type AssetInput = z.input<typeof AssetSchema>;

/** The items when the condition holds, else none: for optional parts spread into a list. */
export function when<T>(condition: boolean, ...items: T[]): T[] {
  return condition ? items : [];
}

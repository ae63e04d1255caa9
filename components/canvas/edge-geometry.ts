import { Position } from "@xyflow/react";

export type Rect = { x: number; y: number; width: number; height: number };

/**
 * Where the line between two boxes' centres leaves the first box, and on which side. Flows are
 * drawn centre to centre ("floating"), so a diagram reads the same whichever handle was dragged.
 */
export function borderPoint(from: Rect, to: Rect): { x: number; y: number; side: Position } {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  const dx = to.x + to.width / 2 - cx;
  const dy = to.y + to.height / 2 - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy, side: Position.Right };
  const halfW = from.width / 2;
  const halfH = from.height / 2;
  // Scale the direction until it touches the nearer pair of sides.
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : halfW / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : halfH / Math.abs(dy),
  );
  const x = cx + dx * scale;
  const y = cy + dy * scale;
  const isVertical = Math.abs(Math.abs(y - cy) - halfH) < 1e-6 && Math.abs(dy) > 0;
  const side = isVertical
    ? dy > 0
      ? Position.Bottom
      : Position.Top
    : dx > 0
      ? Position.Right
      : Position.Left;
  return { x, y, side };
}

import { Position } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { borderPoint } from "./edge-geometry";

const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

describe("floating edge geometry", () => {
  it("leaves through the right side toward a box on the right", () => {
    expect(borderPoint(box(0, 0), box(300, 0))).toEqual({ x: 100, y: 25, side: Position.Right });
  });

  it("leaves through the bottom toward a box below", () => {
    expect(borderPoint(box(0, 0), box(0, 200))).toEqual({ x: 50, y: 50, side: Position.Bottom });
  });

  it("leaves through the left or top when the other box is there", () => {
    expect(borderPoint(box(300, 0), box(0, 0)).side).toBe(Position.Left);
    expect(borderPoint(box(0, 300), box(0, 0)).side).toBe(Position.Top);
  });

  it("follows the centre line on a diagonal", () => {
    const point = borderPoint(box(0, 0), box(400, 100));
    expect(point.x).toBe(100);
    expect(point.y).toBeCloseTo(37.5);
  });
});

import { describe, expect, it } from "vitest";
import { freeSpot } from "./free-spot";

describe("freeSpot (where a palette click puts a new element)", () => {
  it("keeps the wanted spot when it is clear", () => {
    expect(freeSpot({ x: 100, y: 100 }, [{ x: 300, y: 100 }])).toEqual({ x: 100, y: 100 });
  });

  it("steps down and right past every element sitting there", () => {
    const taken = [
      { x: 100, y: 100 },
      { x: 131, y: 128 },
    ];
    expect(freeSpot({ x: 100, y: 100 }, taken)).toEqual({ x: 160, y: 160 });
  });

  it("gives up after a bounded number of steps", () => {
    const taken = Array.from({ length: 50 }, (_, i) => ({ x: i * 30, y: i * 30 }));
    expect(freeSpot({ x: 0, y: 0 }, taken, 5)).toEqual({ x: 150, y: 150 });
  });
});

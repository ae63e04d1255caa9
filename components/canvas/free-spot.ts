type Point = { x: number; y: number };

/** Within this distance of another element's corner, a new element would sit on top of it. */
const TOO_CLOSE = 24;
const STEP = 30;

/**
 * Where a new element goes: `wanted`, or the first spot down and to the right of it (in steps of
 * 30) whose top-left corner is clear of every element's, so elements added one after another (by
 * one person, or by several on a live canvas) never hide each other exactly.
 */
export function freeSpot(wanted: Point, taken: readonly Point[], maxTries = 20): Point {
  const isTaken = (spot: Point) =>
    taken.some(
      (corner) => Math.abs(corner.x - spot.x) < TOO_CLOSE && Math.abs(corner.y - spot.y) < TOO_CLOSE,
    );
  let spot = wanted;
  for (let tries = 0; tries < maxTries && isTaken(spot); tries += 1) {
    spot = { x: spot.x + STEP, y: spot.y + STEP };
  }
  return spot;
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttle } from "./presence";

describe("throttle (presence messages)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the first value at once, then at most one per interval, always ending on the latest", () => {
    const sent: number[] = [];
    const send = throttle((value: number) => sent.push(value), 50);
    send(1);
    expect(sent).toEqual([1]);
    send(2);
    send(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 3]);
    send(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it("never drops the last value (a pointer leaving the canvas must be sent)", () => {
    const sent: (number | null)[] = [];
    const send = throttle((value: number | null) => sent.push(value), 40);
    for (let i = 0; i < 10; i += 1) {
      send(i);
      vi.advanceTimersByTime(7);
    }
    send(null);
    vi.advanceTimersByTime(100);
    expect(sent.at(-1)).toBeNull();
    expect(sent.length).toBeLessThanOrEqual(4);
  });
});

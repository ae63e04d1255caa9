import { describe, expect, it } from "vitest";
import { commandFor } from "./shortcuts";

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => commandFor({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("editor shortcuts", () => {
  it("maps undo and both redo chords", () => {
    expect(key("z", { ctrlKey: true })).toBe("undo");
    expect(key("Z", { metaKey: true, shiftKey: true })).toBe("redo");
    expect(key("y", { ctrlKey: true })).toBe("redo");
  });

  it("maps clipboard, select-all and save", () => {
    expect(key("c", { ctrlKey: true })).toBe("copy");
    expect(key("v", { metaKey: true })).toBe("paste");
    expect(key("a", { ctrlKey: true })).toBe("selectAll");
    expect(key("s", { ctrlKey: true })).toBe("save");
  });

  it("maps single keys only without modifiers", () => {
    expect(key("?", { shiftKey: true })).toBe("help");
    expect(key("f")).toBe("fit");
    expect(key("l")).toBe("connect");
    expect(key("f", { ctrlKey: true })).toBeNull();
    expect(key("x")).toBeNull();
    expect(key("z", { ctrlKey: true, altKey: true })).toBeNull();
  });
});

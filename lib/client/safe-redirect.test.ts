import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeRedirectPath("/settings/tokens?x=1")).toBe("/settings/tokens?x=1");
  });

  it("refuses other sites, protocol-relative and script URLs", () => {
    expect(safeRedirectPath("https://evil.example/")).toBe("/");
    expect(safeRedirectPath("//evil.example/path")).toBe("/");
    expect(safeRedirectPath("javascript:alert(1)")).toBe("/");
  });

  it("falls back when nothing is given", () => {
    expect(safeRedirectPath(undefined, "/home")).toBe("/home");
  });
});

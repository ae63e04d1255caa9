import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("importing the embedded PostgreSQL starter", () => {
  it("keeps a process's failing exit code (test runners end with process.exitCode set)", () => {
    const script = 'import("./lib/db/embedded.ts").then(() => { process.exitCode = 3; });';
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: process.cwd(),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  });
});

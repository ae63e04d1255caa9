import { type ChildProcess, spawn } from "node:child_process";
import { findFreePort } from "@/lib/runtime/ports";

export type BenchServer = {
  url: string;
  databaseUrl: string;
  user: { email: string; password: string; token: string };
  /** The server process, to read its memory. */
  pid: number;
  stop: () => Promise<void>;
};

/** Starts `server.ts` on a free port with its own embedded database and waits for its banner. */
export async function startBenchServer(dataDir: string): Promise<BenchServer> {
  const port = await findFreePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), HOST: "127.0.0.1", TRUSTBOARD_DATA_DIR: dataDir };
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const databaseUrl = await new Promise<string>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/^postgresql:\/\/\S+$/m)?.[0];
      if (url && output.includes("Press Ctrl-C")) {
        clearTimeout(timeout);
        resolve(url);
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    databaseUrl,
    user: { email: "bench@example.com", password: "bench-password-1", token: "" },
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

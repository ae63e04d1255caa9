/**
 * Child processes for the start-up end-to-end tests: `server.ts` (and scripts) run the way
 * `npm start` runs them, with their output captured, and cleaned up however a test ends.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
// As npm start does: the script runs in this very process, so signals reach it directly.
const TSX_LOADER = ["--import", "tsx"];

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** Variables that would change which database, port or origin a started server uses. */
const INHERITED_OVERRIDES = [
  "DATABASE_URL",
  "PORT",
  "HOST",
  "NEXTAUTH_URL",
  "TRUSTBOARD_DATA_DIR",
  "NODE_ENV",
  "E2E_PORT",
];

/** The test runner's environment without anything that would steer the child, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of INHERITED_OVERRIDES) delete env[name];
  return { ...env, ...extra };
}

export class ChildRun {
  readonly child: ChildProcess;
  readonly exit: Promise<Exit>;
  private stdoutText = "";
  private allText = "";
  private exitInfo: Exit | undefined;
  private listeners = new Set<() => void>();

  constructor(
    readonly name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    // Own process group, so cleanup can reach the whole tree (tsx, the server, PostgreSQL) even if
    // the server never gets to stop its children. Signals under test go to this process only.
    this.child = spawn(process.execPath, [...TSX_LOADER, ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.add(this);
    this.child.stdout?.setEncoding("utf8");
    this.child.stderr?.setEncoding("utf8");
    this.child.stdout?.on("data", (chunk: string) => {
      this.stdoutText += chunk;
      this.allText += chunk;
      this.notify();
    });
    this.child.stderr?.on("data", (chunk: string) => {
      this.allText += chunk;
      this.notify();
    });
    this.exit = new Promise<Exit>((resolve) => {
      // 'close' (not 'exit'): the output pipes are drained by then.
      this.child.on("close", (code, signal) => {
        this.exitInfo = { code, signal };
        running.delete(this);
        this.notify();
        resolve(this.exitInfo);
      });
      this.child.on("error", (error) => {
        this.allText += `\n[spawn error] ${error.message}\n`;
      });
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no pid`);
    return this.child.pid;
  }

  /** Standard output only. */
  stdout(): string {
    return this.stdoutText;
  }

  /** Standard output and standard error, interleaved as they arrived. */
  output(): string {
    return this.allText;
  }

  hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }

  /** Resolves once `pattern` appears on stdout; rejects (with the output) on exit or timeout. */
  waitForStdout(pattern: RegExp, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pattern.test(this.stdoutText)) return finish();
        if (this.exitInfo) {
          finish(
            new Error(`${this.name} exited (${describeExit(this.exitInfo)}) before printing ${pattern}`),
          );
        }
      };
      const timer = setTimeout(
        () => finish(new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (error) reject(new Error(`${error.message}\n--- output ---\n${this.allText}`));
        else resolve();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** The exit status, or a rejection (with the output) when the process is still running after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`${this.name} still running ${timeoutMs} ms later\n--- output ---\n${this.allText}`),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends `signal` to the process itself (as a process manager would), not its group. */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Cleanup: SIGTERM to the whole process group, then SIGKILL if it lingers. Never throws. */
  async kill(graceMs = 15_000): Promise<void> {
    if (!this.hasExited()) {
      signalGroup(this.pid, "SIGTERM");
      const ended = await this.waitForExit(graceMs).then(
        () => true,
        () => false,
      );
      if (!ended) signalGroup(this.pid, "SIGKILL");
      await this.waitForExit(5_000).catch(() => {});
    }
    // Whatever the group left behind (e.g. a PostgreSQL whose parent was killed).
    if (groupHasMembers(this.pid)) signalGroup(this.pid, "SIGKILL");
  }
}

const running = new Set<ChildRun>();

// Last resort if the worker goes away without running afterAll: nothing of ours may outlive it.
process.once("exit", () => {
  for (const run of running) signalGroup(run.pid, "SIGKILL");
});

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupHasMembers(pgid: number): boolean {
  const listing = execFileSync("ps", ["-eo", "pgid="], { encoding: "utf8" });
  return listing.split("\n").some((line) => Number(line.trim()) === pgid);
}

export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/** `node --import tsx server.ts`, what `npm start` runs. */
export function startServer(name: string, env: Record<string, string>): ChildRun {
  return new ChildRun(name, ["server.ts"], childEnv(env));
}

/** A TypeScript script run the way the npm scripts run them. */
export function runScript(name: string, script: string, env: Record<string, string>): ChildRun {
  return new ChildRun(name, [script], childEnv(env));
}

/**
 * A fresh, empty data folder under the project's `.data/` (as root, PostgreSQL runs as the
 * `postgres` user, which cannot enter /tmp-style private folders, so not under /tmp).
 */
export function makeDataDir(prefix: string): string {
  const base = path.join(ROOT, ".data");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `startup-${prefix}-`));
  if (process.getuid?.() === 0) {
    // Every folder above the data folder's parent must be enterable by others ('x' for o).
    for (let current = base; ; current = path.dirname(current)) {
      if ((statSync(current).mode & 0o001) === 0) {
        throw new Error(`${current} is not enterable by the postgres user (chmod o+x ${current})`);
      }
      if (path.dirname(current) === current) break;
    }
  }
  return dir;
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Command lines of running PostgreSQL servers on that data directory, per `ps`. */
export function postgresProcessesFor(dataDir: string): string[] {
  const listing = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  const needle = `postgres -D ${path.resolve(dataDir)}`;
  return listing.split("\n").filter((line) => {
    const at = line.indexOf(needle);
    if (at < 0) return false;
    const next = line.charAt(at + needle.length);
    return next === "" || next === " ";
  });
}

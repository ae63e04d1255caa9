import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "public", "types"];
const SOURCE_FILES = [
  "package-lock.json",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const FINGERPRINT_FILE = path.join(".next", "trustboard-source-fingerprint");

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** A hash of every source path, size and mtime: cheap, and changes whenever a build input does. */
export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  const files = [
    ...SOURCE_ROOTS.flatMap((dir) => [...walk(path.join(root, dir))]),
    ...SOURCE_FILES.map((f) => path.join(root, f)),
  ];
  for (const file of files.sort()) {
    if (!existsSync(file)) continue;
    const stat = statSync(file);
    hash.update(`${path.relative(root, file)}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

export function isBuildCurrent(root = process.cwd()): boolean {
  const idFile = path.join(root, ".next", "BUILD_ID");
  const fingerprintFile = path.join(root, FINGERPRINT_FILE);
  if (!existsSync(idFile) || !existsSync(fingerprintFile)) return false;
  return readFileSync(fingerprintFile, "utf8").trim() === sourceFingerprint(root);
}

/** Runs `next build`, streaming its output, and records what it was built from. */
export async function buildApp(root = process.cwd()): Promise<void> {
  const fingerprint = sourceFingerprint(root);
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`)),
    );
  });
  writeFileSync(path.join(root, FINGERPRINT_FILE), `${fingerprint}\n`);
}

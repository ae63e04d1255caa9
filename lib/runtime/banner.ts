import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/db/seed";

/** Plain text (no colour codes) so the lines can be copied as they are. */
export function printBanner(opts: { port: number; databaseUrl: string | null; isDev: boolean }) {
  const lines = [
    "",
    `Trustboard is running${opts.isDev ? " (development mode)" : ""}: http://localhost:${opts.port}`,
  ];
  if (opts.databaseUrl) {
    lines.push(
      "",
      `Demo sign-in (every demo account's password is ${DEMO_PASSWORD}):`,
      ...DEMO_USERS.map((u) => `  ${u.email.padEnd(22)} ${u.role.toLowerCase().padEnd(9)} ${u.workspace}`),
      "",
      "Embedded PostgreSQL (connect with psql using the next line as is):",
      opts.databaseUrl,
    );
  }
  lines.push("", "Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./lib/runtime/chromium";

// `npm run test:e2e` (scripts/e2e.ts) provides the browser, a fresh data folder and the port.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node --import tsx server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      TRUSTBOARD_DATA_DIR: process.env.TRUSTBOARD_DATA_DIR ?? ".data/e2e",
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});

import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/browser";

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh embedded database for every run, so journeys start from the demo seed.
const dataDir = path.join(process.cwd(), ".data", `e2e-${process.env.E2E_RUN_ID ?? Date.now()}`, "pglite");
process.env.E2E_RUN_ID ??= String(Date.now());

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // An action that cannot happen fails in seconds with its locator, not at the test timeout.
    actionTimeout: 20_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: await chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", testIgnore: /portfolio\.spec\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    // The decision journey awards the demo's main RFP, which the other journeys need still closed
    // (a revision round, scoring): it runs after them, on the same server and database.
    {
      name: "decision",
      testMatch: /portfolio\.spec\.ts$/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://localhost:${port}`,
      SMTP_URL: "",
      // A minute's notice instead of an hour, so the journey can watch an RFP close by itself.
      RFP_MIN_NOTICE_MINUTES: "1",
    },
  },
});

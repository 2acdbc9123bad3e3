import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.E2E_PORT ?? 3310);
// Debian's chromium by default; CHROMIUM_PATH points elsewhere on other machines.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  outputDir: path.join(root, "test-results"),
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  // One retry absorbs a shared machine's hiccup; `npm test` names any test that needed it.
  retries: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      // Containers give /dev/shm 64 MB, where Chromium can stall on big pages; /tmp has room.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The same path a person takes: npm start's steps on a brand-new database.
    command: "node scripts/start.mjs",
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${path.join(os.tmpdir(), `plenary-e2e-${process.pid}-${Date.now()}.db`)}`,
      LOG_QUIET: "1",
      // The page must say "built-in engine" whatever model a developer fetched into this checkout.
      EMBEDDINGS_ENGINE: "lexical",
    },
  },
});

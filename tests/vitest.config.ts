import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    // Failing loudly on unexpected console.error keeps noisy bugs out of green runs.
    setupFiles: [path.join(root, "tests/support/fail-on-console-error.ts")],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Migrated template databases (SQLite and a throwaway PostgreSQL), copied per test file.
          globalSetup: [path.join(root, "tests/support/global-setup.ts")],
          pool: "forks",
        },
      },
      {
        extends: true,
        test: {
          // Killed processes, a database that goes away, a Redis that stops: `npm run test:faults`.
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          globalSetup: [path.join(root, "tests/support/global-setup.ts")],
          pool: "forks",
        },
      },
    ],
  },
});

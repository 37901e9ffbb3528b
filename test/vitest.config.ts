// Kept under test/ so the top level stays as the project layout describes.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/prism-servers.global.ts"],
    // Vitest 4 defaults to CPUs - 1 workers: one on a 2-core machine. Most
    // test time is spent waiting on child processes (Prism, Redocly,
    // Chromium), so two workers fit two cores.
    maxWorkers: 2,
    // No test depends on how fast the machine is: every wait ends on an event
    // (a line printed, a process gone, an answer), never on a timer. These
    // bounds only turn a hang into a failure, so they are far above what any
    // test takes on a loaded machine (the package test's installs included),
    // and the same for every test: no test sets its own.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The type tests (test/types/*.test-d.ts) are checked by `npm run
    // typecheck` (tsc over test/, before vitest in `npm test`), which also fails
    // on an unused @ts-expect-error; vitest's typecheck would run them again.
    typecheck: { enabled: false },
  },
});

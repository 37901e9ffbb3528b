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
    // A timeout here only ends a test that hangs; no test relies on one. The
    // 5 s default failed tests that talk to Prism many times when the machine
    // was busy (load average 18 on 2 cores), so it is a minute.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The type tests (test/types/*.test-d.ts) are checked by `npm run
    // typecheck` (tsc over test/, before vitest in `npm test`), which also fails
    // on an unused @ts-expect-error; vitest's typecheck would run them again.
    typecheck: { enabled: false },
  },
});

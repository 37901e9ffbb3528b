// `npm test` runs scripts/ensure-chromium.mjs first (pretest). When installing
// Chromium fails, it must say so in one line and let lint and the tests run.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";

const bin = mkdtempSync(join(tmpdir(), "ensure-chromium-"));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

it.skipIf(process.getuid?.() !== 0)("a failing apt-get is one clear line and exit 0, not a stack trace", () => {
  // A PATH with no chromium, and an apt-get that fails.
  writeFileSync(join(bin, "apt-get"), "#!/bin/sh\necho 'E: no network' >&2\nexit 100\n");
  chmodSync(join(bin, "apt-get"), 0o755);
  symlinkSync("/bin/sh", join(bin, "sh"));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin };
  delete env.CHROMIUM_PATH;
  const run = spawnSync(process.execPath, [join(repoRoot, "scripts/ensure-chromium.mjs")], { env, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain("could not install chromium: apt-get exited with 100; the docs browser test will fail");
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

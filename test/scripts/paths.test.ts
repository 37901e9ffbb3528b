// The build scripts' folder options: a missing value is a usage line and exit
// 2, never a stack trace.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";

it.each([
  ["bundle.mjs", ["--out"], "usage: node scripts/bundle.mjs [--out <dir>]"],
  ["generate.mjs", ["--out"], "usage: node scripts/generate.mjs [--from <dir>] [--out <dir>]"],
  ["generate.mjs", ["--from", "--out", "x"], "usage: node scripts/generate.mjs [--from <dir>] [--out <dir>]"],
])("%s %j prints the usage and exits 2", (script, args, usage) => {
  const run = spawnSync(process.execPath, [join(repoRoot, "scripts", script), ...args], { cwd: repoRoot, encoding: "utf8" });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(usage);
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

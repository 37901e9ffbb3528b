// scripts/docs.mjs as a command: it replaces only what it writes, and says
// what went wrong in one message, without a stack.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadLabels } from "../../scripts/lib/redoc-labels.mjs";
import { repoRoot } from "../support/openapi.js";

const docs = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, "scripts/docs.mjs"), ...args], { cwd: repoRoot, encoding: "utf8" });

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "docs-script-"));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it("--out with no folder prints the usage and exits 2", () => {
  const run = docs("--out");
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("usage: node scripts/docs.mjs [--out <dir>]");
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

it("a failure is one message and exit 1, not an unhandled rejection", () => {
  // --out names a file: nothing can be written under it.
  const file = join(scratch, "a-file");
  writeFileSync(file, "not a folder");
  const run = docs("--out", file);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^docs: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

it("--out replaces only what it writes: index.html, <service>/<lang>/ and decisions/<lang>/", () => {
  const site = join(scratch, "site");
  mkdirSync(join(site, "evs", "en"), { recursive: true });
  mkdirSync(join(site, "notes"), { recursive: true });
  writeFileSync(join(site, "notes", "keep.md"), "mine");
  writeFileSync(join(site, "README"), "mine too");
  writeFileSync(join(site, "evs", "en", "stale.html"), "from an older build");
  mkdirSync(join(site, "decisions", "en"), { recursive: true });
  writeFileSync(join(site, "decisions", "en", "stale.html"), "from an older build");
  const run = docs("--out", site);
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(site, "notes", "keep.md"), "utf8")).toBe("mine");
  expect(readFileSync(join(site, "README"), "utf8")).toBe("mine too");
  expect(existsSync(join(site, "evs", "en", "stale.html"))).toBe(false);
  expect(existsSync(join(site, "decisions", "en", "stale.html"))).toBe(false);
  for (const page of [
    "index.html",
    "evs/en/index.html",
    "evs/zh-CN/index.html",
    "ims/en/index.html",
    "ims/zh-CN/index.html",
    "decisions/en/index.html",
    "decisions/zh-CN/index.html",
  ]) {
    expect(existsSync(join(site, page)), page).toBe(true);
  }
  // The prerendered page (what shows before Redoc's script runs) has the page's labels too.
  const prerendered = (page: string) => {
    const html = readFileSync(join(site, page), "utf8");
    return html.slice(html.indexOf('<div id="redoc">'), html.indexOf('<script type="module">'));
  };
  expect(prerendered("evs/en/index.html")).toContain(">Servers<");
  expect(prerendered("evs/zh-CN/index.html")).toContain(`>${loadLabels("zh-CN").get("servers.title")!.text}<`);
  expect(prerendered("evs/zh-CN/index.html")).not.toContain(">Servers<");
});

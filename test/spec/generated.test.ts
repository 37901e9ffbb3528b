// generated/ holds only what the scripts write (it is committed:
// CONTRIBUTING.md, C-CommitGenerated): bundle and generate types into
// a temporary folder, from the spec as it is now, and compare byte for byte. A
// spec edit without `npm run bundle && npm run generate`, a hand edit of a
// generated file, or a stray file in generated/ fails here.
//
// (Generation does not depend on redocly.yaml: scripts/generate.mjs calls
// openapi-typescript's Node API, which reads no config file, not its CLI.)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";

const files = ["evs.openapi.json", "evs.ts", "ims.openapi.json", "ims.ts", "request-forms.ts"];

describe("generated/ is up to date", () => {
  let fresh: string | undefined;
  // Built once before the tests, not while collecting them (so `-t` filters
  // skip it), and removed afterwards.
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), "generated-"));
    const run = (script: string, ...args: string[]) =>
      execFileSync(process.execPath, [join(repoRoot, "scripts", script), ...args], { stdio: "pipe" });
    run("bundle.mjs", "--out", fresh);
    // The types come from the fresh bundles, so a stale bundle cannot hide stale types.
    run("generate.mjs", "--from", fresh, "--out", fresh);
  });
  afterAll(() => {
    if (fresh) rmSync(fresh, { recursive: true, force: true });
  });

  it("holds exactly the files the scripts write", () => {
    expect(readdirSync(fresh!).sort()).toEqual(files);
    expect(readdirSync(join(repoRoot, "generated")).sort()).toEqual(files);
  });

  it.each(files)("%s matches what the scripts write now (run `npm run bundle && npm run generate`)", (file) => {
    const current = readFileSync(join(repoRoot, "generated", file), "utf8");
    expect(current === readFileSync(join(fresh!, file), "utf8")).toBe(true);
  });
});

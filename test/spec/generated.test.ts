// generated/ holds only what the scripts write: bundle and generate types into
// a temporary folder, from the spec as it is now, and compare byte for byte. A
// spec edit without `npm run bundle && npm run generate`, a hand edit of a
// generated file, or a stray file in generated/ fails here.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";

describe("generated/ is up to date", () => {
  const fresh = mkdtempSync(join(tmpdir(), "generated-"));
  const elsewhere = mkdtempSync(join(tmpdir(), "generate-cwd-"));
  afterAll(() => {
    for (const dir of [fresh, elsewhere]) rmSync(dir, { recursive: true, force: true });
  });
  const run = (script: string, ...args: string[]) =>
    execFileSync(process.execPath, [join(repoRoot, "scripts", script), ...args], { stdio: "pipe" });
  run("bundle.mjs", "--out", fresh);
  // The types come from the fresh bundles, so a stale bundle cannot hide stale types.
  run("generate.mjs", "--from", fresh, "--out", fresh);
  const committed = readdirSync(join(repoRoot, "generated")).sort();
  const written = readdirSync(fresh).sort();

  it("holds exactly the files the scripts write", () => {
    expect(written).toEqual(["evs.openapi.json", "evs.ts", "ims.openapi.json", "ims.ts"]);
    expect(committed).toEqual(written);
  });

  it.each(written)("%s matches what the scripts write now (run `npm run bundle && npm run generate`)", (file) => {
    const current = readFileSync(join(repoRoot, "generated", file), "utf8");
    expect(current === readFileSync(join(fresh, file), "utf8")).toBe(true);
  });

  it("types are generated without reading any redocly.yaml (this repo's is for Redocly CLI 2.x)", () => {
    // A config that Redocly would refuse to load, in the folder generate.mjs runs from.
    writeFileSync(join(elsewhere, "redocly.yaml"), "extends:\n  - no-such-ruleset\ndecorators:\n  no-such-decorator: on\n");
    execFileSync(process.execPath, [join(repoRoot, "scripts/generate.mjs"), "--from", fresh, "--out", elsewhere], { cwd: elsewhere, stdio: "pipe" });
    for (const file of ["evs.ts", "ims.ts"]) {
      expect(readFileSync(join(elsewhere, file), "utf8") === readFileSync(join(fresh, file), "utf8")).toBe(true);
    }
  });
});

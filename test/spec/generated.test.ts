// generated/ holds only what the scripts write: regenerate into a temporary
// folder and compare byte for byte, so a spec edit without `npm run bundle`
// fails here.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";

describe("generated/ is up to date", () => {
  const fresh = mkdtempSync(join(tmpdir(), "generated-"));
  execFileSync(process.execPath, [join(repoRoot, "scripts/bundle.mjs"), "--out", fresh], { stdio: "pipe" });

  it.each(readdirSync(fresh))("%s matches what scripts/bundle.mjs writes now (run `npm run bundle`)", (file) => {
    const committed = readFileSync(join(repoRoot, "generated", file), "utf8");
    expect(committed === readFileSync(join(fresh, file), "utf8")).toBe(true);
  });
});

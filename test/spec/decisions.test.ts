// Every decision a description points to ("spec/DECISIONS.md, D-Name") is an
// entry of the decisions record, so a reader who follows one finds it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBundle, repoRoot } from "../support/openapi.js";

const entries = new Set([...readFileSync(`${repoRoot}spec/DECISIONS.md`, "utf8").matchAll(/^### (D-[A-Za-z]+) /gm)].map((m) => m[1]));

describe.each(["evs", "ims"] as const)("%s: decision references", (service) => {
  const referenced = [...new Set([...JSON.stringify(loadBundle(service)).matchAll(/\bD-[A-Z][A-Za-z]+/g)].map((m) => m[0]))];

  it("points to decisions", () => {
    expect(referenced.length).toBeGreaterThan(10);
  });

  it("names only entries of spec/DECISIONS.md", () => {
    expect(referenced.filter((name) => !entries.has(name))).toEqual([]);
  });
});

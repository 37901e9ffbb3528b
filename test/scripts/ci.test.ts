// .ci/run and what promises it backs: package.json's `engines` names exactly
// the Node lines CI runs the suite on, and the README says which versions
// those are. (The machine's own Node, 20, is the line CI runs first.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";

const read = (file: string) => readFileSync(join(repoRoot, file), "utf8");
const ci = read(".ci/run");
const engines: string = JSON.parse(read("package.json")).engines.node;
const otherNodes = /^OTHER_NODES=\(([^)]*)\)$/m.exec(ci)?.[1]?.trim().split(/\s+/) ?? [];
const machineLine = 20;

/** `^20.19.0 || ^22.12.0 || ^24.0.0` as [major, minor] floors. */
const ranges = engines.split("||").map((range) => {
  const match = /^\s*\^(\d+)\.(\d+)\.\d+\s*$/.exec(range);
  if (!match) throw new Error(`engines has a range this test does not read: ${range}`);
  return [Number(match[1]), Number(match[2])] as const;
});

describe("the Node versions CI runs", () => {
  it("are each admitted by engines, and engines names no line CI does not run", () => {
    expect(otherNodes.length).toBeGreaterThan(0);
    for (const version of otherNodes) {
      const [major, minor] = version.split(".").map(Number);
      expect(
        ranges.some(([m, floor]) => m === major && minor! >= floor),
        `${version} is in ${engines}`,
      ).toBe(true);
    }
    const lines = new Set([machineLine, ...otherNodes.map((version) => Number(version.split(".")[0]))]);
    expect(ranges.map(([major]) => major).sort()).toEqual([...lines].sort());
  });

  it("are the ones the README names, with engines", () => {
    const readme = read("README.md");
    const section = readme.slice(readme.indexOf("## Node versions"), readme.indexOf("## Working on it"));
    expect(section).toContain(`\`${engines}\``);
    for (const version of otherNodes) expect(section).toContain(`Node ${version}`);
    expect(section).toContain(`Node ${machineLine}`);
  });
});

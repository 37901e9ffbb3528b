// The README's client workflow, run as it is written: its code blocks marked
// `<!-- run: <name> -->`, with the two clients of its "Against the mock"
// block in place of the cloud ones (as the README tells a reader to do) and
// the package name pointing at src/, type-checked in strict mode and then run
// against the mocks. A README edit that breaks the workflow fails here.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { repoRoot } from "../support/openapi.js";
import { readmeBlock as block } from "../support/readme.js";

const folder = join(repoRoot, "test-results/readme");

const cloudClients = 'const evs = createEvsClient({ region: "cn-north-4" });\nconst ims = createImsClient({ region: "cn-north-4" });\n';

/** The workflow block on the mocks, followed by the named blocks; what it prints is exported as `printed`. */
function program(then: string[]): string {
  const { evs, ims } = inject("mockUrls");
  const workflow = block("workflow");
  if (!workflow.includes(cloudClients)) throw new Error(`the workflow block no longer creates its clients with:\n${cloudClients}`);
  const mockClients = block("mock-clients").replace("http://127.0.0.1:4010", evs).replace("http://127.0.0.1:4011", ims);
  return [
    "export const printed: string[] = [];",
    'const console = { log: (...args: unknown[]) => void printed.push(args.map(String).join(" ")) };',
    workflow.replace(cloudClients, mockClients).replace('from "huaweicloud-evs-ims-openapi"', 'from "../../src/index.js"'),
    ...then.map(block),
  ].join("\n");
}

describe("the README's workflow, against the mocks", () => {
  it("type-checks, runs as written and ends with the exported image active; the IMS route, the v2.1 create and the killed upload too", async () => {
    mkdirSync(folder, { recursive: true });
    const file = join(folder, "workflow.mts");
    writeFileSync(file, program(["ims-job", "v21", "mock-killed", "killed"]));

    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    const options = [
      "--noEmit",
      "--strict",
      "--noUncheckedIndexedAccess",
      "--skipLibCheck",
      "--target",
      "ES2022",
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--types",
      "node",
    ];
    try {
      execFileSync(process.execPath, [tsc, ...options, file], { cwd: repoRoot, encoding: "utf8" });
    } catch (error) {
      throw new Error(`the README's code does not compile:\n${(error as { stdout?: string }).stdout ?? error}`);
    }

    const { printed } = (await import(file)) as { printed: string[] };
    expect(printed).toEqual([
      "image active",
      "image ready: c5333daa-fbc8-4d1d-bf79-b0567bb45d15 active",
      "SUCCESS 0.2",
      "image made: e9e91bff-14b6-4a0b-8377-4ed0813e3360",
      "v2.1 disks ready: 2",
      "IMS image c5333daa-fbc8-4d1d-bf79-b0567bb45d15 is killed: its upload failed; it will never become active",
    ]);
  });
});

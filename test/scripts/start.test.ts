// `npm start` (scripts/start.mjs) as a user runs it, without the build: it
// serves a docs folder and both mocks on the ports from DOCS_PORT,
// EVS_MOCK_PORT and IMS_MOCK_PORT (0: the OS chooses), prints their
// addresses, and on SIGTERM stops all of it, leaving no Prism and no bound
// port behind, also when stopped while the mocks are still starting.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { portIsFree } from "../../src/mock/command.mjs";
import { repoRoot } from "../support/openapi.js";
import { expectServesBoth } from "../support/prism-requests.js";
import { alive, printed, prismChildren, runScript, type ScriptRun, type TestHooks, until } from "../support/processes.js";

/** A docs folder with just an index page: what start.mjs serves is not what is tested here. */
function docsFolder(test: TestHooks) {
  const folder = mkdtempSync(join(tmpdir(), "start-docs-"));
  test.onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, "evs/en"), { recursive: true });
  writeFileSync(join(folder, "index.html"), "<!doctype html><title>start-script test docs</title>");
  writeFileSync(join(folder, "evs/en/index.html"), "<!doctype html><title>EVS</title>");
  return folder;
}

function runStart(test: TestHooks, env: Record<string, string>, args: string[]): ScriptRun {
  return runScript(join(repoRoot, "scripts/start.mjs"), {
    test,
    args,
    env: { DOCS_PORT: "0", EVS_MOCK_PORT: "0", IMS_MOCK_PORT: "0", ...env },
    cwd: repoRoot,
  });
}

describe("npm start (scripts/start.mjs)", () => {
  it.concurrent("serves the docs and both mocks on the ports chosen, prints their addresses, and SIGTERM stops everything", async (test) => {
    const run = runStart(test, {}, ["--docs", docsFolder(test)]);
    const match = await printed(
      run,
      /API docs +(http:\/\/127\.0\.0\.1:(\d+))\/[\s\S]*EVS mock +(http:\/\/127\.0\.0\.1:(\d+))\s+IMS mock +(http:\/\/127\.0\.0\.1:(\d+))/,
    );
    const [docsUrl, evsUrl, imsUrl] = [match[1]!, match[3]!, match[5]!];
    const ports = [match[2], match[4], match[6]].map(Number);
    expect(new Set(ports).size).toBe(3);

    const index = await fetch(`${docsUrl}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain("start-script test docs");
    expect((await fetch(`${docsUrl}/evs/en/`)).status).toBe(200);

    await expectServesBoth({ evs: evsUrl, ims: imsUrl });

    // The mocks run as `npm run mock` runs them: with --errors.
    const prisms = prismChildren(run.child.pid!);
    expect(prisms).toHaveLength(2);
    for (const { args } of prisms) expect(args).toContain("--errors");

    run.child.kill("SIGTERM");
    const { code } = await run.exit;
    expect(code, run.output()).toBe(143);
    for (const { pid } of prisms) expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
    for (const port of ports) expect(await portIsFree(port), `port ${port} is free again`).toBe(true);
  });

  it.concurrent("SIGTERM while the mocks are starting stops the ones already spawned", async (test) => {
    const run = runStart(test, {}, ["--docs", docsFolder(test)]);
    const spawned = await until(() => {
      const prisms = prismChildren(run.child.pid!);
      return prisms.length > 0 && prisms;
    });
    for (const { pid } of spawned) test.onTestFinished(() => void (alive(pid) && process.kill(pid, "SIGKILL")));
    expect(run.output()).not.toContain("Press Ctrl-C");
    run.child.kill("SIGTERM");
    const { code } = await run.exit;
    expect(code, run.output()).toBe(143);
    // Gone when start.mjs exits, not some time later.
    for (const { pid } of spawned) expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
  });

  it.concurrent.for([
    ["DOCS_PORT", "abc"],
    ["IMS_MOCK_PORT", "0x10"],
    ["EVS_MOCK_PORT", "65536"],
  ] as const)("%s=%s is refused in one line, without a stack trace", async ([variable, value], test) => {
    const run = runStart(test, { [variable]: value }, ["--no-build"]);
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.output().trim()).toBe(`npm start: ${variable}=${value} is not a port number (0-65535; 0 lets the OS choose)`);
  });

  it.concurrent("a busy port is reported by name before anything starts", async (test) => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    test.onTestFinished(() => void busy.close());
    const port = (busy.address() as AddressInfo).port;
    const run = runStart(test, { EVS_MOCK_PORT: String(port) }, ["--docs", docsFolder(test)]);
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.output()).toContain(`port ${port} for EVS is in use on 127.0.0.1; choose another with EVS_MOCK_PORT=<port>`);
    expect(run.output()).not.toContain("prism mock <document>");
    expect(run.output()).not.toContain("EVS mock");
  });
});

// `npm start` (scripts/start.mjs) as a user runs it, without the build: it
// serves a docs folder and both mocks on the ports from DOCS_PORT,
// EVS_MOCK_PORT and IMS_MOCK_PORT (0: the OS chooses), prints their
// addresses, and on SIGTERM stops all of it, leaving no Prism and no bound
// port behind, also when stopped while the mocks are still starting.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { portIsFree } from "../../scripts/lib/ports.mjs";
import { operation, repoRoot } from "../support/openapi.js";
import { token } from "../support/prism-requests.js";
import { alive, eventually, runScript, withTimeout, type OnFinished, type ScriptRun } from "../support/processes.js";

const startWaitMs = 45_000;
const testTimeoutMs = 90_000;


/** A docs folder with just an index page: what start.mjs serves is not what is tested here. */
function docsFolder(onFinished: OnFinished) {
  const folder = mkdtempSync(join(tmpdir(), "start-docs-"));
  onFinished(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, "evs/en"), { recursive: true });
  writeFileSync(join(folder, "index.html"), "<!doctype html><title>start-script test docs</title>");
  writeFileSync(join(folder, "evs/en/index.html"), "<!doctype html><title>EVS</title>");
  return folder;
}

function runStart(onFinished: OnFinished, env: Record<string, string>, args: string[]): ScriptRun {
  return runScript(join(repoRoot, "scripts/start.mjs"), {
    onFinished,
    args,
    env: { DOCS_PORT: "0", EVS_MOCK_PORT: "0", IMS_MOCK_PORT: "0", ...env },
    cwd: repoRoot,
  });
}

/** The Prism processes whose parent is `parent`, with their command lines (from /proc). */
function prismChildren(parent: number): Array<{ pid: number; args: string[] }> {
  const found: Array<{ pid: number; args: string[] }> = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== parent) continue;
      const args = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").filter(Boolean);
      if (args.some((arg) => arg.includes("prism-cli"))) found.push({ pid: Number(name), args });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe("npm start (scripts/start.mjs)", () => {
  it.concurrent("serves the docs and both mocks on the ports chosen, prints their addresses, and SIGTERM stops everything", async ({ onTestFinished }) => {
    const run = runStart(onTestFinished, {}, ["--docs", docsFolder(onTestFinished)]);
    const match = await eventually(
      () => /API docs +(http:\/\/127\.0\.0\.1:(\d+))\/[\s\S]*EVS mock +(http:\/\/127\.0\.0\.1:(\d+))\s+IMS mock +(http:\/\/127\.0\.0\.1:(\d+))/.exec(run.output()) ?? (run.child.exitCode !== null && Promise.reject(new Error(`start.mjs exited:\n${run.output()}`))),
      startWaitMs,
      "no addresses printed",
    ).catch((error: Error) => Promise.reject(new Error(`${error.message}:\n${run.output()}`)));
    const [docsUrl, evsUrl, imsUrl] = [match[1]!, match[3]!, match[5]!];
    const ports = [match[2], match[4], match[6]].map(Number);
    expect(new Set(ports).size).toBe(3);

    const index = await fetch(`${docsUrl}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain("start-script test docs");
    expect((await fetch(`${docsUrl}/evs/en/`)).status).toBe(200);

    const createImage = operation("ims", "createImage");
    const created = await fetch(`${imsUrl}${createImage.path}`, {
      method: "POST",
      headers: { ...token, "Content-Type": "application/json" },
      body: JSON.stringify(createImage.requestExamples[0]!.value),
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toHaveProperty("job_id");
    const job = await fetch(`${evsUrl}/v1/p1/jobs/j1`, { headers: token });
    expect(job.status).toBe(200);
    expect(await job.json()).toMatchObject({ status: "SUCCESS" });

    // The mocks run as `npm run mock` runs them: with --errors.
    const prisms = prismChildren(run.child.pid!);
    expect(prisms).toHaveLength(2);
    for (const { args } of prisms) expect(args).toContain("--errors");

    run.child.kill("SIGTERM");
    const { code } = await withTimeout(run.exit, 10_000, "start.mjs did not exit");
    expect(code, run.output()).toBe(143);
    for (const { pid } of prisms) expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
    for (const port of ports) expect(await portIsFree(port), `port ${port} is free again`).toBe(true);
  }, testTimeoutMs);

  it.concurrent("SIGTERM while the mocks are starting stops the ones already spawned", async ({ onTestFinished }) => {
    const run = runStart(onTestFinished, {}, ["--docs", docsFolder(onTestFinished)]);
    const spawned = await eventually(() => {
      const prisms = prismChildren(run.child.pid!);
      return prisms.length > 0 && prisms;
    }, startWaitMs, "no Prism was spawned");
    for (const { pid } of spawned) onTestFinished(() => void (alive(pid) && process.kill(pid, "SIGKILL")));
    expect(run.output()).not.toContain("Press Ctrl-C");
    run.child.kill("SIGTERM");
    const { code } = await withTimeout(run.exit, 10_000, "start.mjs did not exit");
    expect(code, run.output()).toBe(143);
    // Gone when start.mjs exits, not some time later.
    for (const { pid } of spawned) expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
  }, testTimeoutMs);

  it.concurrent.each([
    ["DOCS_PORT", "abc"],
    ["IMS_MOCK_PORT", "0x10"],
    ["EVS_MOCK_PORT", "65536"],
  ])("%s=%s is refused in one line, without a stack trace", async (variable, value) => {
    const run = runStart(() => {}, { [variable]: value }, ["--no-build"]);
    const { code } = await withTimeout(run.exit, 10_000, "start.mjs did not refuse");
    expect(code).toBe(1);
    expect(run.output().trim()).toBe(`npm start: ${variable}=${value} is not a port number (0-65535; 0 lets the OS choose)`);
  }, testTimeoutMs);

  it.concurrent("a busy port is reported by name before anything starts", async ({ onTestFinished }) => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => void busy.close());
    const port = (busy.address() as AddressInfo).port;
    const run = runStart(onTestFinished, { EVS_MOCK_PORT: String(port) }, ["--docs", docsFolder(onTestFinished)]);
    const { code } = await withTimeout(run.exit, 10_000, "start.mjs did not give up");
    expect(code).toBe(1);
    expect(run.output()).toContain(`port ${port} for EVS is in use on 127.0.0.1; choose another with EVS_MOCK_PORT=<port>`);
    expect(run.output()).not.toContain("prism mock <document>");
    expect(run.output()).not.toContain("EVS mock");
  }, testTimeoutMs);
});

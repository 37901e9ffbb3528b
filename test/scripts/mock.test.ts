// `npm run mock` (scripts/mock.mjs) as a user runs it: started as a child
// process on free ports chosen through EVS_MOCK_PORT and IMS_MOCK_PORT, it
// prints both URLs, serves both, and on SIGTERM or Ctrl-C stops both Prism
// processes, leaving no process and no bound port behind, even when it is
// killed without a chance to clean up.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, portIsFree } from "../../scripts/lib/ports.mjs";
import { operation, repoRoot } from "../support/openapi.js";
import { token } from "../support/prism-requests.js";
import { alive, eventually, runScript, withTimeout, type OnFinished, type ScriptRun } from "../support/processes.js";

/** Long enough for both Prisms to start on a busy machine; shorter than the tests' timeout, so its message shows. */
const startWaitMs = 45_000;
const testTimeoutMs = 90_000;

type Mock = ScriptRun;

function runMock(onFinished: OnFinished, env: Record<string, string>, options: { root?: string; detached?: boolean } = {}): Mock {
  const root = options.root ?? repoRoot;
  return runScript(join(root, "scripts/mock.mjs"), { onFinished, env, cwd: root, detached: options.detached });
}

/** Resolves with what `pattern` captured once the mock has printed it. */
function waitFor(mock: Mock, pattern: RegExp, timeoutMs = startWaitMs): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = mock.output().match(pattern);
      if (match) {
        finish();
        resolve(match);
      }
    };
    const finish = () => {
      clearTimeout(timer);
      mock.child.stdout.off("data", check);
      mock.child.off("exit", onExit);
    };
    const onExit = () => {
      finish();
      reject(new Error(`the mock exited before printing ${pattern}:\n${mock.output()}`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${mock.output()}`));
    }, timeoutMs);
    mock.child.stdout.on("data", check);
    mock.child.once("exit", onExit);
    check();
  });
}

/** The command line of a process, as the kernel has it. */
function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
}

/** Two different free ports (two freePort() calls in a row can return the same one). */
async function twoFreePorts() {
  const evs = await freePort();
  let ims = await freePort();
  while (ims === evs) ims = await freePort();
  return { evs, ims };
}

async function startedMock(onFinished: OnFinished, options: { detached?: boolean; ports?: { evs: number; ims: number } } = {}) {
  const ports = options.ports ?? { evs: 0, ims: 0 };
  const mock = runMock(onFinished, { EVS_MOCK_PORT: String(ports.evs), IMS_MOCK_PORT: String(ports.ims) }, options);
  const [evs, ims] = await Promise.all([
    waitFor(mock, /EVS mock: (http:\/\/127\.0\.0\.1:(\d+)) \(Prism pid (\d+)\)/),
    waitFor(mock, /IMS mock: (http:\/\/127\.0\.0\.1:(\d+)) \(Prism pid (\d+)\)/),
  ]);
  const servers = [evs, ims].map((match) => ({ url: match[1]!, port: Number(match[2]), pid: Number(match[3]) }));
  return { mock, ports, servers };
}

/** Both services answer, each as itself: IMS creates images, EVS has no such path. */
async function expectBothServe(servers: Array<{ url: string }>) {
  const [evs, ims] = servers as [{ url: string }, { url: string }];
  for (const { url } of [evs, ims]) {
    const response = await fetch(`${url}/v1/p1/jobs/j1`, { headers: token });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("job_id");
  }
  const createImage = operation("ims", "createImage");
  const post = (url: string) =>
    fetch(`${url}${createImage.path}`, {
      method: "POST",
      headers: { ...token, "Content-Type": "application/json" },
      body: JSON.stringify(createImage.requestExamples[0]!.value),
    });
  const onIms = await post(ims.url);
  expect(onIms.status, "IMS answers createImage").toBe(200);
  expect(await onIms.json()).toHaveProperty("job_id");
  expect((await post(evs.url)).status, "EVS has no createImage").toBe(404);
}

async function expectCleanExit(mock: Mock, servers: Array<{ port: number; pid: number }>) {
  const { code } = await withTimeout(mock.exit, 10_000, "the mock did not exit");
  expect(code, mock.output()).toBe(0);
  for (const { port, pid } of servers) {
    expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
    expect(await portIsFree(port), `port ${port} is free again`).toBe(true);
  }
}

describe("npm run mock (scripts/mock.mjs)", () => {
  it.concurrent("serves EVS and IMS on the ports from EVS_MOCK_PORT and IMS_MOCK_PORT, with --errors, and SIGTERM stops both cleanly", async ({ onTestFinished }) => {
    const ports = await twoFreePorts();
    const { mock, servers } = await startedMock(onTestFinished, { ports });
    expect(servers.map((s) => s.port)).toEqual([ports.evs, ports.ims]);
    await expectBothServe(servers);
    for (const { pid } of servers) {
      expect(alive(pid), `Prism pid ${pid} runs while the mock does`).toBe(true);
      // The README promises --errors: a broken response example is a 500, never served as valid.
      expect(commandLine(pid), `Prism pid ${pid} runs with --errors`).toContain("--errors");
    }

    mock.child.kill("SIGTERM");
    await expectCleanExit(mock, servers);
  }, testTimeoutMs);

  it.concurrent("port 0 lets the OS choose, and the URLs printed are the real ones", async ({ onTestFinished }) => {
    const { mock, servers } = await startedMock(onTestFinished);
    for (const { port } of servers) expect(port).toBeGreaterThan(0);
    expect(servers[0]!.port).not.toBe(servers[1]!.port);
    await expectBothServe(servers);
    mock.child.kill("SIGTERM");
    await expectCleanExit(mock, servers);
  }, testTimeoutMs);

  it.concurrent("killed with SIGKILL (no handler runs), it leaves no Prism behind", async ({ onTestFinished }) => {
    const { mock, servers } = await startedMock(onTestFinished);
    for (const { pid } of servers) onTestFinished(() => void (alive(pid) && process.kill(pid, "SIGKILL")));
    mock.child.kill("SIGKILL");
    await withTimeout(mock.exit, 5_000, "the mock did not die");
    for (const { pid, port } of servers) {
      await eventually(() => !alive(pid), 5_000, `Prism pid ${pid} did not exit after its parent was killed`);
      await eventually(() => portIsFree(port), 5_000, `port ${port} was not freed`);
    }
  }, testTimeoutMs);

  it.concurrent("Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops both cleanly", async ({ onTestFinished }) => {
    const { mock, servers } = await startedMock(onTestFinished, { detached: true });
    await expectBothServe(servers);

    process.kill(-mock.child.pid!, "SIGINT");
    await expectCleanExit(mock, servers);
  }, testTimeoutMs);

  it.concurrent("a port already in use is reported by name before anything starts", async ({ onTestFinished }) => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => void busy.close());
    const imsPort = (busy.address() as AddressInfo).port;
    let evsPort = await freePort();
    while (evsPort === imsPort) evsPort = await freePort();

    const mock = runMock(onTestFinished, { EVS_MOCK_PORT: String(evsPort), IMS_MOCK_PORT: String(imsPort) });
    const { code } = await withTimeout(mock.exit, 10_000, "the mock did not give up");
    expect(code).toBe(1);
    expect(mock.output()).toContain(`port ${imsPort} for IMS is in use`);
    expect(mock.output()).toContain("IMS_MOCK_PORT");
    expect(mock.output()).not.toContain("EVS mock: http");
    expect(await portIsFree(evsPort), "the EVS port is free").toBe(true);
  }, testTimeoutMs);

  /** A scratch copy of the project whose generated/ims.openapi.json no longer matches spec/ (so no cached check applies). */
  function staleCopy(onFinished: OnFinished) {
    const root = mkdtempSync(join(tmpdir(), "mock-stale-"));
    onFinished(() => rmSync(root, { recursive: true, force: true }));
    for (const part of ["scripts", "spec", "generated", "redocly.yaml"]) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
    symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
    const stale = join(root, "generated/ims.openapi.json");
    const doc = JSON.parse(readFileSync(stale, "utf8"));
    doc.info.title = "an older title";
    writeFileSync(stale, JSON.stringify(doc, null, 2));
    return root;
  }

  it.concurrent("refuses to serve a stale bundle and says how to fix it", async ({ onTestFinished }) => {
    const root = staleCopy(onTestFinished);
    const ports = await twoFreePorts();
    const mock = runMock(onTestFinished, { EVS_MOCK_PORT: String(ports.evs), IMS_MOCK_PORT: String(ports.ims) }, { root });
    const { code } = await withTimeout(mock.exit, 30_000, "the mock did not refuse");
    expect(code).toBe(1);
    expect(mock.output()).toContain("generated/ims.openapi.json is stale");
    expect(mock.output()).not.toContain("generated/evs.openapi.json");
    expect(mock.output()).toContain("npm run bundle");
    expect(await portIsFree(ports.evs)).toBe(true);
  }, testTimeoutMs);

  for (const [label, group] of [
    ["SIGTERM to the mock", false],
    ["Ctrl-C (SIGINT to the whole process group, the bundler included)", true],
  ] as const) it.concurrent(`${label} during the staleness check stops it and leaves no temporary bundle behind`, async ({ onTestFinished }) => {
    const root = staleCopy(onTestFinished);
    const scratch = mkdtempSync(join(tmpdir(), "mock-tmp-"));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const mock = runMock(onTestFinished, { EVS_MOCK_PORT: "0", IMS_MOCK_PORT: "0", TMPDIR: scratch }, { root, detached: group });
    await eventually(() => readdirSync(scratch).some((name) => name.startsWith("mock-bundle-")), 20_000, "no mock-bundle-* folder appeared");
    if (group) process.kill(-mock.child.pid!, "SIGINT");
    else mock.child.kill("SIGTERM");
    const { code } = await withTimeout(mock.exit, 10_000, "the mock did not stop");
    expect(code, mock.output()).toBe(0);
    expect(mock.output()).not.toContain("is stale");
    expect(mock.output()).not.toContain("does not bundle");
    expect(readdirSync(scratch)).toEqual([]);
  }, testTimeoutMs);

  it.concurrent("refuses a port that is not a number", async ({ onTestFinished }) => {
    const mock = runMock(onTestFinished, { EVS_MOCK_PORT: "40x0" });
    const { code } = await withTimeout(mock.exit, 10_000, "the mock did not refuse");
    expect(code).toBe(1);
    expect(mock.output()).toContain("EVS_MOCK_PORT=40x0 is not a port number");
  }, testTimeoutMs);

  it.concurrent("refuses a hexadecimal port rather than reading it as a number", async ({ onTestFinished }) => {
    const mock = runMock(onTestFinished, { IMS_MOCK_PORT: "0x10" });
    const { code } = await withTimeout(mock.exit, 10_000, "the mock did not refuse");
    expect(code).toBe(1);
    expect(mock.output()).toContain("IMS_MOCK_PORT=0x10 is not a port number");
  }, testTimeoutMs);
});

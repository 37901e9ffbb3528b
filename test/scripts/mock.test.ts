// `npm run mock` (scripts/mock.mjs) as a user runs it: started as a child
// process on free ports chosen through EVS_MOCK_PORT and IMS_MOCK_PORT, it
// prints both URLs, serves both, and on SIGTERM or Ctrl-C stops both Prism
// processes, leaving no process and no bound port behind, even when it is
// killed without a chance to clean up. It is the package's mock command
// (src/mock/command.mjs) after a staleness check, so this file tests both;
// test/client/package.test.ts runs the installed command too.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { portIsFree } from "../../src/mock/command.mjs";
import { mockServices } from "../../src/mock/prism.mjs";
import { repoRoot, services } from "../support/openapi.js";
import { expectServesBoth } from "../support/prism-requests.js";
import { alive, freePort, mockAddresses, runScript, type ScriptRun, type TestHooks, twoFreePorts, until } from "../support/processes.js";

type Mock = ScriptRun;

function runMock(test: TestHooks, env: Record<string, string>, options: { root?: string; detached?: boolean; args?: string[] } = {}): Mock {
  const root = options.root ?? repoRoot;
  return runScript(join(root, "scripts/mock.mjs"), { test, env, cwd: root, detached: options.detached, args: options.args });
}

/** The command line of a process, as the kernel has it. */
function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
}

const urlsOf = (servers: Array<{ url: string }>) => ({ evs: servers[0]!.url, ims: servers[1]!.url });

async function startedMock(test: TestHooks, options: { detached?: boolean; ports?: { evs: number; ims: number } } = {}) {
  const ports = options.ports ?? { evs: 0, ims: 0 };
  const mock = runMock(test, { EVS_MOCK_PORT: String(ports.evs), IMS_MOCK_PORT: String(ports.ims) }, options);
  return { mock, ports, servers: await mockAddresses(mock) };
}

async function expectCleanExit(mock: Mock, servers: Array<{ port: number; pid: number }>) {
  const { code } = await mock.exit;
  expect(code, mock.output()).toBe(0);
  // Prism is stopped by the mock, never first by the signal: nothing "exited unexpectedly".
  expect(mock.output()).not.toContain("unexpectedly");
  for (const { port, pid } of servers) {
    expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
    expect(await portIsFree(port), `port ${port} is free again`).toBe(true);
  }
}

describe("npm run mock (scripts/mock.mjs)", () => {
  it.concurrent("serves EVS and IMS on the ports from EVS_MOCK_PORT and IMS_MOCK_PORT, with --errors, and SIGTERM stops both cleanly", async (test) => {
    const ports = await twoFreePorts();
    const { mock, servers } = await startedMock(test, { ports });
    expect(servers.map((s) => s.port)).toEqual([ports.evs, ports.ims]);
    await expectServesBoth(urlsOf(servers));
    for (const { pid } of servers) {
      expect(alive(pid), `Prism pid ${pid} runs while the mock does`).toBe(true);
      // The README promises --errors: a broken response example is a 500, never served as valid.
      expect(commandLine(pid), `Prism pid ${pid} runs with --errors`).toContain("--errors");
    }

    mock.child.kill("SIGTERM");
    await expectCleanExit(mock, servers);
  });

  it.concurrent("port 0 lets the OS choose, and the URLs printed are the real ones", async (test) => {
    const { mock, servers } = await startedMock(test);
    for (const { port } of servers) expect(port).toBeGreaterThan(0);
    expect(servers[0]!.port).not.toBe(servers[1]!.port);
    await expectServesBoth(urlsOf(servers));
    mock.child.kill("SIGTERM");
    await expectCleanExit(mock, servers);
  });

  it.concurrent("killed with SIGKILL (no handler runs), it leaves no Prism behind", async (test) => {
    const { mock, servers } = await startedMock(test);
    for (const { pid } of servers) test.onTestFinished(() => void (alive(pid) && process.kill(pid, "SIGKILL")));
    mock.child.kill("SIGKILL");
    await mock.exit;
    for (const { pid, port } of servers) {
      await until(() => !alive(pid));
      await until(() => portIsFree(port));
    }
  });

  it.concurrent("Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops both cleanly", async (test) => {
    const { mock, servers } = await startedMock(test, { detached: true });
    await expectServesBoth(urlsOf(servers));

    process.kill(-mock.child.pid!, "SIGINT");
    await expectCleanExit(mock, servers);
  });

  it.concurrent("a port already in use is reported by name before anything starts", async (test) => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    test.onTestFinished(() => void busy.close());
    const imsPort = (busy.address() as AddressInfo).port;
    let evsPort = await freePort();
    while (evsPort === imsPort) evsPort = await freePort();

    const mock = runMock(test, { EVS_MOCK_PORT: String(evsPort), IMS_MOCK_PORT: String(imsPort) });
    const { code } = await mock.exit;
    expect(code).toBe(1);
    expect(mock.output()).toContain(`port ${imsPort} for IMS is in use`);
    expect(mock.output()).toContain("IMS_MOCK_PORT");
    expect(mock.output()).not.toContain("EVS mock: http");
    expect(await portIsFree(evsPort), "the EVS port is free").toBe(true);
  });

  /** A scratch copy of the project whose generated/ims.openapi.json no longer matches spec/ (so no cached check applies). */
  function staleCopy(test: TestHooks) {
    const root = mkdtempSync(join(tmpdir(), "mock-stale-"));
    test.onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    for (const part of ["package.json", "scripts", "src", "spec", "generated", "redocly.yaml"])
      cpSync(join(repoRoot, part), join(root, part), { recursive: true });
    symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
    const stale = join(root, "generated/ims.openapi.json");
    const doc = JSON.parse(readFileSync(stale, "utf8"));
    doc.info.title = "an older title";
    writeFileSync(stale, JSON.stringify(doc, null, 2));
    return root;
  }

  it.concurrent("refuses to serve a stale bundle and says how to fix it", async (test) => {
    const root = staleCopy(test);
    const ports = await twoFreePorts();
    const mock = runMock(test, { EVS_MOCK_PORT: String(ports.evs), IMS_MOCK_PORT: String(ports.ims) }, { root });
    const { code } = await mock.exit;
    expect(code).toBe(1);
    expect(mock.output()).toContain("generated/ims.openapi.json is stale");
    expect(mock.output()).not.toContain("generated/evs.openapi.json");
    expect(mock.output()).toContain("npm run bundle");
    expect(await portIsFree(ports.evs)).toBe(true);
  });

  for (const [label, group] of [
    ["SIGTERM to the mock", false],
    ["Ctrl-C (SIGINT to the whole process group, as a terminal sends it)", true],
  ] as const)
    it.concurrent(`${label} during the staleness check stops it and leaves no temporary bundle behind`, async (test) => {
      const root = staleCopy(test);
      const scratch = mkdtempSync(join(tmpdir(), "mock-tmp-"));
      test.onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
      const mock = runMock(test, { EVS_MOCK_PORT: "0", IMS_MOCK_PORT: "0", TMPDIR: scratch }, { root, detached: group });
      const bundleFolders = () => readdirSync(scratch).filter((name) => name.startsWith("mock-bundle-"));
      await until(() => bundleFolders().length > 0);
      if (group) process.kill(-mock.child.pid!, "SIGINT");
      else mock.child.kill("SIGTERM");
      const { code } = await mock.exit;
      expect(code, mock.output()).toBe(0);
      expect(mock.output()).not.toContain("is stale");
      expect(mock.output()).not.toContain("does not bundle");
      // Only the check's own folder: other programs write to TMPDIR too (Node 22+ keeps Redocly's compile cache there).
      expect(bundleFolders()).toEqual([]);
    });

  it.concurrent("refuses a port that is not a number", async (test) => {
    const mock = runMock(test, { EVS_MOCK_PORT: "40x0" });
    const { code } = await mock.exit;
    expect(code).toBe(1);
    expect(mock.output()).toContain("EVS_MOCK_PORT=40x0 is not a port number");
  });

  it.concurrent("--help says what it serves and which variables set the ports", async (test) => {
    const mock = runMock(test, {}, { args: ["--help"] });
    const { code } = await mock.exit;
    expect(code).toBe(0);
    expect(mock.output()).toMatch(/^usage: mock\n/);
    expect(mock.output()).toContain("EVS_MOCK_PORT  the EVS mock's port (default 4010)");
    expect(mock.output()).toContain("IMS_MOCK_PORT  the IMS mock's port (default 4011)");
  });

  it.concurrent("refuses an argument it does not know, in one line", async (test) => {
    const mock = runMock(test, {}, { args: ["--port", "4010"] });
    const { code } = await mock.exit;
    expect(code).toBe(1);
    expect(mock.output().trim()).toBe("mock: unknown argument --port (ports are set with EVS_MOCK_PORT and IMS_MOCK_PORT; see --help)");
  });

  it("mocks exactly the repository's services", () => {
    expect(mockServices.map(({ service }) => service)).toEqual(services);
  });

  it.concurrent("refuses a hexadecimal port rather than reading it as a number", async (test) => {
    const mock = runMock(test, { IMS_MOCK_PORT: "0x10" });
    const { code } = await mock.exit;
    expect(code).toBe(1);
    expect(mock.output()).toContain("IMS_MOCK_PORT=0x10 is not a port number");
  });
});

// `npm run mock` (scripts/mock.mjs) as a user runs it: started as a child
// process on free ports chosen through EVS_MOCK_PORT and IMS_MOCK_PORT, it
// prints both URLs, serves both, and on SIGTERM or Ctrl-C stops both Prism
// processes, leaving no process and no bound port behind.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism.mjs";
import { repoRoot } from "../support/openapi.js";
import { token } from "./mock.js";

type Mock = {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Registers work to do when the current test ends (the tests run concurrently). */
type OnFinished = (fn: () => void | Promise<void>) => void;

function runMock(onFinished: OnFinished, env: Record<string, string>, options: { root?: string; detached?: boolean } = {}): Mock {
  const root = options.root ?? repoRoot;
  const child = spawn(process.execPath, [join(root, "scripts/mock.mjs")], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  // A failed test must not leave a mock behind either.
  onFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

/** Resolves with what `pattern` captured once the mock has printed it. */
function waitFor(mock: Mock, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
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

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms))]);
}

/** Whether a process with this pid exists (a zombie counts: it was not reaped). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/** Whether the port can be bound on 127.0.0.1 right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function startedMock(onFinished: OnFinished, options: { detached?: boolean } = {}) {
  const ports = { evs: await freePort(), ims: await freePort() };
  const mock = runMock(onFinished, { EVS_MOCK_PORT: String(ports.evs), IMS_MOCK_PORT: String(ports.ims) }, options);
  const [evs, ims] = await Promise.all([
    waitFor(mock, /EVS mock: (http:\/\/127\.0\.0\.1:(\d+)) \(Prism pid (\d+)\)/),
    waitFor(mock, /IMS mock: (http:\/\/127\.0\.0\.1:(\d+)) \(Prism pid (\d+)\)/),
  ]);
  const servers = [evs, ims].map((match) => ({ url: match[1]!, port: Number(match[2]), pid: Number(match[3]) }));
  return { mock, ports, servers };
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
  it.concurrent("serves EVS and IMS on the ports from EVS_MOCK_PORT and IMS_MOCK_PORT, and SIGTERM stops both cleanly", async ({ onTestFinished }) => {
    const { mock, ports, servers } = await startedMock(onTestFinished);
    expect(servers.map((s) => s.port)).toEqual([ports.evs, ports.ims]);

    for (const [i, path] of ["/v1/p1/jobs/j1", "/v1/p1/jobs/j1"].entries()) {
      const response = await fetch(`${servers[i]!.url}${path}`, { headers: token });
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveProperty("job_id");
    }
    for (const { pid } of servers) expect(alive(pid), `Prism pid ${pid} runs while the mock does`).toBe(true);

    mock.child.kill("SIGTERM");
    await expectCleanExit(mock, servers);
  }, 30_000);

  it.concurrent("Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops both cleanly", async ({ onTestFinished }) => {
    const { mock, servers } = await startedMock(onTestFinished, { detached: true });
    for (const { url } of servers) expect((await fetch(`${url}/v1/p1/jobs/j1`, { headers: token })).status).toBe(200);

    process.kill(-mock.child.pid!, "SIGINT");
    await expectCleanExit(mock, servers);
  }, 30_000);

  it.concurrent("a port already in use is reported by name before anything starts", async ({ onTestFinished }) => {
    const busy: Server = createServer();
    const imsPort = await freePort();
    await new Promise<void>((resolve) => busy.listen(imsPort, "127.0.0.1", resolve));
    onTestFinished(() => void busy.close());
    const evsPort = await freePort();

    const mock = runMock(onTestFinished, { EVS_MOCK_PORT: String(evsPort), IMS_MOCK_PORT: String(imsPort) });
    const { code } = await withTimeout(mock.exit, 10_000, "the mock did not give up");
    expect(code).toBe(1);
    expect(mock.output()).toContain(`port ${imsPort} for IMS is in use`);
    expect(mock.output()).toContain("IMS_MOCK_PORT");
    expect(mock.output()).not.toContain("EVS mock: http");
    expect(await portIsFree(evsPort), "the EVS port is free").toBe(true);
  }, 30_000);

  it.concurrent("refuses to serve a stale bundle and says how to fix it", async ({ onTestFinished }) => {
    // A scratch copy of the project whose generated/ims.openapi.json no longer
    // matches spec/.
    const root = mkdtempSync(join(tmpdir(), "mock-stale-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    for (const part of ["scripts", "spec", "generated", "redocly.yaml"]) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
    symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
    const stale = join(root, "generated/ims.openapi.json");
    const doc = JSON.parse(readFileSync(stale, "utf8"));
    doc.info.title = "an older title";
    writeFileSync(stale, JSON.stringify(doc, null, 2));

    const ports = { evs: await freePort(), ims: await freePort() };
    const mock = runMock(onTestFinished, { EVS_MOCK_PORT: String(ports.evs), IMS_MOCK_PORT: String(ports.ims) }, { root });
    const { code } = await withTimeout(mock.exit, 30_000, "the mock did not refuse");
    expect(code).toBe(1);
    expect(mock.output()).toContain("generated/ims.openapi.json is stale");
    expect(mock.output()).not.toContain("generated/evs.openapi.json");
    expect(mock.output()).toContain("npm run bundle");
    expect(await portIsFree(ports.evs)).toBe(true);
  }, 30_000);

  it.concurrent("refuses a port that is not a number", async ({ onTestFinished }) => {
    const mock = runMock(onTestFinished, { EVS_MOCK_PORT: "40x0" });
    const { code } = await withTimeout(mock.exit, 10_000, "the mock did not refuse");
    expect(code).toBe(1);
    expect(mock.output()).toContain("EVS_MOCK_PORT=40x0 is not a port number");
  }, 30_000);
});

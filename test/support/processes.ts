// Process and port probes and a script runner for the tests that start the
// project's own commands (npm run mock, npm start, the package's mock) and
// check they leave nothing behind (portIsFree is src/mock/command.mjs's, which
// the commands use too).
//
// Every wait here ends on an event (a line printed, a process gone, a port
// free), never on a timer: on a loaded machine a wait only takes longer. What
// bounds a wait that never ends is the test's own timeout (test/vitest.config.ts),
// and a failed test prints what the script printed.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import type { TestContext } from "vitest";

/** Whether a process with this pid exists (a zombie counts: it was not reaped). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/** The Prism processes whose parent is `parent`, with their command lines (from /proc). */
export function prismChildren(parent: number): Array<{ pid: number; args: string[] }> {
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

/** What a running test lends the helpers: clean-up when it ends, and a report when it fails. */
export type TestHooks = Pick<TestContext, "onTestFinished" | "onTestFailed">;

/** A project script running as a child process, with everything it printed so far. */
export type ScriptRun = {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Resolves once the process has exited and everything it printed has been read. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * Runs `<command> ...args` (`node <script>` when the command is a .mjs file) as
 * a user would, with this process's environment and `env` (or only `env`, with
 * `ownEnv`). When the test ends it is killed if still running; when the test
 * fails, what it printed is shown.
 */
export function runScript(
  script: string,
  options: { test: TestHooks; args?: string[]; env?: Record<string, string>; ownEnv?: boolean; cwd: string; detached?: boolean },
): ScriptRun {
  const [command, args] = script.endsWith(".mjs") ? [process.execPath, [script, ...(options.args ?? [])]] : [script, options.args ?? []];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.ownEnv ? options.env : { ...process.env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  options.test.onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  options.test.onTestFailed(() => console.error(`${[command, ...args].join(" ")} printed:\n${output}`));
  // "close", not "exit": at "exit" the last of its output may still be unread.
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

/**
 * Resolves with the match once the script has printed `pattern`; rejects, with
 * what it printed, if it ends without printing it.
 */
export function printed(run: ScriptRun, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = run.output().match(pattern);
      if (match) {
        finish();
        resolve(match);
      }
    };
    const onClose = () => {
      finish();
      reject(new Error(`it exited before printing ${pattern}:\n${run.output()}`));
    };
    const finish = () => {
      run.child.stdout.off("data", check);
      run.child.stderr.off("data", check);
      run.child.off("close", onClose);
    };
    run.child.stdout.on("data", check);
    run.child.stderr.on("data", check);
    run.child.once("close", onClose);
    check();
  });
}

/** The URLs, ports and Prism pids a mock command printed (`EVS mock: http://127.0.0.1:4010 (Prism pid 123)`), once it has printed both. */
export async function mockAddresses(mock: ScriptRun) {
  const [evs, ims] = await Promise.all([
    printed(mock, /EVS mock: (http:\/\/127\.0\.0\.1:(\d+)) \(Prism pid (\d+)\)/),
    printed(mock, /IMS mock: (http:\/\/127\.0\.0\.1:(\d+)) \(Prism pid (\d+)\)/),
  ]);
  return [evs, ims].map((match) => ({ url: match[1]!, port: Number(match[2]), pid: Number(match[3]) }));
}

/** Resolves with what `probe` gives once it gives something truthy, asking again every 50 ms. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A port that was free a moment ago (the OS picks it). Nothing holds it
 * afterwards, so two calls can return the same port and another process can
 * take it: to start Prism on a free port, pass port 0 instead.
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/** Two different free ports (two freePort() calls in a row can return the same one). */
export async function twoFreePorts() {
  const evs = await freePort();
  let ims = await freePort();
  while (ims === evs) ims = await freePort();
  return { evs, ims };
}

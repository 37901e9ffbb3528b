// Process probes and a script runner for the tests that start the project's
// own commands (npm run mock, npm start) and check they leave nothing behind
// (the port probes are scripts/lib/ports.mjs, which the commands use too).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

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

/** Registers work to do when the current test ends (the tests run concurrently). */
export type OnFinished = (fn: () => void | Promise<void>) => void;

/** A project script running as a child process, with everything it printed so far. */
export type ScriptRun = {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Runs `node <script> ...args` as a user would; a failed test still kills it. */
export function runScript(
  script: string,
  options: { onFinished: OnFinished; args?: string[]; env?: Record<string, string>; cwd: string; detached?: boolean },
): ScriptRun {
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  options.onFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // "close", not "exit": a process can exit before the last of what it printed
  // has been read, and a test that reads output() then would miss it.
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

/**
 * Polls `probe` until it gives something truthy, and resolves with that; fails
 * with `what` after `timeoutMs`.
 */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `promise`, or a failure naming `what` after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms))]);
}

// Starts and stops Prism mock servers on loopback. Shared by `npm run mock`,
// `npm start` and the tests, so all of them run Prism the same way.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { bundlePath, repoRoot } from "./paths.mjs";

const prismCli = join(repoRoot, "node_modules/@stoplight/prism-cli/dist/index.js");
const exitWithParent = join(repoRoot, "scripts/lib/exit-with-parent.cjs");

/** @typedef {import("./services.mjs").Service} Service */
/**
 * @typedef {object} MockServer
 * @property {Service} service
 * @property {number} port  the port Prism listens on (the one the OS chose when asked for 0)
 * @property {string} baseUrl  e.g. http://127.0.0.1:4010
 * @property {number} pid  the Prism process (it forks no children of its own)
 * @property {Promise<number | null>} exited  resolves with the exit code when Prism ends, for any reason
 * @property {() => Promise<void>} stop  ends the process (SIGTERM, SIGKILL after 5 s) and waits for it
 */

/**
 * @typedef {object} SpawnedPrism  what startPrism hands to `onSpawn` as soon as the process exists
 * @property {number} pid
 * @property {Promise<number | null>} exited
 * @property {() => Promise<void>} stop
 */

/** Why startPrism gave up: "in-use" (the port is taken), "exit" (Prism exited for another reason), "timeout". */
export class PrismStartError extends Error {
  /** @param {string} message @param {"in-use" | "exit" | "timeout"} reason */
  constructor(message, reason) {
    super(message);
    this.name = "PrismStartError";
    this.reason = reason;
  }
}

/**
 * Serves generated/<service>.openapi.json with Prism and resolves once it
 * listens.
 *
 * Prism ends with the process that started it, however that one ends (a
 * SIGKILL or a crash included): it reads its stdin from a pipe and stops when
 * the pipe closes (scripts/lib/exit-with-parent.cjs).
 * @param {Service} service
 * @param {{ port?: number, errors?: boolean, document?: string, timeoutMs?: number, log?: (line: string) => void, onSpawn?: (prism: SpawnedPrism) => void }} [options]
 *   `port`: 0 (the default) lets the OS choose a free port; the one chosen is
 *   read from Prism's "listening" line.
 *   `errors`: answer with a 500 problem (and the violations in `sl-violations`)
 *   when a response Prism is about to send breaks its own schema.
 *   `document`: serve this file instead of the service's bundle (tests use it
 *   to serve a deliberately broken copy).
 *   `onSpawn`: called as soon as the process is spawned, before it listens, so
 *   a caller stopped while Prism starts can stop it too.
 * @returns {Promise<MockServer>}
 */
export async function startPrism(service, options = {}) {
  const requestedPort = options.port ?? 0;
  const document = options.document ?? bundlePath(service);
  // --no-multiprocess: with NODE_ENV=production Prism otherwise forks its HTTP
  // server into a second process, which outlives a SIGTERM to the first.
  const args = ["--require", exitWithParent, prismCli, "mock", "--no-multiprocess", "-h", "127.0.0.1", "-p", String(requestedPort), document];
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  // The pipe is only there to close when this process ends; nothing is written.
  child.stdin.on("error", () => {});
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      child.kill("SIGTERM");
      // Prism ends within milliseconds of a SIGTERM; one that hangs is killed.
      const force = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(force);
    }
  };
  if (child.pid !== undefined) options.onSpawn?.({ pid: child.pid, exited, stop });

  let output = "";
  let ready = false;
  let port = requestedPort;
  const timeoutMs = options.timeoutMs ?? 30000;

  // Prism's own log lines go to `log` for as long as it runs, not only while
  // it starts, so a mock's request log stays visible. A line can arrive in
  // two chunks: only whole lines are logged.
  /** @param {import("node:stream").Readable} stream */
  const logLines = (stream) => {
    let partial = "";
    stream.on("data", (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString();
      if (!ready) output += text;
      const lines = (partial + text).split("\n");
      partial = /** @type {string} */ (lines.pop());
      for (const line of lines) if (line.trim()) options.log?.(line);
    });
    stream.on("end", () => {
      if (partial.trim()) options.log?.(partial);
      partial = "";
    });
  };
  logLines(child.stdout);
  logLines(child.stderr);

  await new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`, "timeout"), timeoutMs);
    const onReadyData = () => {
      const listening = /Prism is listening on http:\/\/[^\s:]+:(\d+)/.exec(output);
      if (listening) {
        ready = true;
        port = Number(listening[1]);
        cleanUp();
        resolveReady(undefined);
      }
    };
    const onEarlyExit = (/** @type {number | null} */ code) => {
      // A taken port makes Prism print its whole --help text: say only what matters.
      const inUse = /EADDRINUSE/.exec(output);
      if (inUse) fail("could not listen: the port is in use", "in-use", false);
      else fail(`exited early with code ${code}`, "exit");
    };
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout.off("data", onReadyData);
      child.stderr.off("data", onReadyData);
      child.off("close", onEarlyExit);
    };
    const fail = (/** @type {string} */ why, /** @type {"in-use" | "exit" | "timeout"} */ reason, withOutput = true) => {
      cleanUp();
      child.kill("SIGKILL");
      const where = requestedPort === 0 ? "any port" : `port ${requestedPort}`;
      reject(new PrismStartError(`Prism (${service}, ${where}) ${why}${withOutput ? `:\n${output.slice(-2000)}` : ""}`, reason));
    };
    child.stdout.on("data", onReadyData);
    child.stderr.on("data", onReadyData);
    child.once("close", onEarlyExit);
  });
  output = "";

  return {
    service,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: /** @type {number} */ (child.pid),
    exited,
    stop,
  };
}

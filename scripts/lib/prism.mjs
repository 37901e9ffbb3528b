// Starts and stops Prism mock servers on loopback. Shared by `npm run mock`,
// `npm start` and the tests, so all of them run Prism the same way.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const prismCli = join(repoRoot, "node_modules/@stoplight/prism-cli/dist/index.js");

/** @typedef {"evs" | "ims"} Service */
/**
 * @typedef {object} MockServer
 * @property {Service} service
 * @property {number} port
 * @property {string} baseUrl  e.g. http://127.0.0.1:4010
 * @property {number} pid  the Prism process (it forks no children of its own)
 * @property {Promise<number | null>} exited  resolves with the exit code when Prism ends, for any reason
 * @property {() => Promise<void>} stop  ends the process (SIGTERM, SIGKILL after 5 s) and waits for it
 */

/** A port that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

/** The bundle `npm run bundle` writes for a service. */
export function bundlePath(/** @type {Service} */ service) {
  return join(repoRoot, "generated", `${service}.openapi.json`);
}

/**
 * Serves generated/<service>.openapi.json with Prism and resolves once it
 * listens.
 * @param {Service} service
 * @param {{ port?: number, errors?: boolean, document?: string, timeoutMs?: number, log?: (line: string) => void }} [options]
 *   `errors`: answer with a 500 problem (and the violations in `sl-violations`)
 *   when a response Prism is about to send breaks its own schema.
 *   `document`: serve this file instead of the service's bundle (tests use it
 *   to serve a deliberately broken copy).
 * @returns {Promise<MockServer>}
 */
export async function startPrism(service, options = {}) {
  const port = options.port ?? (await freePort());
  const document = options.document ?? bundlePath(service);
  // --no-multiprocess: with NODE_ENV=production Prism otherwise forks its HTTP
  // server into a second process, which outlives a SIGTERM to the first.
  const args = [prismCli, "mock", "--no-multiprocess", "-h", "127.0.0.1", "-p", String(port), document];
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  let ready = false;
  const timeoutMs = options.timeoutMs ?? 30000;

  // Prism's own log lines go to `log` for as long as it runs, not only while
  // it starts, so a mock's request log stays visible.
  const onData = (/** @type {Buffer} */ chunk) => {
    const text = chunk.toString();
    if (!ready) output += text;
    for (const line of text.split("\n")) if (line.trim()) options.log?.(line);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);

  await new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const onReadyData = () => {
      if (output.includes("Prism is listening on")) {
        ready = true;
        cleanUp();
        resolveReady(undefined);
      }
    };
    const onEarlyExit = (/** @type {number | null} */ code) => fail(`exited early with code ${code}`);
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout.off("data", onReadyData);
      child.stderr.off("data", onReadyData);
      child.off("exit", onEarlyExit);
    };
    const fail = (/** @type {string} */ why) => {
      cleanUp();
      child.kill("SIGKILL");
      reject(new Error(`Prism (${service}, port ${port}) ${why}:\n${output.slice(-2000)}`));
    };
    child.stdout.on("data", onReadyData);
    child.stderr.on("data", onReadyData);
    child.once("exit", onEarlyExit);
  });
  output = "";

  return {
    service,
    port,
    baseUrl,
    pid: /** @type {number} */ (child.pid),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        // Prism ends within milliseconds of a SIGTERM; one that hangs is killed.
        const force = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(force);
      }
      await exited;
    },
  };
}

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
 * @property {() => Promise<void>} stop  ends the process and waits for it
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

/**
 * Serves generated/<service>.openapi.json with Prism and resolves once it
 * listens.
 * @param {Service} service
 * @param {{ port?: number, errors?: boolean, timeoutMs?: number, log?: (line: string) => void }} [options]
 *   `errors`: answer with an error when a response example breaks its own schema.
 * @returns {Promise<MockServer>}
 */
export async function startPrism(service, options = {}) {
  const port = options.port ?? (await freePort());
  const args = [prismCli, "mock", "-h", "127.0.0.1", "-p", String(port), join(repoRoot, "generated", `${service}.openapi.json`)];
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  /** @type {(code: number | null) => void} */
  let earlyExit = () => {};

  await new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${options.timeoutMs ?? 30000} ms`), options.timeoutMs ?? 30000);
    const onData = (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split("\n")) if (line.trim()) options.log?.(line);
      if (output.includes("Prism is listening on")) {
        clearTimeout(timer);
        resolveReady(undefined);
      }
    };
    const fail = (/** @type {string} */ why) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`Prism (${service}, port ${port}) ${why}:\n${output.slice(-2000)}`));
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    earlyExit = (code) => fail(`exited early with code ${code}`);
    child.once("exit", earlyExit);
  });
  child.off("exit", earlyExit);

  return {
    service,
    port,
    baseUrl,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

// Starts and stops Prism mock servers on loopback: one per service, from the
// bundles this package ships. The one implementation behind every mock: the
// package's `startMocks()` and `huaweicloud-evs-ims-mock`, and in the
// repository `npm run mock`, `npm start`, the test run and the bench.
//
// Plain JavaScript (types in JSDoc), so the repository's scripts run it as it
// is and the package ships these very files (scripts/build-client.mjs copies
// them and writes their .d.mts); CONTRIBUTING.md, C-ShippedMock.
//
// Prism is the user's to install (an optional peer dependency): it is looked
// up from this package's folder, as Node finds any dependency.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ownPackage = /** @type {{ name: string, peerDependencies: Record<string, string> }} */ (
  require("huaweicloud-evs-ims-openapi/package.json")
);
const prismPackage = "@stoplight/prism-cli";
const exitWithParent = fileURLToPath(new URL("./exit-with-parent.cjs", import.meta.url));
const freshRequestIds = fileURLToPath(new URL("./fresh-request-ids.cjs", import.meta.url));

/** @typedef {"evs" | "ims"} Service  the services with a mock (the repository's list: scripts/lib/services.mjs) */

/**
 * The mocks: one per service, with the variable that sets its port in the
 * commands and the port it takes when that variable is unset.
 * @type {ReadonlyArray<{ service: Service, label: string, variable: string, defaultPort: number }>}
 */
export const mockServices = [
  { service: "evs", label: "EVS", variable: "EVS_MOCK_PORT", defaultPort: 4010 },
  { service: "ims", label: "IMS", variable: "IMS_MOCK_PORT", defaultPort: 4011 },
];

/** The bundle this package ships for a service (its `./<service>.openapi.json` export). */
export function bundleOf(/** @type {Service} */ service) {
  return require.resolve(`${ownPackage.name}/${service}.openapi.json`);
}

/** Prism is not installed where this package can find it. The message is one line that says how to install it. */
export class PrismNotInstalledError extends Error {
  constructor() {
    const range = ownPackage.peerDependencies[prismPackage];
    super(`the mock needs Prism, which is not installed: run \`npm install --save-dev "${prismPackage}@${range}"\``);
    this.name = "PrismNotInstalledError";
  }
}

/** The Prism command-line script, or a PrismNotInstalledError. */
export function prismCli() {
  let manifest;
  try {
    manifest = require.resolve(`${prismPackage}/package.json`);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "MODULE_NOT_FOUND") throw new PrismNotInstalledError();
    throw error;
  }
  const { bin } = /** @type {{ bin: Record<string, string> }} */ (require(manifest));
  return join(dirname(manifest), /** @type {string} */ (bin.prism));
}

/**
 * @typedef {object} MockServer
 * @property {Service} service
 * @property {number} port  the port Prism listens on (the one the OS chose when asked for 0)
 * @property {string} baseUrl  e.g. http://127.0.0.1:4010
 * @property {number} pid  the Prism process (it forks no children of its own)
 * @property {Promise<number | null>} exited  resolves with the exit code when Prism ends, for any reason
 * @property {() => Promise<void>} stop  ends the process (SIGTERM, SIGKILL if it hangs) and waits for it
 * @property {() => void} unref  lets this process exit while Prism runs (Prism then ends with it)
 */

/**
 * @typedef {object} SpawnedPrism  what startPrism hands to `onSpawn` as soon as the process exists
 * @property {number} pid
 * @property {Promise<number | null>} exited
 * @property {() => Promise<void>} stop
 */

/** Why startPrism gave up: "in-use" (the port is taken) or "exit" (Prism exited for another reason). */
export class PrismStartError extends Error {
  /** @param {string} message @param {"in-use" | "exit"} reason */
  constructor(message, reason) {
    super(message);
    this.name = "PrismStartError";
    this.reason = reason;
  }
}

/**
 * Serves a service's bundle with Prism and resolves once it listens, or
 * rejects once it has exited without listening: the wait ends with one of
 * those two events, never with a timer, so a slow machine only makes it
 * slower.
 *
 * Prism ends with the process that started it, however that one ends (a
 * SIGKILL or a crash included): it reads its stdin from a pipe and stops when
 * the pipe closes (exit-with-parent.cjs). Each answer gets its own X-Request-Id
 * (fresh-request-ids.cjs). It runs with --errors (CONTRIBUTING.md,
 * C-PrismErrors): a response that would break its own schema is answered
 * with a 500 problem naming the violations. It runs in a process group of its
 * own, so a Ctrl-C meant for a command reaches only the command, which stops
 * Prism itself: Prism never ends before the command knows it should.
 * @param {Service} service
 * @param {{ port?: number, document?: string, log?: (line: string) => void, onSpawn?: (prism: SpawnedPrism) => void }} [options]
 *   `port`: 0 (the default) lets the OS choose a free port; the one chosen is
 *   read from Prism's "listening" line.
 *   `document`: serve this file instead of the service's bundle (tests use it
 *   to serve a deliberately broken copy).
 *   `log`: gets each line Prism prints, for as long as it runs (the request log).
 *   `onSpawn`: called as soon as the process is spawned, before it listens, so
 *   a caller stopped while Prism starts can stop it too.
 * @returns {Promise<MockServer>}
 */
export async function startPrism(service, options = {}) {
  const requestedPort = options.port ?? 0;
  const document = options.document ?? bundleOf(service);
  // --no-multiprocess: with NODE_ENV=production Prism otherwise forks its HTTP
  // server into a second process, which outlives a SIGTERM to the first.
  const args = [
    "--require",
    exitWithParent,
    "--require",
    freshRequestIds,
    prismCli(),
    "mock",
    "--no-multiprocess",
    "-h",
    "127.0.0.1",
    "-p",
    String(requestedPort),
    "--errors",
    document,
  ];
  // (On Windows `detached` would open a console window of its own: there Prism stays in this group.)
  const child = spawn(process.execPath, args, {
    stdio: ["pipe", "pipe", "pipe"],
    detached: process.platform !== "win32",
    windowsHide: true,
  });
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
    const onReadyData = () => {
      const listening = /Prism is listening on http:\/\/[^\s:]+:(\d+)/.exec(output);
      if (listening) {
        ready = true;
        port = Number(listening[1]);
        cleanUp();
        resolveReady(undefined);
      }
    };
    // "close", not "exit": by then everything Prism printed has been read.
    const onEarlyExit = (/** @type {number | null} */ code, /** @type {NodeJS.Signals | null} */ signal) => {
      cleanUp();
      const where = requestedPort === 0 ? "any port" : `port ${requestedPort}`;
      // A taken port makes Prism print its whole --help text: say only what matters.
      if (/EADDRINUSE/.test(output))
        reject(new PrismStartError(`Prism (${service}, ${where}) could not listen: the port is in use`, "in-use"));
      else
        reject(
          new PrismStartError(`Prism (${service}, ${where}) exited early (${signal ?? `code ${code}`}):\n${output.slice(-2000)}`, "exit"),
        );
    };
    const onSpawnError = (/** @type {Error} */ error) => {
      cleanUp();
      reject(new PrismStartError(`Prism (${service}) could not be started: ${error.message}`, "exit"));
    };
    const cleanUp = () => {
      child.stdout.off("data", onReadyData);
      child.stderr.off("data", onReadyData);
      child.off("close", onEarlyExit);
      child.off("error", onSpawnError);
    };
    child.stdout.on("data", onReadyData);
    child.stderr.on("data", onReadyData);
    child.once("close", onEarlyExit);
    child.once("error", onSpawnError);
  });
  output = "";

  return {
    service,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: /** @type {number} */ (child.pid),
    exited,
    stop,
    unref() {
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr]) /** @type {import("node:net").Socket} */ (stream).unref();
    },
  };
}

/**
 * Starts one Prism per service, with --errors (CONTRIBUTING.md,
 * C-PrismErrors), and resolves once all listen. When one does not start, the
 * others are stopped and it rejects with a MockStartError naming each
 * service that failed and why. A missing Prism is a PrismNotInstalledError,
 * before anything starts.
 * @param {{ ports?: Partial<Record<Service, number>>, log?: (service: Service, line: string) => void, onSpawn?: (prism: SpawnedPrism) => void }} [options]
 *   `ports`: each service's port (0, the default, lets the OS choose).
 * @returns {Promise<Record<Service, MockServer>>}
 */
export async function startMockServers(options = {}) {
  prismCli();
  const started = await Promise.allSettled(
    mockServices.map(({ service }) =>
      startPrism(service, {
        port: options.ports?.[service] ?? 0,
        log: (line) => options.log?.(service, line),
        onSpawn: options.onSpawn,
      }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failures = started.flatMap((result, i) => {
    if (result.status === "fulfilled") return [];
    const { service, label } = /** @type {(typeof mockServices)[number]} */ (mockServices[i]);
    const port = options.ports?.[service] ?? 0;
    return [{ service, label, port, error: /** @type {Error} */ (result.reason) }];
  });
  if (failures.length > 0) {
    await Promise.all(servers.map((server) => server.stop()));
    throw new MockStartError(failures);
  }
  return /** @type {Record<Service, MockServer>} */ (Object.fromEntries(servers.map((server) => [server.service, server])));
}

/** "port 4010 for EVS is in use on 127.0.0.1" */
export const portInUse = (/** @type {number} */ port, /** @type {string} */ label) => `port ${port} for ${label} is in use on 127.0.0.1`;

/**
 * One or more mocks did not start. `failures` says which and why, each with
 * its own message; `error.reason` "in-use" means the port is taken.
 */
export class MockStartError extends Error {
  /** @param {Array<{ service: Service, label: string, port: number, error: Error }>} failures */
  constructor(failures) {
    const explained = failures.map((failure) => ({
      ...failure,
      message:
        failure.error instanceof PrismStartError && failure.error.reason === "in-use"
          ? portInUse(failure.port, failure.label)
          : `the ${failure.label} mock did not start: ${failure.error.message}`,
    }));
    super(explained.map(({ message }) => message).join("\n"));
    this.name = "MockStartError";
    this.failures = explained;
  }
}

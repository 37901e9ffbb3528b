// What the commands that serve mocks share: the package's
// `huaweicloud-evs-ims-mock` (./cli.mjs), and in the repository `npm run mock`
// (the same command, after a staleness check) and `npm start` (the docs too).
// Port variables and checks, the process handling (signals, the parent going
// away, a server that exits on its own) and starting both mocks under it. One
// implementation, so all of them behave alike.
import { createServer } from "node:net";
import { MockStartError, mockServices, PrismStartError, portInUse, prismCli, startMockServers } from "./prism.mjs";

/** @typedef {import("./prism.mjs").MockServer} MockServer */
/** @typedef {import("./prism.mjs").Service} Service */

/** A mistake in how the command was called: reported as one line, without a stack trace. */
export class UsageError extends Error {}

/**
 * The port in environment variable `variable`, or `fallback` when unset or
 * empty. Only decimal digits, 0-65535; 0 lets the OS choose a free port.
 * @param {string} variable @param {number} fallback @param {NodeJS.ProcessEnv} [env]
 */
export function portFromEnv(variable, fallback, env = process.env) {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new UsageError(`${variable}=${raw} is not a port number (0-65535; 0 lets the OS choose)`);
  }
  return Number(raw);
}

/** Whether the port can be bound on 127.0.0.1 now. */
export function portIsFree(/** @type {number} */ port) {
  return new Promise((resolveFree) => {
    const probe = createServer();
    probe.once("error", () => resolveFree(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolveFree(true)));
  });
}

/** How to choose another port for what `variable` sets. */
const inUse = (/** @type {number} */ port, /** @type {string} */ label, /** @type {string} */ variable) =>
  `${portInUse(port, label)}; choose another with ${variable}=<port>`;

/**
 * Checked before anything starts, so a busy port fails fast and by name.
 * Port 0 (the OS chooses) is always fine.
 * @param {Array<{ label: string, variable: string, port: number }>} wanted
 */
export async function checkPorts(wanted) {
  const chosen = wanted.filter(({ port }) => port !== 0);
  for (const [i, a] of chosen.entries()) {
    const b = chosen.slice(i + 1).find(({ port }) => port === a.port);
    if (b) throw new UsageError(`${a.variable} and ${b.variable} are both ${a.port}; give them different ports`);
  }
  for (const { label, variable, port } of chosen) {
    if (!(await portIsFree(port))) throw new UsageError(inUse(port, label, variable));
  }
}

/** @type {Promise<never>} */
const never = new Promise(() => {});

/**
 * @typedef {object} ProcessControl
 * @property {(stop: () => Promise<void> | void) => () => void} track
 *   registers something to stop on the way out (a child process, a server, a
 *   temporary folder); returns a function that unregisters it
 * @property {(code: number) => Promise<never>} shutDown  stops everything tracked, waits, exits
 * @property {(message: string) => Promise<never>} fail  prints `<name>: message`, then shutDown(1)
 * @property {() => boolean} stopping
 * @property {(main: () => Promise<void>) => Promise<void>} run
 *   runs the command; an error becomes a one-line message and exit code 1
 */

/**
 * Installs the process handling of a command that runs servers in the
 * foreground: Ctrl-C, SIGTERM or SIGHUP, or its parent going away, stops
 * everything it tracks, and it exits only once all of it has stopped.
 *
 * Install it first: a signal that arrives before it is installed ends the
 * process at once, without cleaning up.
 * @param {{ name: string, what: string, exitCode: (cause: NodeJS.Signals | "parent") => number }} options
 *   `name` prefixes messages ("mock"), `what` names what is stopped ("both servers").
 * @returns {ProcessControl}
 */
export function controlProcess({ name, what, exitCode }) {
  /** @type {Set<() => Promise<void> | void>} */
  const stops = new Set();
  let stopping = false;

  /** @type {ProcessControl["shutDown"]} */
  async function shutDown(code) {
    if (stopping) return never;
    stopping = true;
    await Promise.allSettled([...stops].map(async (stop) => stop()));
    process.exit(code);
  }

  /** @type {ProcessControl["fail"]} */
  function fail(message) {
    if (stopping) return never;
    console.error(`${name}: ${message}`);
    return shutDown(1);
  }

  // A Ctrl-C in a terminal reaches this process (the servers run in process
  // groups of their own and are stopped from here), which waits until they
  // have exited before it exits.
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
    process.on(signal, () => {
      if (stopping) return;
      console.log(`${name}: ${signal}, stopping ${what}`);
      void shutDown(exitCode(signal));
    });
  }

  // npm runs a script under `sh -c`; a SIGTERM to npm ends npm and the shell
  // but is not passed on. Stop when the parent is gone rather than serve on
  // as an orphan nobody can Ctrl-C.
  const parentPid = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentPid && !stopping) {
      console.log(`${name}: the parent process (pid ${parentPid}) is gone, stopping ${what}`);
      void shutDown(exitCode("parent"));
    }
  }, 500).unref();

  return {
    track(stop) {
      stops.add(stop);
      return () => void stops.delete(stop);
    },
    shutDown,
    fail,
    stopping: () => stopping,
    async run(main) {
      try {
        await main();
      } catch (error) {
        await fail(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/**
 * Each service's entry of mockServices with its port from the environment
 * ($EVS_MOCK_PORT, $IMS_MOCK_PORT; the default port when unset).
 * @param {NodeJS.ProcessEnv} [env]
 */
export function mockPortsFromEnv(env = process.env) {
  return mockServices.map((entry) => ({ ...entry, port: portFromEnv(entry.variable, entry.defaultPort, env) }));
}

/**
 * Starts both mocks (startMockServers: --errors, logging each line as
 * `[evs] ...`), each stopped by `control` from the moment it is spawned. Once
 * both listen, a server that exits on its own stops everything (exit code 1).
 * Fails with a message naming the service when one does not start; never
 * returns while stopping.
 * @param {ProcessControl} control
 * @param {ReturnType<typeof mockPortsFromEnv>} mocks
 * @returns {Promise<Record<Service, MockServer>>}
 */
export async function serveMocks(control, mocks) {
  /** @type {Record<Service, MockServer>} */
  let servers;
  try {
    servers = await startMockServers({
      ports: Object.fromEntries(mocks.map(({ service, port }) => [service, port])),
      log: (service, line) => console.log(`[${service}] ${line}`),
      onSpawn: (prism) => void control.track(prism.stop),
    });
  } catch (error) {
    if (control.stopping()) return never;
    if (!(error instanceof MockStartError)) throw error;
    return control.fail(
      error.failures
        .map((failure) => {
          const { port, label, variable } = /** @type {(typeof mocks)[number]} */ (mocks.find((mock) => mock.service === failure.service));
          return failure.error instanceof PrismStartError && failure.error.reason === "in-use"
            ? inUse(port, label, variable)
            : failure.message;
        })
        .join("\n"),
    );
  }
  if (control.stopping()) return never;
  for (const server of Object.values(servers)) {
    void server.exited.then((code) => {
      if (control.stopping()) return;
      void control.fail(`the ${server.service.toUpperCase()} mock (Prism pid ${server.pid}) exited unexpectedly with code ${code}`);
    });
  }
  return servers;
}

const usage = (/** @type {string} */ name) => `usage: ${name}

Serves the EVS and IMS descriptions with Prism (the mock of
huaweicloud-evs-ims-openapi) on 127.0.0.1 until Ctrl-C or SIGTERM.

${mockServices.map(({ label, variable, defaultPort }) => `  ${variable}  the ${label} mock's port (default ${defaultPort})`).join("\n")}
                 0 lets the OS choose; the URLs printed are the real ones

A request that breaks the description gets a 4xx whose sl-violations header
names the rule; choose an answer with Prism's Prefer header
(Prefer: example=<name>, Prefer: code=<status>).`;

/**
 * The mock command: both mocks on the ports from the environment, in the
 * foreground, their request log printed, until Ctrl-C, SIGTERM or SIGHUP, or
 * until the parent process goes away. `beforeStart` runs once the ports are
 * checked and before Prism starts (`npm run mock` checks that generated/ is
 * up to date there); it may track what it starts.
 * @param {{ name: string, beforeStart?: (control: ProcessControl) => Promise<void>, argv?: string[] }} options
 *   `name` prefixes the command's messages
 */
export async function runMockCommand({ name, beforeStart, argv = process.argv.slice(2) }) {
  // First, so a Ctrl-C at any point cleans up.
  const control = controlProcess({ name, what: "both servers", exitCode: () => 0 });
  await control.run(async () => {
    if (argv.includes("--help") || argv.includes("-h")) {
      console.log(usage(name));
      return;
    }
    if (argv.length > 0)
      throw new UsageError(`unknown argument ${argv[0]} (ports are set with EVS_MOCK_PORT and IMS_MOCK_PORT; see --help)`);
    const wanted = mockPortsFromEnv();
    await checkPorts(wanted);
    prismCli();
    await beforeStart?.(control);
    const servers = await serveMocks(control, wanted);
    for (const { service, label } of mockServices) {
      console.log(`${label} mock: ${servers[service].baseUrl} (Prism pid ${servers[service].pid})`);
    }
    console.log("Both mocks are running. Press Ctrl-C to stop them.");
  });
}

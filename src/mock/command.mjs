// What `npm run mock` and `npm start` share: the two mock services and their
// port variables, port parsing and checking, starting and stopping Prism, and
// the process handling around it (signals, the parent going away, a server
// that exits on its own). One implementation, so both commands behave alike.
import { portIsFree } from "./ports.mjs";
import { PrismStartError, startPrism } from "./prism.mjs";
import { services } from "./services.mjs";

/** @typedef {import("./prism.mjs").MockServer} MockServer */
/** @typedef {import("./services.mjs").Service} Service */

/** The port each mock listens on unless $<SERVICE>_MOCK_PORT says otherwise. */
const defaultPorts = /** @type {const} */ ({ evs: 4010, ims: 4011 });

/** @type {ReadonlyArray<{ service: Service, label: string, variable: string, fallback: number }>} */
export const mockServices = services.map((service) => ({
  service,
  label: service.toUpperCase(),
  variable: `${service.toUpperCase()}_MOCK_PORT`,
  fallback: defaultPorts[service],
}));

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
    if (!(await portIsFree(port))) throw new UsageError(`port ${port} for ${label} is in use on 127.0.0.1; choose another with ${variable}=<port>`);
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

  // In a terminal, Ctrl-C reaches the children too (same process group);
  // either way this process waits until they have exited before it exits.
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
 * Starts one Prism per service (with --errors, logging its lines as
 * `[evs] ...`), each stopped by `control` from the moment it is spawned. Once
 * both listen, a server that exits on its own stops everything (exit code 1).
 * Fails with a message naming the service when one does not start; never
 * returns while stopping.
 * @param {ProcessControl} control
 * @param {ReadonlyArray<(typeof mockServices)[number] & { port: number }>} mocks
 *   each service's entry of mockServices, with the port to listen on (0 lets the OS choose)
 * @returns {Promise<Record<Service, MockServer>>}
 */
export async function startMocks(control, mocks) {
  const started = await Promise.allSettled(
    mocks.map(({ service, port }) =>
      startPrism(service, {
        port,
        errors: true, // CONTRIBUTING.md, C-PrismErrors
        log: (line) => console.log(`[${service}] ${line}`),
        onSpawn: (prism) => void control.track(prism.stop),
      }),
    ),
  );
  if (control.stopping()) return never;
  const problems = started.flatMap((result, i) => {
    if (result.status === "fulfilled") return [];
    const { port, label, variable } = /** @type {(typeof mocks)[number]} */ (mocks[i]);
    const error = result.reason;
    if (error instanceof PrismStartError && error.reason === "in-use") {
      return [`port ${port} for ${label} is in use on 127.0.0.1; choose another with ${variable}=<port>`];
    }
    return [`the ${label} mock did not start: ${error instanceof Error ? error.message : String(error)}`];
  });
  if (problems.length > 0) return control.fail(problems.join("\n"));

  const servers = started.map((result) => /** @type {PromiseFulfilledResult<MockServer>} */ (result).value);
  for (const server of servers) {
    void server.exited.then((code) => {
      if (control.stopping()) return;
      void control.fail(`the ${server.service.toUpperCase()} mock (Prism pid ${server.pid}) exited unexpectedly with code ${code}`);
    });
  }
  return /** @type {Record<Service, MockServer>} */ (Object.fromEntries(servers.map((server) => [server.service, server])));
}

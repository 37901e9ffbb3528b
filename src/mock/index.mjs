// `huaweicloud-evs-ims-openapi/mock`: both Prism mocks from a program, for a
// test runner's global setup (vitest's `globalSetup`, Jest's
// `globalSetup`/`globalTeardown`). They run as `huaweicloud-evs-ims-mock` runs
// them (./prism.mjs): from the bundles in this package, with --errors.
//
// The types below are written out rather than imported from ./prism.mjs, so
// this module's .d.mts needs nothing but itself: a consumer compiles it in
// strict mode without @types/node.
import { startMockServers } from "./prism.mjs";

/**
 * @typedef {object} RunningMock
 * @property {string} url  e.g. http://127.0.0.1:4010: the client's `baseUrl`
 * @property {number} port
 * @property {number} pid  the Prism process
 */

/**
 * @typedef {object} RunningMocks
 * @property {RunningMock} evs
 * @property {RunningMock} ims
 * @property {{ evs: string, ims: string }} urls  both URLs, to hand to the tests (vitest: `project.provide`)
 * @property {() => Promise<void>} stop  stops both and resolves once both have exited; calling it again does nothing
 */

/**
 * @typedef {object} StartMocksOptions
 * @property {{ evs?: number, ims?: number }} [ports]
 *   the port of each mock; 0, the default, lets the OS choose a free one
 *   (so parallel runs never collide), and `url` says which
 * @property {(line: string) => void} [log]
 *   gets Prism's log lines, the request log included, as `[evs] ...`; none by default
 */

/**
 * Starts the EVS and the IMS mock and resolves once both listen. If either
 * cannot start, the other is stopped and the promise rejects with an error
 * that names the mock and why (a port in use, Prism not installed); a port
 * that is not one rejects with a TypeError naming the option.
 *
 * The mocks never keep your process alive: when it ends, however it ends,
 * they end too. Call `stop()` to stop them sooner (in a global teardown).
 * @param {StartMocksOptions} [options]
 * @returns {Promise<RunningMocks>}
 */
export async function startMocks(options = {}) {
  for (const [service, port] of Object.entries(options.ports ?? {})) {
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
      throw new TypeError(
        `startMocks: \`ports.${service}\` must be an integer from 0 to 65535 (0 lets the OS choose), not ${JSON.stringify(port)}`,
      );
    }
  }
  const log = options.log;
  const servers = await startMockServers({
    ports: options.ports ?? {},
    log: log && ((service, line) => log(`[${service}] ${line}`)),
  });
  const { evs, ims } = servers;
  for (const server of [evs, ims]) server.unref();
  const running = (/** @type {import("./prism.mjs").MockServer} */ server) => ({ url: server.baseUrl, port: server.port, pid: server.pid });
  /** @type {Promise<void> | undefined} */
  let stopped;
  return {
    evs: running(evs),
    ims: running(ims),
    urls: { evs: evs.baseUrl, ims: ims.baseUrl },
    stop: () => (stopped ??= Promise.all([evs.stop(), ims.stop()]).then(() => {})),
  };
}

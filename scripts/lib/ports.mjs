// Port probes on 127.0.0.1, for the commands that serve (a busy port is
// named before anything starts) and for the tests that check those commands
// leave no port bound.
import { createServer } from "node:net";

/** Whether the port can be bound on 127.0.0.1 now. */
export function portIsFree(/** @type {number} */ port) {
  return new Promise((resolveFree) => {
    const probe = createServer();
    probe.once("error", () => resolveFree(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolveFree(true)));
  });
}

/**
 * A port that was free a moment ago (the OS picks it). Nothing holds it
 * afterwards, so two calls can return the same port and another process can
 * take it: to start Prism on a free port, pass port 0 to startPrism instead.
 * @returns {Promise<number>}
 */
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

// Starts bench/lib/server.mjs in a child process and talks to it.
import { fork } from "node:child_process";
import { once } from "node:events";

/**
 * @typedef {object} BenchServer
 * @property {string} baseUrl  http://127.0.0.1:<port>
 * @property {number} port
 * @property {number} pid
 * @property {(reply: import("./server.mjs").Reply) => Promise<void>} reply  answer every request with these bytes from now on
 * @property {() => Promise<void>} stop  ends the server (SIGKILL if it hangs) and waits for it
 */

/** @returns {Promise<BenchServer>} */
export async function startServer() {
  // One Node for the server in every section (bench/run.mjs sets it), so a client section run under
  // another Node changes only the client's side.
  const execPath = process.env.BENCH_SERVER_NODE || process.execPath;
  const child = fork(new URL("./server.mjs", import.meta.url), [], {
    execPath,
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = once(child, "exit");
  // The server's first message says where it listens.
  const [message] = /** @type {[Extract<import("./server.mjs").ServerMessage, { type: "listening" }>]} */ (
    await Promise.race([once(child, "message"), exited.then(([code]) => Promise.reject(new Error(`bench server exited early (${code})`)))])
  );
  const { port } = message;
  return {
    port,
    pid: /** @type {number} */ (child.pid), // it sent a message, so it was spawned
    baseUrl: `http://127.0.0.1:${port}`,
    async reply({ status, headers, body }) {
      child.send(
        /** @satisfies {import("./server.mjs").ReplyMessage} */ ({ type: "reply", status, headers, body: body.toString("base64") }),
      );
      await once(child, "message");
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.disconnect();
        const force = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(force);
      }
    },
  };
}

// Starts bench/lib/server.mjs in a child process and talks to it.
import { fork } from "node:child_process";
import { once } from "node:events";

/** @returns {Promise<{ baseUrl: string, port: number, pid: number, reply(r: {status:number, headers:Record<string,string>, body: Buffer}): Promise<void>, stop(): Promise<void> }>} */
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
  const [message] = await Promise.race([
    once(child, "message"),
    exited.then(([code]) => Promise.reject(new Error(`bench server exited early (${code})`))),
  ]);
  const { port } = message;
  return {
    port,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    async reply({ status, headers, body }) {
      child.send({ type: "reply", status, headers, body: body.toString("base64") });
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

// A closed-loop HTTP/1.1 load generator on node:http with keep-alive connections: `concurrency`
// callers, each sending its next request as soon as the answer to its last one has been read.
import http from "node:http";

/** @typedef {{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }} Answer */

/**
 * Requests of one kind to a server on loopback.
 * @param {{ port: number, method: string, path: string, headers?: http.OutgoingHttpHeaders, body?: string }} request
 */
export function target({ port, method, path, headers, body }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const payload = Buffer.from(body ?? "");
  const options = {
    host: "127.0.0.1",
    port,
    method,
    path,
    agent,
    headers: { ...headers, "content-length": payload.length },
  };
  /** One request; resolves with its status, headers and body. @returns {Promise<Answer>} */
  const send = () =>
    new Promise((resolve, reject) => {
      const request = http.request(options, (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: /** @type {number} */ (response.statusCode), headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(payload);
    });
  return {
    send,
    /**
     * Runs for `durationMs`; returns requests per second and every latency in ms.
     * @param {{ concurrency: number, durationMs: number, expectStatus: number }} load
     */
    async run({ concurrency, durationMs, expectStatus }) {
      /** @type {number[]} */
      const latencies = [];
      let unexpected = 0;
      const start = performance.now();
      const end = start + durationMs;
      const caller = async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const { status } = await send();
          latencies.push(performance.now() - t);
          if (status !== expectStatus) unexpected++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, caller));
      if (unexpected > 0) throw new Error(`${unexpected} answers were not ${expectStatus}`);
      return { rps: latencies.length / ((performance.now() - start) / 1000), latencies };
    },
    close: () => agent.destroy(),
  };
}

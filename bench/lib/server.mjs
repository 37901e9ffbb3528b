// A plain node:http keep-alive server, run as a child process (`fork`), so the benchmark's
// client and the server each get a core. It answers like the EVS service would:
//   POST /v3/{project_id}/cloudvolumes  -> 200, the create-disks answer (example job-accepted)
//   GET  /v1/{project_id}/jobs/{job_id} -> 200, a finished job (example success)
// taken byte for byte from generated/evs.openapi.json. A parent may replace both answers with
// fixed bytes ({ type: "reply", status, headers, body }) to serve as the limit for a mock.
// It reads every request body to the end before answering, and exits when the parent goes away.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

/** @typedef {{ status: number, headers: import("node:http").OutgoingHttpHeaders, body: Buffer }} Reply */
/** @typedef {{ type: "reply", status: number, headers: Reply["headers"], body: string }} ReplyMessage  from the parent; body in base64 */
/** @typedef {{ type: "listening", port: number } | { type: "replying" }} ServerMessage  to the parent */

const bundle = JSON.parse(readFileSync(new URL("../../generated/evs.openapi.json", import.meta.url), "utf8"));
const example = (/** @type {string} */ name) => Buffer.from(JSON.stringify(bundle.components.examples[name].value));
const json = { "content-type": "application/json", "x-request-id": "8dfb4e6e6e3fdd0fc0a5de4d1d2a8b2c" };

/** @type {Reply | undefined} once a parent asks for fixed bytes */
let fixed;
/** @type {Record<"create" | "job" | "other", Reply>} */
const routes = {
  create: { status: 200, headers: json, body: example("job-accepted") },
  job: { status: 200, headers: json, body: example("success") },
  other: { status: 404, headers: json, body: Buffer.from('{"error":{"code":"NotFound","message":"no such route"}}') },
};

/** The parent is there: this process is always started with `fork`. @param {ServerMessage} message */
const tell = (message) => /** @type {NonNullable<typeof process.send>} */ (process.send)(message);

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const url = req.url ?? "";
  req.on("data", () => {});
  req.on("end", () => {
    const reply =
      fixed ??
      (req.method === "POST" && /^\/v3\/[^/]+\/cloudvolumes$/.test(url)
        ? routes.create
        : req.method === "GET" && /^\/v1\/[^/]+\/jobs\/[^/]+$/.test(url)
          ? routes.job
          : routes.other);
    res.writeHead(reply.status, { ...reply.headers, "content-length": reply.body.length });
    res.end(reply.body);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 61_000;

process.on("message", (/** @type {ReplyMessage | undefined} */ message) => {
  if (message?.type === "reply") {
    fixed = { status: message.status, headers: message.headers, body: Buffer.from(message.body, "base64") };
    tell({ type: "replying" });
  }
});
process.on("disconnect", () => process.exit(0));

server.listen(0, "127.0.0.1", () =>
  tell({ type: "listening", port: /** @type {import("node:net").AddressInfo} */ (server.address()).port }),
);

// Mock: requests per second and p50/p99 latency of the Prism mock (src/mock/prism.mjs
// startPrism("evs"), as `npm run mock` runs it) for a valid and an invalid
// create-disks request, next to a plain node:http server (lib/server.mjs, another process)
// answering with the very bytes Prism answered (status, headers, body): the most this load
// generator can measure on this machine. Rounds alternate Prism and the plain server; the
// latencies of all rounds are pooled.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startPrism } from "../src/mock/prism.mjs";
import { repoRoot } from "./lib/build.mjs";
import { startServer } from "./lib/child.mjs";
import { target } from "./lib/load.mjs";
import { median, quantile } from "./lib/stats.mjs";

const config = {
  concurrency: Number(process.env.BENCH_MOCK_CONCURRENCY ?? 8),
  roundMs: Number(process.env.BENCH_MOCK_ROUND_MS ?? 1000),
  rounds: Number(process.env.BENCH_MOCK_ROUNDS ?? 3),
};

const PROJECT = "0123456789abcdef0123456789abcdef";
const evs = JSON.parse(readFileSync(join(repoRoot, "generated/evs.openapi.json"), "utf8"));
const valid = evs.components.examples["encrypted-ssd"].value;
const invalid = { volume: { ...valid.volume, size: "120" } }; // size must be an integer

/** @satisfies {Array<{ name: string, label: string, body: unknown, expect: (status: number) => boolean }>} */
const CASES = [
  { name: "valid", label: "valid create-disks request", body: valid, expect: (s) => s === 200 },
  { name: "invalid", label: "invalid one (volume.size a string)", body: invalid, expect: (s) => s >= 400 && s < 500 },
];
// Per-connection or per-moment headers: the plain server sets its own.
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

/** @typedef {"prism" | "plain"} Server */

export async function run() {
  const prism = await startPrism("evs");
  const plain = await startServer();
  const rows = [];
  try {
    for (const c of CASES) {
      const request = {
        method: "POST",
        path: `/v3/${PROJECT}/cloudvolumes`,
        headers: { "content-type": "application/json", "x-auth-token": "MIIbench-token" },
        body: JSON.stringify(c.body),
      };
      const toPrism = target({ port: prism.port, ...request });
      const answer = await toPrism.send();
      if (!c.expect(answer.status)) throw new Error(`Prism answered the ${c.name} request with ${answer.status}: ${answer.body}`);
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !OWN_HEADERS.has(name)));
      await plain.reply({ status: answer.status, headers, body: answer.body });
      const toPlain = target({ port: plain.port, ...request });
      const copy = await toPlain.send();
      if (copy.status !== answer.status || !copy.body.equals(answer.body))
        throw new Error("the plain server does not answer as Prism does");

      const load = { concurrency: config.concurrency, expectStatus: answer.status };
      /** @type {Record<Server, number[]>} */
      const samples = { prism: [], plain: [] };
      /** @type {Record<Server, number[]>} */
      const latencies = { prism: [], plain: [] };
      const targets = { prism: toPrism, plain: toPlain };
      for (const which of /** @type {Server[]} */ (["prism", "plain"]))
        await targets[which].run({ ...load, durationMs: config.roundMs / 2 }); // warm-up
      for (let i = 0; i < config.rounds; i++) {
        for (const which of /** @type {Server[]} */ (i % 2 === 0 ? ["prism", "plain"] : ["plain", "prism"])) {
          const result = await targets[which].run({ ...load, durationMs: config.roundMs });
          samples[which].push(result.rps);
          latencies[which].push(...result.latencies);
        }
      }
      toPrism.close();
      toPlain.close();
      for (const which of /** @type {Server[]} */ (["prism", "plain"])) {
        rows.push({
          case: c.name,
          label: c.label,
          server: which,
          status: answer.status,
          bytes: answer.body.length,
          rps: median(samples[which]),
          p50: quantile(latencies[which], 0.5),
          p99: quantile(latencies[which], 0.99),
          requests: latencies[which].length,
          rpsSamples: samples[which].map(Math.round),
        });
      }
    }
  } finally {
    await Promise.all([prism.stop(), plain.stop()]);
  }
  return { config, rows };
}

if (import.meta.url === pathToFileURL(/** @type {string} */ (process.argv[1])).href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}

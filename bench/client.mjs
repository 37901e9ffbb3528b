// Client overhead: requests per second of the typed client (createEvsClient().POST create
// disks) against a local keep-alive node:http server in a child process, next to raw fetch
// sending the same request (same URL, headers and body bytes; with AK/SK, signed by hand with
// signRequest) and parsing the same JSON answer. With a token, three more rows split the gap:
// fetch(new Request(...)) (what openapi-fetch hands to fetch), a bare openapi-fetch client, and
// one with two no-op middlewares (the typed client always has two). With AK/SK, the peer: the
// official SDK core's own request path (consumer/official.mjs: HcClient, AKSKSigner, axios on
// node:http), sending the same body with the same keys.
//
// Every round runs each variant once, in a rotating order, so load from elsewhere on the
// machine hits all of them alike; a ratio is the median over rounds of (variant / reference in
// the same round), and the official row is compared the same way with the typed client too.
// CPU time per request is this process's user+system time (the server is another process),
// which the machine's other load disturbs far less than wall time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import createClient from "openapi-fetch";
import { createOfficialEvsClient } from "./consumer/official.mjs";
import { buildClient, repoRoot } from "./lib/build.mjs";
import { startServer } from "./lib/child.mjs";
import { median, medianPerRound } from "./lib/stats.mjs";

/** @typedef {import("../generated/evs.js").paths} EvsPaths */

const config = {
  concurrency: Number(process.env.BENCH_CLIENT_CONCURRENCY ?? 16),
  roundMs: Number(process.env.BENCH_CLIENT_ROUND_MS ?? 200),
  rounds: Number(process.env.BENCH_CLIENT_ROUNDS ?? 12),
  // Untimed rounds first, in the same rotation: every variant's CPU per request keeps falling for
  // its first 2–3 s of calls (the official path's from ~800 to ~400 µs here, ours alike), and a
  // single 200 ms warm-up left the first timed rounds of the official path twice as dear.
  warmupRounds: Number(process.env.BENCH_CLIENT_WARMUP_ROUNDS ?? 10),
};

const PROJECT = "0123456789abcdef0123456789abcdef";
const TOKEN = "MIIbench-token-0123456789abcdef0123456789abcdef";
const KEYS = { ak: "AKBENCHAKBENCHAKBENC", sk: "bench-secret-key-0123456789abcdefghijklmn" };
const bundle = JSON.parse(readFileSync(join(repoRoot, "generated/evs.openapi.json"), "utf8"));
const BODY = bundle.components.examples["encrypted-ssd"].value;
const JOB_ID = bundle.components.examples["job-accepted"].value.job_id;

/** @typedef {{ rps: number, cpuUs: number }} Sample  a variant in one round: requests per second, CPU µs per request */

/**
 * Closed loop: `concurrency` callers, each sending its next request when its last one is answered.
 * @param {() => Promise<void>} call
 * @returns {Promise<Sample>}
 */
async function measure(call) {
  let done = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + config.roundMs;
  const caller = async () => {
    while (performance.now() < end) {
      await call();
      done++;
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, caller));
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  return { rps: done / seconds, cpuUs: (user + system) / done };
}

export async function run() {
  const { createEvsClient, signRequest } = /** @type {typeof import("../src/index.js")} */ (
    await import(pathToFileURL(await buildClient()).href)
  );
  const server = await startServer();
  try {
    const url = `${server.baseUrl}/v3/${PROJECT}/cloudvolumes`;
    const utf8 = new TextEncoder();
    const check = (/** @type {{ job_id?: string } | undefined} */ data) => {
      if (data?.job_id !== JOB_ID) throw new Error(`unexpected answer: ${JSON.stringify(data)}`);
    };
    const tokenHeaders = { "Content-Type": "application/json", "X-Auth-Token": TOKEN };
    const tokenClient = createEvsClient({ baseUrl: server.baseUrl, projectId: PROJECT, credentials: { token: TOKEN }, env: {} });
    const akskClient = createEvsClient({ baseUrl: server.baseUrl, projectId: PROJECT, credentials: KEYS, env: {} });
    const officialClient = createOfficialEvsClient({ baseUrl: server.baseUrl, ...KEYS, projectId: PROJECT });
    /** @type {import("openapi-fetch").Client<EvsPaths>} */
    const bare = createClient({ baseUrl: server.baseUrl, headers: { "X-Auth-Token": TOKEN } });
    // The typed client always has two middlewares: an onRequest (the path check, X-Project-Id) and
    // an onResponse (it records each request for its errors).
    /** @type {import("openapi-fetch").Client<EvsPaths>} */
    const bareWithMiddleware = createClient({ baseUrl: server.baseUrl, headers: { "X-Auth-Token": TOKEN } });
    bareWithMiddleware.use({ onRequest() {} }, { onResponse() {} });
    const json = async (/** @type {Response} */ response) => {
      if (!response.ok) throw new Error(`status ${response.status}`);
      check(await response.json());
    };

    /** @satisfies {Record<string, { label: string, call: () => Promise<void> }>} */
    const variants = {
      rawToken: {
        label: "raw fetch(url, init)",
        call: async () => json(await fetch(url, { method: "POST", headers: tokenHeaders, body: JSON.stringify(BODY) })),
      },
      requestToken: {
        label: "fetch(new Request(url, init))",
        call: async () => json(await fetch(new Request(url, { method: "POST", headers: tokenHeaders, body: JSON.stringify(BODY) }))),
      },
      bareToken: {
        label: "bare openapi-fetch client",
        call: async () =>
          check((await bare.POST("/v3/{project_id}/cloudvolumes", { params: { path: { project_id: PROJECT } }, body: BODY })).data),
      },
      bareMiddlewareToken: {
        label: "bare openapi-fetch client + two no-op middlewares",
        call: async () =>
          check(
            (await bareWithMiddleware.POST("/v3/{project_id}/cloudvolumes", { params: { path: { project_id: PROJECT } }, body: BODY }))
              .data,
          ),
      },
      clientToken: {
        label: "typed client (createEvsClient)",
        call: async () => check((await tokenClient.POST("/v3/{project_id}/cloudvolumes", { body: BODY })).data),
      },
      // What a raw-fetch user writes to send the same signed request the client sends.
      rawAksk: {
        label: "raw fetch(url, init) + signRequest",
        call: async () => {
          const body = utf8.encode(JSON.stringify(BODY));
          const headers = { "Content-Type": "application/json", "X-Project-Id": PROJECT };
          const added = await signRequest({ method: "POST", url, headers, body }, KEYS);
          await json(await fetch(url, { method: "POST", headers: { ...headers, ...added }, body }));
        },
      },
      clientAksk: {
        label: "typed client (createEvsClient)",
        call: async () => check((await akskClient.POST("/v3/{project_id}/cloudvolumes", { body: BODY })).data),
      },
      officialAksk: {
        label: "official SDK core (HcClient, AKSKSigner, axios)",
        call: async () => {
          // HcClient resolves with the parsed body plus the status, and rejects on an error status.
          const data = await officialClient.createVolume(BODY);
          if (data.httpStatusCode !== 200) throw new Error(`status ${data.httpStatusCode}`);
          check(data);
        },
      },
    };
    const names = /** @type {Array<keyof typeof variants>} */ (Object.keys(variants));
    const samples = /** @type {Record<keyof typeof variants, Sample[]>} */ (
      Object.fromEntries(names.map((name) => [name, /** @type {Sample[]} */ ([])]))
    );

    for (const name of names) await variants[name].call(); // each must work before it is timed
    for (let round = -config.warmupRounds; round < config.rounds; round++) {
      const order = names.map(
        (_, i) => /** @type {keyof typeof variants} */ (names[(((i + round) % names.length) + names.length) % names.length]),
      );
      if (round % 2 !== 0) order.reverse();
      for (const name of order) {
        const sample = await measure(variants[name].call);
        if (round >= 0) samples[name].push(sample);
      }
    }

    /**
     * Medians of a variant's rounds; ratios are per round against `reference` (and `versus`).
     * @param {keyof typeof variants} name @param {keyof typeof variants} reference
     * @param {"token" | "AK/SK"} auth @param {keyof typeof variants} [versus]
     */
    const row = (name, reference, auth, versus) => {
      const s = samples[name];
      const r = samples[reference];
      const v = versus && samples[versus];
      return {
        auth,
        name,
        label: variants[name].label,
        reference: name === reference,
        rps: median(s.map((x) => x.rps)),
        cpuUs: median(s.map((x) => x.cpuUs)),
        ratio: medianPerRound(s, r, (x, y) => x.rps / y.rps),
        cpuRatio: medianPerRound(s, r, (x, y) => x.cpuUs / y.cpuUs),
        ...(v && {
          versus,
          versusRatio: medianPerRound(s, v, (x, y) => x.rps / y.rps),
          versusCpuRatio: medianPerRound(s, v, (x, y) => x.cpuUs / y.cpuUs),
        }),
        rpsSamples: s.map((x) => Math.round(x.rps)),
        cpuSamples: s.map((x) => Math.round(x.cpuUs)),
      };
    };
    const rows = [
      row("rawToken", "rawToken", "token"),
      row("requestToken", "rawToken", "token"),
      row("bareToken", "rawToken", "token"),
      row("bareMiddlewareToken", "rawToken", "token"),
      row("clientToken", "rawToken", "token"),
      row("rawAksk", "rawAksk", "AK/SK"),
      row("clientAksk", "rawAksk", "AK/SK"),
      row("officialAksk", "rawAksk", "AK/SK", "clientAksk"),
    ];
    return { config, node: process.versions.node, undici: process.versions.undici, rows };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(/** @type {string} */ (process.argv[1])).href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}

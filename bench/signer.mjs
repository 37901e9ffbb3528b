// Signer: signatures per second of src/signing.ts signRequest next to the official
// AKSKSigner.sign (@huaweicloud/huaweicloud-sdk-core), over the same three requests, each
// signer reading the clock itself as it does in use. One signature at a time (the middleware
// awaits each one). A third row is signRequest on its Web Crypto path (where there is no
// node:crypto, e.g. browsers), loaded with process.getBuiltinModule hidden. A round gives each
// signer many short turns in a rotating order; a ratio is the median over rounds of (signer /
// official in the same round). Before measuring, all must produce the official Authorization
// for every request at a fixed date.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildClient, importWebCryptoSigner, repoRoot } from "./lib/build.mjs";
import { median, medianPerRound } from "./lib/stats.mjs";

/** @typedef {import("../src/signing.js").AkSkCredentials} AkSkCredentials */
/** @typedef {import("@huaweicloud/huaweicloud-sdk-core/auth/ICredential.js").ICredential} ICredential */

const require = createRequire(import.meta.url);
const { AKSKSigner } = /** @type {typeof import("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js")} */ (
  require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js")
);

const config = {
  sliceMs: Number(process.env.BENCH_SIGNER_SLICE_MS ?? 20),
  slices: Number(process.env.BENCH_SIGNER_SLICES ?? 12), // per signer and round
  rounds: Number(process.env.BENCH_SIGNER_ROUNDS ?? 8),
};

const PROJECT = "0123456789abcdef0123456789abcdef";
const KEYS = { ak: "AKBENCHAKBENCHAKBENC", sk: "bench-secret-key-0123456789abcdefghijklmn" };
const TEMP = { ...KEYS, securityToken: `gQpjbi1ub3J0aC00jWw5bW9sbG9j-bench-token-${"x".repeat(200)}` };
const evs = JSON.parse(readFileSync(join(repoRoot, "generated/evs.openapi.json"), "utf8"));
const utf8 = new TextEncoder();

/**
 * @typedef {object} BenchRequest  one request in both signers' input shapes
 * @property {AkSkCredentials} credentials
 * @property {{ method: string, url: string, headers: Record<string, string>, body: Uint8Array | undefined }} ours
 * @property {{ method: string, endpoint: string, headers: Record<string, string>, queryParams: Record<string, string>, data: unknown }} official
 * @property {Pick<ICredential, "getAk" | "getSk">} credential  the official signer's keys: all AKSKSigner.sign asks of them
 */

/**
 * The same request in both signers' input shapes.
 * @param {{ method: string, endpoint: string, path: string, query?: Record<string, string>, headers?: Record<string, string>, data?: unknown, credentials: AkSkCredentials }} options
 * @returns {BenchRequest}
 */
function request({ method, endpoint, path, query = {}, headers = {}, data, credentials }) {
  const search = new URLSearchParams(query).toString();
  return {
    credentials,
    ours: {
      method,
      url: `${endpoint}${path}${search ? `?${search}` : ""}`,
      headers,
      body: data === undefined ? undefined : utf8.encode(JSON.stringify(data)),
    },
    official: { method, endpoint: `${endpoint}${path}`, headers, queryParams: query, data },
    credential: { getAk: () => credentials.ak, getSk: () => credentials.sk },
  };
}

const REQUESTS = [
  request({
    method: "POST",
    endpoint: "https://evs.cn-north-4.myhuaweicloud.com",
    path: `/v3/${PROJECT}/cloudvolumes`,
    headers: { "content-type": "application/json", "X-Project-Id": PROJECT },
    data: evs.components.examples["encrypted-ssd"].value,
    credentials: KEYS,
  }),
  request({
    method: "GET",
    endpoint: "https://evs.cn-north-4.myhuaweicloud.com",
    path: `/v1/${PROJECT}/jobs/${evs.components.examples["job-accepted"].value.job_id}`,
    headers: { "X-Project-Id": PROJECT },
    credentials: KEYS,
  }),
  request({
    method: "POST",
    endpoint: "https://ims.cn-north-4.myhuaweicloud.com",
    path: "/v2/cloudimages/action",
    query: { limit: "10", name: "data disk image" },
    headers: { "content-type": "application/json", "X-Project-Id": PROJECT },
    data: { name: "from-disk", volume_id: "0b549095-4937-4849-8e4c-52aa027d64f7", os_version: "CentOS 7.0 64bit" },
    credentials: TEMP,
  }),
];

/**
 * The official SDK adds X-Security-Token to the headers before signing (BaseCredentials).
 * @param {BenchRequest} r @param {Record<string, string>} [headers]
 * @returns {Record<string, string>} the headers it adds (its declared type is `{}`)
 */
function signOfficial(r, headers = r.official.headers) {
  const extra = r.credentials.securityToken ? { "X-Security-Token": r.credentials.securityToken } : {};
  return AKSKSigner.sign({ ...r.official, headers: { ...headers, ...extra } }, /** @type {ICredential} */ (r.credential));
}

/** @param {typeof import("../src/signing.js").signRequest} signRequest @param {string} label */
async function checkSameSignatures(signRequest, label) {
  const now = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  for (const r of REQUESTS) {
    const ours = await signRequest(r.ours, r.credentials, now);
    const theirs = signOfficial(r, { ...r.official.headers, "X-Sdk-Date": /** @type {string} */ (ours["X-Sdk-Date"]) });
    if (ours.Authorization !== theirs.Authorization) {
      throw new Error(
        `${label} and the official signer disagree on ${r.ours.method} ${r.ours.url}:\n  ${ours.Authorization}\n  ${theirs.Authorization}`,
      );
    }
  }
}

/**
 * Signs the requests in turn for `durationMs`: signatures, wall and CPU time.
 * @param {(r: BenchRequest) => unknown} signOne @param {number} durationMs
 */
async function slice(signOne, durationMs) {
  let done = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + durationMs;
  while (performance.now() < end) {
    for (const r of REQUESTS) await signOne(r);
    done += REQUESTS.length;
  }
  const { user, system } = process.cpuUsage(cpu);
  return { done, ms: performance.now() - start, cpuUs: user + system };
}

/** @typedef {{ perSecond: number, cpuUs: number }} Sample  a signer in one round: signatures per second, CPU µs per signature */

/**
 * One round: `slices` short turns per signer, in a rotating order, so that whatever else the
 * machine does falls on all signers alike; per signer, signatures per second over its turns
 * and CPU microseconds per signature.
 * @template {string} Name
 * @param {Record<Name, { sign: (r: BenchRequest) => unknown }>} signers @param {Name[]} names
 * @param {number} sliceMs @param {number} slices
 * @returns {Promise<Record<Name, Sample>>}
 */
async function round(signers, names, sliceMs, slices) {
  const totals = /** @type {Record<Name, Awaited<ReturnType<typeof slice>>>} */ (
    Object.fromEntries(names.map((name) => [name, { done: 0, ms: 0, cpuUs: 0 }]))
  );
  for (let i = 0; i < slices; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = /** @type {Name} */ (names[(i + k) % names.length]);
      const result = await slice(signers[name].sign, sliceMs);
      for (const key of /** @type {const} */ (["done", "ms", "cpuUs"])) totals[name][key] += result[key];
    }
  }
  return /** @type {Record<Name, Sample>} */ (
    Object.fromEntries(
      names.map((name) => [
        name,
        { perSecond: totals[name].done / (totals[name].ms / 1000), cpuUs: totals[name].cpuUs / totals[name].done },
      ]),
    )
  );
}

export async function run() {
  const { signRequest } = /** @type {typeof import("../src/index.js")} */ (await import(pathToFileURL(await buildClient()).href));
  const webCrypto = await importWebCryptoSigner();
  await checkSameSignatures(signRequest, "signRequest");
  await checkSameSignatures(webCrypto.signRequest, "signRequest (Web Crypto)");
  /** @satisfies {Record<string, { label: string, sign: (r: BenchRequest) => unknown }>} */
  const signers = {
    ours: { label: "signRequest (src/signing.ts)", sign: (r) => signRequest(r.ours, r.credentials) },
    official: { label: "official AKSKSigner.sign", sign: (r) => signOfficial(r) },
    webCrypto: {
      label: "signRequest, Web Crypto path (no node:crypto, e.g. browsers)",
      sign: (r) => webCrypto.signRequest(r.ours, r.credentials),
    },
  };
  const names = /** @type {Array<keyof typeof signers>} */ (Object.keys(signers));
  const samples = /** @type {Record<keyof typeof signers, Sample[]>} */ (
    Object.fromEntries(names.map((name) => [name, /** @type {Sample[]} */ ([])]))
  );
  await round(signers, names, config.sliceMs, config.slices); // warm-up
  for (let i = 0; i < config.rounds; i++) {
    const result = await round(signers, names, config.sliceMs, config.slices);
    for (const name of names) samples[name].push(result[name]);
  }
  const rows = names.map((name) => ({
    name,
    label: signers[name].label,
    perSecond: median(samples[name].map((x) => x.perSecond)),
    cpuUs: median(samples[name].map((x) => x.cpuUs)),
    ratio: medianPerRound(samples[name], samples.official, (x, official) => x.perSecond / official.perSecond),
    cpuRatio: medianPerRound(samples[name], samples.official, (x, official) => official.cpuUs / x.cpuUs),
    samples: samples[name].map((x) => Math.round(x.perSecond)),
  }));
  return { config, requests: REQUESTS.map((r) => `${r.ours.method} ${new URL(r.ours.url).pathname}`), rows };
}

if (import.meta.url === pathToFileURL(/** @type {string} */ (process.argv[1])).href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}

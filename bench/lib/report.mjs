// Renders the results of bench/run.mjs as Markdown: bench/RESULTS.md and stdout.
import { fixed, int } from "./stats.mjs";

/**
 * What each section's script printed (its last line, JSON): what its `run()` returns.
 * @typedef {object} SectionResults
 * @property {Awaited<ReturnType<typeof import("../signer.mjs").run>>} signer
 * @property {ClientResult} client
 * @property {Awaited<ReturnType<typeof import("../footprint.mjs").run>>} footprint
 * @property {Awaited<ReturnType<typeof import("../mock.mjs").run>>} mock
 * @property {Awaited<ReturnType<typeof import("../pipeline.mjs").run>>} pipeline
 */
/** @typedef {Awaited<ReturnType<typeof import("../client.mjs").run>>} ClientResult */
/** @typedef {ClientResult["rows"][number]} ClientRow */
/** @typedef {NonNullable<SectionResults["pipeline"]["rows"][number]["failure"]>} Failure  a command's first failure, in every row with `failed` > 0 */
/**
 * A section as bench/run.mjs ran it.
 * @template T
 * @typedef {{ ok: true, seconds: number, result: T, error?: undefined } | { ok: false, seconds: number, error: string, result?: undefined }} Outcome
 */
/**
 * Every section that ran; `client-node<major>` is the client section again under a second Node.
 * @typedef {{ [K in keyof SectionResults]?: Outcome<SectionResults[K]> } & { [second: `client-node${number}`]: Outcome<ClientResult> }} Results
 */
/**
 * @typedef {object} Environment  the machine and the run (bench/run.mjs)
 * @property {string} date
 * @property {string | undefined} commit
 * @property {boolean} dirty  uncommitted changes
 * @property {string} cpu
 * @property {number} cores
 * @property {number} memoryGiB
 * @property {string} os
 * @property {number} loadStart  load average (1 min) at the start
 * @property {number} loadEnd  and at the end
 * @property {{ node: string, undici?: string | undefined } & Record<string, string | undefined>} versions  Node's, undici's, and the packages' by name
 * @property {number} totalSeconds
 * @property {number} budgetSeconds
 */

const x = (/** @type {number | undefined} */ n, digits = 2) =>
  Number.isFinite(n) ? `${/** @type {number} */ (n).toFixed(digits)}×` : "n/a";
const major = (/** @type {string | undefined} */ version) => String(version).split(".")[0];
const kb = (/** @type {number} */ n) => `${int(n)} B (${(n / 1024).toFixed(1)} KiB)`;

/**
 * The row that matches, of the rows a section's script always writes.
 * @template T @param {readonly T[]} rows @param {(row: T) => boolean} match
 */
const rowWhere = (rows, match) => /** @type {T} */ (rows.find(match));

/**
 * A Markdown table; `align` has one letter per column, l or r.
 * @param {string[]} header @param {string[][]} rows @param {string} align
 */
function table(header, rows, align) {
  const line = (/** @type {string[]} */ cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (align[i] === "r" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

/** @param {string} name @param {Outcome<unknown> | undefined} section */
function failed(name, section) {
  return `## ${name}\n\n**Not measured:** ${section?.error ?? "not run"}\n`;
}

/** The client section run again under another Node (bench/run.mjs "client-node<major>"), if any. @param {Results} results */
function secondClient(results) {
  const name = /** @type {`client-node${number}` | undefined} */ (Object.keys(results).find((key) => /^client-node\d+$/.test(key)));
  if (!name) return undefined;
  const section = /** @type {Outcome<ClientResult>} */ (results[name]);
  return { name, section, result: section.ok ? section.result : undefined };
}

/**
 * "node 20.20.2 and 24.21.0 (…), undici 6.24.1 and 7.29.1 (…)" when the client ran on a second Node.
 * @param {Environment} env @param {ClientResult | undefined} second
 */
function versions(env, second) {
  return Object.entries(env.versions)
    .map(([name, v]) => {
      if (second && (name === "node" || name === "undici")) return `${name} ${v} and ${second[name]}`;
      return `${name} ${v}`;
    })
    .join(", ");
}

/** @param {Environment} env @param {Results} results @returns {string} Markdown */
export function render(env, results) {
  const out = [];
  const r = /** @type {Partial<SectionResults>} */ (
    Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.ok ? v.result : undefined]))
  );
  const second = secondClient(results);
  const c2 = second?.result;
  const noisy = Math.max(env.loadStart, env.loadEnd) > env.cores * 0.5;

  out.push(`# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${env.date}, commit ${env.commit ?? "unknown"}${env.dirty ? " with uncommitted changes" : ""}; ${fixed(env.totalSeconds, 0)} s in all (budget ${env.budgetSeconds} s).

- **Machine:** ${env.cpu}, ${env.cores} cores, ${fixed(env.memoryGiB, 1)} GiB memory, ${env.os}. Load average (1 min): ${fixed(env.loadStart, 2)} at the start, ${fixed(env.loadEnd, 2)} at the end${noisy ? " — **other work was running, so absolute numbers are noisy**; every ratio is measured side by side, interleaved, in the same run" : ""}.
- **Versions:** ${versions(env, c2)}${env.versions.undici ? ` (undici is the fetch inside Node${c2 ? `; Node ${c2.node} ran the client benchmark a second time, everything else ran on Node ${env.versions.node}` : ""})` : ""}.
- **The client** is bundled from \`src/\` with esbuild (bench/lib/build.mjs: one ESM file, openapi-fetch left as an import), not built with \`npm run build:client\`.
- Medians of several runs after a warm-up; a ratio is the median of the per-round ratios. Each benchmark runs in its own process.
`);

  // ---- targets
  const verdict = (/** @type {number | undefined} */ ratio, /** @type {boolean} */ ok) =>
    !Number.isFinite(ratio) ? "not measured" : ok ? "met" : "**missed**";
  /** NaN when not measured. @param {ClientResult | undefined} c @param {ClientRow["auth"]} auth */
  const typedClient = (c, auth) => c?.rows.find((row) => row.auth === auth && row.name.startsWith("client"))?.ratio ?? NaN;
  /** The Node 20 ratio, with the second Node's beside it; met only if every measured one is. @param {ClientRow["auth"]} auth */
  const clientTarget = (auth) => {
    const ratios = [typedClient(r.client, auth), ...(c2 ? [typedClient(c2, auth)] : [])];
    const shown = c2
      ? `${x(ratios[0])} (Node ${major(r.client?.node ?? env.versions.node)}), ${x(ratios[1])} (Node ${major(c2.node)})`
      : x(ratios[0]);
    return [
      `typed client ≥ 0.95 × raw fetch, ${auth}`,
      shown,
      `${verdict(
        Math.min(...ratios),
        ratios.every((v) => v >= 0.95),
      )} — see [why](#why-the-client-misses-095)`,
    ];
  };
  const signer = r.signer?.rows.find((row) => row.name === "ours");
  const gzipRatio = r.footprint ? r.footprint.ours.gzip / r.footprint.official.gzip : NaN;
  out.push(`## Targets

${table(
  ["target", "measured", ""],
  [
    clientTarget("token"),
    clientTarget("AK/SK"),
    [
      "signRequest ≥ 1 × official signer (signatures/s)",
      x(signer?.ratio),
      verdict(signer?.ratio, signer !== undefined && signer.ratio >= 1),
    ],
    ["consumer bundle ≤ 0.1 × official (gzip)", x(gzipRatio, 3), verdict(gzipRatio, gzipRatio <= 0.1)],
  ],
  "lrl",
)}
`);

  // ---- client
  if (r.client) {
    const c = r.client;
    const cells = (/** @type {ClientRow} */ row) => [
      int(row.rps),
      row.reference ? "1" : x(row.ratio),
      int(row.cpuUs),
      row.reference ? "1" : x(row.cpuRatio),
    ];
    const header = (/** @type {string} */ run) => [`${run}: req/s`, "ratio (req/s)", "CPU µs/req", "ratio (CPU)"];
    const name = (/** @type {ClientResult} */ run) => `Node ${major(run.node ?? env.versions.node)}`;
    out.push(`## Client overhead

POST create-disks (the \`encrypted-ssd\` page example) to a keep-alive node:http server in a child process that answers the \`job-accepted\` example; ${c.config.concurrency} requests in flight, ${c.config.rounds} rounds × ${c.config.roundMs} ms per variant, in rotating order, after ${c.config.warmupRounds ?? 1} untimed ${c.config.warmupRounds === 1 ? "round" : "rounds"} (CPU per request keeps falling for a variant's first seconds of calls). Every variant parses the JSON answer and checks its job_id. The official row is the SDK core's own request path (\`bench/consumer/official.mjs\`, the footprint program's service client: ClientBuilder/HcClient, BasicCredentials, AKSKSigner, DefaultHttpClient on axios, which sends through node:http, not fetch), with the same keys and body. CPU is this process's user+system time per request (the server's is not counted).${c2 ? ` The whole benchmark ran twice, one process after the other: under Node ${c.node ?? env.versions.node} (undici ${c.undici ?? env.versions.undici}), then under Node ${c2.node} (undici ${c2.undici}); the server ran on Node ${env.versions.node} both times. A ratio compares variants interleaved in one Node's run; between the two Nodes only the CPU per request and the ratios are comparable, not req/s (the machine's load moves between the runs).` : ""}

${table(
  ["auth", "variant", ...header(name(c)), ...(c2 ? header(name(c2)) : [])],
  c.rows.map((row) => {
    const other = c2?.rows.find((o) => o.name === row.name);
    return [
      row.auth,
      row.reference ? `**${row.label}** (reference)` : row.label,
      ...cells(row),
      ...(c2 ? (other ? cells(other) : ["n/a", "n/a", "n/a", "n/a"]) : []),
    ];
  }),
  c2 ? "llrrrrrrrr" : "llrrrr",
)}
${second && !c2 ? `\n**Not measured under a second Node (${second.name}):** ${second.section.error}\n` : ""}`);
  } else out.push(failed("Client overhead", results.client));

  // ---- signer
  if (r.signer) {
    const s = r.signer;
    out.push(`## Signer

The same ${s.requests.length} requests for every signer, in turn: ${s.requests.map((q) => `\`${q}\``).join(", ")} (the last with a security token and a query). Each signer reads the clock itself, as in use; one signature at a time. ${s.config.rounds} rounds, each giving every signer ${s.config.slices} turns of ${s.config.sliceMs} ms in rotating order. All signers were first checked to give the official signer's Authorization for every request.

${table(
  ["signer", "signatures/s", "ratio (sig/s)", "CPU µs/sig", "ratio (CPU)"],
  s.rows.map((row) => [
    row.name === "official" ? `**${row.label}** (reference)` : row.label,
    int(row.perSecond),
    row.name === "official" ? "1" : x(row.ratio),
    fixed(row.cpuUs, 1),
    row.name === "official" ? "1" : x(row.cpuRatio),
  ]),
  "lrrrr",
)}
`);
  } else out.push(failed("Signer", results.signer));

  // ---- footprint
  if (r.footprint) {
    const f = r.footprint;
    const opts = Object.entries(f.esbuild.options)
      .filter(([k]) => k !== "logLevel")
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(", ");
    const top = (/** @type {SectionResults["footprint"]["ours"]} */ p) => p.top.map((t) => `${t.name} ${int(t.bytes)}`).join(", ");
    out.push(`## Footprint

One consumer program — create two disks with AK/SK, wait for the job — written on this package (\`${f.ours.entry}\`) and on the official SDK core's request path (\`${f.official.entry}\`: BasicCredentials, ClientBuilder/HcClient, AKSKSigner, DefaultHttpClient on axios; a service client written as the generated official SDKs write theirs, importing ClientBuilder and BasicCredentials by path as they do — the core's main entry exports only credentials and regions). Both bundled by esbuild ${f.esbuild.version} with the same options: { ${opts} }; gzip at level 9. Both programs ran once against the local server and reported the disks (${f.ours.ran.length} and ${f.official.ran.length}). Cold import: \`require()\` of the bundle timed inside a fresh \`node\` process (Node's own start-up not included), median of ${f.config.importRuns}, alternating.

${table(
  ["program", "minified", "gzip", "ratio (gzip)", "cold import", "ratio (import)"],
  [
    [`**${f.official.label}** (reference)`, kb(f.official.min), kb(f.official.gzip), "1", `${fixed(f.official.importMs, 1)} ms`, "1"],
    [
      f.ours.label,
      kb(f.ours.min),
      kb(f.ours.gzip),
      x(f.ours.gzip / f.official.gzip, 3),
      `${fixed(f.ours.importMs, 1)} ms`,
      x(f.ours.importMs / f.official.importMs, 3),
    ],
  ],
  "lrrrrr",
)}

Largest parts (minified bytes): official — ${top(f.official)}; this package — ${top(f.ours)}.
`);
  } else out.push(failed("Footprint", results.footprint));

  // ---- mock
  if (r.mock) {
    const m = r.mock;
    const rows = [];
    for (const name of [...new Set(m.rows.map((row) => row.case))]) {
      const prism = rowWhere(m.rows, (row) => row.case === name && row.server === "prism");
      const plain = rowWhere(m.rows, (row) => row.case === name && row.server === "plain");
      rows.push([
        `${prism.label} → ${prism.status}`,
        `**plain node:http, same bytes** (reference)`,
        int(plain.rps),
        "1",
        `${fixed(plain.p50, 2)} ms`,
        `${fixed(plain.p99, 2)} ms`,
      ]);
      rows.push(["", "Prism mock", int(prism.rps), x(prism.rps / plain.rps, 3), `${fixed(prism.p50, 2)} ms`, `${fixed(prism.p99, 2)} ms`]);
    }
    out.push(`## Mock

POST create-disks with a token to Prism (\`startPrism("evs")\`, with --errors as \`npm run mock\` runs it) and to a plain node:http server in another process answering with the very status, headers and body Prism answered — the most this load generator (node:http, keep-alive, in the benchmark's process) can measure here. ${m.config.concurrency} requests in flight; ${m.config.rounds} rounds × ${m.config.roundMs} ms per server, alternating; latencies of all rounds pooled.

${table(["request", "server", "req/s", "ratio (req/s)", "p50", "p99"], rows, "llrrrr")}
`);
  } else out.push(failed("Mock", results.mock));

  // ---- pipeline
  if (r.pipeline) {
    const p = r.pipeline;
    const floor = rowWhere(p.rows, (row) => row.command === "npm run env");
    out.push(`## Pipeline

Wall-clock time of each command on its own. \`npm run bundle\`, \`generate\` and \`docs\` write into a temporary folder (\`-- --out <tmp>\`) so the benchmark never rewrites tracked files; the work is the same. \`npm test\` runs once (it is most of the time budget, and the most sensitive to other load: it starts two Prism mocks and a headless Chromium); the others as often as the budget allowed (up to ${p.config.maxRuns}), median shown.

${table(
  ["command", "seconds", "ratio to npm start-up", "runs", "result"],
  p.rows.map((row) => [
    row === floor ? "**`npm run env`** (reference: npm and Node start-up, no work)" : `\`${row.command}\``,
    fixed(row.seconds, 2),
    row === floor ? "1" : x(row.seconds / floor.seconds, 1),
    String(row.runs),
    row.failed ? `**exit ${/** @type {Failure} */ (row.failure).code}** in ${row.failed} of ${row.runs}` : "ok",
  ]),
  "lrrrl",
)}
${p.rows
  .filter((row) => row.failed)
  .map(
    (row) =>
      `\n<details><summary>\`${row.command}\` output (end)</summary>\n\n\`\`\`\n${/** @type {Failure} */ (row.failure).output.trim()}\n\`\`\`\n</details>\n`,
  )
  .join("")}`);
  } else out.push(failed("Pipeline", results.pipeline));

  out.push(findings(r, c2));
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** Signed difference of CPU per request, "+12" or "−12". @param {ClientRow} a @param {ClientRow} b */
const us = (a, b) => `${a.cpuUs >= b.cpuUs ? "+" : "−"}${int(Math.abs(a.cpuUs - b.cpuUs))}`;
/**
 * A client run's rows by variant. Results saved before a variant existed lack its row: the
 * findings check for those (officialAksk) before they use them.
 * @param {ClientResult} run
 */
const byName = (run) => /** @type {Record<ClientRow["name"], ClientRow>} */ (Object.fromEntries(run.rows.map((row) => [row.name, row])));

/** @param {Partial<SectionResults>} r @param {ClientResult | undefined} c2 */
function findings(r, c2) {
  const parts = ["## Findings\n"];
  const c = r.client;
  if (c) {
    const {
      rawToken: raw,
      requestToken: req,
      bareToken: bare,
      bareMiddlewareToken: bareMw,
      clientToken: client,
      rawAksk: rawA,
      clientAksk: clientA,
    } = byName(c);
    const b = c2 && byName(c2);
    const node2 = c2 ? `Node ${major(c2.node)}` : "";
    const missed2 = b && (b.clientToken.ratio < 0.95 || b.clientAksk.ratio < 0.95);
    const narrower =
      b &&
      b.clientToken.cpuUs - b.rawToken.cpuUs < client.cpuUs - raw.cpuUs &&
      b.clientAksk.cpuUs - b.rawAksk.cpuUs < clientA.cpuUs - rawA.cpuUs;
    parts.push(`### Why the client misses 0.95

Loopback with a server that answers at once is the worst case for a client: nothing but the client's own CPU work limits the rate, so any per-request cost shows in full. The rows above split the gap (CPU per request, from the same run; on a loaded machine differences of a few tens of µs are noise):

- **\`fetch(new Request(url, init))\` alone reaches ${x(req.ratio)}** of \`fetch(url, init)\` (${us(req, raw)} µs). Node ${c.node}'s fetch (undici ${c.undici}) re-wraps the body of a Request it is given in an identity TransformStream (in \`new Request(input)\`) and then tees it for the redirect-follow copy; web streams are costly in Node 20. A CPU profile (\`node --cpu-prof bench/client.mjs\`) shows undici's Request constructor at about twice the share of the raw case, with TransformStream, pipeThrough and makeTransferable under it.
- **A bare openapi-fetch client reaches ${x(bare.ratio)}** (${us(bare, raw)} µs over raw fetch): openapi-fetch always builds a Request and hands it to fetch, so every client built on it pays the line above and more. **With two no-op middlewares, an onRequest and an onResponse, as the typed client has: ${x(bareMw.ratio)}** (${us(bareMw, bare)} µs): openapi-fetch's middleware path (a random id, a frozen options object, more awaits).
- **The typed client reaches ${x(client.ratio)}** (${us(client, bareMw)} µs over openapi-fetch with two no-op middlewares: what its two do — the path check and X-Project-Id, recording the request — the method wrapper that fills {project_id}, and the fetch wrapper that turns network errors into HuaweiCloudNetworkError).
- **With AK/SK: ${x(clientA.ratio)}** against raw fetch + \`signRequest\` (${us(clientA, rawA)} µs; ${us(clientA, client)} µs over the typed client with a token, signing included — inside a request loop a signature costs several times its ${r.signer ? fixed(rowWhere(r.signer.rows, (row) => row.name === "ours").cpuUs, 0) : "~15"} µs in the signer table, as the raw reference shows too). Signing happens in the client's fetch wrapper, after every middleware, where only the Request is at hand; to hash the exact bytes it will send, it reads the body and sends a copy of the Request carrying them — one more Request for fetch to re-wrap (until 9b6ae8c it read a clone, whose tee cost ~70 µs more).
${
  b
    ? `- **On ${node2}** (undici ${c2.undici}): \`fetch(new Request(url, init))\` ${us(b.requestToken, b.rawToken)} µs over raw fetch (${us(req, raw)} µs on Node ${major(c.node)}) — undici 7 still re-wraps the body in an identity TransformStream (the same lines are in Node ${c2.node}'s bundled undici); a bare openapi-fetch client ${us(b.bareToken, b.rawToken)} µs; the typed client ${x(b.clientToken.ratio)} (${us(b.clientToken, b.rawToken)} µs) and with AK/SK ${x(b.clientAksk.ratio)} (${us(b.clientAksk, b.rawAksk)} µs).\n`
    : ""
}
So 0.95 is out of reach for any client that passes a Request to Node 20's fetch${b ? (missed2 ? `, and on ${node2} too${narrower ? ", though the gap is fewer µs there" : ""}` : `; on ${node2} this run's typed client reached it`) : ""}; to get near it, the client would have to call \`fetch(url, init)\` itself with the serialised body (e.g. a \`Request\` subclass for openapi-fetch's \`Request\` option that keeps the init body, and a fetch wrapper that sends \`request.url\` with that body and the final headers) — that is src/client.ts, outside this benchmark's files, and is for its owner to weigh against keeping openapi-fetch's semantics. In absolute terms the typed client costs ${int(client.cpuUs - raw.cpuUs)} µs (token) and ${int(clientA.cpuUs - rawA.cpuUs)} µs (AK/SK) more CPU per request than raw fetch${b ? ` on Node ${major(c.node)}, ${int(b.clientToken.cpuUs - b.rawToken.cpuUs)} µs and ${int(b.clientAksk.cpuUs - b.rawAksk.cpuUs)} µs on ${node2}` : ""}; an EVS call over the internet takes tens of milliseconds, so against the real service that is about 1 % of a call's time or less.
`);
    parts.push(officialFindings(c, c2));
    if (c2) parts.push(nodeFindings(c, c2));
  }
  const s = r.signer;
  if (s) {
    const ours = rowWhere(s.rows, (x) => x.name === "ours");
    const web = rowWhere(s.rows, (x) => x.name === "webCrypto");
    parts.push(`### What was optimised: the signer and its middleware

At commit 8e811bb signRequest used Web Crypto only: 3.6 k signatures/s against the official signer's 66 k/s on this machine (0.055×; 155 µs CPU per signature against 13.4 µs). Timing the pieces on their own showed why: every Web Crypto call in Node is a round trip through the libuv thread pool (~30 µs for a 400-byte digest against ~1.5 µs for \`createHash\`), and each signature made four (two digests, importKey, sign). Since 9d76325 SHA-256 and HMAC come from node:crypto when \`process.getBuiltinModule\` finds it (nothing is imported, so browser bundles see no Node module), with Web Crypto as the fallback, which now caches the imported HMAC key per credentials object; the headers are copied once instead of twice, paths without \`%\` skip \`decodeURIComponent\`, unreserved segments skip \`encodeURIComponent\`, and an empty body uses the constant hash (32d3ccd). Now ${x(ours.ratio)} the official signer (${x(ours.cpuRatio)} by CPU time). The Web Crypto path (browsers) stays at ${x(web.ratio)} in Node; test/client/signing.test.ts checks both paths against the official signer, and this benchmark checks the Web Crypto path again on its three requests each run.

The signing middleware used to hash a \`request.clone()\` of the body; in Node 20 the tee behind it cost about 70 µs of CPU per signed request (measured with the client bench's set-up, 16 in flight). Since 9b6ae8c it reads the body itself and returns a copy of the Request with those bytes (bodiless requests are still signed in place); in paired runs of the two middlewares (same process, alternating) that cut the CPU per signed request by 50–80 µs, about 10 %.
`);
  }
  const f = r.footprint;
  if (f) {
    parts.push(`### Footprint

The official request path pulls in axios (with form-data and mime-db's ${int(f.official.top.find((t) => t.name === "mime-db")?.bytes ?? 0)}-byte table), lodash, moment and log4js for one signed POST and a GET; this package's program is openapi-fetch plus src/. Cold import is ${x(f.official.importMs / f.ours.importMs, 0)} faster.
`);
  }
  const m = r.mock;
  if (m) {
    /** @param {string} k @param {"prism" | "plain"} s */
    const get = (k, s) => rowWhere(m.rows, (row) => row.case === k && row.server === s);
    parts.push(`### Mock

Prism serves ${x(get("valid", "prism").rps / get("valid", "plain").rps, 3)} of the plain server's rate for a valid request and ${x(get("invalid", "prism").rps / get("invalid", "plain").rps, 3)} for an invalid one: validating the request, then picking and checking an example response (\`--errors\`) costs milliseconds per request; an invalid request is answered ${get("invalid", "prism").rps > get("valid", "prism").rps ? "faster" : "no faster"} than a valid one (${int(get("invalid", "prism").rps)} against ${int(get("valid", "prism").rps)} req/s)${get("invalid", "prism").rps > get("valid", "prism").rps ? ": Prism stops at the first violation and answers with a short error body" : ""}. Plenty for tests and local development; not a load-test target.
`);
  }
  return parts.join("\n");
}

/**
 * The official SDK core's request path against the typed client, on each Node it ran on.
 * @param {...(ClientResult | undefined)} runs
 */
function officialFindings(...runs) {
  const measured = runs.filter((run) => run !== undefined).map((run) => ({ node: major(run.node), ...byName(run) }));
  if (!measured.every((run) => run.officialAksk?.versus)) return ""; // results from before the official row
  const verdict = (/** @type {number} */ cpuRatio) =>
    cpuRatio > 1.1
      ? "the typed client is the cheaper"
      : cpuRatio < 0.9
        ? "the official path is the cheaper"
        : "the two are on par (within 10 %)";
  // Every run has the official row and its comparison with the typed client (checked above).
  const per = measured.map(
    ({ node, officialAksk: o, clientAksk: ours }) =>
      `on Node ${node} the official path spends ${x(o.versusCpuRatio)} the typed client's CPU per request (${int(o.cpuUs)} against ${int(ours.cpuUs)} µs) and serves ${x(o.versusRatio)} its req/s: ${verdict(/** @type {number} */ (o.versusCpuRatio))}`,
  );
  return `### The official SDK core's request path

Same server, body and keys, interleaved in the same rounds as the other AK/SK rows; per round against the typed client with AK/SK, ${per.join("; ")}. On raw fetch + \`signRequest\`'s scale the official path reaches ${measured.map(({ node, officialAksk: o }) => `${x(o.ratio)} on Node ${node}`).join(" and ")}.

Where the time goes, from CPU profiles of each path alone (16 in flight, 4 s of calls first, then 3 s sampled, on Node 20 and 24): the official path spends 15–26 % of its samples in axios (each request's config and headers, its Node adapter), 10–14 % in follow-redirects (axios's Node adapter sends every request through it, with nothing to follow), 11–12 % in the SDK core (its request builders and AKSKSigner), ~2 % in moment (the X-Sdk-Date) and 26–32 % in node:http's socket writes; the typed client's path spends 55–65 % in undici's fetch itself, 6–12 % in src/ and 2–4 % in openapi-fetch; garbage collection takes 7–17 % of both. So the official path's own layers cost more than the typed client's, but it sends through node:http, which costs less per request than Node 20's fetch; the fetch in Node 24 is much cheaper (next section). Either way a signed request costs a fraction of a millisecond of CPU, against tens of milliseconds for a call to the real service. On this loaded machine that ratio moves from run to run: in four earlier runs while this row was written (three of bench/client.mjs alone, one whole \`npm run bench\` before 98451dd reshaped the client's middlewares), official against typed client by CPU was 0.75–1.10× on Node 20 and 1.36–1.56× on Node 24 — on Node 20 the official path is on par or ahead; on Node 24 the typed client was ahead every time.
`;
}

/** What changed between the machine's Node and the second Node, variant by variant. @param {ClientResult} c @param {ClientResult} c2 */
function nodeFindings(c, c2) {
  const first = byName(c);
  const changes = c2.rows
    .filter((row) => first[row.name])
    .map((row) => ({ row, before: first[row.name].cpuUs, change: row.cpuUs / first[row.name].cpuUs - 1 }));
  /** @typedef {(typeof changes)[number]} Change */
  const pct = (/** @type {Change} */ d) => `${d.change < 0 ? "−" : "+"}${Math.round(Math.abs(d.change) * 100)} %`;
  const show = (/** @type {Change} */ d) =>
    `${d.row.name === "clientAksk" ? `${d.row.label} with AK/SK` : d.row.label} ${int(d.before)} → ${int(d.row.cpuUs)} µs (${pct(d)})`;
  const onFetch = changes.filter((d) => d.row.name !== "officialAksk").sort((a, b) => a.change - b.change);
  // The variants on fetch are most of the rows: these two are there.
  const lowest = /** @type {Change} */ (onFetch[0]);
  const highest = /** @type {Change} */ (onFetch.at(-1));
  const official = changes.find((d) => d.row.name === "officialAksk");
  const named = (/** @type {string[]} */ names) =>
    onFetch
      .filter((d) => names.includes(d.row.name))
      .map(show)
      .join("; ");
  const allLower = onFetch.every((d) => d.change < 0);
  return `### Node ${major(c2.node)} against Node ${major(c.node)}

The variants that send through fetch used ${allLower ? `${Math.round(-highest.change * 100)} to ${Math.round(-lowest.change * 100)} % less` : `between ${pct(lowest)} and ${pct(highest)} (not all less)`} CPU per request under Node ${c2.node} (undici ${c2.undici}) than under Node ${c.node} (undici ${c.undici}): ${named(["rawToken", "clientToken", "rawAksk", "clientAksk"])}.${official ? ` The official path, on axios and node:http, went ${official.row.cpuUs < official.before ? "down" : "up"} by ${pct(official).slice(1)} (${int(official.before)} → ${int(official.row.cpuUs)} µs): the saving is in Node's fetch (undici and the web streams under it), not in its HTTP stack as a whole.` : ""} The code measured is the same in both runs; only the Node running it changed. The two runs came one after the other, not interleaved, and the machine's load changed between them: compare the CPU columns and the ratios, not req/s.
`;
}

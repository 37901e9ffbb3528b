// Footprint: one small consumer program (create disks with AK/SK, wait for the job), written
// twice — on this package (consumer/ours.ts, from src/) and on the official SDK core's request
// path (consumer/official.mjs: BasicCredentials + ClientBuilder/HcClient + AKSKSigner +
// DefaultHttpClient on axios) — each bundled by esbuild with the same options
// (lib/build.mjs FOOTPRINT_OPTIONS). Sizes: minified bytes, and gzip -9 of them. Cold import:
// a fresh `node` per sample times require() of the bundle (the program does nothing unless
// BENCH_BASE_URL is set); runs alternate between the two bundles. Each bundle is also run once
// against the local server, so both are known to work.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { benchDir, buildConsumer, FOOTPRINT_OPTIONS, repoRoot } from "./lib/build.mjs";
import { startServer } from "./lib/child.mjs";
import { median } from "./lib/stats.mjs";

const run_ = promisify(execFile);
const config = { importRuns: Number(process.env.BENCH_IMPORT_RUNS ?? 11) };
const ENV = { BENCH_AK: "AKBENCHAKBENCHAKBENC", BENCH_SK: "bench-secret", BENCH_PROJECT: "0123456789abcdef0123456789abcdef" };

/**
 * The biggest contributors to a bundle, by package (or file, for this repository's own code).
 * @param {import("esbuild").Metafile} metafile @param {string} outfile
 */
function contributors(metafile, outfile) {
  const output = /** @type {import("esbuild").Metafile["outputs"][string]} */ (
    Object.entries(metafile.outputs).find(([path]) => outfile.endsWith(path))?.[1] ?? Object.values(metafile.outputs)[0] // one build, one output
  );
  const sums = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = match ? /** @type {string} */ (match[1]) : path;
    sums.set(key, (sums.get(key) ?? 0) + bytesInOutput);
  }
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => ({ name, bytes }));
}

/** @param {string} outfile */
async function importMs(outfile) {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(outfile)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const { stdout } = await run_(process.execPath, ["-e", script], { env: { PATH: process.env.PATH } });
  return Number(stdout);
}

/**
 * @typedef {object} Program  a consumer program, bundled, and what was measured of it
 * @property {string} name
 * @property {string} label
 * @property {string} entry  its source
 * @property {string} outfile  its bundle
 * @property {number} min  the bundle's size in bytes
 * @property {number} gzip  the bundle's size after gzip -9
 * @property {ReturnType<typeof contributors>} top
 * @property {number[]} importMs  cold-import times, one per run
 * @property {string[]} ran  the disk IDs it reported against the local server, once it has run
 */

export async function run() {
  const sources = [
    { name: "ours", label: "this package (src/, openapi-fetch)", entry: join(benchDir, "consumer/ours.ts") },
    { name: "official", label: "official SDK core 3.1.211 request path", entry: join(benchDir, "consumer/official.mjs") },
  ];
  /** @type {Program[]} */
  const programs = [];
  for (const p of sources) {
    const { outfile, metafile } = await buildConsumer(p.entry, `consumer-${p.name}`);
    const bytes = readFileSync(outfile);
    programs.push({
      ...p,
      outfile,
      min: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      top: contributors(metafile, outfile),
      importMs: [],
      ran: [],
    });
  }

  const server = await startServer();
  try {
    for (const p of programs) {
      const { stdout } = await run_(process.execPath, [p.outfile], { env: { ...process.env, ...ENV, BENCH_BASE_URL: server.baseUrl } });
      p.ran = JSON.parse(stdout);
      if (!Array.isArray(p.ran) || p.ran.length === 0) throw new Error(`${p.name}: the program did not report any disk: ${stdout}`);
    }
  } finally {
    await server.stop();
  }

  for (const p of programs) await importMs(p.outfile); // warm the file cache
  for (let i = 0; i < config.importRuns; i++) {
    for (const p of i % 2 === 0 ? programs : [...programs].reverse()) p.importMs.push(await importMs(p.outfile));
  }
  const [ours, official] = /** @type {[Program, Program]} */ (programs); // one per source
  const summary = (/** @type {Program} */ p) => ({
    label: p.label,
    entry: relative(repoRoot, p.entry),
    min: p.min,
    gzip: p.gzip,
    importMs: median(p.importMs),
    importSamples: p.importMs.map((v) => Math.round(v * 100) / 100),
    top: p.top,
    ran: p.ran,
  });
  return {
    config,
    esbuild: { version: (await import("esbuild")).version, options: { ...FOOTPRINT_OPTIONS } },
    ours: summary(ours),
    official: summary(official),
  };
}

if (import.meta.url === pathToFileURL(/** @type {string} */ (process.argv[1])).href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}

#!/usr/bin/env node
// `npm run bench`: every benchmark, each in its own Node process, one after the other, then one
// table per benchmark in bench/RESULTS.md and on stdout. Every row is a ratio against a
// reference measured in the same run. Kept out of `npm test`.
//
//   node bench/run.mjs                  everything; writes bench/RESULTS.md
//   node bench/run.mjs signer client    only these (stdout only)
//   node bench/run.mjs --render         bench/RESULTS.md again from the last full run's numbers
//                                       (bench/.out/results.json), after a change to the report
//
// Sections: signer, client, client-node24, footprint, mock, pipeline (in that order; pipeline runs
// `npm test` once and the quick build steps again while the time budget, BENCH_BUDGET_S = 240 s,
// allows). client-node24 is bench/client.mjs again under Node 24 (lib/node.mjs installs it into
// bench/.out/ on the first run); every other section, and the local server of both client runs,
// runs on the Node that runs this script.
//
// The budget was 170 s; it grew by 70 s with the client section, which now runs twice (~40 s
// each: 8 variants, each warmed for 2 s before it is timed). It decides only how often the quick
// steps repeat: `npm test` runs once whatever it costs, and on the shared 2-core machine it alone
// has taken 48–184 s depending on the load, so a run on a busy machine overshoots it.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { benchDir, outDir, repoRoot } from "./lib/build.mjs";
import { nodeBinary, SECOND_NODE } from "./lib/node.mjs";
import { render } from "./lib/report.mjs";

/** @template T @typedef {import("./lib/report.mjs").Outcome<T>} Outcome */

/**
 * Section name -> the script it runs and, if not this process's, the Node version to run it on.
 * @type {Record<string, { script: string, node?: string }>}
 */
const SCRIPTS = {
  signer: { script: "signer" },
  client: { script: "client" },
  [`client-node${SECOND_NODE.split(".")[0]}`]: { script: "client", node: SECOND_NODE },
  footprint: { script: "footprint" },
  mock: { script: "mock" },
  pipeline: { script: "pipeline" },
};
const SECTIONS = Object.keys(SCRIPTS);
const saved = join(outDir, "results.json");
if (process.argv[2] === "--render") {
  const { environment, results } = JSON.parse(readFileSync(saved, "utf8"));
  const markdown = render(environment, results);
  writeFileSync(join(benchDir, "RESULTS.md"), markdown);
  process.stdout.write(markdown);
  process.exit(0);
}
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!SECTIONS.includes(name)) {
    console.error(`bench: no section "${name}" (sections: ${SECTIONS.join(", ")})`);
    process.exit(2);
  }
}
const sections = wanted.length ? SECTIONS.filter((name) => wanted.includes(name)) : SECTIONS;
const started = Date.now();
const budgetS = Number(process.env.BENCH_BUDGET_S ?? 240);
const deadline = started + budgetS * 1000;

/**
 * Runs a section's bench/<script>.mjs in a fresh process; its last stdout line is the JSON result.
 * @param {string} name one of SECTIONS
 * @returns {Promise<Outcome<unknown>>}
 */
async function section(name) {
  const { script, node } = /** @type {(typeof SCRIPTS)[string]} */ (SCRIPTS[name]);
  const t = performance.now();
  let execPath = process.execPath;
  if (node) {
    try {
      execPath = await nodeBinary(node);
    } catch (error) {
      return { ok: false, seconds: (performance.now() - t) / 1000, error: /** @type {Error} */ (error).message };
    }
  }
  return new Promise((resolve) => {
    const child = spawn(execPath, [join(benchDir, `${script}.mjs`)], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, BENCH_DEADLINE: String(deadline), BENCH_SERVER_NODE: process.execPath },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("exit", (code, signal) => {
      const seconds = (performance.now() - t) / 1000;
      const line = stdout.trim().split("\n").at(-1) ?? "";
      if (code === 0) {
        try {
          return resolve({ ok: true, seconds, result: JSON.parse(line) });
        } catch {}
      }
      resolve({ ok: false, seconds, error: `exited with ${code ?? signal}${line ? `: ${line.slice(0, 500)}` : ""}` });
    });
  });
}

/** @param {string} name @param {string} [from] @returns {string} */
function packageVersion(name, from = repoRoot) {
  try {
    return JSON.parse(readFileSync(join(from, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return "not installed";
  }
}

/** @param {...string} args */
function git(...args) {
  try {
    return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

const cpus = os.cpus();
const atStart = {
  date: new Date(started).toISOString().replace(/\.\d{3}Z$/, "Z"),
  commit: git("rev-parse", "--short", "HEAD"),
  dirty: (git("status", "--porcelain", "--untracked-files=no") ?? "") !== "",
  cpu: cpus[0]?.model ?? "unknown",
  cores: cpus.length,
  memoryGiB: os.totalmem() / 2 ** 30,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  loadStart: /** @type {number} */ (os.loadavg()[0]),
  versions: {
    node: process.versions.node,
    undici: process.versions.undici,
    "openapi-fetch": packageVersion("openapi-fetch"),
    "@huaweicloud/huaweicloud-sdk-core": packageVersion("@huaweicloud/huaweicloud-sdk-core"),
    axios: packageVersion("axios"),
    esbuild: packageVersion("esbuild"),
    "@stoplight/prism-cli": packageVersion("@stoplight/prism-cli"),
    "@redocly/cli": packageVersion("@redocly/cli"),
    "openapi-typescript": packageVersion("openapi-typescript"),
    typescript: packageVersion("typescript"),
    vitest: packageVersion("vitest"),
  },
};

/** @type {Record<string, Outcome<unknown>>} */
const results = {};
for (const name of sections) {
  process.stderr.write(`bench: ${name}...`);
  const outcome = await section(name);
  results[name] = outcome;
  process.stderr.write(` ${outcome.ok ? "done" : "FAILED"} (${outcome.seconds.toFixed(1)} s)\n`);
  if (!outcome.ok) process.stderr.write(`bench: ${name}: ${outcome.error}\n`);
}
/** @type {import("./lib/report.mjs").Environment} */
const environment = {
  ...atStart,
  loadEnd: /** @type {number} */ (os.loadavg()[0]),
  totalSeconds: (Date.now() - started) / 1000,
  budgetSeconds: budgetS,
};

// Each section's result is what its script printed: the types say what each script returns.
const markdown = render(environment, /** @type {import("./lib/report.mjs").Results} */ (results));
process.stdout.write(markdown);
if (!wanted.length) {
  writeFileSync(join(benchDir, "RESULTS.md"), markdown);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(saved, `${JSON.stringify({ environment, results })}\n`);
  process.stderr.write(`bench: wrote bench/RESULTS.md (${environment.totalSeconds.toFixed(0)} s in all)\n`);
}
process.exitCode = Object.values(results).every((r) => r.ok) ? 0 : 1;

// Pipeline: wall-clock seconds of the project's own scripts, each run on its own (nothing else
// of the benchmark runs meanwhile), next to `npm run env` (npm and Node start-up, no work). bundle, generate and docs write into a temporary folder
// (`-- --out`), so a benchmark run never rewrites tracked files; the work is the same.
// `npm test` runs once (it is most of the time budget); the four quick steps run once, then
// again while the time budget (BENCH_DEADLINE, epoch ms, set by run.mjs) leaves room, and
// report the median of their runs.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/build.mjs";
import { median } from "./lib/stats.mjs";

const config = {
  maxRuns: Number(process.env.BENCH_PIPELINE_RUNS ?? 3),
  deadline: Number(process.env.BENCH_DEADLINE ?? Infinity),
  test: process.env.BENCH_SKIP_TEST !== "1",
};

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * Runs a command; resolves with its wall time in seconds, its exit code and its output's tail.
 * @param {string[]} args npm's arguments
 * @returns {Promise<{ seconds: number, code: number | NodeJS.Signals | null, output: string }>}
 */
function timed(args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(npm, args, {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", CI: "1" },
    });
    let output = "";
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ seconds: (performance.now() - start) / 1000, code: code ?? signal, output }));
  });
}

export async function run() {
  const scratch = mkdtempSync(join(tmpdir(), "bench-pipeline-"));
  /** @type {Array<{ name: string, command: string, args: (run: number) => string[] }>} */
  const steps = [
    // The reference: npm and Node starting and doing nothing (a built-in npm script).
    { name: "floor", command: "npm run env", args: () => ["run", "env"] },
    { name: "lint", command: "npm run lint", args: () => ["run", "lint"] },
    { name: "bundle", command: "npm run bundle", args: (i) => ["run", "bundle", "--", "--out", join(scratch, `bundle-${i}`)] },
    { name: "generate", command: "npm run generate", args: (i) => ["run", "generate", "--", "--out", join(scratch, `types-${i}`)] },
    { name: "docs", command: "npm run docs", args: (i) => ["run", "docs", "--", "--out", join(scratch, `docs-${i}`)] },
  ];
  /** @typedef {{ command: string, seconds: number[], failures: Array<{ code: number | NodeJS.Signals | null, output: string }> }} Runs */
  /** @type {Record<string, Runs>} */
  const results = Object.fromEntries(steps.map((s) => [s.name, { command: s.command, seconds: [], failures: [] }]));
  /** A step's runs: every step has its entry. */
  const runsOf = (/** @type {string} */ name) => /** @type {Runs} */ (results[name]);
  /** @param {(typeof steps)[number]} step @param {number} i */
  const once = async (step, i) => {
    const { seconds, code, output } = await timed(step.args(i));
    runsOf(step.name).seconds.push(seconds);
    if (code !== 0) runsOf(step.name).failures.push({ code, output: output.slice(-1500) });
  };
  try {
    for (const step of steps) await once(step, 0);
    let test;
    if (config.test) {
      const { seconds, code, output } = await timed(["test"]);
      test = { command: "npm test", seconds: [seconds], failures: code === 0 ? [] : [{ code, output: output.slice(-1500) }] };
    }
    // More runs of the quick steps while they fit before the deadline (with a 10 s margin).
    const pass = () => steps.reduce((sum, s) => sum + Math.max(...runsOf(s.name).seconds), 0);
    for (let i = 1; i < config.maxRuns && Date.now() + pass() * 1000 + 10_000 < config.deadline; i++) {
      for (const step of steps) await once(step, i);
    }
    const rows = [...steps.map((s) => runsOf(s.name)), ...(test ? [test] : [])].map((r) => ({
      command: r.command,
      seconds: median(r.seconds),
      runs: r.seconds.length,
      samples: r.seconds.map((s) => Math.round(s * 100) / 100),
      failed: r.failures.length,
      failure: r.failures[0],
    }));
    return { config: { maxRuns: config.maxRuns, test: config.test }, rows };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(/** @type {string} */ (process.argv[1])).href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}

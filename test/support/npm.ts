// npm as a consumer runs it, for the package test: installing into a scratch
// project from the local npm cache where it can (--prefer-offline: what
// `npm ci` left there is used without asking the registry), and, when the
// registry is needed and is slow or unreachable, failing with an error that
// says so and names the request, rather than a bare exit code or a test
// that runs into its timeout.
import { spawn } from "node:child_process";

export const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Quiet npm that audits nothing and never touches this repository's lock file. */
export const npmEnv = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

/** What a registry that cannot be reached fails with. */
const unreachable = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * `npm install --prefer-offline <args>` in `cwd`. Each request to the
 * registry may take `fetchTimeoutMs` (npm's own limit, once retried); the
 * whole install `deadlineMs`, after which it is stopped and reported as slow
 * (both far above what an install from the cache takes: they bound a stuck
 * registry, they do not time the install). `registry` points npm at another
 * registry (the tests of this helper use one that is down).
 */
export async function npmInstall(
  cwd: string,
  args: string[],
  options: { fetchTimeoutMs?: number; retries?: number; deadlineMs?: number; registry?: string } = {},
): Promise<void> {
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 60_000;
  const deadlineMs = options.deadlineMs ?? 240_000;
  const env: Record<string, string | undefined> = {
    ...npmEnv,
    npm_config_fetch_timeout: String(fetchTimeoutMs),
    npm_config_fetch_retries: String(options.retries ?? 1),
  };
  if (options.registry) env.npm_config_registry = options.registry;
  // --loglevel http: npm prints each request as it ends, which is what names a failure's cause.
  const child = spawn(npm, ["install", "--prefer-offline", "--no-package-lock", "--ignore-scripts", "--loglevel", "http", ...args], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let overran = false;
  const deadline = setTimeout(() => {
    overran = true;
    child.kill("SIGTERM");
  }, deadlineMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  }).finally(() => clearTimeout(deadline));
  if (code === 0 && !overran) return;
  throw new Error(explainFailure(output, { overran, deadlineMs, fetchTimeoutMs }));
}

/** The first line says why the install failed; the last of npm's own lines follow. */
function explainFailure(output: string, run: { overran: boolean; deadlineMs: number; fetchTimeoutMs: number }): string {
  const tail = output
    .split("\n")
    .filter((line) => line.trim())
    .slice(-25)
    .join("\n");
  const fromCache = "a package not in the local npm cache has to come from it";
  if (run.overran) {
    // e.g. "npm http fetch GET 200 https://registry.npmjs.org/vite 1379ms (cache miss)"
    const last = [...output.matchAll(/^npm http fetch (\w+ \d+ \S+ \d+ms.*)$/gm)].at(-1)?.[1];
    return `npm install did not finish within ${run.deadlineMs} ms: the npm registry is slow (${fromCache}; the last request that ended: ${last ?? "none"})\n${tail}`;
  }
  // e.g. "npm http fetch GET http://127.0.0.1:9/x attempt 1 failed with ECONNREFUSED"
  const failed = [...output.matchAll(/^npm http fetch (\w+ \S+) attempt \d+ failed with (\S+)/gm)].at(-1);
  const code = /^npm error code (\S+)/m.exec(output)?.[1];
  const request = failed?.[1] ?? /network timeout at: (\S+)/.exec(output)?.[1];
  const cause = failed?.[2] ?? code;
  if (/network timeout at: /.test(output) || cause === "ETIMEDOUT" || cause === "ERR_SOCKET_TIMEOUT") {
    return `npm install failed: the npm registry did not answer ${request ?? "a request"} within ${run.fetchTimeoutMs} ms (${fromCache})\n${tail}`;
  }
  if (cause && unreachable.has(cause)) {
    return `npm install failed: the npm registry is unreachable (${request ? `${request}: ` : ""}${cause}; ${fromCache})\n${tail}`;
  }
  return `npm install failed${code ? ` (npm error code ${code})` : ""}\n${tail}`;
}

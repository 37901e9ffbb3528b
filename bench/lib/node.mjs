// Another Node line for the benchmarks: the npm registry's `node` package ships the binaries, so
// `npm install node@<version>` into bench/.out/ (ignored by git) gets one; later runs reuse it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { outDir } from "./build.mjs";

const run = promisify(execFile);

/** The client section runs under this Node as well as under the machine's own. */
export const SECOND_NODE = "24.21.0";

/**
 * Path of a `node` binary of exactly `version`, installed into bench/.out/node-<version>/ if missing.
 * @param {string} version
 */
export async function nodeBinary(version) {
  const prefix = join(outDir, `node-${version}`);
  const binary = join(prefix, "node_modules/node/bin/node");
  if (!existsSync(binary)) {
    try {
      await run("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", `node@${version}`], {
        timeout: 180_000,
      });
    } catch (caught) {
      const error = /** @type {Error & { stderr?: string }} */ (caught);
      throw new Error(
        `npm install node@${version} failed: ${String(error.stderr || error.message)
          .trim()
          .split("\n")
          .at(-1)}`,
      );
    }
  }
  const { stdout } = await run(binary, ["--version"]);
  if (stdout.trim() !== `v${version}`) throw new Error(`${binary} is ${stdout.trim()}, not v${version}`);
  return binary;
}

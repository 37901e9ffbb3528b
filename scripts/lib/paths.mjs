// Where things are, for every script and test: the repository root, the
// bundle of each service, and the one way the build scripts read a folder
// option.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** @typedef {import("./services.mjs").Service} Service */

/** The repository root (no trailing slash). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The bundle of a service, as `npm run bundle` writes it: generated/<service>.openapi.json,
 * or <folder>/<service>.openapi.json (the staleness checks bundle into a temporary folder).
 * @param {Service} service
 */
export function bundlePath(service, folder = join(repoRoot, "generated")) {
  return join(folder, `${service}.openapi.json`);
}

/**
 * The folder given as `<name> <dir>` on the command line, resolved, or
 * `fallback` when the option is absent. An option with no value (or another
 * option where the value should be) prints `usage` and exits 2.
 * @param {string} name e.g. "--out"
 * @param {string} fallback
 * @param {string} usage the script's usage line
 * @param {string[]} [argv]
 */
export function folderOption(name, fallback, usage, argv = process.argv.slice(2)) {
  const at = argv.indexOf(name);
  if (at === -1) return fallback;
  const value = argv[at + 1];
  if (!value || value.startsWith("--")) {
    console.error(`${name} needs a folder\nusage: ${usage}`);
    process.exit(2);
  }
  return resolve(value);
}

// Where things are, for every script: the repository root, and the one way
// the build scripts read a folder option.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (no trailing slash). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

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

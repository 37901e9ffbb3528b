#!/usr/bin/env node
// `npm run mock`: the package's mock command (`huaweicloud-evs-ims-mock`,
// src/mock/command.mjs) run from the repository: both bundled descriptions
// served with Prism on 127.0.0.1, EVS on $EVS_MOCK_PORT (default 4010) and IMS
// on $IMS_MOCK_PORT (default 4011; 0 lets the OS choose, and the URL printed is
// the real one), in the foreground, until Ctrl-C or SIGTERM.
//
// What only the repository has: it refuses to start when generated/ is stale
// (spec/ changed without `npm run bundle`), rather than bundling itself:
// generated/ is committed and checked by a test, and a mock should not
// rewrite tracked files behind the user's back. So what it serves is always
// what spec/ says. (A check that passed is remembered in node_modules/.cache
// until spec/ or generated/ change.)
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runMockCommand } from "../src/mock/command.mjs";
import { bundlePath, repoRoot } from "./lib/paths.mjs";
import { services } from "./lib/services.mjs";

/** @typedef {import("./lib/services.mjs").Service} Service */
/** @typedef {import("../src/mock/command.mjs").ProcessControl} ProcessControl */

/** @type {Promise<never>} */
const never = new Promise(() => {});

/**
 * The bundles that spec/ gives now, compared with generated/. Runs the
 * bundler as a child process (not synchronously), so a signal meanwhile
 * stops it and removes its temporary folder. The bundler has a process group
 * of its own: a Ctrl-C reaches this process only, which stops the bundler, so
 * a bundler that ends without being asked to is a real failure.
 * @param {ProcessControl} control
 * @returns {Promise<Service[]>}
 */
async function staleBundles(control) {
  const fresh = mkdtempSync(join(tmpdir(), "mock-bundle-"));
  const child = spawn(process.execPath, [join(repoRoot, "scripts/bundle.mjs"), "--out", fresh], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  /** @type {Promise<number | null>} */
  const closed = new Promise((resolveClose) => child.once("close", (code) => resolveClose(code)));
  const untrack = control.track(async () => {
    // The whole group: the bundler and the Redocly it runs, which would otherwise write on.
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // the group ended meanwhile
      }
    }
    await closed;
    rmSync(fresh, { recursive: true, force: true });
  });
  let output = "";
  child.stdout.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  child.stderr.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  const spawnError = new Promise((resolveError) => child.once("error", resolveError));
  const code = await Promise.race([closed, spawnError.then(() => -1)]);
  if (control.stopping()) return never; // the tracked clean-up removes the folder
  untrack();
  try {
    if (code !== 0)
      return control.fail(
        `spec/ does not bundle, so there is nothing valid to serve:\n${output || `${child.signalCode ?? `exit code ${code}`}`}`,
      );
    return services.filter((service) => readOrNull(bundlePath(service)) !== readOrNull(bundlePath(service, fresh)));
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

/** @param {string} file */
function readOrNull(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

// Bundling takes a second or two, so a check that passed is remembered, keyed
// by a hash of everything the bundles depend on (spec/, the bundler and its
// configuration and version) and of generated/ itself: any change to any of
// them means a new check.
const cacheDir = join(repoRoot, "node_modules/.cache/huaweicloud-mock");

function checkKey() {
  const hash = createHash("sha256");
  const specFiles = readdirSync(join(repoRoot, "spec"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .sort();
  const files = [
    ...specFiles,
    "redocly.yaml",
    "scripts/bundle.mjs",
    "scripts/lib/paths.mjs",
    "scripts/lib/redocly.mjs",
    "scripts/lib/services.mjs",
    "node_modules/@redocly/cli/package.json",
    "node_modules/@redocly/openapi-core/package.json",
    ...services.map((service) => relative(repoRoot, bundlePath(service))),
  ];
  for (const file of files) hash.update(`${file}\0${readOrNull(join(repoRoot, file)) ?? "(missing)"}\0`);
  return hash.digest("hex");
}

/**
 * Refuses to go on when generated/ is not what spec/ bundles to now.
 * @param {ProcessControl} control
 */
async function checkGenerated(control) {
  const key = checkKey();
  if (existsSync(join(cacheDir, key))) return;
  console.log("mock: checking that generated/ is what spec/ bundles to (once per change)");
  const stale = await staleBundles(control);
  if (stale.length > 0) {
    await control.fail(
      `${stale.map((s) => `generated/${s}.openapi.json`).join(" and ")} ${stale.length > 1 ? "are" : "is"} stale: ` +
        "spec/ has changed since the last `npm run bundle`. Run `npm run bundle`, then `npm run mock` again.",
    );
  }
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, key), "");
  } catch {
    // no cache: the next start checks again
  }
}

await runMockCommand({ name: "mock", beforeStart: checkGenerated });

#!/usr/bin/env node
// `npm run mock`: serves the bundled EVS and IMS descriptions with Prism on
// 127.0.0.1, EVS on $EVS_MOCK_PORT (default 4010) and IMS on $IMS_MOCK_PORT
// (default 4011; 0 lets the OS choose, and the URL printed is the real one),
// in the foreground, until Ctrl-C or SIGTERM. Starting, stopping and the
// process handling are scripts/lib/mocks.mjs, shared with `npm start`.
//
// It refuses to start when generated/ is stale (spec/ changed without
// `npm run bundle`), rather than bundling itself: generated/ is committed and
// checked by a test, and a mock should not rewrite tracked files behind the
// user's back. So what it serves is always what spec/ says. (A check that
// passed is remembered in node_modules/.cache until spec/ or generated/ change.)
//
// Prism runs with --errors: a response example that breaks its own schema is
// answered with a 500 problem instead of being served as if it were valid.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { checkPorts, controlProcess, mockServices, portFromEnv, startMocks } from "./lib/mocks.mjs";
import { bundlePath, repoRoot } from "./lib/paths.mjs";

/** @typedef {import("./lib/services.mjs").Service} Service */

// First, so a Ctrl-C during the staleness check cleans up too.
const control = controlProcess({ name: "mock", what: "both servers", exitCode: () => 0 });

/** @type {Promise<never>} */
const never = new Promise(() => {});

/**
 * The bundles that spec/ gives now, compared with generated/. Runs the
 * bundler as a child process (not synchronously), so a signal meanwhile
 * stops it and removes its temporary folder.
 * @returns {Promise<Service[]>}
 */
async function staleBundles() {
  const fresh = mkdtempSync(join(tmpdir(), "mock-bundle-"));
  const child = spawn(process.execPath, [join(repoRoot, "scripts/bundle.mjs"), "--out", fresh], { stdio: ["ignore", "pipe", "pipe"] });
  /** @type {Promise<number | null>} */
  const closed = new Promise((resolveClose) => child.once("close", (code) => resolveClose(code)));
  const untrack = control.track(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await closed;
    rmSync(fresh, { recursive: true, force: true });
  });
  let output = "";
  child.stdout.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  child.stderr.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  const spawnError = new Promise((resolveError) => child.once("error", resolveError));
  const code = await Promise.race([closed, spawnError.then(() => -1)]);
  // A Ctrl-C in a terminal reaches the bundler too, and its end may be seen
  // before this process's own SIGINT handler runs: give that a moment rather
  // than report a bundling failure.
  if (child.signalCode !== null) await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  if (control.stopping()) return never; // the tracked clean-up removes the folder
  untrack();
  try {
    if (code !== 0) return control.fail(`spec/ does not bundle, so there is nothing valid to serve:\n${output || `exit code ${code}`}`);
    return mockServices
      .map(({ service }) => service)
      .filter((service) => readOrNull(bundlePath(service)) !== readOrNull(bundlePath(service, fresh)));
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
    ...mockServices.map(({ service }) => relative(repoRoot, bundlePath(service))),
  ];
  for (const file of files) hash.update(`${file}\0${readOrNull(join(repoRoot, file)) ?? "(missing)"}\0`);
  return hash.digest("hex");
}

await control.run(async () => {
  const wanted = mockServices.map((entry) => ({ ...entry, port: portFromEnv(entry.variable, entry.fallback) }));
  await checkPorts(wanted);

  const key = checkKey();
  if (!existsSync(join(cacheDir, key))) {
    const stale = await staleBundles();
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

  const servers = await startMocks(control, wanted);
  for (const { service, label } of mockServices) {
    console.log(`${label} mock: ${servers[service].baseUrl} (Prism pid ${servers[service].pid})`);
  }
  console.log("Both mocks are running. Press Ctrl-C to stop them.");
});

#!/usr/bin/env node
// `npm run mock`: serves the bundled EVS and IMS descriptions with Prism on
// 127.0.0.1, EVS on $EVS_MOCK_PORT (default 4010) and IMS on $IMS_MOCK_PORT
// (default 4011), in the foreground, until Ctrl-C or SIGTERM.
//
// It refuses to start when generated/ is stale (spec/ changed without
// `npm run bundle`), rather than bundling itself: generated/ is committed and
// checked by a test, and a mock should not rewrite tracked files behind the
// user's back. So what it serves is always what spec/ says. (A check that
// passed is remembered in node_modules/.cache until spec/ or generated/ change.)
//
// Prism runs with --errors: a response example that breaks its own schema is
// answered with a 500 problem instead of being served as if it were valid.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { bundlePath, repoRoot, startPrism } from "./lib/prism.mjs";

/** @typedef {import("./lib/prism.mjs").MockServer} MockServer */
/** @typedef {import("./lib/prism.mjs").Service} Service */

/** @type {Array<{ service: Service, label: string, variable: string, fallback: number }>} */
const services = [
  { service: "evs", label: "EVS", variable: "EVS_MOCK_PORT", fallback: 4010 },
  { service: "ims", label: "IMS", variable: "IMS_MOCK_PORT", fallback: 4011 },
];

/** @param {string} message */
function die(message) {
  console.error(`mock: ${message}`);
  process.exit(1);
}

/** @param {{ variable: string, fallback: number }} entry */
function portOf({ variable, fallback }) {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) die(`${variable}=${raw} is not a port number (1-65535)`);
  return port;
}

/** The bundles that spec/ gives now, compared with generated/. */
function staleBundles() {
  const fresh = mkdtempSync(join(tmpdir(), "mock-bundle-"));
  let failure = "";
  /** @type {Service[]} */
  let stale = [];
  try {
    execFileSync(process.execPath, [join(repoRoot, "scripts/bundle.mjs"), "--out", fresh], { stdio: "pipe" });
    stale = services
      .map(({ service }) => service)
      .filter((service) => readOrNull(bundlePath(service)) !== readOrNull(join(fresh, `${service}.openapi.json`)));
  } catch (error) {
    const { stderr, stdout } = /** @type {{ stderr?: Buffer, stdout?: Buffer }} */ (error);
    failure = `${stdout ?? ""}${stderr ?? ""}` || String(error);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
  if (failure) die(`spec/ does not bundle, so there is nothing valid to serve:\n${failure}`);
  return stale;
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
    "node_modules/@redocly/cli/package.json",
    "node_modules/@redocly/openapi-core/package.json",
    ...services.map(({ service }) => relative(repoRoot, bundlePath(service))),
  ];
  for (const file of files) hash.update(`${file}\0${readOrNull(join(repoRoot, file)) ?? "(missing)"}\0`);
  return hash.digest("hex");
}

/** Whether the port can be bound on 127.0.0.1 now (checked first, so a busy port fails fast). */
function portIsFree(/** @type {number} */ port) {
  return new Promise((resolveFree) => {
    const probe = createServer();
    probe.once("error", () => resolveFree(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolveFree(true)));
  });
}

const ports = services.map(portOf);
if (ports[0] === ports[1]) die(`EVS_MOCK_PORT and IMS_MOCK_PORT are both ${ports[0]}; give them different ports`);
for (const [i, { label, variable }] of services.entries()) {
  const port = /** @type {number} */ (ports[i]);
  if (!(await portIsFree(port))) die(`port ${port} for ${label} is in use on 127.0.0.1; choose another with ${variable}=<port>`);
}

const key = checkKey();
if (!existsSync(join(cacheDir, key))) {
  const stale = staleBundles();
  if (stale.length > 0) {
    die(
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

/** @type {MockServer[]} */
const running = [];
let stopping = false;
/** @type {Promise<unknown>} */
let starting = Promise.resolve();

/** Stops every server (once those starting have started), waits for each to exit, then exits. */
async function shutDown(/** @type {number} */ code) {
  if (stopping) return;
  stopping = true;
  await starting;
  await Promise.all(running.map((server) => server.stop()));
  process.exit(code);
}

// Ctrl-C in a terminal reaches Prism too (same process group); either way
// this process waits until both have exited before it exits itself.
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, () => {
    console.log(`mock: ${signal}, stopping both servers`);
    void shutDown(0);
  });
}

starting = Promise.allSettled(
  services.map(({ service }, i) =>
    startPrism(service, {
      port: ports[i],
      errors: true,
      log: (line) => console.log(`[${service}] ${line}`),
    }).then((server) => {
      running.push(server);
      return server;
    }),
  ),
);
const started = /** @type {PromiseSettledResult<MockServer>[]} */ (await starting);
const failed = started.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
if (failed.length > 0) {
  for (const reason of failed) console.error(`mock: ${reason instanceof Error ? reason.message : reason}`);
  console.error("mock: is the port in use? Choose others with EVS_MOCK_PORT and IMS_MOCK_PORT.");
  await shutDown(1);
}
if (stopping) await new Promise(() => {}); // a signal arrived while starting; shutDown exits

// `npm run mock` runs this under `sh -c`; a SIGTERM to npm ends npm and the
// shell but is not passed on to this process. Stop when the parent is gone
// rather than serve on as an orphan nobody can Ctrl-C.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) {
    console.log(`mock: the parent process (pid ${parentPid}) is gone, stopping both servers`);
    void shutDown(0);
  }
}, 500).unref();

for (const server of running) {
  server.exited.then((code) => {
    if (stopping) return;
    console.error(`mock: the ${server.service.toUpperCase()} server (pid ${server.pid}) exited unexpectedly with code ${code}`);
    void shutDown(1);
  });
}

for (const { service, label } of services) {
  const server = /** @type {MockServer} */ (running.find((s) => s.service === service));
  console.log(`${label} mock: ${server.baseUrl} (Prism pid ${server.pid})`);
}
console.log("Both mocks are running. Press Ctrl-C to stop them.");

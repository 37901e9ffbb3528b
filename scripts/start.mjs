#!/usr/bin/env node
// `npm start`: builds everything (`npm run build`: lint, bundle, generate,
// docs), then serves the docs site and one Prism mock per service on
// loopback, and prints their addresses. Ctrl-C or SIGTERM stops all of it.
//
//   DOCS_PORT      docs site port (default 8080)
//   EVS_MOCK_PORT  EVS mock port  (default 4010)
//   IMS_MOCK_PORT  IMS mock port  (default 4011)
//
//   node scripts/start.mjs --no-build   serve what is already built
//
// Ctrl-C, SIGTERM or SIGHUP, or the end of the process that started it,
// stops the build or the servers it started.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, startPrism } from "./lib/prism.mjs";
import { serveFolder } from "./lib/static-server.mjs";

/** @param {string} name @param {number} fallback */
function portFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, not ${JSON.stringify(raw)}`);
  return port;
}

const ports = {
  docs: portFrom("DOCS_PORT", 8080),
  evs: portFrom("EVS_MOCK_PORT", 4010),
  ims: portFrom("IMS_MOCK_PORT", 4011),
};

/** @type {(() => Promise<void>)[]} */
const stops = [];
/** @type {import("node:child_process").ChildProcess | undefined} */
let building;
let stopping = false;

/** @param {number} code */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  building?.kill("SIGTERM");
  await Promise.allSettled(stops.map((stop) => stop()));
  process.exit(code);
}
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the docs server and the mocks`);
    void shutdown(signal === "SIGINT" ? 130 : 143);
  });
}

// `npm start` runs this under `sh -c`; when npm itself is stopped (SIGTERM
// from a process manager), the shell dies without passing the signal on.
// Stop too when the parent goes away, rather than leave servers behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) {
    console.log("\nthe parent process exited: stopping the docs server and the mocks");
    void shutdown(143);
  }
}, 500).unref();

function build() {
  // npm sets npm_execpath when it runs this script; fall back to `npm` on PATH.
  const npm = process.env.npm_execpath;
  const [command, args] = npm && /\.(c?js|mjs)$/.test(npm)
    ? [process.execPath, [npm, "run", "build"]]
    : ["npm", ["run", "build"]];
  return new Promise((resolveBuild, reject) => {
    // Its own process group, so a stop ends the build and every step it runs.
    building = spawn(command, args, { cwd: repoRoot, stdio: "inherit", detached: true });
    const child = building;
    const kill = child.kill.bind(child);
    child.kill = (signal) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
        return true;
      } catch {
        return kill(signal);
      }
    };
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      building = undefined;
      if (code === 0) resolveBuild(undefined);
      else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

try {
  if (!process.argv.includes("--no-build")) await build();
  if (stopping) await new Promise(() => {});
  const docsDir = join(repoRoot, "dist/docs");
  if (!existsSync(join(docsDir, "index.html"))) throw new Error(`no docs in ${docsDir}: run \`npm run build\` (or \`npm start\` without --no-build)`);

  const started = await Promise.allSettled([
    serveFolder(docsDir, { port: ports.docs }),
    startPrism("evs", { port: ports.evs }),
    startPrism("ims", { port: ports.ims }),
  ]);
  for (const result of started) if (result.status === "fulfilled") stops.push(result.value.stop);
  const failures = started.flatMap((result) => (result.status === "rejected" ? [String(result.reason?.message ?? result.reason)] : []));
  if (failures.length) throw new Error(`could not start everything (is a port in use? set DOCS_PORT, EVS_MOCK_PORT or IMS_MOCK_PORT):\n${failures.join("\n")}`);
  const [docs, evs, ims] = /** @type {[import("./lib/static-server.mjs").StaticServer, import("./lib/prism.mjs").MockServer, import("./lib/prism.mjs").MockServer]} */ (
    started.map((result) => /** @type {PromiseFulfilledResult<any>} */ (result).value)
  );
  console.log(`
API docs   ${docs.baseUrl}/
           EVS: ${docs.baseUrl}/evs/en/  ·  中文 ${docs.baseUrl}/evs/zh-CN/
           IMS: ${docs.baseUrl}/ims/en/  ·  中文 ${docs.baseUrl}/ims/zh-CN/
EVS mock   ${evs.baseUrl}
IMS mock   ${ims.baseUrl}

Press Ctrl-C to stop.`);
} catch (error) {
  if (!stopping) {
    console.error(`npm start: ${error instanceof Error ? error.message : error}`);
    await shutdown(1);
  }
}

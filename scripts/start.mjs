#!/usr/bin/env node
// `npm start`: builds everything (`npm run build`: lint, bundle, generate,
// docs), then serves the docs site and one Prism mock per service on
// loopback, and prints their addresses. Ctrl-C or SIGTERM stops all of it.
//
//   DOCS_PORT      docs site port (default 8080)
//   EVS_MOCK_PORT  EVS mock port  (default 4010)
//   IMS_MOCK_PORT  IMS mock port  (default 4011)
//   (0 lets the OS choose a free port; the addresses printed are the real ones)
//
//   node scripts/start.mjs --no-build       serve what is already built
//   node scripts/start.mjs --docs <folder>  serve the docs from <folder>
//                                           instead of dist/docs (implies --no-build)
//
// Ctrl-C, SIGTERM or SIGHUP, or the end of the process that started it,
// stops the build or the servers it started. The mocks run exactly as
// `npm run mock` runs them (src/mock/command.mjs): with --errors, their
// request log printed, and a mock that exits stops everything.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkPorts, controlProcess, mockPortsFromEnv, portFromEnv, serveMocks, UsageError } from "../src/mock/command.mjs";
import { repoRoot } from "./lib/paths.mjs";
import { serveFolder } from "./lib/static-server.mjs";

const control = controlProcess({
  name: "npm start",
  what: "the docs server and the mocks",
  exitCode: (cause) => (cause === "SIGINT" ? 130 : 143),
});

function build() {
  // npm sets npm_execpath when it runs this script; fall back to `npm` on PATH.
  const npm = process.env.npm_execpath;
  const [command, args] = npm && /\.(c?js|mjs)$/.test(npm) ? [process.execPath, [npm, "run", "build"]] : ["npm", ["run", "build"]];
  return new Promise((resolveBuild, reject) => {
    // Its own process group, so a stop ends the build and every step it runs.
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", detached: true });
    /** @type {Promise<void>} */
    const exited = new Promise((resolveExit) => child.once("exit", () => resolveExit()));
    const untrack = control.track(async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          child.kill("SIGTERM");
        }
      }
      await exited;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      untrack();
      if (code === 0) resolveBuild(undefined);
      else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** The value after `flag` on the command line, if the flag is there. */
function option(/** @type {string} */ flag) {
  const at = process.argv.indexOf(flag);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
  return value;
}

await control.run(async () => {
  const docsOption = option("--docs");
  const docsPort = portFromEnv("DOCS_PORT", 8080);
  const mocks = mockPortsFromEnv();
  await checkPorts([{ label: "the docs", variable: "DOCS_PORT", port: docsPort }, ...mocks]);

  if (docsOption === undefined && !process.argv.includes("--no-build")) await build();
  if (control.stopping()) return;
  const docsDir = docsOption === undefined ? join(repoRoot, "dist/docs") : resolve(docsOption);
  if (!existsSync(join(docsDir, "index.html"))) {
    throw new UsageError(`no docs in ${docsDir}: run \`npm run build\` (or \`npm start\` without --no-build)`);
  }

  const docs = await serveFolder(docsDir, { port: docsPort });
  control.track(docs.stop);
  if (control.stopping()) return;
  const { evs, ims } = await serveMocks(control, mocks);
  console.log(`
API docs   ${docs.baseUrl}/
           EVS: ${docs.baseUrl}/evs/en/  ·  中文 ${docs.baseUrl}/evs/zh-CN/
           IMS: ${docs.baseUrl}/ims/en/  ·  中文 ${docs.baseUrl}/ims/zh-CN/
EVS mock   ${evs.baseUrl}
IMS mock   ${ims.baseUrl}

Press Ctrl-C to stop.`);
});

// Runs the Redocly CLI (lint, bundle, build-docs): the one place it is
// started, always the copy in node_modules, from the repository root, with
// redocly.yaml, and with no telemetry and no update check, so no build step
// needs a network (redocly.yaml also says `telemetry: off`).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./paths.mjs";

const cli = join(repoRoot, "node_modules/@redocly/cli/bin/cli.js");
const offline = { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

/** Redocly exited with an error; `output` is everything it printed. */
export class RedoclyError extends Error {
  /** @param {string} message @param {string} output */
  constructor(message, output) {
    super(message);
    this.name = "RedoclyError";
    this.output = output;
  }
}

/**
 * Runs `redocly <args...> --config redocly.yaml` and resolves with what it printed.
 * @param {string[]} args e.g. ["bundle", "spec/evs/openapi.yaml", "--output", file]
 * @param {{ show?: boolean, preload?: string, env?: Record<string, string> }} [options]
 *   `show`: print Redocly's output as it comes (lint's report is the point of running it);
 *   otherwise it is kept, and only a failure carries it. `preload`: a module Node imports
 *   before Redocly (`node --import`). `env`: more environment variables.
 * @returns {Promise<string>}
 */
export function runRedocly(args, { show = false, preload, env = {} } = {}) {
  return new Promise((resolveRun, reject) => {
    const node = preload ? ["--import", pathToFileURL(preload).href] : [];
    const child = spawn(process.execPath, [...node, cli, ...args, "--config", join(repoRoot, "redocly.yaml")], {
      cwd: repoRoot,
      env: { ...process.env, ...env, ...offline },
      stdio: show ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
    child.stderr?.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
    child.once("error", (error) => reject(new RedoclyError(`redocly ${args[0]} could not start: ${error.message}`, output)));
    child.once("close", (code, signal) => {
      if (code === 0) resolveRun(output);
      else reject(new RedoclyError(`redocly ${args[0]} failed (${signal ?? `exit code ${code}`})`, output));
    });
  });
}

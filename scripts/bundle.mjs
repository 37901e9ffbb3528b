#!/usr/bin/env node
// Bundles each service's multi-file description into one JSON document:
// generated/<service>.openapi.json, or <dir>/<service>.openapi.json with
// `--out <dir>` (the staleness test bundles into a temporary folder).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { folderOption, repoRoot as root } from "./lib/paths.mjs";

const outDir = folderOption("--out", join(root, "generated"), "node scripts/bundle.mjs [--out <dir>]");

mkdirSync(outDir, { recursive: true });
for (const service of ["evs", "ims"]) {
  const output = join(outDir, `${service}.openapi.json`);
  try {
    execFileSync(
      process.execPath,
      [
        join(root, "node_modules/@redocly/cli/bin/cli.js"),
        "bundle", `spec/${service}/openapi.yaml`,
        "--config", "redocly.yaml",
        "--output", output,
      ],
      // Redocly's progress lines (and its Node 20 banner) are noise here; its
      // report is shown only when bundling fails.
      // No telemetry and no update check (redocly.yaml also says `telemetry: off`):
      // bundling must not need a network.
      {
        cwd: root,
        stdio: "pipe",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
  } catch (error) {
    process.stderr.write(String(/** @type {{ stderr?: Buffer }} */ (error).stderr ?? error));
    console.error(`bundle: spec/${service}/openapi.yaml could not be bundled (see above)`);
    process.exit(1);
  }
  console.log(`bundled ${output}`);
}

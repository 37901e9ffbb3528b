#!/usr/bin/env node
// Bundles each service's multi-file description into one JSON document:
// generated/<service>.openapi.json, or <dir>/<service>.openapi.json with
// `--out <dir>` (the staleness test bundles into a temporary folder).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { bundlePath, folderOption, repoRoot } from "./lib/paths.mjs";
import { RedoclyError, runRedocly } from "./lib/redocly.mjs";
import { services } from "./lib/services.mjs";

const outDir = folderOption("--out", join(repoRoot, "generated"), "node scripts/bundle.mjs [--out <dir>]");

mkdirSync(outDir, { recursive: true });
for (const service of services) {
  const output = bundlePath(service, outDir);
  try {
    // Redocly's progress lines (and its Node 20 banner) are noise here; its
    // report is shown only when bundling fails.
    await runRedocly(["bundle", `spec/${service}/openapi.yaml`, "--output", output]);
  } catch (error) {
    process.stderr.write(error instanceof RedoclyError ? error.output : String(error));
    console.error(`bundle: spec/${service}/openapi.yaml could not be bundled (see above)`);
    process.exit(1);
  }
  console.log(`bundled ${output}`);
}

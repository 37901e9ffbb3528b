#!/usr/bin/env node
// Builds the package into dist/ with the project's TypeScript: dist/src/ from
// src/ (ESM JavaScript and .d.ts), dist/generated/ from the generated types
// src/ imports, and dist/src/mock/: the mock's files copied as they are, with
// the .d.mts tsc writes from their JSDoc (CONTRIBUTING.md, C-ShippedMock).
// dist/src/ and dist/generated/ are emptied first so the package never ships
// stale files; the rest of dist/ (the docs site) is left alone.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot as root } from "./lib/paths.mjs";

const dist = join(root, "dist");
const tsc = (/** @type {string} */ project) =>
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, project)], {
    cwd: root,
    stdio: "inherit",
  });

for (const folder of ["src", "generated"]) rmSync(join(dist, folder), { recursive: true, force: true });
tsc("src/tsconfig.build.json");
tsc("src/mock/tsconfig.build.json");
for (const file of readdirSync(join(root, "src/mock")).filter((name) => /\.[cm]js$/.test(name))) {
  cpSync(join(root, "src/mock", file), join(dist, "src/mock", file));
}
for (const file of [
  "src/index.js",
  "src/index.d.ts",
  "src/mock/index.mjs",
  "src/mock/index.d.mts",
  "src/mock/cli.mjs",
  "generated/evs.d.ts",
  "generated/ims.d.ts",
]) {
  if (!existsSync(join(dist, file))) throw new Error(`build-client: dist/${file} was not written`);
}
console.log(`built ${dist}`);

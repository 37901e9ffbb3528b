#!/usr/bin/env node
// Builds the client into dist/ (ESM JavaScript and .d.ts) with the project's
// TypeScript: dist/src/ from src/, dist/generated/ from the generated types
// src/ imports. Both are emptied first so the package never ships stale
// files; the rest of dist/ (the docs site) is left alone.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot as root } from "./lib/paths.mjs";

const dist = join(root, "dist");

for (const folder of ["src", "generated"]) rmSync(join(dist, folder), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "src/tsconfig.build.json")], {
  cwd: root,
  stdio: "inherit",
});
for (const file of ["src/index.js", "src/index.d.ts", "generated/evs.d.ts", "generated/ims.d.ts"]) {
  if (!existsSync(join(dist, file))) throw new Error(`build-client: dist/${file} was not written`);
}
console.log(`built ${dist}`);

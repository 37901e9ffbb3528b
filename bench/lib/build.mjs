// Builds what the benchmarks run, with esbuild, into bench/.out/ (ignored by git).
// The client is bundled from src/ (not from dist/, which needs `npm run build:client` first):
// the same TypeScript, with types stripped and nothing else changed.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { repoRoot } from "../../scripts/lib/paths.mjs";

export { repoRoot };
export const benchDir = join(repoRoot, "bench");
export const outDir = join(benchDir, ".out");

/** src/index.ts as one ESM module; openapi-fetch stays an import, as a consumer gets it. */
export async function buildClient() {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, "client.mjs");
  await esbuild.build({
    entryPoints: [join(repoRoot, "src/index.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return outfile;
}

/**
 * src/signing.ts alone, loaded while `process.getBuiltinModule` is hidden, so it takes the path
 * it takes where there is no node:crypto (browsers): Web Crypto.
 * @returns {Promise<typeof import("../../src/signing.js")>}
 */
export async function importWebCryptoSigner() {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, "signing-webcrypto.mjs");
  await esbuild.build({
    entryPoints: [join(repoRoot, "src/signing.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "neutral",
    format: "esm",
    target: "es2022",
    logLevel: "error",
  });
  const saved = process.getBuiltinModule;
  // @ts-expect-error hidden on purpose: without it src/signing.ts takes its Web Crypto path
  process.getBuiltinModule = undefined;
  try {
    return await import(`${pathToFileURL(outfile).href}?webcrypto`);
  } finally {
    process.getBuiltinModule = saved;
  }
}

/** The options both consumer programs are bundled with, for the footprint comparison. */
export const FOOTPRINT_OPTIONS = Object.freeze({
  bundle: true,
  minify: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  legalComments: "none",
  logLevel: "error",
});

/**
 * A consumer program bundled into bench/.out/<name>.cjs, with esbuild's metafile (what went in).
 * @param {string} entry @param {string} name
 */
export async function buildConsumer(entry, name) {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.cjs`);
  const result = await esbuild.build({ ...FOOTPRINT_OPTIONS, entryPoints: [entry], outfile, metafile: true });
  return { outfile, metafile: result.metafile };
}

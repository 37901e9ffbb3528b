#!/usr/bin/env node
// Writes TypeScript types for each service from its bundled description:
// generated/<service>.openapi.json -> generated/<service>.ts (openapi-typescript's
// `paths`, `components`, `operations` exports).
//
//   node scripts/generate.mjs [--from <dir>] [--out <dir>]
//
// `--from` is where the bundles are read (default generated/), `--out` where the
// types are written (default generated/); the staleness test uses both with a
// temporary folder.
//
// Generation does not depend on redocly.yaml (which is written for Redocly CLI
// 2.x): openapi-typescript's Node API is called, not its CLI, and the Node API
// reads no config file — without a `redocly` option it uses its own built-in
// config (Redocly's "minimal" ruleset plus unique operation IDs). The
// descriptions are linted properly, with Redocly CLI 2.x and redocly.yaml, by
// `npm run lint`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundlePath, folderOption, repoRoot as root } from "./lib/paths.mjs";
import { services } from "./lib/services.mjs";
import { typeView } from "./lib/type-view.mjs";

const usage = "node scripts/generate.mjs [--from <dir>] [--out <dir>]";
const fromDir = folderOption("--from", join(root, "generated"), usage);
const outDir = folderOption("--out", join(root, "generated"), usage);

const { default: openapiTS, astToString, COMMENT_HEADER, tsLiteral } = await import("openapi-typescript");

mkdirSync(outDir, { recursive: true });
for (const service of services) {
  const input = bundlePath(service, fromDir);
  // The rules between fields as unions openapi-typescript understands (CONTRIBUTING.md, C-TypedRules).
  const document = typeView(JSON.parse(readFileSync(input, "utf8")));
  const ast = await openapiTS(document, {
    cwd: pathToFileURL(`${fromDir}/`),
    silent: true,
    // The defaults, spelled out so a future default change cannot slip in.
    additionalProperties: false,
    defaultNonNullable: false,
    alphabetize: false,
    exportType: false,
    enum: false,
    transform: integerOfOneValue,
  });
  const output = join(outDir, `${service}.ts`);
  writeFileSync(output, `${COMMENT_HEADER}${astToString(ast)}`);
  console.log(`generated ${output}`);
}

/**
 * openapi-typescript's `transform` hook: an integer whose range holds one
 * value is that value (`count` from a backup is at most 1 and at least 1, so
 * `count?: 1`), where openapi-typescript writes `number`.
 * @param {import("openapi-typescript").SchemaObject} schema
 */
function integerOfOneValue(schema) {
  if (schema.type === "integer" && typeof schema.minimum === "number" && schema.minimum === schema.maximum) return tsLiteral(schema.minimum);
  return undefined;
}

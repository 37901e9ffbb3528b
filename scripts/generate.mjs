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

const usage = "node scripts/generate.mjs [--from <dir>] [--out <dir>]";
const fromDir = folderOption("--from", join(root, "generated"), usage);
const outDir = folderOption("--out", join(root, "generated"), usage);

const { default: openapiTS, astToString, COMMENT_HEADER } = await import("openapi-typescript");

mkdirSync(outDir, { recursive: true });
for (const service of services) {
  const input = bundlePath(service, fromDir);
  const document = hoistNestedRequired(JSON.parse(readFileSync(input, "utf8")));
  const ast = await openapiTS(document, {
    cwd: pathToFileURL(`${fromDir}/`),
    silent: true,
    // The defaults, spelled out so a future default change cannot slip in.
    additionalProperties: false,
    defaultNonNullable: false,
    alphabetize: false,
    exportType: false,
    enum: false,
  });
  const output = join(outDir, `${service}.ts`);
  writeFileSync(output, `${COMMENT_HEADER}${astToString(ast)}`);
  console.log(`generated ${output}`);
}

/**
 * openapi-typescript honours a `required` written beside `allOf` only for
 * properties defined inline or directly in a referenced member. The IMS forms
 * require `name`, which ImageFieldsCommon gets from ImageLabels one allOf
 * deeper, so the generated type would let `name` be left out. For each such
 * name this adds one more allOf member requiring the property with the schema
 * it already has — the same constraint, stated where openapi-typescript looks.
 * The bundle itself is not changed; only the generator's copy.
 * @param {any} document
 */
function hoistNestedRequired(document) {
  const schemas = document.components?.schemas ?? {};
  const resolve = (/** @type {any} */ node) =>
    node?.$ref?.startsWith("#/components/schemas/") ? schemas[node.$ref.slice(21)] : node;
  /** Where a property is defined: the schema's own properties, then its allOf members, depth first. */
  /** @type {(schema: any, name: string, depth?: number) => any} */
  const findProperty = (schema, name, depth = 0) => {
    const target = resolve(schema);
    if (!target || depth > 20) return undefined;
    if (target.properties?.[name] !== undefined) return target.properties[name];
    for (const member of target.allOf ?? []) {
      const found = findProperty(member, name, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const schema of Object.values(schemas)) {
    if (!Array.isArray(schema.allOf) || !Array.isArray(schema.required)) continue;
    // What openapi-typescript already sees (see collectAllOfCompositions).
    const seen = (/** @type {string} */ name) =>
      schema.properties?.[name] !== undefined ||
      schema.allOf.some((/** @type {any} */ member) => resolve(member)?.properties?.[name] !== undefined);
    /** @type {Record<string, unknown>} */
    const hoisted = {};
    for (const name of schema.required) {
      if (seen(name)) continue;
      const property = findProperty(schema, name);
      if (property === undefined) throw new Error(`generate: required property ${name} is defined nowhere`);
      hoisted[name] = property;
    }
    if (Object.keys(hoisted).length) {
      schema.allOf = [...schema.allOf, { type: "object", required: Object.keys(hoisted), properties: hoisted }];
    }
  }
  return document;
}

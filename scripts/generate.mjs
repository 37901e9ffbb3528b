#!/usr/bin/env node
// Writes TypeScript types for each service from its bundled description:
// generated/<service>.openapi.json -> generated/<service>.ts (openapi-typescript's
// `paths`, `components`, `operations` exports), and generated/request-forms.ts,
// the summary of every request body that is a oneOf of forms, which the
// client's errors read (scripts/lib/request-forms.mjs).
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
import { oneOfBodies } from "./lib/request-forms.mjs";
import { services } from "./lib/services.mjs";
import { typeView } from "./lib/type-view.mjs";

const usage = "node scripts/generate.mjs [--from <dir>] [--out <dir>]";
const fromDir = folderOption("--from", join(root, "generated"), usage);
const outDir = folderOption("--out", join(root, "generated"), usage);

const { default: openapiTS, astToString, COMMENT_HEADER, tsLiteral } = await import("openapi-typescript");

mkdirSync(outDir, { recursive: true });
/** @type {Record<string, Record<string, unknown>>} */
const forms = {};
for (const service of services) {
  const input = bundlePath(service, fromDir);
  const bundle = JSON.parse(readFileSync(input, "utf8"));
  forms[service] = Object.fromEntries(
    oneOfBodies(bundle).map(({ method, path, schema, forms: members }) => [`${method} ${path}`, { schema, forms: members }]),
  );
  // The rules between fields as unions openapi-typescript understands (CONTRIBUTING.md, C-TypedRules).
  const document = typeView(bundle);
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
writeRequestForms(forms);

/** generated/request-forms.ts: the summaries, keyed by service and "METHOD path", with their types. */
function writeRequestForms(/** @type {Record<string, Record<string, unknown>>} */ table) {
  const output = join(outDir, "request-forms.ts");
  const text = `// Written by scripts/generate.mjs (scripts/lib/request-forms.mjs) from the bundles: never edit by hand.
// Every request body that is a oneOf of forms, keyed by service and "METHOD path": for each form,
// what it names, requires and checks at each level, so src/errors.ts can tell which form a
// refused body meant and which of the mock's violations are that form's.

export interface BodyShape {
  /** Always required at this level. */
  required?: string[];
  /**
   * Required only under a condition: for each name, the keyword whose violation comes right after
   * the missing one's when the condition holds (\`if\`, \`oneOf\`, \`anyOf\`; "" for none).
   */
  conditional?: Record<string, string[]>;
  /** The keywords a violation here can have (Prism's \`code\`). */
  keywords?: string[];
  /** Each enum's values, as Prism lists them ("x86, arm"). */
  allowed?: string[];
  properties?: Record<string, BodyShape>;
  /** Each item of an array. */
  items?: BodyShape;
  /** Each value of a map. */
  values?: BodyShape;
}

export interface OneOfBody {
  /** The request schema, e.g. CreateImageRequest. */
  schema: string;
  /** Its forms, in oneOf order, each named by its schema's title. */
  forms: Array<{ name: string; shape: BodyShape }>;
}

export const requestForms: Record<${services.map((service) => JSON.stringify(service)).join(" | ")}, Record<string, OneOfBody>> = ${JSON.stringify(table, null, 2)};
`;
  writeFileSync(output, text);
  console.log(`generated ${output}`);
}

/**
 * openapi-typescript's `transform` hook: an integer whose range holds one
 * value is that value (`count` from a backup is at most 1 and at least 1, so
 * `count?: 1`), where openapi-typescript writes `number`.
 * @param {import("openapi-typescript").SchemaObject} schema
 */
function integerOfOneValue(schema) {
  if (schema.type === "integer" && typeof schema.minimum === "number" && schema.minimum === schema.maximum)
    return tsLiteral(schema.minimum);
  return undefined;
}

// Loads the bundled descriptions and validates values against their schemas
// with a real JSON Schema 2020-12 validator (the dialect both documents
// declare), the same engine family Prism uses.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export type Service = "evs" | "ims";
export type OpenApiDocument = {
  paths: Record<string, Record<string, any>>;
  components: Record<string, Record<string, any>>;
  [key: string]: unknown;
};

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export function loadBundle(service: Service): OpenApiDocument {
  return JSON.parse(readFileSync(`${repoRoot}generated/${service}.openapi.json`, "utf8"));
}

// OpenAPI words that may sit beside schemas in the document; everything else
// unknown to JSON Schema is a typo and fails compilation (strict mode; type
// annotations and property definitions beside if/then are not repeated, hence
// strictTypes and strictRequired off; test/spec/required.test.ts checks names).
const openApiVocabulary = ["example", "discriminator", "xml", "externalDocs"];

export function createValidator(service: Service) {
  const doc = loadBundle(service);
  const ajvFor = (options: { coerceTypes: boolean }) => {
    const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true, allowUnionTypes: true, ...options });
    addFormats.default(ajv);
    ajv.addVocabulary(openApiVocabulary);
    ajv.addSchema({ $id: service, $defs: rewriteRefs(doc.components.schemas, "#/$defs/") });
    return ajv;
  };
  const ajv = ajvFor({ coerceTypes: false });
  // A query string holds only text: its values are read as their parameters' types first,
  // as a server (and Prism) reads them.
  const queryAjv = ajvFor({ coerceTypes: true });

  return {
    doc,
    /** Errors of `value` against components.schemas[name]; empty when valid. */
    errors(schemaName: string, value: unknown): ErrorObject[] {
      const validate = ajv.getSchema(`${service}#/$defs/${schemaName}`);
      if (!validate) throw new Error(`no schema ${schemaName} in ${service}`);
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
    /** Errors of `value` against an inline schema from the document. */
    errorsAgainst(schema: object, value: unknown): ErrorObject[] {
      const validate = ajv.compile(rewriteRefs(schema, `${service}#/$defs/`));
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
    /**
     * Errors of a query string (name → value) against the query parameters of the operation at
     * `path` and `method`; `instancePath` is `/<parameter name>`. Parameters the operation does
     * not declare are let through, as Prism lets them through.
     */
    queryErrors(path: string, method: string, query: Record<string, string>): ErrorObject[] {
      const item = doc.paths[path];
      const operation = item?.[method];
      if (!operation) throw new Error(`no operation ${method.toUpperCase()} ${path} in ${service}`);
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: unknown) => resolveRef(doc, p));
      const properties = Object.fromEntries(parameters.filter((p) => p.in === "query").map((p) => [p.name, p.schema]));
      const validate = queryAjv.compile(rewriteRefs({ type: "object", properties }, `${service}#/$defs/`));
      // Ajv converts the values in place: validate a copy.
      return validate({ ...query }) ? [] : [...(validate.errors ?? [])];
    },
  };
}

// The document's refs point at "#/components/schemas/X"; inside the validator
// the schemas live under $defs of a resource named after the service.
function rewriteRefs<T>(schema: T, target: string): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${target}`));
}

/**
 * `value` with its local `$ref` followed (through chains of refs) to what it
 * points at in `doc`; anything without a `$ref` is returned as it is. A ref
 * that does not resolve throws, naming it.
 */
export function resolveRef(doc: unknown, value: any): any {
  const seen = new Set<string>();
  while (typeof value?.$ref === "string") {
    const ref: string = value.$ref;
    if (!ref.startsWith("#/")) throw new Error(`not a local $ref: ${ref}`);
    if (seen.has(ref)) throw new Error(`circular $ref: ${ref}`);
    seen.add(ref);
    value = ref
      .slice(2)
      .split("/")
      .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((node: any, key: string) => (node !== null && typeof node === "object" && Object.hasOwn(node, key) ? node[key] : undefined), doc);
    if (value === undefined) throw new Error(`$ref does not resolve: ${ref}`);
  }
  return value;
}

/** resolveRef bound to one document. */
export const resolver = (doc: unknown) => (value: any): any => resolveRef(doc, value);

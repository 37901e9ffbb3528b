// The bundled descriptions as the tests read them: loaded, walked and
// validated. Values are checked with a real JSON Schema 2020-12 validator (the
// dialect both documents declare), the same engine family Prism uses, and the
// one walker over a bundle (operationsOf) is here.
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { eachOperation, resolveRef } from "../../scripts/lib/openapi.mjs";
import { bundlePath } from "../../scripts/lib/paths.mjs";
import type { Service } from "../../scripts/lib/services.mjs";
import type { Violation } from "../rules/types.js";

export { resolveRef } from "../../scripts/lib/openapi.mjs";
export { repoRoot } from "../../scripts/lib/paths.mjs";
export { type Service, services } from "../../scripts/lib/services.mjs";

export type OpenApiDocument = {
  paths: Record<string, Record<string, any>>;
  components: Record<string, Record<string, any>>;
  [key: string]: unknown;
};

export function loadBundle(service: Service): OpenApiDocument {
  return JSON.parse(readFileSync(bundlePath(service), "utf8"));
}

// OpenAPI words that may sit beside schemas in the document; everything else
// unknown to JSON Schema is a typo and fails compilation (strict mode; type
// annotations and property definitions beside if/then are not repeated, hence
// strictTypes and strictRequired off; test/spec/required.test.ts checks names).
const openApiVocabulary = ["example", "discriminator", "xml", "externalDocs"];

export function createValidator(service: Service) {
  const doc = loadBundle(service);
  /** An Ajv holding the document's schemas; `coerceTypes` reads strings as the schema's type, as Prism reads parameters. */
  const withSchemas = (coerceTypes: boolean) => {
    const ajv = new Ajv2020({
      strict: true,
      strictTypes: false,
      strictRequired: false,
      allErrors: true,
      allowUnionTypes: true,
      coerceTypes,
    });
    addFormats.default(ajv);
    ajv.addVocabulary(openApiVocabulary);
    ajv.addSchema({ $id: service, $defs: rewriteRefs(doc.components.schemas, "#/$defs/") });
    return ajv;
  };
  const ajv = withSchemas(false);
  const coercing = withSchemas(true);

  return {
    doc,
    /** Errors of `value` against components.schemas[name]; empty when valid. */
    errors(schemaName: string, value: unknown): ErrorObject[] {
      const validate = ajv.getSchema(`${service}#/$defs/${schemaName}`);
      if (!validate) throw new Error(`no schema ${schemaName} in ${service}`);
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
    /**
     * Errors of a query or header value (a string, or undefined when left out) against a
     * parameter, read as Prism reads it: coerced to the schema's type.
     */
    parameterErrors(parameter: Parameter, value: string | undefined): ErrorObject[] {
      const validate = coercing.compile({
        type: "object",
        properties: { [parameter.name]: rewriteRefs(parameter.schema, `${service}#/$defs/`) },
        ...(parameter.required ? { required: [parameter.name] } : {}),
      });
      const data = value === undefined ? {} : { [parameter.name]: value };
      return validate(data) ? [] : [...(validate.errors ?? [])];
    },
    /** Errors of `value` against an inline schema from the document (a missing one throws). */
    errorsAgainst(schema: object | undefined, value: unknown): ErrorObject[] {
      if (schema === undefined) throw new Error("no schema to validate against");
      const validate = ajv.compile(rewriteRefs(schema, `${service}#/$defs/`));
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** Whether an Ajv error is the one a rule's violation describes (its place, its keyword, the name it mentions). */
export function errorIs(error: ErrorObject, violation: Violation): boolean {
  if (error.instancePath !== violation.path || error.keyword !== violation.keyword) return false;
  return violation.mentions === undefined || JSON.stringify(error.params).includes(violation.mentions);
}

// The document's refs point at "#/components/schemas/X"; inside the validator
// the schemas live under $defs of a resource named after the service.
function rewriteRefs<T>(schema: T, target: string): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${target}`));
}

/** resolveRef bound to one document. */
export const resolver =
  (doc: unknown) =>
  (value: any): any =>
    resolveRef(doc, value);

export type Parameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema: Schema;
  example?: unknown;
};
export type NamedExample = { name: string; summary: string | undefined; value: unknown };
/** A request body or a response as documented: its JSON schema and named examples. */
export type Documented = { schema: object; examples: NamedExample[] };
/** A response with no body has no schema and no examples. */
export type DocumentedResponse = { status: number; schema: object | undefined; examples: NamedExample[] };
export type Operation = {
  service: Service;
  operationId: string;
  /** Upper case, as sent: "GET", "POST". */
  method: string;
  /** The path template, e.g. /v1/{project_id}/jobs/{job_id}. */
  template: string;
  /**
   * The template with every path parameter replaced by its documented example,
   * and every required query parameter added with its example.
   */
  path: string;
  /** The Operation Object as the document has it (summary, tags, description, ...). */
  definition: Record<string, any>;
  /** Its parameters and its path's, resolved. */
  parameters: Parameter[];
  request: Documented | undefined;
  /** request.examples, or none. */
  requestExamples: NamedExample[];
  responses: DocumentedResponse[];
};

const mediaType = "application/json";

/**
 * Every operation of a bundle (or of `doc`, e.g. a translated copy of it),
 * with its request body and responses, their schemas and named examples: the
 * one walker of the tests.
 */
export function operationsOf(service: Service, doc: OpenApiDocument = loadBundle(service)): Operation[] {
  const resolve = resolver(doc);
  const operations: Operation[] = [];
  for (const { template, method, item, operation: op } of eachOperation(doc)) {
    const where = `${service} ${method.toUpperCase()} ${template}`;
    const parameters: Parameter[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
    const path = template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      const parameter = parameters.find((p: any) => p.in === "path" && p.name === name);
      if (parameter?.example === undefined) throw new Error(`${where}: path parameter ${name} has no example`);
      return encodeURIComponent(String(parameter.example));
    });
    const query = parameters
      .filter((p) => p.in === "query" && p.required)
      .map((p) => {
        if (p.example === undefined) throw new Error(`${where}: required query parameter ${p.name} has no example`);
        return `${encodeURIComponent(p.name)}=${encodeURIComponent(String(p.example))}`;
      });
    const documented = (content: Record<string, any> | undefined, what: string): Documented | undefined => {
      const other = Object.keys(content ?? {}).find((type) => type !== mediaType);
      // Every check over examples reads this walker: a new media type must not go unchecked.
      if (other) throw new Error(`${where} ${what}: ${other} is not read by operationsOf (test/support/openapi.ts)`);
      const media = content?.[mediaType];
      if (media === undefined) return undefined;
      const examples = Object.entries(media.examples ?? {}).map(([name, example]) => {
        const { summary, value } = resolve(example);
        return { name, summary, value };
      });
      return { schema: media.schema, examples };
    };
    const request = documented(resolve(op.requestBody)?.content, "request");
    operations.push({
      service,
      operationId: op.operationId,
      method: method.toUpperCase(),
      template,
      path: query.length ? `${path}?${query.join("&")}` : path,
      definition: op,
      parameters,
      request,
      requestExamples: request?.examples ?? [],
      responses: Object.entries(op.responses as Record<string, unknown>).map(([status, response]) => {
        const body = documented(resolve(response).content, status);
        return { status: Number(status), schema: body?.schema, examples: body?.examples ?? [] };
      }),
    });
  }
  return operations;
}

/** The operation with this id in a service's bundle. */
export function operation(service: Service, operationId: string): Operation {
  const found = operationsOf(service).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in ${service}`);
  return found;
}

export type Schema = Record<string, any>;

/**
 * The schemas that apply at one instance location: `schema` (through `$ref`)
 * and, recursively, its allOf, anyOf and oneOf members, if/then/else and
 * dependentSchemas.
 */
export function schemasAt(doc: unknown, schema: Schema, seen = new Set<Schema>()): Schema[] {
  if (typeof schema !== "object" || schema === null || seen.has(schema)) return [];
  seen.add(schema);
  const here: Schema = resolveRef(doc, schema);
  const parts: Schema[] = [
    ...(here.allOf ?? []),
    ...(here.anyOf ?? []),
    ...(here.oneOf ?? []),
    ...[here.if, here.then, here.else].filter(Boolean),
    ...Object.values(here.dependentSchemas ?? {}),
  ];
  return [here, ...parts.flatMap((part) => schemasAt(doc, part, seen))];
}

/**
 * The one walker over schemas: calls `visit` for `roots`' instance location
 * and every location below it (properties, array items, additionalProperties
 * schemas), with `roots` (the schemas placed right there) and `level` (all
 * that apply there, see schemasAt). A property defined in several schemas of
 * a level (a form and the if/then that narrows it) is one location. Each set
 * of schemas is visited once, so recursive schemas end.
 */
export function eachLocation(
  doc: unknown,
  roots: Schema[],
  where: string,
  visit: (where: string, roots: Schema[], level: Schema[]) => void,
  visited = new Set<Schema>(),
): void {
  const level = roots.flatMap((root) => schemasAt(doc, root));
  if (level.every((schema) => visited.has(schema))) return;
  for (const schema of level) visited.add(schema);
  visit(where, roots, level);
  const properties = new Map<string, Schema[]>();
  for (const schema of level) {
    for (const [name, sub] of Object.entries(schema.properties ?? {}))
      properties.set(name, [...(properties.get(name) ?? []), sub as Schema]);
  }
  for (const [name, subs] of properties) eachLocation(doc, subs, `${where}.${name}`, visit, visited);
  const items = level.flatMap((schema) => (typeof schema.items === "object" ? [schema.items] : []));
  if (items.length) eachLocation(doc, items, `${where}[]`, visit, visited);
  const values = level.flatMap((schema) => (typeof schema.additionalProperties === "object" ? [schema.additionalProperties] : []));
  if (values.length) eachLocation(doc, values, `${where}.*`, visit, visited);
}

// The request bodies that are a `oneOf` of forms (IMS create-image), summed
// up for the client: when the mock refuses such a body, Prism lists the
// violations of every form in one flat list, and src/errors.ts uses this
// summary to tell which form the body meant and which violations are that
// form's. scripts/generate.mjs writes it into generated/request-forms.ts.
//
// A form's summary (a "shape") says, at each level of the body: the
// properties the form names, the ones it always requires, the ones it
// requires only under a condition, the validation keywords it has there (the
// `code` Prism reports), and the values its enums allow.
import { eachOperation, resolveRef } from "./openapi.mjs";

/**
 * @typedef {object} BodyShape
 * @property {string[]} [required]  always required at this level
 * @property {Record<string, string[]>} [conditional]  required only under a condition: for each
 *   name, the keyword whose violation comes right after the missing one's when the condition holds
 *   (`if` for if/then/else, `oneOf` or `anyOf` for a member of one; "" for dependentSchemas, none)
 * @property {string[]} [keywords]  the keywords a violation here can have
 * @property {string[]} [allowed]  each enum's values, as Prism lists them ("x86, arm")
 * @property {Record<string, BodyShape>} [properties]
 * @property {BodyShape} [items]  each item of an array
 * @property {BodyShape} [values]  each value of a map (additionalProperties: <schema>)
 */
/** @typedef {{ method: string, path: string, schema: string, forms: Array<{ name: string, shape: BodyShape }> }} OneOfBody */

// The keywords whose failure Ajv (and so Prism) reports under their own name.
// `allOf`, `then`, `else` and `dependentSchemas` report only their members'
// failures, and an `if` condition's failures are never reported.
const REPORTED = [
  "type",
  "enum",
  "const",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  "minProperties",
  "maxProperties",
  "propertyNames",
  "dependentRequired",
  "unevaluatedProperties",
  "unevaluatedItems",
  "not",
  "oneOf",
  "anyOf",
  "if",
];
// Deeper than any body of these services; stops a schema that refers to itself.
const MAX_DEPTH = 16;

/**
 * The `oneOf` request bodies of a bundle, in path order.
 * @param {any} bundle a parsed generated/<service>.openapi.json
 * @returns {OneOfBody[]}
 */
export function oneOfBodies(bundle) {
  const resolve = (/** @type {any} */ node) => resolveRef(bundle, node);
  return eachOperation(bundle).flatMap(({ template, method, operation }) => {
    const schema = resolve(resolve(operation.requestBody)?.content?.["application/json"]?.schema);
    if (!Array.isArray(schema?.oneOf)) return [];
    return [
      {
        method: method.toUpperCase(),
        path: template,
        schema: schema.title ?? "the request body",
        forms: schema.oneOf.map((/** @type {any} */ member, /** @type {number} */ index) => ({
          name: resolve(member)?.title ?? `form ${index + 1}`,
          shape: shapeOf([member], resolve, 0),
        })),
      },
    ];
  });
}

/**
 * One shape for schemas that apply to the same place (an allOf's members, a
 * property defined in several of them).
 * @param {unknown[]} schemas @param {(node: any) => any} resolve @param {number} depth
 * @returns {BodyShape}
 */
function shapeOf(schemas, resolve, depth) {
  const required = new Set();
  /** @type {Map<string, Set<string>>} */
  const conditional = new Map();
  const keywords = new Set();
  const allowed = new Set();
  /** @type {Map<string, unknown[]>} */
  const properties = new Map();
  /** @type {unknown[]} */
  const items = [];
  /** @type {unknown[]} */
  const values = [];

  /** @param {unknown} node @param {string | undefined} condition undefined: always applies */
  const visit = (node, condition) => {
    const schema = resolve(node);
    if (schema === false) keywords.add("false schema");
    if (typeof schema !== "object" || schema === null) return;
    for (const keyword of REPORTED) if (schema[keyword] !== undefined) keywords.add(keyword);
    if (schema.additionalProperties === false) keywords.add("additionalProperties");
    if (Array.isArray(schema.enum)) allowed.add(schema.enum.join(", "));
    if (Array.isArray(schema.required) && schema.required.length) {
      keywords.add("required");
      for (const name of schema.required) {
        if (condition === undefined) required.add(name);
        else conditional.set(name, (conditional.get(name) ?? new Set()).add(condition));
      }
    }
    for (const [name, sub] of Object.entries(schema.properties ?? {})) properties.set(name, [...(properties.get(name) ?? []), sub]);
    if (schema.items !== undefined && typeof schema.items === "object") items.push(schema.items);
    if (typeof schema.additionalProperties === "object") values.push(schema.additionalProperties);
    for (const member of schema.allOf ?? []) visit(member, condition);
    for (const member of schema.oneOf ?? []) visit(member, condition ?? "oneOf");
    for (const member of schema.anyOf ?? []) visit(member, condition ?? "anyOf");
    for (const branch of [schema.then, schema.else]) if (branch !== undefined) visit(branch, condition ?? "if");
    for (const dependent of Object.values(schema.dependentSchemas ?? {})) visit(dependent, condition ?? "");
  };
  for (const schema of schemas) visit(schema, undefined);

  /** @type {BodyShape} */
  const shape = {};
  if (required.size) shape.required = [...required];
  const onlyConditional = [...conditional].filter(([name]) => !required.has(name));
  if (onlyConditional.length) shape.conditional = Object.fromEntries(onlyConditional.map(([name, after]) => [name, [...after]]));
  if (keywords.size) shape.keywords = [...keywords];
  if (allowed.size) shape.allowed = [...allowed];
  if (depth >= MAX_DEPTH) return shape;
  if (properties.size) {
    shape.properties = Object.fromEntries([...properties].map(([name, subs]) => [name, shapeOf(subs, resolve, depth + 1)]));
  }
  if (items.length) shape.items = shapeOf(items, resolve, depth + 1);
  if (values.length) shape.values = shapeOf(values, resolve, depth + 1);
  return shape;
}

// Reading a bundled OpenAPI document: following its `$ref`s, and its
// operations in document order. The one implementation: the docs build (code
// samples) uses it, and so does the tests' walker (test/support/openapi.ts),
// which adds what the tests need on top.
import { resolvePointer } from "./json-pointer.mjs";

/** The HTTP methods a Path Item may hold, in the order they are walked. */
export const httpMethods = /** @type {const} */ (["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * `value` with its local `$ref` followed (through chains of refs) to what it
 * points at in `doc`; anything without a `$ref` is returned as it is. A ref
 * that does not resolve throws, naming it.
 * @param {unknown} doc @param {any} value
 * @returns {any}
 */
export function resolveRef(doc, value) {
  const seen = new Set();
  while (typeof value?.$ref === "string") {
    const ref = /** @type {string} */ (value.$ref);
    if (!ref.startsWith("#/")) throw new Error(`not a local $ref: ${ref}`);
    if (seen.has(ref)) throw new Error(`circular $ref: ${ref}`);
    seen.add(ref);
    value = resolvePointer(doc, ref.slice(1));
    if (value === undefined) throw new Error(`$ref does not resolve: ${ref}`);
  }
  return value;
}

/**
 * Every operation of a document: its path template, method (lower case, as
 * the document has it), Path Item and Operation Object.
 * @param {{ paths?: Record<string, Record<string, any>> }} doc
 * @returns {{ template: string, method: (typeof httpMethods)[number], item: Record<string, any>, operation: Record<string, any> }[]}
 */
export function eachOperation(doc) {
  return Object.entries(doc.paths ?? {}).flatMap(([template, item]) =>
    httpMethods.filter((method) => item[method] !== undefined).map((method) => ({ template, method, item, operation: item[method] })),
  );
}

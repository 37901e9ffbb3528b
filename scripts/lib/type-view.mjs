// What the type generator reads instead of a bundle: the same schemas, with
// every rule between fields that TypeScript can say rewritten into the
// compositions openapi-typescript turns into types (scripts/generate.mjs;
// CONTRIBUTING.md, C-TypedRules). The bundle itself, which the mock and the
// validators read, is not changed; this is the generator's copy.
//
// - A conditional (`if`/`then`/`else`, `dependentSchemas`) is the union it
//   means: `if C then A else B` is `(C and A) or (not C and B)`, and
//   `dependentSchemas: {p: S}` is `if p is given then S`. `not C` is written
//   with what TypeScript has: a property left out (`p: false`, which becomes
//   `p?: never`), the values of a closed list that C does not take, the
//   integers of a range that C does not take. Where `not C` has no such form
//   (C is a pattern, a length), it is read as "anything", so the union is
//   never tighter than the schema: at worst the rule is left to the mock.
// - In a conditional's branches, only what a type can say is kept (required
//   names, properties left out, types, constants, closed lists, a number
//   range narrowed to one value, nested objects); lengths and patterns stay
//   for the validators only.
// - A closed form of a `oneOf` (`additionalProperties` or
//   `unevaluatedProperties: false`) refuses every field it does not declare,
//   so its type gets the fields its sibling forms declare as left out. Without
//   that TypeScript accepts a server image that also carries `image_url`: it
//   checks excess fields against the union as a whole.
// - A `required` name defined only deeper in an `allOf` is repeated where
//   openapi-typescript looks for it (hoistNestedRequired).
//
// openapi-typescript's hooks cannot do the first two: `transform` sees only
// schemas that have a `type`, and `postTransform` gets no schema at all, so
// neither reaches the `allOf` members that hold most conditionals. What the
// hooks can do, they do (scripts/generate.mjs).
import { resolveRef } from "./openapi.mjs";

/** The keywords of an allOf member that is only a condition (readerView in scripts/docs.mjs drops the same). */
const conditionKeys = new Set(["if", "then", "else", "description", "$comment"]);

/**
 * The generator's copy of `document` (an OpenAPI 3.1 bundle whose schemas
 * refer to each other by `#/components/schemas/<name>`).
 * @param {any} document
 * @returns {any}
 */
export function typeView(document) {
  const doc = structuredClone(document);
  const schemas = doc.components?.schemas ?? {};
  const reader = schemaReader(doc);
  for (const schema of Object.values(schemas)) visit(schema, reader);
  hoistNestedRequired(schemas, reader);
  return doc;
}

/** @typedef {ReturnType<typeof schemaReader>} Reader */

/** @param {any} doc */
function schemaReader(doc) {
  /** A schema with its `$ref` followed. @param {any} node @returns {any} */
  const resolve = (node) => resolveRef(doc, node);
  /**
   * Where `schema` defines property `name`: its own properties, then its
   * allOf members, depth first, through refs.
   * @param {any} schema @param {string} name @param {number} [depth] @returns {any}
   */
  const findProperty = (schema, name, depth = 0) => {
    const target = resolve(schema);
    if (typeof target !== "object" || target === null || depth > 20) return undefined;
    if (target.properties?.[name] !== undefined) return target.properties[name];
    for (const member of target.allOf ?? []) {
      const found = findProperty(member, name, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  /** Every property name `schema` declares, through allOf and refs. @param {any} schema @param {number} [depth] @returns {Set<string>} */
  const declaredNames = (schema, depth = 0) => {
    const target = resolve(schema);
    const names = new Set(Object.keys(target?.properties ?? {}));
    if (depth < 20) for (const member of target?.allOf ?? []) for (const name of declaredNames(member, depth + 1)) names.add(name);
    return names;
  };
  return { resolve, findProperty, declaredNames };
}

/**
 * Rewrites one schema in place (its conditionals, its oneOf forms), then the
 * schemas inside it.
 * @param {any} schema @param {Reader} reader
 */
function visit(schema, reader) {
  if (typeof schema !== "object" || schema === null) return;
  const unions = conditionsOf(schema).flatMap((condition) => {
    const union = unionOf(condition, schema, reader);
    return union === true ? [] : [union];
  });
  if (Array.isArray(schema.allOf)) schema.allOf = schema.allOf.filter((/** @type {any} */ member) => !isCondition(member));
  delete schema.if;
  delete schema.then;
  delete schema.else;
  delete schema.dependentSchemas;
  if (unions.length) schema.allOf = [...(schema.allOf ?? []), ...unions];
  if (Array.isArray(schema.allOf) && schema.allOf.length === 0) delete schema.allOf;
  if (Array.isArray(schema.oneOf)) schema.oneOf = withSiblingsLeftOut(schema.oneOf, reader);

  for (const value of Object.values(schema.properties ?? {})) visit(value, reader);
  for (const key of ["items", "additionalProperties", "unevaluatedProperties", "propertyNames", "not", "contains"])
    visit(schema[key], reader);
  for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) for (const member of schema[key] ?? []) visit(member, reader);
}

/** @param {any} member */
const isCondition = (member) =>
  typeof member === "object" && member !== null && member.if !== undefined && Object.keys(member).every((key) => conditionKeys.has(key));

/**
 * The conditionals that apply to `schema`'s instance: its own, its
 * `dependentSchemas`, and the allOf members that are only a condition.
 * @param {any} schema @returns {Array<{ if: any, then?: any, else?: any }>}
 */
function conditionsOf(schema) {
  const own = schema.if === undefined ? [] : [{ if: schema.if, then: schema.then, else: schema.else }];
  const dependent = Object.entries(schema.dependentSchemas ?? {}).map(([name, then]) => ({ if: { required: [name] }, then }));
  const members = (schema.allOf ?? [])
    .filter(isCondition)
    .map((/** @type {any} */ member) => ({ if: member.if, then: member.then, else: member.else }));
  return [...own, ...dependent, ...members];
}

/**
 * `if C then A else B` as `anyOf: [C and A, not C and B]`, in the context of
 * `owner` (whose properties say what each field may be); `true` when the
 * union says nothing a type can check.
 * @param {{ if: any, then?: any, else?: any }} condition @param {any} owner @param {Reader} reader
 * @returns {any}
 */
function unionOf(condition, owner, reader) {
  const then = typed(condition.then, owner, reader);
  const otherwise = typed(condition.else, owner, reader);
  if (then === true && otherwise === true) return true;
  const negation = not(condition.if, owner, reader) ?? true;
  const members = [both(typed(condition.if, owner, reader), then), both(negation, otherwise)].filter((member) => member !== false);
  if (members.some((member) => member === true)) return true;
  // Always an anyOf, also of one: the finders above never read a union's properties as declared ones.
  return { anyOf: members };
}

/**
 * What a type can say of `schema` (`true`: nothing), read as a constraint on
 * an instance of `owner`: required names (with a property to hang them on),
 * properties, and within them types, constants, lists and nested objects.
 * @param {any} schema @param {any} owner @param {Reader} reader @returns {any}
 */
function typed(schema, owner, reader) {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const members = (schema.anyOf ?? schema.oneOf).map((/** @type {any} */ member) => typed(member, owner, reader));
    return members.some((/** @type {any} */ member) => member === true) ? true : { anyOf: members };
  }
  /** @type {Record<string, any>} */
  const properties = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const type = typedValue(property, reader.findProperty(owner, name), reader);
    if (type !== true) properties[name] = type;
  }
  const required = Array.isArray(schema.required) ? schema.required : [];
  // openapi-typescript marks a name required only where it sees the property: it gets the owner's type for it.
  for (const name of required) properties[name] ??= withoutAnnotations(reader.findProperty(owner, name));
  if (Object.keys(properties).length === 0) return true;
  return { ...(required.length ? { required } : {}), properties };
}

/** A property's schema without the words openapi-typescript copies into comments (they are on the declared property). @param {any} schema */
function withoutAnnotations(schema) {
  if (typeof schema !== "object" || schema === null) return {};
  const { description: _d, title: _t, default: _default, examples: _e, example: _x, deprecated: _deprecated, ...rest } = schema;
  return rest;
}

/**
 * What a type can say of one property's schema, given what the field is
 * declared as. A number range is narrowed against the declared one, so that
 * a range of one integer becomes that integer (the `transform` hook in
 * scripts/generate.mjs writes it as a literal).
 * @param {any} schema @param {any} declared @param {Reader} reader @returns {any}
 */
function typedValue(schema, declared, reader) {
  if (schema === true || schema === false) return schema;
  if (typeof schema?.$ref === "string") return { $ref: schema.$ref };
  /** @type {Record<string, any>} */
  const out = {};
  for (const key of ["type", "const", "enum"]) if (schema[key] !== undefined) out[key] = schema[key];
  // A list of values says what type it holds, as the declared field does (for the comment openapi-typescript writes).
  const declaredType = reader.resolve(declared)?.type;
  if (out.type === undefined && out.enum !== undefined && typeof declaredType === "string") out.type = declaredType;
  const range = narrowedRange(schema, reader.resolve(declared));
  if (range === false) return false;
  if (range) Object.assign(out, range);
  if (schema.properties || schema.required) {
    const nested = typed(schema, declared ?? {}, reader);
    if (nested === false) return false;
    if (nested !== true) Object.assign(out, nested);
  }
  if (schema.items !== undefined) {
    const items = typedValue(schema.items, reader.resolve(declared)?.items, reader);
    if (items !== true) Object.assign(out, { type: "array", items });
  }
  return Object.keys(out).length ? out : true;
}

/**
 * The integers both `schema`'s bounds and `declared`'s allow, when `schema`
 * narrows an integer field's declared range; `false` when none.
 * @param {any} schema @param {any} declared @returns {false | { type: "integer", minimum: number, maximum: number } | undefined}
 */
function narrowedRange(schema, declared) {
  const bounds = integerBounds(schema);
  const within = declared?.type === "integer" ? integerBounds(declared) : undefined;
  if (!bounds || !within || !Number.isFinite(within.min) || !Number.isFinite(within.max)) return undefined;
  const min = Math.max(bounds.min, within.min);
  const max = Math.min(bounds.max, within.max);
  if (min > max) return false;
  if (min === within.min && max === within.max) return undefined;
  return { type: "integer", minimum: min, maximum: max };
}

/** The integer interval a schema's bounds allow, or undefined when it has none. @param {any} schema */
function integerBounds(schema) {
  const has = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].some((key) => typeof schema?.[key] === "number");
  if (!has) return undefined;
  const min = Math.max(schema.minimum ?? -Infinity, (schema.exclusiveMinimum ?? -Infinity) + 1);
  const max = Math.min(schema.maximum ?? Infinity, (schema.exclusiveMaximum ?? Infinity) - 1);
  return { min: Math.ceil(min), max: Math.floor(max) };
}

/**
 * `not C` for an instance of `owner`, in what a type can say, or undefined
 * when it cannot be said. `C` may require names, constrain properties, and
 * combine such schemas with anyOf and allOf.
 * @param {any} condition @param {any} owner @param {Reader} reader @returns {any}
 */
function not(condition, owner, reader) {
  if (condition === undefined || condition === true) return false;
  const known = new Set(["required", "properties", "anyOf", "allOf", "description", "$comment"]);
  if (typeof condition !== "object" || condition === null || Object.keys(condition).some((key) => !known.has(key))) return undefined;
  /** Each way C can fail; `not C` is any of them. @type {any[]} */
  const ways = [];
  const required = new Set(condition.required ?? []);
  for (const name of new Set([...required, ...Object.keys(condition.properties ?? {})])) {
    const schema = condition.properties?.[name];
    const given = required.has(name);
    if (schema === undefined) {
      ways.push({ properties: { [name]: false } });
      continue;
    }
    const declared = reader.resolve(reader.findProperty(owner, name));
    // A nested object condition (`volume.volume_type` is ESSD2) fails the way its own conditions fail.
    const nested = typeof schema === "object" && schema !== null && (schema.required || schema.properties);
    const rest = nested ? not(schema, declared ?? {}, reader) : complement(schema, declared);
    if (rest === undefined) return undefined;
    // Left out, or given with a value C does not take.
    if (given) ways.push({ properties: { [name]: rest === false ? false : rest } });
    else if (rest !== false) ways.push({ required: [name], properties: { [name]: rest } });
  }
  for (const member of condition.allOf ?? []) {
    const way = not(member, owner, reader);
    if (way === undefined) return undefined;
    if (way !== false) ways.push(way);
  }
  if (Array.isArray(condition.anyOf)) {
    // Every member fails; one that cannot be said is left out (reading it as "anything").
    const each = condition.anyOf
      .map((/** @type {any} */ member) => not(member, owner, reader))
      .filter((/** @type {any} */ way) => way !== undefined);
    if (each.length === 0) return undefined;
    const all = each.reduce(both);
    if (all !== false) ways.push(all);
  }
  if (ways.length === 0) return false;
  return ways.length === 1 ? ways[0] : { anyOf: ways };
}

/**
 * The values of a field declared as `declared` that `schema` refuses: a
 * schema, `false` when there are none, undefined when a type cannot say.
 * Handled: a closed list of values (enum, const, boolean, null) against a
 * schema of types, constants and lists; a union of types against a schema of
 * types; an integer range against a range.
 * @param {any} schema @param {any} declared @returns {any}
 */
function complement(schema, declared) {
  if (typeof declared !== "object" || declared === null || typeof schema !== "object" || schema === null) return undefined;
  const keys = Object.keys(schema).filter((key) => key !== "description" && key !== "$comment");
  const values = finiteValues(declared);
  if (values && keys.every((key) => ["type", "const", "enum"].includes(key))) {
    const rest = values.filter((value) => !acceptsValue(schema, value));
    if (rest.length === 0) return false;
    if (rest.length === 1 && rest[0] === null) return { type: "null" };
    const type = typeof declared.type === "string" ? { type: declared.type } : {};
    return rest.length === 1 ? { ...type, const: rest[0] } : { ...type, enum: rest };
  }
  if (keys.length === 1 && keys[0] === "type" && declared.enum === undefined && declared.const === undefined) {
    const declaredTypes = [declared.type].flat().filter(Boolean);
    const taken = [schema.type].flat();
    const rest = declaredTypes.filter((type) => !taken.includes(type) && !(type === "integer" && taken.includes("number")));
    if (declaredTypes.length === 0) return undefined;
    if (rest.length === 0) return false;
    return { type: rest.length === 1 ? rest[0] : rest };
  }
  const bounds = integerBounds(schema);
  const within = declared.type === "integer" ? integerBounds(declared) : undefined;
  if (bounds && within && keys.every((key) => key.includes("imum"))) {
    const pieces = [
      { min: within.min, max: Math.min(within.max, bounds.min - 1) },
      { min: Math.max(within.min, bounds.max + 1), max: within.max },
    ].filter(({ min, max }) => min <= max && Number.isFinite(min) && Number.isFinite(max));
    if (pieces.length === 0) return false;
    const ranges = pieces.map(({ min, max }) => ({ type: "integer", minimum: min, maximum: max }));
    return ranges.length === 1 ? ranges[0] : { anyOf: ranges };
  }
  return undefined;
}

/** Every value a field may hold, when they are few and listed; undefined otherwise. @param {any} declared */
function finiteValues(declared) {
  const types = [declared.type].flat().filter(Boolean);
  const nullable = types.includes("null") ? [null] : [];
  if (declared.const !== undefined) return [declared.const];
  if (Array.isArray(declared.enum)) return [...new Set([...declared.enum, ...nullable])];
  if (types.length > 0 && types.every((type) => type === "boolean" || type === "null")) {
    return [...(types.includes("boolean") ? [true, false] : []), ...nullable];
  }
  return undefined;
}

/** Whether a schema of `type`, `const` and `enum` accepts `value`. @param {any} schema @param {unknown} value */
function acceptsValue(schema, value) {
  if (schema.const !== undefined && schema.const !== value) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (schema.type !== undefined) {
    const actual = value === null ? "null" : Number.isInteger(value) ? "integer" : typeof value;
    const types = [schema.type].flat();
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) return false;
  }
  return true;
}

/**
 * Both constraints: merged into one object when they are plain
 * properties/required objects on different names, an allOf otherwise.
 * @param {any} left @param {any} right @returns {any}
 */
function both(left, right) {
  if (left === true) return right;
  if (right === true) return left;
  if (left === false || right === false) return false;
  const plain = (/** @type {any} */ schema) => Object.keys(schema).every((key) => key === "properties" || key === "required");
  const shared = Object.keys(left.properties ?? {}).some((name) => name in (right.properties ?? {}));
  if (!plain(left) || !plain(right) || shared) return { allOf: [left, right] };
  const required = [...new Set([...(left.required ?? []), ...(right.required ?? [])])];
  return { ...(required.length ? { required } : {}), properties: { ...left.properties, ...right.properties } };
}

/**
 * The forms of a oneOf, each closed one with the fields its siblings declare
 * and it does not, as left out (`false`).
 * @param {any[]} forms @param {Reader} reader @returns {any[]}
 */
function withSiblingsLeftOut(forms, reader) {
  const names = forms.map((form) => reader.declaredNames(form));
  return forms.map((form, index) => {
    const target = reader.resolve(form);
    const closed = target?.additionalProperties === false || target?.unevaluatedProperties === false;
    const others = new Set(names.flatMap((set, other) => (other === index ? [] : [...set])));
    const foreign = [...others].filter((name) => !names[index]?.has(name));
    if (!closed || foreign.length === 0) return form;
    return { allOf: [form, { properties: Object.fromEntries(foreign.map((name) => [name, false])) }] };
  });
}

/**
 * openapi-typescript honours a `required` written beside `allOf` only for
 * properties defined inline or directly in a referenced member. The IMS forms
 * require `name`, which ImageFieldsCommon gets from ImageLabels one allOf
 * deeper, so the generated type would let `name` be left out. For each such
 * name this adds one more allOf member requiring the property with the schema
 * it already has: the same constraint, stated where openapi-typescript looks.
 * @param {Record<string, any>} schemas @param {Reader} reader
 */
function hoistNestedRequired(schemas, reader) {
  for (const schema of Object.values(schemas)) {
    if (!Array.isArray(schema.allOf) || !Array.isArray(schema.required)) continue;
    // What openapi-typescript already sees (see collectAllOfCompositions).
    const seen = (/** @type {string} */ name) =>
      schema.properties?.[name] !== undefined ||
      schema.allOf.some((/** @type {any} */ member) => reader.resolve(member)?.properties?.[name] !== undefined);
    /** @type {Record<string, unknown>} */
    const hoisted = {};
    for (const name of schema.required) {
      if (seen(name)) continue;
      const property = reader.findProperty(schema, name);
      if (property === undefined) throw new Error(`generate: required property ${name} is defined nowhere`);
      hoisted[name] = property;
    }
    if (Object.keys(hoisted).length) {
      schema.allOf = [...schema.allOf, { type: "object", required: Object.keys(hoisted), properties: hoisted }];
    }
  }
}

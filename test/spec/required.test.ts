// Every name in a `required` list is a property the same object defines.
// Redocly's no-required-schema-properties-undefined and Ajv's strictRequired
// read if/then branches in isolation and are off; this check follows the
// composition (allOf, oneOf, if/then/else, dependentSchemas) instead, so a
// misspelled required name still fails.
import { describe, expect, it } from "vitest";
import { loadBundle, resolver, services, type OpenApiDocument } from "../support/openapi.js";

type Schema = Record<string, any>;

/** The schemas that apply at one instance location, through composition. */
function sameLevel(schema: Schema, resolve: (s: Schema) => Schema, seen = new Set<Schema>()): Schema[] {
  if (typeof schema !== "object" || schema === null || seen.has(schema)) return [];
  seen.add(schema);
  const here = resolve(schema);
  const parts: Schema[] = [
    ...(here.allOf ?? []),
    ...(here.anyOf ?? []),
    ...(here.oneOf ?? []),
    ...[here.if, here.then, here.else].filter(Boolean),
    ...Object.values(here.dependentSchemas ?? {}),
  ];
  return [here, ...parts.flatMap((part) => sameLevel(part, resolve, seen))];
}

/** "location: name" for each required name its object does not define. */
function undefinedRequired(doc: OpenApiDocument, name: string): string[] {
  const resolve = resolver(doc);
  const problems: string[] = [];
  const visited = new Set<Schema>();
  const walk = (schema: Schema, where: string) => {
    const level = sameLevel(schema, resolve);
    if (level.every((s) => visited.has(s))) return;
    level.forEach((s) => visited.add(s));
    const defined = new Set(level.flatMap((s) => Object.keys(s.properties ?? {})));
    for (const missing of level.flatMap((s) => s.required ?? []).filter((r: string) => !defined.has(r))) {
      problems.push(`${where}: ${missing}`);
    }
    for (const s of level) {
      for (const [prop, sub] of Object.entries(s.properties ?? {})) walk(sub as Schema, `${where}.${prop}`);
      if (s.items) walk(s.items, `${where}[]`);
      if (typeof s.additionalProperties === "object") walk(s.additionalProperties, `${where}.*`);
    }
  };
  walk({ $ref: `#/components/schemas/${name}` }, name);
  return problems;
}

for (const service of services) {
  describe(`${service}: required names are defined properties`, () => {
    const doc = loadBundle(service);
    it.each(Object.keys(doc.components.schemas ?? {}))("%s", (name) => {
      expect(undefinedRequired(doc, name)).toEqual([]);
    });
  });
}

// Every name in a `required` list is a property the same object defines.
// Redocly's no-required-schema-properties-undefined and Ajv's strictRequired
// read if/then branches in isolation and are off; this check follows the
// composition (allOf, oneOf, if/then/else, dependentSchemas) instead, so a
// misspelled required name still fails.
import { describe, expect, it } from "vitest";
import { eachLocation, loadBundle, type OpenApiDocument, services } from "../support/openapi.js";

/** "location: name" for each required name its object does not define. */
function undefinedRequired(doc: OpenApiDocument, name: string): string[] {
  const problems: string[] = [];
  eachLocation(doc, [{ $ref: `#/components/schemas/${name}` }], name, (where, _roots, level) => {
    const defined = new Set(level.flatMap((s) => Object.keys(s.properties ?? {})));
    for (const missing of level.flatMap((s) => s.required ?? []).filter((r: string) => !defined.has(r))) {
      problems.push(`${where}: ${missing}`);
    }
  });
  return problems;
}

for (const service of services) {
  describe(`${service}: required names are defined properties`, () => {
    const doc = loadBundle(service);
    it.each(Object.keys(doc.components.schemas ?? {}))("%s", (name) => {
      expect(undefinedRequired(doc, name)).toEqual([]);
    });

    it("the check finds a misspelled required name", () => {
      const broken = structuredClone(doc);
      const [name, schema] = Object.entries(broken.components.schemas!).find(([, s]) => s.properties && s.required)!;
      schema.required = [...schema.required, "no_such_property"];
      expect(undefinedRequired(broken, name)).toContain(`${name}: no_such_property`);
    });
  });
}

// Every example in the descriptions (the pages' own and the authored ones)
// validates against the schema of the media type it belongs to.
import { describe, expect, it } from "vitest";
import { createValidator, resolver, type Service } from "../support/openapi.js";

type ExampleCase = { where: string; name: string; schema: object; value: unknown };

function examplesOf(service: Service) {
  const validator = createValidator(service);
  const { doc } = validator;
  const resolve = resolver(doc);
  const cases: ExampleCase[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method === "parameters") continue;
      const media: Array<[string, any]> = [];
      if (op.requestBody) media.push([`${method.toUpperCase()} ${path} request`, resolve(op.requestBody).content]);
      for (const [status, response] of Object.entries(op.responses as object)) {
        media.push([`${method.toUpperCase()} ${path} ${status}`, resolve(response).content]);
      }
      for (const [where, content] of media) {
        for (const type of Object.values(content ?? {}) as any[]) {
          for (const [name, example] of Object.entries(type.examples ?? {})) {
            cases.push({ where, name, schema: type.schema, value: resolve(example).value });
          }
        }
      }
    }
  }
  return { validator, cases };
}

for (const service of ["evs", "ims"] as const) {
  describe(`${service}: every example validates against its schema`, () => {
    const { validator, cases } = examplesOf(service);

    it("has examples for every request body and every response", () => {
      expect(cases.length).toBeGreaterThan(10);
    });

    it.each(cases.map((c) => [`${c.where}: ${c.name}`, c] as const))("%s", (_label, c) => {
      expect(validator.errorsAgainst(c.schema, c.value)).toEqual([]);
    });
  });
}

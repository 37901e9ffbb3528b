// Every example in the descriptions (the pages' own and the authored ones)
// validates against the schema of the request body or response it belongs to.
import { describe, expect, it } from "vitest";
import { createValidator, operationsOf, services } from "../support/openapi.js";

for (const service of services) {
  describe(`${service}: every example validates against its schema`, () => {
    const validator = createValidator(service);
    const cases = operationsOf(service).flatMap((op) => [
      ...op.requestExamples.map((example) => ({ where: `${op.method} ${op.template} request`, schema: op.request?.schema, example })),
      ...op.responses.flatMap(({ status, schema, examples }) =>
        examples.map((example) => ({ where: `${op.method} ${op.template} ${status}`, schema, example })),
      ),
    ]);

    it("has examples for every request body and every response", () => {
      expect(cases.length).toBeGreaterThan(10);
    });

    it.each(cases.map((c) => [`${c.where}: ${c.example.name}`, c] as const))("%s", (_label, c) => {
      expect(validator.errorsAgainst(c.schema, c.example.value)).toEqual([]);
    });
  });
}

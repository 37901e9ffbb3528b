// Every documented rule, checked against the bundled descriptions with a real
// JSON Schema 2020-12 validator: a body that obeys the rule is valid, and one
// that breaks only that rule is invalid, with the error where the rule says.
import type { ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { createValidator } from "../support/openapi.js";
import { clientBodies } from "../rules/client-bodies.js";
import { ruleSets } from "../rules/index.js";
import { operations, type Rule, type Violation } from "../rules/types.js";

const validators = { evs: createValidator("evs"), ims: createValidator("ims") };

/** Whether an Ajv error is the one a rule's violation describes. */
export function matches(error: ErrorObject, violation: Violation): boolean {
  if (error.instancePath !== violation.path || error.keyword !== violation.keyword) return false;
  return violation.mentions === undefined || JSON.stringify(error.params).includes(violation.mentions);
}

function check(rules: Rule[]) {
  it.each(rules.map((r) => [r.rule, r] as const))("%s", (_name, rule) => {
    const { service, schema } = operations[rule.operation];
    const validator = validators[service];

    expect(validator.errors(schema, rule.valid), "the obeying body is valid").toEqual([]);
    const errors = validator.errors(schema, rule.invalid);
    expect(
      errors.some((e) => matches(e, rule.violation)),
      `expected ${JSON.stringify(rule.violation)} among ${JSON.stringify(errors.map((e) => [e.instancePath, e.keyword, e.params]))}`,
    ).toBe(true);
  });
}

for (const [subject, rules] of ruleSets) describe(`${subject}: documented rules`, () => check(rules));

describe("what widely used clients send is valid (test/rules/client-bodies.ts)", () => {
  it.each(clientBodies.map((c) => [c.client, c] as const))("%s", (_name, { operation, body }) => {
    const { service, schema } = operations[operation];
    expect(validators[service].errors(schema, body)).toEqual([]);
  });
});

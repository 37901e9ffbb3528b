// Every documented rule, checked against the bundled descriptions with a real
// JSON Schema 2020-12 validator: a body that obeys the rule is valid, and one
// that breaks only that rule is invalid, with the error where the rule says.
// And every operation with a request body has rules to check.
import type { ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { createValidator, operationsOf, services } from "../support/openapi.js";
import { operations, rulesByOperation, type OperationName, type Rule, type Violation } from "../rules/index.js";

const validators = new Map(services.map((service) => [service, createValidator(service)]));

/** Whether an Ajv error is the one a rule's violation describes. */
export function matches(error: ErrorObject, violation: Violation): boolean {
  if (error.instancePath !== violation.path || error.keyword !== violation.keyword) return false;
  return violation.mentions === undefined || JSON.stringify(error.params).includes(violation.mentions);
}

function check(rules: Rule[]) {
  it.each(rules.map((r) => [r.rule, r] as const))("%s", (_name, rule) => {
    const { service, schema } = operations[rule.operation];
    const validator = validators.get(service)!;

    expect(validator.errors(schema, rule.valid), "the obeying body is valid").toEqual([]);
    const errors = validator.errors(schema, rule.invalid);
    expect(
      errors.some((e) => matches(e, rule.violation)),
      `expected ${JSON.stringify(rule.violation)} among ${JSON.stringify(errors.map((e) => [e.instancePath, e.keyword, e.params]))}`,
    ).toBe(true);
  });
}

for (const [name, rules] of Object.entries(rulesByOperation)) {
  describe(`${operations[name as OperationName].service.toUpperCase()} ${name}: documented rules`, () => check(rules));
}

describe("every operation with a request body has its rules in test/rules/", () => {
  const withBody = services.flatMap((service) => operationsOf(service).filter((op) => op.request !== undefined));

  it.each(withBody.map((op) => [`${op.service} ${op.operationId}`, op] as const))("%s", (_label, op) => {
    const entry = (operations as Record<string, (typeof operations)[OperationName]>)[op.operationId];
    expect(entry, `add ${op.operationId} to \`operations\` in test/rules/types.ts and its rules to test/rules/index.ts`).toBeDefined();
    const success = op.responses.find(({ status }) => status >= 200 && status < 300);
    expect({ service: entry!.service, schema: `#/components/schemas/${entry!.schema}`, status: entry!.status }).toEqual({
      service: op.service,
      schema: (op.request!.schema as { $ref?: string }).$ref,
      status: success?.status,
    });
    // The rule tests send to entry.path: it must be this operation's path, parameters filled in.
    const template = new RegExp(`^${op.template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    expect(entry!.path).toMatch(template);
    expect(rulesByOperation[op.operationId as OperationName].length).toBeGreaterThan(0);
  });
});

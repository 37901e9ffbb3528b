// Every documented rule, checked against the bundled descriptions with a real
// JSON Schema 2020-12 validator: a body that obeys the rule is valid, and one
// that breaks only that rule is invalid, with the error where the rule says.
import type { ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { createValidator, services } from "../support/openapi.js";
import { createImageRules } from "../rules/ims.js";
import { createVolumesRules, exportVolumeToImageRules } from "../rules/evs.js";
import { operations, type Rule, type Violation } from "../rules/types.js";

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

describe("EVS create disks: documented rules", () => check(createVolumesRules));
describe("EVS export a disk as an image: documented rules", () => check(exportVolumeToImageRules));
describe("IMS create a private image: documented rules", () => check(createImageRules));

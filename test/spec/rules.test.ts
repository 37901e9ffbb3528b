// Every documented rule, checked against the bundled descriptions with a real
// JSON Schema 2020-12 validator: a body that obeys the rule is valid, and one
// that breaks only that rule is invalid, with the error where the rule says.
import type { ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { createValidator, resolveRef } from "../support/openapi.js";
import { createImageRules, listImagesPageQueries, listImagesParameterRules } from "../rules/ims.js";
import { createVolumesRules, exportVolumeToImageRules } from "../rules/evs.js";
import { operations, parameterOperations, type PageQuery, type ParameterRule, type Rule, type Violation } from "../rules/types.js";

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

describe("EVS create disks: documented rules", () => check(createVolumesRules));
describe("EVS export a disk as an image: documented rules", () => check(exportVolumeToImageRules));
describe("IMS create a private image: documented rules", () => check(createImageRules));

function checkParameters(rules: ParameterRule[]) {
  it.each(rules.map((r) => [r.rule, r] as const))("%s", (_name, rule) => {
    const { service, path, method } = parameterOperations[rule.operation];
    const validator = validators[service];

    expect(validator.queryErrors(path, method, rule.valid), "the obeying query is valid").toEqual([]);
    const errors = validator.queryErrors(path, method, rule.invalid);
    expect(
      errors.some((e) => e.instancePath === `/${rule.violation.name}` && e.keyword === rule.violation.keyword),
      `expected ${JSON.stringify(rule.violation)} among ${JSON.stringify(errors.map((e) => [e.instancePath, e.keyword]))}`,
    ).toBe(true);
  });
}

function checkPageQueries(queries: PageQuery[]) {
  it.each(queries.map((q) => [q.name, q] as const))("%s", (_name, { operation, query }) => {
    const { service, path, method } = parameterOperations[operation];
    expect(validators[service].queryErrors(path, method, query)).toEqual([]);
  });
}

describe("IMS list images: documented rules of the query parameters", () => checkParameters(listImagesParameterRules));
describe("IMS list images: the page's queries are valid", () => checkPageQueries(listImagesPageQueries));

describe("IMS list images: the rules cover the parameters", () => {
  const { doc } = validators.ims;
  const query = (doc.paths["/v2/cloudimages"]!.get.parameters as unknown[])
    .map((p) => resolveRef(doc, p))
    .filter((p) => p.in === "query");

  it("has the page's 38 query parameters", () => {
    expect(query).toHaveLength(38);
  });

  it("has a breaking rule for every query parameter that is not free text", () => {
    // An empty value counts as no value at all (Prism drops it), so minLength alone is not a rule a request can break.
    const constrained = query
      .filter((p) => {
        const schema = resolveRef(doc, p.schema);
        return schema.type !== "string" || schema.enum || schema.pattern || schema.maxLength !== undefined;
      })
      .map((p) => p.name as string);
    const ruled = new Set(listImagesParameterRules.map((rule) => rule.violation.name));
    expect(constrained.filter((name) => !ruled.has(name))).toEqual([]);
    expect(constrained.length).toBeGreaterThan(25);
  });
});

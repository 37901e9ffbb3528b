// Every documented rule, checked against the bundled descriptions with a real
// JSON Schema 2020-12 validator: a body that obeys the rule is valid, and one
// that breaks only that rule is invalid, with the error where the rule says.
// The same for the rules of query and header parameters. And every operation
// with a request body, and every parameter with a rule, has rules to check.
import { describe, expect, it } from "vitest";
import {
  clientBodies,
  madeUpParameterRule,
  type OperationName,
  operations,
  type ParameterRule,
  parameterRules,
  type Rule,
  rulesByOperation,
  withMadeUpParameter,
} from "../rules/index.js";
import {
  createValidator,
  errorIs,
  loadBundle,
  type OpenApiDocument,
  operationsOf,
  type Parameter,
  resolveRef,
  type Service,
  services,
} from "../support/openapi.js";

const validators = new Map(services.map((service) => [service, createValidator(service)]));

function check(rules: Rule[]) {
  it.each(rules.map((r) => [r.rule, r] as const))("%s", (_name, rule) => {
    const { service, schema } = operations[rule.operation];
    const validator = validators.get(service)!;

    expect(validator.errors(schema, rule.valid), "the obeying body is valid").toEqual([]);
    const errors = validator.errors(schema, rule.invalid);
    expect(
      errors.some((e) => errorIs(e, rule.violation)),
      `expected ${JSON.stringify(rule.violation)} among ${JSON.stringify(errors.map((e) => [e.instancePath, e.keyword, e.params]))}`,
    ).toBe(true);
  });
}

for (const [name, rules] of Object.entries(rulesByOperation)) {
  describe(`${operations[name as OperationName].service.toUpperCase()} ${name}: documented rules`, () => check(rules));
}

describe("what widely used clients send is valid (test/rules/client-bodies.ts)", () => {
  it.each(clientBodies.map((c) => [c.client, c] as const))("%s", (_name, { operation, body }) => {
    const { service, schema } = operations[operation];
    expect(validators.get(service)!.errors(schema, body)).toEqual([]);
  });
});

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

/** The parameter a rule is about, in `doc` (the service's bundle unless given). */
function parameterOf(rule: ParameterRule, doc?: OpenApiDocument): Parameter {
  const op = operationsOf(rule.service, doc).find((candidate) => candidate.operationId === rule.operationId);
  const parameter = op?.parameters.find((p) => p.in === rule.in && p.name === rule.name);
  if (!parameter) throw new Error(`${rule.service} ${rule.operationId} has no ${rule.in} parameter ${rule.name}`);
  return parameter;
}

function checkParameter(rule: ParameterRule, doc?: OpenApiDocument) {
  const validator = validators.get(rule.service)!;
  const parameter = parameterOf(rule, doc);
  expect(validator.parameterErrors(parameter, rule.valid), "the obeying value is valid").toEqual([]);
  const errors = validator.parameterErrors(parameter, rule.invalid);
  expect(
    errors.map((e) => e.keyword),
    `the breaking value fails ${rule.keyword}`,
  ).toContain(rule.keyword);
}

/** Whether a parameter has a rule to test: it is required, or its schema says more than "a string". */
function hasRule(doc: OpenApiDocument, parameter: Parameter): boolean {
  const schema = resolveRef(doc, parameter.schema);
  const annotations = ["type", "description", "title", "example", "examples", "deprecated"];
  return parameter.required === true || schema.type !== "string" || Object.keys(schema).some((key) => !annotations.includes(key));
}

/** "service operationId in name" of each query or header parameter with a rule but no ParameterRule. */
function parametersWithoutRules(service: Service, doc: OpenApiDocument, rules: ParameterRule[]): string[] {
  return operationsOf(service, doc).flatMap((op) =>
    op.parameters
      .filter((p) => (p.in === "query" || p.in === "header") && hasRule(doc, p))
      .filter((p) => !rules.some((r) => r.service === service && r.operationId === op.operationId && r.in === p.in && r.name === p.name))
      .map((p) => `${service} ${op.operationId} ${p.in} ${p.name}`),
  );
}

describe("query and header parameters: documented rules", () => {
  for (const rule of parameterRules) it(`${rule.service} ${rule.operationId}: ${rule.rule}`, () => checkParameter(rule));

  it("every parameter with a rule has one in test/rules/ (a ParameterRule)", () => {
    expect(services.flatMap((service) => parametersWithoutRules(service, loadBundle(service), parameterRules))).toEqual([]);
  });

  it("the checks bite: a made-up parameter without a rule is named, and its rule holds", () => {
    const doc = withMadeUpParameter(loadBundle("evs"));
    expect(parametersWithoutRules("evs", doc, parameterRules)).toEqual(["evs createVolumes query made_up_flag"]);
    expect(parametersWithoutRules("evs", doc, [...parameterRules, madeUpParameterRule])).toEqual([]);
    checkParameter(madeUpParameterRule, doc);
    expect(() => checkParameter({ ...madeUpParameterRule, invalid: "false" }, doc)).toThrow();
  });
});

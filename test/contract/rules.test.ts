// Every documented rule, sent to the running Prism mock: the body that breaks
// the rule is refused with a 4xx whose `sl-violations` header points at the
// rule (location and keyword), and the body that obeys it is accepted with the
// documented status, and so is every body a widely used client sends. The
// spec tests prove the schemas say the right thing; this proves Prism really
// enforces them (it silently skips validation when a schema does not compile,
// and has skipped request bodies whose schema several operations share). The
// same for the rules of query and header parameters.
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
import { loadBundle, type Operation, operation, operationsOf } from "../support/openapi.js";
import { call, token, violationIs } from "../support/prism-requests.js";
import { mockServing } from "../support/prism-servers.global.js";

function check(rules: Rule[]) {
  it.each(rules.map((r) => [r.rule, r] as const))("%s", async (_name, rule) => {
    const { service, path, status } = operations[rule.operation];

    const refused = await call(service, path, { body: rule.invalid, headers: token });
    const seen = refused.violations.map((v) => [v.location.join("."), v.code, v.message]);
    expect(refused.status, `the breaking body is refused; violations: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(
      refused.violations.some((v) => violationIs(v, rule.violation)),
      `sl-violations has ${JSON.stringify(rule.violation)}; it has ${JSON.stringify(seen)}`,
    ).toBe(true);

    const accepted = await call(service, path, { body: rule.valid, headers: token });
    expect(accepted.violations, "the obeying body raises no violation").toEqual([]);
    expect(accepted.status, "the obeying body gets the documented status").toBe(status);
  });
}

for (const [name, rules] of Object.entries(rulesByOperation)) {
  const { service } = operations[name as OperationName];
  describe.concurrent(`mock, ${service.toUpperCase()} ${name}: each documented rule is enforced`, () => check(rules));
}

describe.concurrent("mock: what widely used clients send is accepted (test/rules/client-bodies.ts)", () => {
  it.each(clientBodies.map((c) => [c.client, c] as const))("%s", async (_name, { operation, body, headers }) => {
    const { service, path, status } = operations[operation];
    const answer = await call(service, path, { body, headers: { ...token, ...headers } });
    expect(answer.violations, "the mock finds nothing wrong with the request").toEqual([]);
    expect(answer.status).toBe(status);
  });
});

/**
 * Sends a parameter rule's breaking and obeying values (to `baseUrl`, or the
 * run's mock), the rest of the request being the operation's first example,
 * and checks what the mock answers.
 */
async function checkParameter(rule: ParameterRule, op: Operation, baseUrl?: string) {
  const send = (value: string | undefined) => {
    // The operation's path carries its required query parameters' examples: this one is replaced.
    const url = new URL(op.path, "http://mock");
    url.searchParams.delete(rule.name);
    if (rule.in === "query" && value !== undefined) url.searchParams.set(rule.name, value);
    const headers: Record<string, string> = { ...token, ...(rule.in === "header" && value !== undefined ? { [rule.name]: value } : {}) };
    const path = `${url.pathname}${url.search}`;
    return call(rule.service, path, { method: op.method, body: op.requestExamples[0]?.value, headers, ...(baseUrl ? { baseUrl } : {}) });
  };
  const refused = await send(rule.invalid);
  const seen = refused.violations.map((v) => [v.location.join("."), v.code, v.message]);
  expect(refused.status, `the breaking value is refused; violations: ${JSON.stringify(seen)}`).toBe(400);
  expect(
    refused.violations.some(
      (v) =>
        v.location[0] === "request" &&
        v.location[1] === rule.in &&
        String(v.code) === rule.keyword &&
        (v.location[2] === rule.name || v.message.includes(rule.name)),
    ),
    `sl-violations names ${rule.in} ${rule.name} and ${rule.keyword}; it has ${JSON.stringify(seen)}`,
  ).toBe(true);
  const accepted = await send(rule.valid);
  expect(accepted.violations, "the obeying value raises no violation").toEqual([]);
  expect(accepted.status).toBe(op.responses.find(({ status }) => status >= 200 && status < 300)?.status);
}

describe.concurrent("mock: each documented rule of a query or header parameter is enforced", () => {
  for (const rule of parameterRules) {
    it(`${rule.service} ${rule.operationId}: ${rule.rule}`, () => checkParameter(rule, operation(rule.service, rule.operationId)));
  }

  // A copy of the EVS bundle with a made-up query parameter, served by its own
  // Prism (started when the file loads), shows the check works on a real mock.
  const doc = withMadeUpParameter(loadBundle("evs"));
  const mock = mockServing("evs", doc);

  it('the check bites: a made-up boolean query parameter is refused as "maybe" and accepted as "true"', async () => {
    const { baseUrl } = await mock;
    const op = operationsOf("evs", doc).find((candidate) => candidate.operationId === madeUpParameterRule.operationId)!;
    await checkParameter(madeUpParameterRule, op, baseUrl);
    await expect(checkParameter({ ...madeUpParameterRule, invalid: "false" }, op, baseUrl)).rejects.toThrow();
  });
});

// Every documented rule, sent to the running Prism mock: the body that breaks
// the rule is refused with a 4xx whose `sl-violations` header points at the
// rule (location and keyword), and the body that obeys it is accepted with the
// documented status. So is every body a widely used client sends. The spec tests prove the schemas say the right thing;
// this proves Prism really enforces them (it silently skips validation when a
// schema does not compile, and has skipped request bodies whose schema several
// operations share).
import { describe, expect, it } from "vitest";
import { clientBodies } from "../rules/client-bodies.js";
import { ruleSets } from "../rules/index.js";
import { operations, type Rule } from "../rules/types.js";
import { call, pointerSegments, token, type PrismViolation } from "./mock.js";

/** Whether a Prism violation is the one a rule describes. */
function isTheRule(violation: PrismViolation, rule: Rule): boolean {
  const location = ["request", "body", ...pointerSegments(rule.violation.path)];
  if (JSON.stringify(violation.location.map(String)) !== JSON.stringify(location)) return false;
  if (String(violation.code) !== rule.violation.keyword) return false;
  return rule.violation.mentions === undefined || violation.message.includes(rule.violation.mentions);
}

function check(rules: Rule[]) {
  it.each(rules.map((r) => [r.rule, r] as const))("%s", async (_name, rule) => {
    const { service, path, status } = operations[rule.operation];

    const refused = await call(service, path, { body: rule.invalid, headers: token });
    const seen = refused.violations.map((v) => [v.location.join("."), v.code, v.message]);
    expect(refused.status, `the breaking body is refused; violations: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(
      refused.violations.some((v) => isTheRule(v, rule)),
      `sl-violations has ${JSON.stringify(rule.violation)}; it has ${JSON.stringify(seen)}`,
    ).toBe(true);

    const accepted = await call(service, path, { body: rule.valid, headers: token });
    expect(accepted.violations, "the obeying body raises no violation").toEqual([]);
    expect(accepted.status, "the obeying body gets the documented status").toBe(status);
  });
}

for (const [subject, rules] of ruleSets) {
  describe.concurrent(`mock, ${subject}: each documented rule is enforced`, () => check(rules));
}

describe.concurrent("mock: what widely used clients send is accepted (test/rules/client-bodies.ts)", () => {
  it.each(clientBodies.map((c) => [c.client, c] as const))("%s", async (_name, { operation, body, headers }) => {
    const { service, path, status } = operations[operation];
    const answer = await call(service, path, { body, headers: { ...token, ...headers } });
    expect(answer.violations, "the mock finds nothing wrong with the request").toEqual([]);
    expect(answer.status).toBe(status);
  });
});

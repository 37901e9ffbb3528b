// Every documented rule, sent to the running Prism mock: the body that breaks
// the rule is refused with a 4xx whose `sl-violations` header points at the
// rule (location and keyword), and the body that obeys it is accepted with the
// documented status. The spec tests prove the schemas say the right thing;
// this proves Prism really enforces them (it silently skips validation when a
// schema does not compile, and has skipped request bodies whose schema several
// operations share).
import { describe, expect, it } from "vitest";
import { operations, rulesByOperation, type OperationName, type Rule } from "../rules/index.js";
import { pointerTokens } from "../../scripts/lib/json-pointer.mjs";
import { call, token, type PrismViolation } from "../support/prism-requests.js";

/** Whether a Prism violation is the one a rule describes. */
function isTheRule(violation: PrismViolation, rule: Rule): boolean {
  const location = ["request", "body", ...pointerTokens(rule.violation.path)];
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

for (const [name, rules] of Object.entries(rulesByOperation)) {
  const { service } = operations[name as OperationName];
  describe.concurrent(`mock, ${service.toUpperCase()} ${name}: each documented rule is enforced`, () => check(rules));
}

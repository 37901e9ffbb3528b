// Every documented rule, sent to the running Prism mock: the body (or query)
// that breaks the rule is refused with a 4xx whose `sl-violations` header
// points at the rule (location and keyword), and the one that obeys it is
// accepted with the documented status. The spec tests prove the schemas say the right thing;
// this proves Prism really enforces them (it silently skips validation when a
// schema does not compile, and has skipped request bodies whose schema several
// operations share).
import { describe, expect, it } from "vitest";
import { createImageRules, listImagesParameterRules } from "../rules/ims.js";
import { createVolumesRules, exportVolumeToImageRules } from "../rules/evs.js";
import { operations, parameterOperations, type ParameterRule, type Rule } from "../rules/types.js";
import { call, pointerSegments, queryString, token, type PrismViolation } from "./mock.js";

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

describe.concurrent("mock, EVS create disks: each documented rule is enforced", () => check(createVolumesRules));
describe.concurrent("mock, EVS export a disk as an image: each documented rule is enforced", () => check(exportVolumeToImageRules));
describe.concurrent("mock, IMS create a private image: each documented rule is enforced", () => check(createImageRules));

function checkParameters(rules: ParameterRule[]) {
  it.each(rules.map((r) => [r.rule, r] as const))("%s", async (_name, rule) => {
    const { service, path, status } = parameterOperations[rule.operation];

    const refused = await call(service, `${path}${queryString(rule.invalid)}`, { headers: token });
    const seen = refused.violations.map((v) => [v.location.join("."), v.code, v.message]);
    expect(refused.status, `the breaking query is refused with 400; violations: ${JSON.stringify(seen)}`).toBe(400);
    expect(
      refused.violations.some(
        (v) => v.location.join(".") === `request.query.${rule.violation.name}` && String(v.code) === rule.violation.keyword && v.message.includes(rule.violation.name),
      ),
      `sl-violations names query parameter ${rule.violation.name} (${rule.violation.keyword}); it has ${JSON.stringify(seen)}`,
    ).toBe(true);

    const accepted = await call(service, `${path}${queryString(rule.valid)}`, { headers: token });
    expect(accepted.violations, "the obeying query raises no violation").toEqual([]);
    expect(accepted.status, "the obeying query gets the documented status").toBe(status);
  });
}

describe.concurrent("mock, IMS list images: each documented rule of the query parameters is enforced", () =>
  checkParameters(listImagesParameterRules));

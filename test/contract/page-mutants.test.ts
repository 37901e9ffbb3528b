// What a user who changed one thing in a page example hears back: every
// request example broken by one documented rule (test/support/mutants.ts) is
// refused by the mock with an `sl-violations` entry that names that rule.
// Prism reports the violations of every form a body could be (a create-image
// body that fits no form gets each form's complaints), so how many entries a
// mutant gets is a measure of how clear the answer is: CONTRIBUTING.md
// (C-TypedRules) records it, and `VIOLATION_COUNTS=<file>` writes it, per
// mutant, for comparing two versions of the description.
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { type OperationName, operations, rulesByOperation } from "../rules/index.js";
import { pageExampleMutants } from "../support/mutants.js";
import { call, token, violationIs } from "../support/prism-requests.js";

// Answers whose entry for the rule Prism cut off (the header stops at 8 KB): four data-disk files get
// complaints from every form first. Listed, so that a change that cuts another answer, or mends this
// one, is noticed (CONTRIBUTING.md, C-TypedRules).
const cutBeforeTheRule = ["createImage: obs-file-quick-import-with-data-disks / at most 3 data-disk image files"];

const counts: Record<string, number | string> = {};
afterAll(() => {
  if (process.env.VIOLATION_COUNTS) writeFileSync(process.env.VIOLATION_COUNTS, `${JSON.stringify(counts, null, 1)}\n`);
});

for (const name of Object.keys(rulesByOperation) as OperationName[]) {
  const mutants = pageExampleMutants(name);
  describe.concurrent(`mock, ${name}: a page example broken by one rule is refused, naming the rule`, () => {
    it("has mutants", () => expect(mutants.length).toBeGreaterThan(0));

    it.each(mutants.map((mutant) => [`${mutant.example} / ${mutant.rule.rule}`, mutant] as const))("%s", async (label, mutant) => {
      const { service, path } = operations[name];
      const answer = await call(service, path, { body: mutant.body, headers: token, allowCutViolations: true });
      const key = `${name}: ${label}`;
      counts[key] = answer.violationsCut ? `${answer.violations.length}+ (cut)` : answer.violations.length;
      expect(answer.status).toBe(400);
      const named = answer.violations.some((v) => violationIs(v, mutant.rule.violation));
      if (cutBeforeTheRule.includes(key)) {
        expect({ cut: answer.violationsCut, named }).toEqual({ cut: true, named: false });
        return;
      }
      const seen = answer.violations.map((v) => [v.location.join("."), v.code, v.message]);
      expect(named, `${JSON.stringify(mutant.rule.violation)} among ${JSON.stringify(seen)}`).toBe(true);
    });
  });
}

// What the mock does with credentials, as observed from Prism 5.14.2: it
// checks that a documented security requirement is present (a token in
// X-Auth-Token, or both AK/SK headers), never whether it is valid.
import { describe, expect, it } from "vitest";
import { createValidator, operationsOf, services } from "../support/openapi.js";
import { akSk, call, token } from "../support/prism-requests.js";

const credentials: Array<[string, Record<string, string>, "accepted" | "refused"]> = [
  ["no credentials at all", {}, "refused"],
  ["an empty X-Auth-Token", { "X-Auth-Token": "" }, "refused"],
  ["a token only (any value)", token, "accepted"],
  ["AK/SK: Authorization and X-Sdk-Date (signature not checked)", akSk, "accepted"],
  ["AK/SK with Authorization but no X-Sdk-Date", { Authorization: akSk.Authorization }, "refused"],
  ["AK/SK with X-Sdk-Date but no Authorization", { "X-Sdk-Date": akSk["X-Sdk-Date"] }, "refused"],
  ["a token next to half of AK/SK (the token suffices)", { ...token, "X-Sdk-Date": akSk["X-Sdk-Date"] }, "accepted"],
];

for (const service of services) {
  describe.concurrent(`mock, ${service}: credentials`, () => {
    const validator = createValidator(service);
    const cases = operationsOf(service).flatMap((op) =>
      credentials.map(([who, headers, outcome]) => [`${op.operationId} with ${who} is ${outcome}`, op, headers, outcome] as const),
    );

    it.each(cases)("%s", async (_label, op, headers, outcome) => {
      const answer = await call(service, op.path, { method: op.method, body: op.requestExamples[0]?.value, headers });
      const success = op.responses.find((r) => r.status < 300)!;
      const unauthorized = op.responses.find((r) => r.status === 401)!;
      if (outcome === "accepted") {
        expect(answer.violations).toEqual([]);
        expect(answer.status).toBe(success.status);
      } else {
        expect(answer.status).toBe(401);
        expect(answer.violations).toEqual([
          { location: ["request"], severity: "Error", code: 401, message: "Invalid security scheme used" },
        ]);
        expect(validator.errorsAgainst(unauthorized.schema, answer.body), "the 401 body is a documented one").toEqual([]);
        expect(unauthorized.examples.map((e) => e.value)).toContainEqual(answer.body);
      }
    });
  });
}

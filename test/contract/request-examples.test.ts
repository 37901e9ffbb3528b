// Every request example of the pages (every requestBody example in the
// bundles, and the queries the image-list page shows) is accepted by the mock
// with the documented success status, and what the mock answers validates
// against the description.
import { describe, expect, it } from "vitest";
import { listImagesPageQueries } from "../rules/ims.js";
import { createValidator, operation, operationsOf, services } from "../support/openapi.js";
import { call, token } from "../support/prism-requests.js";

for (const service of services) {
  describe(`mock, ${service}: every page request example is accepted`, () => {
    const validator = createValidator(service);
    const cases = operationsOf(service).flatMap((op) =>
      op.requestExamples.map((example) => [`${op.operationId} accepts "${example.name}"`, op, example] as const),
    );

    it("has request examples to send", () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    it.each(cases)("%s", async (_label, op, example) => {
      const success = op.responses.find((r) => r.status >= 200 && r.status < 300);
      expect(success, `${op.operationId} documents a success status`).toBeDefined();
      const answer = await call(service, op.path, { method: op.method, body: example.value, headers: token });

      expect(answer.violations, "the mock finds nothing wrong with the request").toEqual([]);
      expect(answer.status).toBe(success!.status);
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(validator.errorsAgainst(success!.schema, answer.body), "the answer validates against the description").toEqual([]);
      expect(
        success!.examples.map((e) => e.value),
        "the answer is one of the documented examples",
      ).toContainEqual(answer.body);
    });
  });
}

describe("mock, ims: every query the image-list page shows is accepted", () => {
  const validator = createValidator("ims");
  const success = operation("ims", "listImages").responses.find((r) => r.status === 200)!;

  it.each(listImagesPageQueries.map((q) => [q.name, q] as const))("%s", async (_name, { operationId, query }) => {
    const op = operation("ims", operationId);
    const answer = await call("ims", `${op.path}?${new URLSearchParams(query)}`, { headers: token });
    expect(answer.violations).toEqual([]);
    expect(answer.status).toBe(200);
    expect(validator.errorsAgainst(success.schema!, answer.body)).toEqual([]);
  });
});

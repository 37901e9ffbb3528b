// A test (or an application under test) chooses what the mock answers with
// Prism's Prefer header: `example=<name>` picks a named example, `code=<status>`
// picks a documented status. Both services serve a RUNNING, a SUCCESS and a
// FAIL job (SUCCESS without Prefer), and every documented error body.
import { describe, expect, it } from "vitest";
import { createValidator, operation, services } from "../support/openapi.js";
import { call, token } from "../support/prism-requests.js";

const jobStates = [
  ["running", "RUNNING"],
  ["success", "SUCCESS"],
  ["fail", "FAIL"],
] as const;

for (const service of services) {
  describe(`mock, ${service}: named examples are chosen per request`, () => {
    const validator = createValidator(service);
    const showJob = operation(service, "showJob");
    const jobSchema = showJob.responses.find((r) => r.status === 200)!.schema;

    it.each(jobStates)(`Prefer: example=%s answers a %s job`, async (name, status) => {
      const answer = await call(service, showJob.path, { headers: token, prefer: { example: name } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status });
      expect(validator.errorsAgainst(jobSchema, answer.body)).toEqual([]);
    });

    it("a FAIL job carries an error code and a reason", async () => {
      const answer = await call(service, showJob.path, { headers: token, prefer: { example: "fail" } });
      expect(answer.body).toMatchObject({ status: "FAIL", error_code: expect.any(String), fail_reason: expect.any(String) });
    });

    it("without Prefer the job is the first example, SUCCESS (as the README's table says)", async () => {
      const answer = await call(service, showJob.path, { headers: token });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: "SUCCESS" });
    });

    const errorCases = showJob.responses
      .filter((r) => r.status >= 400)
      .flatMap((r) => r.examples.map((e) => [`Prefer: code=${r.status}, example=${e.name} answers that error body`, r, e] as const));

    it.each(errorCases)("%s", async (_label, response, example) => {
      const answer = await call(service, showJob.path, { headers: token, prefer: { code: response.status, example: example.name } });
      expect(answer.status).toBe(response.status);
      expect(answer.body).toEqual(example.value);
      expect(validator.errorsAgainst(response.schema, answer.body)).toEqual([]);
    });

    it("Prefer: code=<status> alone answers that status with its first example", async () => {
      const internalError = showJob.responses.find((r) => r.status === 500)!;
      const answer = await call(service, showJob.path, { headers: token, prefer: { code: 500 } });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual(internalError.examples[0]!.value);
    });

    it("Prefer: example=<unknown name> is a 404 problem naming it, not another example", async () => {
      const answer = await call(service, showJob.path, { headers: token, prefer: { example: "no-such-example" } });
      expect(answer.status).toBe(404);
      expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ detail: expect.stringContaining("no-such-example") });
    });
  });
}

describe("mock: the create operations' error bodies can be chosen too", () => {
  const cases = [
    ["evs", "createVolumes", 400, "bad-request", "badRequest"],
    ["evs", "exportVolumeToImage", 404, "item-not-found", "itemNotFound"],
    ["ims", "createImage", 400, "bad-request", "error"],
    ["ims", "createImage", 404, "not-found", "error"],
  ] as const;

  it.each(cases)("%s %s: Prefer code=%i, example=%s answers a body keyed %s", async (service, id, status, name, key) => {
    const op = operation(service, id);
    const answer = await call(service, op.path, {
      body: op.requestExamples[0]!.value,
      headers: token,
      prefer: { code: status, example: name },
    });
    expect(answer.status).toBe(status);
    expect(answer.body).toHaveProperty([key, "code"]);
    expect(answer.body).toHaveProperty([key, "message"]);
  });
});

// The response side: the mocks run with --errors, so a response example that
// does not match its own schema is answered with a 500 problem and the
// violations in `sl-violations`. Every named response example of every
// operation is requested (`Prefer: code=<status>, example=<name>`) and none is
// flagged; a deliberately broken copy of a bundle shows the check bites.
import { describe, expect, it } from "vitest";
import { loadBundle, type Operation, operationsOf, services } from "../support/openapi.js";
import { call, token, violationsOf } from "../support/prism-requests.js";
import { mockServing } from "../support/prism-servers.global.js";

/** A body the operation accepts, so that only the chosen response is in question. */
const bodyFor = (op: Operation) => op.requestExamples[0]?.value;

for (const service of services) {
  describe.concurrent(`mock --errors, ${service}: no response example breaks its schema`, () => {
    const cases = operationsOf(service).flatMap((op) =>
      op.responses.flatMap((response) =>
        response.examples.map(
          (example) => [`${op.operationId} ${response.status} "${example.name}"`, op, response.status, example] as const,
        ),
      ),
    );

    it("every documented response has a named example to choose", () => {
      const bare = operationsOf(service).flatMap((op) =>
        op.responses.filter((r) => r.examples.length === 0).map((r) => `${op.operationId} ${r.status}`),
      );
      expect(bare).toEqual([]);
      expect(cases.length).toBeGreaterThan(operationsOf(service).length);
    });

    it.each(cases)("%s is served unflagged", async (_label, op, status, example) => {
      const answer = await call(service, op.path, {
        method: op.method,
        body: bodyFor(op),
        headers: token,
        prefer: { code: status, example: example.name },
      });
      expect(answer.violations, "Prism flags nothing").toEqual([]);
      expect(answer.status).toBe(status);
      expect(answer.body, "the chosen example is what comes back").toEqual(example.value);
    });
  });
}

describe("mock --errors: the response check can fail", () => {
  // A copy of the EVS bundle whose SUCCESS job example has a status the
  // schema's enum does not allow. Started when the file loads, so Prism boots
  // while the examples above are requested.
  const doc = loadBundle("evs") as any;
  doc.components.examples.success.value.status = "DONE";
  const broken = mockServing("evs", doc);

  it("an example whose job status is not in the enum is answered with a 500 naming response.body.status", async () => {
    const { baseUrl } = await broken;
    const response = await fetch(`${baseUrl}/v1/p1/jobs/j1`, { headers: { ...token, prefer: "example=success" } });
    expect(response.status).toBe(500);
    expect(violationsOf(response).violations).toContainEqual(
      expect.objectContaining({ location: ["response", "body", "status"], code: "enum" }),
    );
  });
});

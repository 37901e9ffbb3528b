// Every answer of the mock carries its own X-Request-Id, as the service's do,
// instead of the description's one example value (spec/DECISIONS.md,
// D-RequestId), so a test that logs request IDs can tell its calls apart.
import { describe, expect, it } from "vitest";
import { call, token } from "../support/prism-requests.js";

const volume = { volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40 } };

describe("mock: request IDs", () => {
  it.each([
    ["an accepted create", () => call("evs", "/v3/p1/cloudvolumes", { body: volume, headers: token })],
    ["a refused create", () => call("evs", "/v3/p1/cloudvolumes", { body: { volume: {} }, headers: token })],
    ["no credentials", () => call("ims", "/v2/cloudimages/action", { body: { name: "n", instance_id: "i" } })],
    ["a job query", () => call("ims", "/v1/p1/jobs/j1", { headers: token })],
  ])("%s: a new 32-hex-digit ID on every answer", async (_what, send) => {
    const answers = await Promise.all([send(), send(), send()]);
    const ids = answers.map((answer) => answer.headers.get("X-Request-Id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(3);
  });
});

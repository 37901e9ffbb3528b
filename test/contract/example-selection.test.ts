// A test (or an application under test) chooses what the mock answers with
// Prism's Prefer header: `example=<name>` picks a named example, `code=<status>`
// picks a documented status. Both services serve a RUNNING, a SUCCESS and a
// FAIL job (SUCCESS without Prefer), every documented error body, and a disk
// or an image at each status a caller waits on (ready without Prefer).
import { describe, expect, it } from "vitest";
import { createValidator, operation, type Service, services } from "../support/openapi.js";
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
    ["evs", "createVolumesV21", 400, "bad-request", "badRequest"],
    ["evs", "exportVolumeToImage", 404, "item-not-found", "itemNotFound"],
    ["evs", "exportVolumeToImageV2", 404, "item-not-found", "itemNotFound"],
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

describe("mock, EVS create disks at v2.1: a job by default, an order when asked (the mock cannot tell a prepaid request)", () => {
  const createV21 = operation("evs", "createVolumesV21");
  const prepaid = createV21.requestExamples.find((example) => example.name === "prepaid-yearly")!.value;

  it("without Prefer even a prepaid request gets the first example: a job with the disk's ID", async () => {
    const answer = await call("evs", createV21.path, { body: prepaid, headers: token });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ job_id: expect.any(String), volume_ids: [expect.any(String)] });
  });

  it.each([
    ["order-created", { order_id: "CS1711152257C60TL" }],
    ["order-created-with-volume-ids", { order_id: "CS1711152257C60TL", volume_ids: ["591ac654-26d8-41be-bb77-4f90699d2d41"] }],
    ["job-accepted", { job_id: "70a599e0-31e7-49b7-b260-868f441e862b" }],
  ])("Prefer: example=%s answers it", async (name, body) => {
    const answer = await call("evs", createV21.path, { body: prepaid, headers: token, prefer: { example: name } });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual(body);
  });
});

describe("mock: the disk query and the image list serve one example per status", () => {
  const cases = [
    ["evs", "showVolume", "creating", "creating"],
    ["evs", "showVolume", "available", "available"],
    ["evs", "showVolume", "in-use", "in-use"],
    ["evs", "showVolume", "uploading", "uploading"],
    ["evs", "showVolume", "creation-failed", "error"],
    ["ims", "listImages", "queued", "queued"],
    ["ims", "listImages", "saving", "saving"],
    ["ims", "listImages", "active", "active"],
    ["ims", "listImages", "killed", "killed"],
  ] as const;
  const statusOf = (service: Service, body: any) => (service === "evs" ? body.volume.status : body.images[0].status);

  it.each(cases)("%s %s: Prefer: example=%s answers status %s", async (service, id, name, status) => {
    const op = operation(service, id);
    const answer = await call(service, op.path, { headers: token, prefer: { example: name } });
    expect(answer.status).toBe(200);
    expect(statusOf(service, answer.body)).toBe(status);
  });

  it.each([
    ["evs", "showVolume", "available"],
    ["ims", "listImages", "active"],
  ] as const)("%s %s without Prefer is ready (%s), so a waiter on the mock finishes", async (service, id, status) => {
    const answer = await call(service, operation(service, id).path, { headers: token });
    expect(statusOf(service, answer.body)).toBe(status);
  });

  it("the image every status example shows is the one the export example starts", async () => {
    const exported = operation("evs", "exportVolumeToImage").responses.find((r) => r.status === 202)!.examples[0]!.value as any;
    for (const name of ["queued", "saving", "active", "killed"]) {
      const answer = await call("ims", "/v2/cloudimages", { headers: token, prefer: { example: name } });
      expect((answer.body as any).images.map((image: { id: string }) => image.id)).toEqual([exported["os-volume_upload_image"].image_id]);
    }
  });

  it("Prefer: example=empty answers an empty list", async () => {
    const answer = await call("ims", "/v2/cloudimages?id=c5333daa-fbc8-4d1d-bf79-b0567bb45d15", {
      headers: token,
      prefer: { example: "empty" },
    });
    expect(answer.body).toEqual({ images: [] });
  });

  it("a missing disk: Prefer: code=404 answers the EVS error body", async () => {
    const answer = await call("evs", operation("evs", "showVolume").path, {
      headers: token,
      prefer: { code: 404, example: "item-not-found" },
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ itemNotFound: { message: "XXXX", code: "XXX" } });
  });
});

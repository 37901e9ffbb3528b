// The clients against the real Prism mocks of both bundles (started once for
// the run, see test/support/prism-servers.global.ts): requests the mock
// validates against the descriptions, and the answers it builds from their
// examples. Prism's `Prefer` header picks an example or a status.
import { describe, expect, inject, it } from "vitest";
import {
  createEvsClient,
  createImsClient,
  HuaweiCloudError,
  JobFailedError,
  JobTimeoutError,
  unwrap,
  waitForEvsJob,
  waitForImsJob,
  type ClientOptions,
  type EvsClient,
  type ImsClient,
} from "../../src/index.js";
import { evsRequestExamples, imsRequestExamples } from "../types/page-examples.js";

const urls = inject("mockUrls");
const PROJECT = "0123456789abcdef0123456789abcdef";
const token = { token: "mock-token" };
const keys = { ak: "AKMOCKAKMOCKAKMOCK00", sk: "mock-secret" };

/** Asks Prism for a given example (and status) on the requests whose path matches. */
function prefer(client: EvsClient | ImsClient, match: RegExp, preference: string) {
  client.use({
    onRequest({ request, schemaPath }) {
      if (match.test(schemaPath)) request.headers.set("Prefer", preference);
    },
  });
}

const evsClient = (options: Partial<ClientOptions> = {}) =>
  createEvsClient({ baseUrl: urls.evs, projectId: PROJECT, credentials: token, env: {}, ...options } as ClientOptions);
const imsClient = (options: Partial<ClientOptions> = {}) =>
  createImsClient({ baseUrl: urls.ims, projectId: PROJECT, credentials: token, env: {}, ...options } as ClientOptions);

describe.each([
  ["a token", token],
  ["AK/SK signing", keys],
])("the whole workflow with %s", (_how, credentials) => {
  it("create disks from a snapshot, wait, export one as an image, make an image from it via IMS, wait", async () => {
    const evs = evsClient({ credentials });
    const ims = imsClient({ credentials });
    prefer(evs, /\/jobs\//, "example=success");
    prefer(ims, /\/jobs\//, "example=success");

    const { job_id } = await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["from-snapshot-batch"] }));
    expect(job_id).toBe("70a599e0-31e7-49b7-b260-868f441e862b");

    const disks = await waitForEvsJob(evs, job_id, { intervalMs: 10 });
    expect(disks.volumeIds).toEqual(["0b549095-4937-4849-8e4c-52aa027d64f7", "e7bca1a2-d3ed-434f-86f4-a1f11aa80072"]);

    const [volumeId] = disks.volumeIds as [string];
    const exported = await unwrap(
      evs.POST("/v3/{project_id}/volumes/{volume_id}/action", {
        params: { path: { volume_id: volumeId } },
        body: { "os-volume_upload_image": { image_name: "data-disk-image", disk_format: "zvhd2" } },
      }),
    );
    expect(exported["os-volume_upload_image"].image_id).toBe("c5333daa-fbc8-4d1d-bf79-b0567bb45d15");

    const created = await unwrap(
      ims.POST("/v2/cloudimages/action", { body: { name: "from-disk", volume_id: volumeId, os_version: "CentOS 7.0 64bit" } }),
    );
    const image = await waitForImsJob(ims, created.job_id, { intervalMs: 10 });
    expect(image.imageId).toBe("e9e91bff-14b6-4a0b-8377-4ed0813e3360");
  });
});

describe("every page example is accepted by the mock", () => {
  it.each(Object.entries(evsRequestExamples))("EVS %s", async (name, body) => {
    const evs = evsClient();
    const result =
      name === "export-vhd"
        ? await evs.POST("/v3/{project_id}/volumes/{volume_id}/action", { params: { path: { volume_id: "v" } }, body: body as never })
        : await evs.POST("/v3/{project_id}/cloudvolumes", { body: body as never });
    expect(result.error).toBeUndefined();
    expect(result.response.ok).toBe(true);
  });

  it.each(Object.entries(imsRequestExamples))("IMS %s", async (_name, body) => {
    const result = await imsClient().POST("/v2/cloudimages/action", { body });
    expect(result.error).toBeUndefined();
    expect(result.data?.job_id).toBe("8a12fc664fb4daa3014fb4e581380005");
  });
});

describe("jobs the mock reports as failed or still running", () => {
  it("an EVS FAIL becomes a JobFailedError", async () => {
    const evs = evsClient();
    prefer(evs, /\/jobs\//, "example=fail");
    const error = (await waitForEvsJob(evs, "4010a32d535527910153552b492c0002").catch((e: unknown) => e)) as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect([error.errorCode, error.failReason]).toEqual(["EVS.2024", "volume is error!"]);
  });

  it("an IMS FAIL becomes a JobFailedError", async () => {
    const ims = imsClient();
    prefer(ims, /\/jobs\//, "example=fail");
    const error = (await waitForImsJob(ims, "ff8080814dbd65d7014dbe0d84db0013").catch((e: unknown) => e)) as JobFailedError;
    expect([error.name, error.errorCode]).toEqual(["JobFailedError", "IMG.0008"]);
  });

  it("a job that stays RUNNING times out", async () => {
    const evs = evsClient();
    prefer(evs, /\/jobs\//, "example=running");
    // onPoll holds the wait past its deadline, so the time-out comes after a
    // RUNNING answer however slowly the machine answers the first poll: the
    // wait's timer was set before this one, so it fires first.
    const timeoutMs = 300;
    const holdPastDeadline = () => new Promise<void>((resolve) => setTimeout(resolve, timeoutMs));
    const error = (await waitForEvsJob(evs, "j", { intervalMs: 20, timeoutMs, onPoll: holdPastDeadline }).catch((e: unknown) => e)) as JobTimeoutError;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error.lastStatus).toBe("RUNNING");
  });
});

describe("errors from the mock", () => {
  it("a request that breaks the description: 400 with the EVS error body", async () => {
    const evs = evsClient();
    const body = { volume: { availability_zone: "az", volume_type: "NVME", size: 10 } };
    const error = (await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body: body as never })).catch((e: unknown) => e)) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect([error.status, error.code, error.kind]).toEqual([400, "XXX", "error"]);
  });

  it.each([
    ["evs", "a blank disk without size", { volume: { availability_zone: "az", volume_type: "SSD" } }],
    ["evs", "a key without encryption", { volume: { availability_zone: "az", volume_type: "SSD", size: 10, metadata: { __system__cmkid: "37b0d52e-c249-40d6-83cb-2b93f22445bd" } } }],
    ["ims", "tags and image_tags together", { name: "n", instance_id: "i", tags: ["a.b"], image_tags: [{ key: "a", value: "b" }] }],
    ["ims", "a field of another form", { data_images: [{ name: "d", volume_id: "v" }], image_url: "b:f.qcow2" }],
  ] as const)("what the types let through, the mock refuses: %s %s", async (service, _what, body) => {
    const result =
      service === "evs"
        ? await evsClient().POST("/v3/{project_id}/cloudvolumes", { body: body as never })
        : await imsClient().POST("/v2/cloudimages/action", { body: body as never });
    expect(result.response.status).toBe(400);
  });

  it("no credentials: 401 with the EVS body", async () => {
    const evs = evsClient({ credentials: false });
    const error = (await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] })).catch(
      (e: unknown) => e,
    )) as HuaweiCloudError;
    expect([error.status, error.code]).toEqual([401, "EVS.5401"]);
  });

  it("the gateway's body: 401 APIGW.0301 with its request ID", async () => {
    const ims = imsClient();
    prefer(ims, /cloudimages/, "code=401, example=gateway-unauthorized");
    const error = (await unwrap(ims.POST("/v2/cloudimages/action", { body: imsRequestExamples["obs-file-tags"] })).catch(
      (e: unknown) => e,
    )) as HuaweiCloudError;
    expect([error.status, error.code, error.errorMessage]).toEqual([
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: verify aksk signature fail",
    ]);
    expect(error.requestId).toEqual(expect.any(String));
  });

  it("a keyed EVS body: 404 itemNotFound", async () => {
    const evs = evsClient();
    prefer(evs, /\/jobs\//, "code=404, example=not-found");
    const error = (await waitForEvsJob(evs, "missing").catch((e: unknown) => e)) as HuaweiCloudError;
    expect([error.status, error.code, error.kind]).toEqual([404, "EVS.5404", "itemNotFound"]);
  });

  it("a 503 on a create is reported, not retried", async () => {
    const evs = evsClient();
    prefer(evs, /cloudvolumes/, "code=503");
    const result = await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    expect(result.response.status).toBe(503);
    const error = (await unwrap(Promise.resolve(result)).catch((e: unknown) => e)) as HuaweiCloudError;
    expect([error.code, error.retryable]).toEqual(["EVS.5503", false]); // the create may have been carried out
  });
});

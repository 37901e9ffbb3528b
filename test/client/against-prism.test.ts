// The clients against the real Prism mocks of both bundles (started once for
// the run, see test/support/prism-servers.global.ts): requests the mock
// validates against the descriptions, and the answers it builds from their
// examples. Prism's `Prefer` header picks an example or a status.

import { inspect } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { pointerTokens } from "../../scripts/lib/json-pointer.mjs";
import {
  type ClientOptions,
  createEvsClient,
  createImsClient,
  type EvsClient,
  type FetchResult,
  HuaweiCloudError,
  type ImsClient,
  JobFailedError,
  ResourceFailedError,
  ResourceNotFoundError,
  unwrap,
  waitForEvsJob,
  waitForImage,
  waitForImsJob,
  waitForVolumes,
} from "../../src/index.js";
import { type OperationName, operations, type ParameterRule, parameterRules, type Rule, rulesByOperation } from "../rules/index.js";
import { type Operation, operation } from "../support/openapi.js";
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
  it("create disks from a snapshot, wait for the job and the disks, export one, wait for the image; make another via IMS", async () => {
    const evs = evsClient({ credentials });
    const ims = imsClient({ credentials });

    const { job_id } = await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["from-snapshot-batch"] }));
    expect(job_id).toBe("70a599e0-31e7-49b7-b260-868f441e862b");

    const disks = await waitForEvsJob(evs, job_id, { intervalMs: 10 });
    expect(disks.volumeIds).toEqual(["0b549095-4937-4849-8e4c-52aa027d64f7", "e7bca1a2-d3ed-434f-86f4-a1f11aa80072"]);

    // The mock answers every disk with the page's available one.
    const volumes = await waitForVolumes(evs, disks.volumeIds, { intervalMs: 10 });
    expect(volumes.map((volume) => volume.status)).toEqual(["available", "available"]);

    const [volumeId] = disks.volumeIds as [string];
    const exported = await unwrap(
      evs.POST("/v3/{project_id}/volumes/{volume_id}/action", {
        params: { path: { volume_id: volumeId } },
        body: { "os-volume_upload_image": { image_name: "data-disk-image", disk_format: "zvhd2" } },
      }),
    );
    const image = await waitForImage(ims, exported["os-volume_upload_image"].image_id, { intervalMs: 10 });
    expect([image.id, image.status, image.__imagetype]).toEqual(["c5333daa-fbc8-4d1d-bf79-b0567bb45d15", "active", "private"]);

    const created = await unwrap(
      ims.POST("/v2/cloudimages/action", { body: { name: "from-disk", volume_id: volumeId, os_version: "CentOS 7.0 64bit" } }),
    );
    const made = await waitForImsJob(ims, created.job_id, { intervalMs: 10 });
    expect(made.imageId).toBe("e9e91bff-14b6-4a0b-8377-4ed0813e3360");
  });
});

/**
 * Stops a wait with `reason` once `onPoll` has seen `polls` answers, recording
 * the status of each: what the waiter read from the mock, with no timer
 * deciding whether an answer came in time. (Turning the last status into a
 * time-out error is tested on fake timers, in jobs.test.ts and
 * resource-waiters.test.ts.)
 */
function stopAfter(polls: number, statusOf: (seen: any) => unknown) {
  const controller = new AbortController();
  const reason = new Error(`stopped after ${polls} polls`);
  const statuses: unknown[] = [];
  const onPoll = (seen: unknown) => {
    statuses.push(statusOf(seen));
    if (statuses.length === polls) controller.abort(reason);
  };
  return { signal: controller.signal, reason, statuses, onPoll };
}

describe("disks and images the mock reports as not ready, failed or missing", () => {
  /** Serves the named examples in turn to the requests whose path matches, the last one repeating. */
  function preferInTurn(client: EvsClient | ImsClient, match: RegExp, names: string[]) {
    let next = 0;
    client.use({
      onRequest({ request, schemaPath }) {
        if (match.test(schemaPath)) request.headers.set("Prefer", `example=${names[Math.min(next++, names.length - 1)]}`);
      },
    });
  }

  it("an exported image that goes queued → saving → active resolves once active", async () => {
    const ims = imsClient();
    preferInTurn(ims, /^\/v2\/cloudimages$/, ["empty", "queued", "saving", "active"]);
    const seen: Array<string | undefined> = [];
    const image = await waitForImage(ims, "c5333daa-fbc8-4d1d-bf79-b0567bb45d15", { intervalMs: 5, onPoll: (i) => seen.push(i?.status) });
    expect(image.status).toBe("active");
    expect(seen).toEqual([undefined, "queued", "saving", "active"]);
  });

  it("an image that ends killed is a ResourceFailedError naming it", async () => {
    const ims = imsClient();
    preferInTurn(ims, /^\/v2\/cloudimages$/, ["queued", "saving", "killed"]);
    const error = (await waitForImage(ims, "c5333daa-fbc8-4d1d-bf79-b0567bb45d15", { intervalMs: 5 }).catch(
      (e: unknown) => e,
    )) as ResourceFailedError;
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect(error.message).toBe("IMS image c5333daa-fbc8-4d1d-bf79-b0567bb45d15 is killed: its upload failed; it will never become active");
  });

  it("an image that never appears is a ResourceNotFoundError", async () => {
    const ims = imsClient();
    preferInTurn(ims, /^\/v2\/cloudimages$/, ["empty"]);
    await expect(waitForImage(ims, "c5333daa-fbc8-4d1d-bf79-b0567bb45d15", { intervalMs: 5, notFoundGraceMs: 50 })).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
  });

  it("a disk whose creation fails is a ResourceFailedError with status error", async () => {
    const evs = evsClient();
    preferInTurn(evs, /cloudvolumes\/\{volume_id\}$/, ["creating", "creation-failed"]);
    const error = (await waitForVolumes(evs, ["0b549095-4937-4849-8e4c-52aa027d64f7"], { intervalMs: 5 }).catch(
      (e: unknown) => e,
    )) as ResourceFailedError;
    expect([error.name, error.status, error.id]).toEqual(["ResourceFailedError", "error", "0b549095-4937-4849-8e4c-52aa027d64f7"]);
  });

  it("a disk that answers 404 past the grace period is a ResourceNotFoundError", async () => {
    const evs = evsClient();
    prefer(evs, /cloudvolumes\/\{volume_id\}$/, "code=404, example=item-not-found");
    const error = (await waitForVolumes(evs, ["gone"], { intervalMs: 5, notFoundGraceMs: 30 }).catch(
      (e: unknown) => e,
    )) as ResourceNotFoundError;
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect((error.cause as HuaweiCloudError).kind).toBe("itemNotFound");
  });

  it("a disk still creating keeps the wait going", async () => {
    const evs = evsClient();
    prefer(evs, /cloudvolumes\/\{volume_id\}$/, "example=creating");
    const stop = stopAfter(2, (volumes) => volumes[0]?.status);
    const error = await waitForVolumes(evs, ["a"], { intervalMs: 20, signal: stop.signal, onPoll: stop.onPoll }).catch((e: unknown) => e);
    expect(error).toBe(stop.reason);
    expect(stop.statuses).toEqual(["creating", "creating"]);
  });
});

/** Where each EVS request example is sent (an example missing here does not compile). */
const evsExampleCalls = {
  "encrypted-ssd": [(evs: EvsClient, body: never) => evs.POST("/v3/{project_id}/cloudvolumes", { body })],
  "from-snapshot-batch": [(evs: EvsClient, body: never) => evs.POST("/v3/{project_id}/cloudvolumes", { body })],
  "prepaid-yearly": [(evs: EvsClient, body: never) => evs.POST("/v2.1/{project_id}/cloudvolumes", { body })],
  "gpssd2-attached": [(evs: EvsClient, body: never) => evs.POST("/v2.1/{project_id}/cloudvolumes", { body })],
  "export-vhd": [
    (evs: EvsClient, body: never) =>
      evs.POST("/v3/{project_id}/volumes/{volume_id}/action", { params: { path: { volume_id: "v" } }, body }),
    (evs: EvsClient, body: never) =>
      evs.POST("/v2/{project_id}/volumes/{volume_id}/action", { params: { path: { volume_id: "v" } }, body }),
  ],
} satisfies Record<
  keyof typeof evsRequestExamples,
  Array<(evs: EvsClient, body: never) => Promise<{ error?: unknown; response: Response }>>
>;

describe("every page example is accepted by the mock", () => {
  it.each(Object.entries(evsRequestExamples))("EVS %s, at every path that takes it", async (name, body) => {
    for (const send of evsExampleCalls[name as keyof typeof evsRequestExamples]) {
      const result = await send(evsClient(), body as never);
      expect(result.error).toBeUndefined();
      expect(result.response.ok).toBe(true);
    }
  });

  it.each(Object.entries(imsRequestExamples))("IMS %s", async (_name, body) => {
    const result = await imsClient().POST("/v2/cloudimages/action", { body });
    expect(result.error).toBeUndefined();
    expect(result.data?.job_id).toBe("8a12fc664fb4daa3014fb4e581380005");
  });
});

describe("creating disks where the SDKs and Terraform do (v2.1), and exporting at the Cinder v2 path", () => {
  const volume = { availability_zone: "cn-north-4a", volume_type: "GPSSD2", size: 100, iops: 3000, throughput: 125 } as const;

  it("a pay-per-use create answers a job, which waitForEvsJob follows to the disks", async () => {
    const evs = evsClient();
    prefer(evs, /\/jobs\//, "example=success");
    const created = await unwrap(
      evs.POST("/v2.1/{project_id}/cloudvolumes", {
        body: { volume: { ...volume, metadata: { create_for_volume_id: "true" } } },
        params: { header: { "X-Client-Token": "3f1c9d2e-8b7a-4e6f-9d0c-1a2b3c4d5e6f" } },
      }),
    );
    if (!("job_id" in created)) throw new Error(`expected a job, got ${JSON.stringify(created)}`);
    expect(created.volume_ids).toEqual(["591ac654-26d8-41be-bb77-4f90699d2d41"]);
    const disks = await waitForEvsJob(evs, created.job_id, { intervalMs: 10 });
    expect(disks.jobType).toBe("batchCreateVolume");
    expect(disks.volumeIds).toHaveLength(2);
  });

  it("a yearly/monthly create answers an order and no job: nothing to wait for in EVS", async () => {
    const evs = evsClient();
    prefer(evs, /cloudvolumes/, "example=order-created-with-volume-ids");
    const result = await evs.POST("/v2.1/{project_id}/cloudvolumes", {
      body: { volume, bssParam: { chargingMode: "prePaid", periodType: "month", periodNum: 1, isAutoPay: "true" } },
    });
    expect(result.response.status).toBe(202);
    const created = await unwrap(Promise.resolve(result));
    expect(created).not.toHaveProperty("job_id");
    if ("job_id" in created) throw new Error("a prepaid answer has no job");
    expect(created).toEqual({ order_id: "CS1711152257C60TL", volume_ids: ["591ac654-26d8-41be-bb77-4f90699d2d41"] });
  });

  it("a v2.1 body that breaks a rule is refused before anything is created", async () => {
    const { volume_type: _type, iops: _iops, throughput: _throughput, ...untyped } = volume;
    const error = (await unwrap(
      evsClient().POST("/v2.1/{project_id}/cloudvolumes", {
        // @ts-expect-error ESSD2 is pay-per-use only: the compiler refuses the body too (test/types/rules.test.ts)
        body: {
          volume: { ...untyped, volume_type: "ESSD2", iops: 5000 },
          bssParam: { chargingMode: "prePaid", periodType: "year", periodNum: 1 },
        },
      }),
    ).catch((e: unknown) => e)) as HuaweiCloudError;
    expect([error.status, error.code]).toEqual([400, "XXX"]);
  });

  it("the export at /v2 answers like the one at /v3", async () => {
    const exported = await unwrap(
      evsClient().POST("/v2/{project_id}/volumes/{volume_id}/action", {
        params: { path: { volume_id: "591ac654-26d8-41be-bb77-4f90699d2d41" } },
        body: { "os-volume_upload_image": { image_name: "disk-image", disk_format: "qcow2", container_format: "bare", force: true } },
      }),
    );
    expect(exported["os-volume_upload_image"]).toMatchObject({ status: "uploading", image_id: "c5333daa-fbc8-4d1d-bf79-b0567bb45d15" });
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

  it("a job that stays RUNNING keeps the wait going", async () => {
    const evs = evsClient();
    prefer(evs, /\/jobs\//, "example=running");
    const stop = stopAfter(2, (job) => job.status);
    const error = await waitForEvsJob(evs, "j", { intervalMs: 20, signal: stop.signal, onPoll: stop.onPoll }).catch((e: unknown) => e);
    expect(error).toBe(stop.reason);
    expect(stop.statuses).toEqual(["RUNNING", "RUNNING"]);
  });
});

describe("errors from the mock", () => {
  it("a request that breaks the description: 400 with the EVS error body", async () => {
    const evs = evsClient();
    const body = { volume: { availability_zone: "az", volume_type: "NVME", size: 10 } };
    const error = (await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body: body as never })).catch(
      (e: unknown) => e,
    )) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect([error.status, error.code, error.kind]).toEqual([400, "XXX", "error"]);
  });

  it.each([
    ["evs", "a blank disk without size", { volume: { availability_zone: "az", volume_type: "SSD" } }],
    [
      "evs",
      "a key without encryption",
      {
        volume: {
          availability_zone: "az",
          volume_type: "SSD",
          size: 10,
          metadata: { __system__cmkid: "37b0d52e-c249-40d6-83cb-2b93f22445bd" },
        },
      },
    ],
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

/** Calls an operation through the client with the path parameters' examples, and returns the error `unwrap` throws. */
function failingCall(op: Operation, init: { body?: unknown; query?: Record<string, string>; headers?: Record<string, string> }) {
  const path = Object.fromEntries(op.parameters.filter((p) => p.in === "path" && p.name !== "project_id").map((p) => [p.name, p.example]));
  // The operation is data here, so the call goes through openapi-fetch's untyped `request`.
  const client = (op.service === "evs" ? evsClient() : imsClient()) as unknown as {
    request: (method: string, template: string, init: object) => Promise<FetchResult>;
  };
  const { body, query = {}, headers = {} } = init;
  return rejection(unwrap(client.request(op.method, op.template, { params: { path, query }, headers, body })));
}

/** Sends a request body to an operation of the rules (test/rules/types.ts). */
const sendBody = (name: OperationName, body: unknown) => failingCall(operation(operations[name].service, name), { body });

async function rejection(promise: Promise<unknown>): Promise<HuaweiCloudError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HuaweiCloudError)) throw new Error(`expected a HuaweiCloudError, got ${String(error)}`);
  return error;
}

/** The violation a rule describes, as the error reports it. */
function violationOf(error: HuaweiCloudError, rule: Rule) {
  const location = ["body", ...pointerTokens(rule.violation.path)].join(".");
  return error.violations.find(
    (v) =>
      v.of === "request" &&
      v.location === location &&
      v.keyword === rule.violation.keyword &&
      (rule.violation.mentions === undefined || v.message.includes(rule.violation.mentions)),
  );
}

describe("what the mock found wrong is in the error", () => {
  for (const [name, rules] of Object.entries(rulesByOperation)) {
    describe.concurrent(`${name}: the message of each documented rule's breaking body names the field and the rule`, () => {
      it.each(rules.map((rule) => [rule.rule, rule] as const))("%s", async (_rule, rule) => {
        const error = await sendBody(name as OperationName, rule.invalid);
        const violation = violationOf(error, rule);
        expect(
          violation,
          `the error's violations have ${JSON.stringify(rule.violation)}: ${JSON.stringify(error.violations)}`,
        ).toBeDefined();
        expect(error.message).toContain(`${violation!.location} ${violation!.message}`);
        expect(error.message.includes("\n")).toBe(false);
      });
    });
  }
});

describe("what the mock found wrong, one rule group at a time", () => {
  it("EVS create: the field and the rule after the service's code and message", async () => {
    const error = await sendBody("createVolumes", { volume: { availability_zone: "az", volume_type: "SSD", size: 0 } });
    expect(error.message).toBe(
      `POST /v3/${PROJECT}/cloudvolumes failed with HTTP 400: XXX: XXXX — rejected by the mock: body.volume.size must be >= 1 (request ID ${error.requestId})`,
    );
    expect(error.violations).toEqual([{ of: "request", location: "body.volume.size", keyword: "minimum", message: "must be >= 1" }]);
    expect([error.code, error.errorMessage, error.bodyForm]).toEqual(["XXX", "XXXX", undefined]);
  });

  it("EVS export", async () => {
    const error = await sendBody("exportVolumeToImage", { "os-volume_upload_image": { image_name: "img", disk_format: "vmdk" } });
    expect(error.message).toContain(
      "XXX: XXXX — rejected by the mock: body.os-volume_upload_image.disk_format must be equal to one of the allowed values: vhd, zvhd, zvhd2, raw, qcow2 (request ID",
    );
  });

  // One breaking body per form, each carrying the field that picks its form.
  it.each([
    ["ImageFromServer", { name: "img", instance_id: "877a2cda", min_disk: 2 }, "body must NOT have unevaluated properties: 'min_disk'"],
    ["DataImagesFromServer", { data_images: [{ volume_id: "c5dfbd0c" }] }, "body.data_images.0 must have required property 'name'"],
    ["ImageFromObsFile", { name: "img", image_url: "bucket:file.qcow2", min_disk: 20 }, "body.min_disk must be >= 40"],
    ["SystemImageFromDataVolume", { name: "img", volume_id: "877a2cda" }, "body must have required property 'os_version'"],
  ] as const)("IMS, a body meant as %s: that form's violations, first and in the message", async (form, body, rule) => {
    const error = await sendBody("createImage", body);
    expect(error.bodyForm).toBe(form);
    expect(error.message).toMatch(
      new RegExp(
        `^POST /v2/cloudimages/action failed with HTTP 400: IMG\\.0001: The request message format is invalid\\. — rejected by the mock, read as ${form} \\(the form with [a-z_ ]+\\): `,
      ),
    );
    expect(error.message).toContain(`: ${rule}; `);
    expect(`${error.violations[0]?.location} ${error.violations[0]?.message}`).toBe(rule);
    // The other forms' violations are all there too, after the meant form's.
    expect(error.violations.some((v) => v.keyword === "oneOf")).toBe(true);
    expect(error.message.length).toBeLessThan(400);
  });

  it("IMS, a body that carries no form's field: the message says which fields pick a form", async () => {
    const error = await sendBody("createImage", { name: "img" });
    expect(error.bodyForm).toBeUndefined();
    expect(error.message).toContain(
      "rejected by the mock: body must match exactly one schema in oneOf, and has none of the fields that pick a form of CreateImageRequest " +
        "(instance_id for ImageFromServer, data_images for DataImagesFromServer, image_url and min_disk for ImageFromObsFile, volume_id and os_version for SystemImageFromDataVolume)",
    );
  });

  // Each query or header parameter with a rule, its breaking value sent through the client.
  for (const rule of parameterRules) {
    it(`${rule.service} ${rule.operationId}: ${rule.rule}`, async () => {
      const op = operation(rule.service, rule.operationId);
      const error = await sendRequest(op, rule);
      const violation = error.violations.find((v) => v.location.startsWith(`${rule.in}.`) && v.keyword === rule.keyword);
      expect(violation, JSON.stringify(error.violations)).toBeDefined();
      expect(error.message).toContain(`rejected by the mock: ${violation!.location} ${violation!.message}`);
    });
  }

  it("a query parameter: the whole message", async () => {
    const error = await rejection(unwrap(imsClient().GET("/v2/cloudimages", { params: { query: { limit: "one" as never } } })));
    expect(error.message).toBe(
      `GET /v2/cloudimages?limit=one failed with HTTP 400: IMG.0001: The request message format is invalid. — rejected by the mock: query.limit must be integer (request ID ${error.requestId})`,
    );
    expect(error.violations).toEqual([{ of: "request", location: "query.limit", keyword: "type", message: "must be integer" }]);
  });

  it("a plain 400 without the header: the message is the service's alone", async () => {
    const evs = evsClient();
    prefer(evs, /cloudvolumes/, "code=400");
    const result = await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    expect(result.response.headers.get("sl-violations")).toBeNull();
    const error = await rejection(unwrap(Promise.resolve(result)));
    expect(error.message).toBe(`POST /v3/${PROJECT}/cloudvolumes failed with HTTP 400: XXX: XXXX (request ID ${error.requestId})`);
    expect(error.violations).toEqual([]);
  });

  it("a poll the mock rejects shows the same detail", async () => {
    const evs = evsClient({ credentials: false });
    const error = await rejection(waitForEvsJob(evs, "4010a32d535527910153552b492c0002"));
    expect(error.message).toMatch(
      /^GET \/v1\/0123456789abcdef0123456789abcdef\/jobs\/4010a32d535527910153552b492c0002 failed with HTTP 401: EVS\.5401: Authentication required\. — rejected by the mock: Invalid security scheme used \(request ID [0-9a-f]{32}\)$/,
    );
    expect(error.violations).toEqual([{ of: "request", location: "", keyword: "401", message: "Invalid security scheme used" }]);
  });

  it("no credential reaches the message or the violations", async () => {
    for (const credentials of [token, keys]) {
      const error = await rejection(
        unwrap(imsClient({ credentials }).POST("/v2/cloudimages/action", { body: { name: "img", image_url: "b:f.qcow2", min_disk: 20 } })),
      );
      const everything = `${error.message} ${JSON.stringify(error.violations)} ${inspect(error)}`;
      for (const secret of ["mock-token", keys.sk]) expect(everything).not.toContain(secret);
    }
  });
});

describe("request IDs of the mock", () => {
  it("differ from one answer to the next, so a test's log tells calls apart", async () => {
    const ims = imsClient();
    const ids = await Promise.all(
      [1, 2, 3].map(async () =>
        (await ims.POST("/v2/cloudimages/action", { body: imsRequestExamples["obs-file-tags"] })).response.headers.get("X-Request-Id"),
      ),
    );
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(3);
    const failures = await Promise.all([1, 2].map(() => sendBody("createVolumes", { volume: {} })));
    expect(failures[0]!.requestId).not.toBe(failures[1]!.requestId);
  });
});

/** Sends an operation's first example with a parameter rule's breaking value (its required query parameters' examples kept). */
function sendRequest(op: Operation, rule: ParameterRule) {
  const query: Record<string, string> = Object.fromEntries(new URL(op.path, "http://mock").searchParams);
  delete query[rule.name];
  const headers: Record<string, string> = {};
  if (rule.invalid !== undefined) (rule.in === "query" ? query : headers)[rule.name] = rule.invalid;
  return failingCall(op, { body: op.requestExamples[0]?.value, query, headers });
}

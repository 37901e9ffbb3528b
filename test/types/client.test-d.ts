// Compile-time checks of the generated types and the typed clients: every
// `@ts-expect-error` below is a mistake that must not compile (an unused one is
// itself an error), and every call without one must compile.
import { describe, expectTypeOf, test } from "vitest";
import type { Service } from "../../scripts/lib/services.mjs";
import type { Service as ClientService } from "../../src/client.js";
import type * as api from "../../src/index.js";
import {
  type AkSkCredentials,
  type Credentials,
  createEvsClient,
  createImsClient,
  type EvsJob,
  type EvsSchema,
  type Image,
  type ImsJob,
  type ImsSchema,
  type JobFailedError,
  type JobTimeoutError,
  type ResourceFailedError,
  signRequest,
  unwrap,
  type Volume,
  type WaitOptions,
  waitForEvsJob,
  waitForImage,
  waitForImsJob,
  waitForVolumes,
} from "../../src/index.js";
import type { RunningMocks } from "../../src/mock/index.mjs";
import type { Service as MockService } from "../../src/mock/prism.mjs";
import { evsRequestExamples, imsRequestExamples } from "./page-examples.js";

const evs = createEvsClient({ region: "cn-north-4", projectId: "p", credentials: { token: "t" } });
const ims = createImsClient({ baseUrl: "http://127.0.0.1:4010", credentials: { ak: "a", sk: "s" } });

describe("the page examples compile as request bodies", () => {
  test("EVS", () => {
    evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["from-snapshot-batch"] });
    evs.POST("/v3/{project_id}/volumes/{volume_id}/action", {
      params: { path: { volume_id: "v" } },
      body: evsRequestExamples["export-vhd"],
    });
    evs.POST("/v2.1/{project_id}/cloudvolumes", { body: evsRequestExamples["prepaid-yearly"] });
    evs.POST("/v2.1/{project_id}/cloudvolumes", { body: evsRequestExamples["gpssd2-attached"] });
    evs.POST("/v2/{project_id}/volumes/{volume_id}/action", {
      params: { path: { volume_id: "v" } },
      body: evsRequestExamples["export-vhd"],
    });
  });

  test("IMS, every form", () => {
    for (const body of Object.values(imsRequestExamples)) ims.POST("/v2/cloudimages/action", { body });
  });
});

describe("EVS create disks: mistakes do not compile", () => {
  const post = (body: EvsSchema<"CreateVolumesRequest">) => evs.POST("/v3/{project_id}/cloudvolumes", { body });

  test("a correct body compiles, with defaults left out", () => {
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10 } });
    post({ volume: { availability_zone: "az", volume_type: "SATA", size: 10, backup_id: null } });
  });

  test("a misspelled field", () => {
    // @ts-expect-error availabilty_zone is not a field
    post({ volume: { availabilty_zone: "az", volume_type: "SSD", size: 10 } });
    // @ts-expect-error volumeType is not a field (volume_type is)
    post({ volume: { availability_zone: "az", volumeType: "SSD", size: 10 } });
  });

  test("a wrong enum value", () => {
    // @ts-expect-error NVME is not a disk type
    post({ volume: { availability_zone: "az", volume_type: "NVME", size: 10 } });
    // @ts-expect-error metadata values are the strings "0" / "1"
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, metadata: { __system__encrypted: 1 } } });
    // @ts-expect-error shareable is the string "true", not a boolean
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, shareable: true } });
  });

  test("a missing required field", () => {
    // @ts-expect-error availability_zone is required
    post({ volume: { volume_type: "SSD", size: 10 } });
    // @ts-expect-error volume is required
    post({});
    // @ts-expect-error the body is required
    evs.POST("/v3/{project_id}/cloudvolumes", {});
  });

  test("a string where a number belongs", () => {
    // @ts-expect-error size is a number of GB
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: "100" } });
    // @ts-expect-error count is a number
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, count: "3" } });
  });

  test('only snapshot_id... may not be null; backup_id may ([string, "null"])', () => {
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, backup_id: null } });
    // @ts-expect-error snapshot_id is a string only
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, snapshot_id: null } });
  });

  test("tags are a map of strings (propertyNames)", () => {
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, tags: { env: "test" } } });
    // @ts-expect-error tag values are strings
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, tags: { env: 1 } } });
  });

  test("a closed metadata object", () => {
    // @ts-expect-error only the four documented metadata keys
    post({ volume: { availability_zone: "az", volume_type: "SSD", size: 10, metadata: { encrypted: "1" } } });
  });
});

describe("EVS create disks at v2.1: mistakes do not compile", () => {
  const post = (body: EvsSchema<"CreateVolumesV21Request">) => evs.POST("/v2.1/{project_id}/cloudvolumes", { body });
  const volume = { availability_zone: "az", volume_type: "SSD", size: 10 } as const;

  test("a correct body compiles: v3's volume fields, the newer ones, billing, placement, a server", () => {
    post({ volume });
    post({
      volume: { ...volume, volume_type: "GPSSD2", iops: 3000, throughput: 125, metadata: { create_for_volume_id: "true" } },
      bssParam: { chargingMode: "prePaid", periodType: "month", periodNum: 1, isAutoPay: "true", isAutoRenew: "false" },
      "OS-SCH-HNT:scheduler_hints": { dedicated_storage_id: "d" },
      server_id: "s",
    });
    evs.POST("/v2.1/{project_id}/cloudvolumes", { body: { volume }, params: { header: { "X-Client-Token": "t" } } });
  });

  test("billing flags are strings, and the enums are exact", () => {
    // @ts-expect-error isAutoPay is the string "true", not a boolean
    post({ volume, bssParam: { chargingMode: "prePaid", periodType: "year", periodNum: 1, isAutoPay: true } });
    // @ts-expect-error chargingMode is prePaid (the page's "PrePaid" is a typo)
    post({ volume, bssParam: { chargingMode: "PrePaid" } });
    // @ts-expect-error periodType is month or year
    post({ volume, bssParam: { chargingMode: "prePaid", periodType: "week", periodNum: 1 } });
    // @ts-expect-error periodNum is a number
    post({ volume, bssParam: { chargingMode: "prePaid", periodType: "month", periodNum: "1" } });
  });

  test("fields of the other API, and misspellings", () => {
    // @ts-expect-error shareable is v3's only
    post({ volume: { ...volume, shareable: "true" } });
    // @ts-expect-error the wire name is OS-SCH-HNT:scheduler_hints
    post({ volume, scheduler_hints: { dedicated_storage_id: "d" } });
    // @ts-expect-error create_for_volume_id is the string "true"
    post({ volume: { ...volume, metadata: { create_for_volume_id: true } } });
    // @ts-expect-error iops is a number
    post({ volume: { ...volume, volume_type: "ESSD2", iops: "5000" } });
  });

  test("v3 has none of v2.1's fields", () => {
    const postV3 = (body: EvsSchema<"CreateVolumesRequest">) => evs.POST("/v3/{project_id}/cloudvolumes", { body });
    // @ts-expect-error GPSSD2 is a v2.1 disk type
    postV3({ volume: { ...volume, volume_type: "GPSSD2" } });
    // @ts-expect-error iops is v2.1's only
    postV3({ volume: { ...volume, iops: 3000 } });
    // @ts-expect-error bssParam is v2.1's only
    postV3({ volume, bssParam: { chargingMode: "postPaid" } });
    // @ts-expect-error create_for_volume_id is a v2.1 metadata key
    postV3({ volume: { ...volume, metadata: { create_for_volume_id: "true" } } });
  });
});

describe("EVS export a disk: mistakes do not compile", () => {
  const post = (body: EvsSchema<"ExportVolumeToImageRequest">) =>
    evs.POST("/v3/{project_id}/volumes/{volume_id}/action", { params: { path: { volume_id: "v" } }, body });

  test("a wrong enum value", () => {
    // @ts-expect-error vmdk is not an export format
    post({ "os-volume_upload_image": { image_name: "n", disk_format: "vmdk" } });
    // @ts-expect-error __os_type is lower-case
    post({ "os-volume_upload_image": { image_name: "n", __os_type: "Linux" } });
  });

  test("a missing required field or parameter", () => {
    // @ts-expect-error image_name is required
    post({ "os-volume_upload_image": { disk_format: "vhd" } });
    // @ts-expect-error volume_id is a required path parameter
    evs.POST("/v3/{project_id}/volumes/{volume_id}/action", { params: { path: {} }, body: evsRequestExamples["export-vhd"] });
  });

  test("a misspelled field", () => {
    // @ts-expect-error extra_spec is a response field name, and not a request field at all
    post({ "os-volume_upload_image": { image_name: "n", force: true, extra_spec: {} } });
  });

  test("a string where a boolean belongs", () => {
    // @ts-expect-error force is a boolean
    post({ "os-volume_upload_image": { image_name: "n", force: "true" } });
  });
});

describe("IMS create an image: mistakes do not compile (oneOf, allOf, unevaluatedProperties)", () => {
  const post = (body: ImsSchema<"CreateImageRequest">) => ims.POST("/v2/cloudimages/action", { body });

  test("each form compiles with only its required fields", () => {
    post({ name: "n", instance_id: "i" });
    post({ data_images: [{ name: "d", volume_id: "v" }] });
    post({ name: "n", image_url: "b:f.qcow2", min_disk: 40 });
    post({ name: "n", volume_id: "v", os_version: "CentOS 7.0 64bit" });
  });

  test("a missing required field", () => {
    // @ts-expect-error name is required from a server (required through nested allOf)
    post({ instance_id: "i" });
    // @ts-expect-error os_version is required from a data volume
    post({ name: "n", volume_id: "v" });
    // @ts-expect-error min_disk is required from an OBS file
    post({ name: "n", image_url: "b:f.qcow2" });
    // @ts-expect-error a data image needs volume_id
    post({ data_images: [{ name: "d" }] });
  });

  test("a field no form has", () => {
    // @ts-expect-error instanceId is not a field
    post({ name: "n", instanceId: "i" });
  });

  test("a wrong enum value", () => {
    // @ts-expect-error os_type is Linux, Windows or Other
    post({ name: "n", image_url: "b:f.qcow2", min_disk: 40, os_type: "linux" });
    // @ts-expect-error architecture is x86 or arm
    post({ name: "n", image_url: "b:f.qcow2", min_disk: 40, architecture: "amd64" });
  });

  test("a string where a number belongs", () => {
    // @ts-expect-error min_disk is a number of GB
    post({ name: "n", image_url: "b:f.qcow2", min_disk: "40" });
  });

  test("tags in the wrong form", () => {
    // @ts-expect-error image_tags are {key, value} objects
    post({ name: "n", instance_id: "i", image_tags: ["a.b"] });
  });
});

describe("rules between fields do not compile (the schema's conditionals and forms, read as unions: CONTRIBUTING.md, C-TypedRules)", () => {
  // Every documented rule is checked this way by test/types/rules.test.ts; these are the ones a caller meets first.
  const cmk = "37b0d52e-c249-40d6-83cb-2b93f22445bd";

  test("EVS: the disk's source decides size, count and metadata", () => {
    evs.POST("/v3/{project_id}/cloudvolumes", {
      body: { volume: { availability_zone: "az", volume_type: "SSD", backup_id: "b", count: 1 } },
    });
    evs.POST("/v3/{project_id}/cloudvolumes", {
      body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10, backup_id: null } },
    });
    // @ts-expect-error a blank disk needs a size
    evs.POST("/v3/{project_id}/cloudvolumes", { body: { volume: { availability_zone: "az", volume_type: "SSD" } } });
    // @ts-expect-error a null backup_id is no backup: size is required
    evs.POST("/v3/{project_id}/cloudvolumes", { body: { volume: { availability_zone: "az", volume_type: "SSD", backup_id: null } } });
    evs.POST("/v3/{project_id}/cloudvolumes", {
      // @ts-expect-error a disk from a snapshot and a backup at once
      body: { volume: { availability_zone: "az", volume_type: "SSD", backup_id: "b", snapshot_id: "s" } },
    });
    evs.POST("/v3/{project_id}/cloudvolumes", {
      // @ts-expect-error only one disk from a backup
      body: { volume: { availability_zone: "az", volume_type: "SSD", backup_id: "b", count: 5 } },
    });
    evs.POST("/v3/{project_id}/cloudvolumes", {
      // @ts-expect-error a customer master key without encryption
      body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10, metadata: { __system__cmkid: cmk } } },
    });
    evs.POST("/v3/{project_id}/cloudvolumes", {
      // @ts-expect-error encryption keys from a snapshot (the disk is encrypted like the snapshot)
      body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10, snapshot_id: "s", metadata: { __system__encrypted: "1" } } },
    });
    evs.POST("/v3/{project_id}/cloudvolumes", {
      body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10, imageRef: "i", metadata: { full_clone: "0" } } },
    });
    evs.POST("/v3/{project_id}/cloudvolumes", {
      // @ts-expect-error hw:passthrough from an image
      body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10, imageRef: "i", metadata: { "hw:passthrough": "true" } } },
    });
  });

  test("EVS v2.1: iops and throughput by disk type, the billing's fields by mode", () => {
    const post = "/v2.1/{project_id}/cloudvolumes" as const;
    evs.POST(post, { body: { volume: { availability_zone: "az", volume_type: "GPSSD2", size: 10, iops: 3000, throughput: 125 } } });
    // @ts-expect-error iops only for GPSSD2 and ESSD2
    evs.POST(post, { body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10, iops: 3000 } } });
    // @ts-expect-error a GPSSD2 disk needs its iops and throughput
    evs.POST(post, { body: { volume: { availability_zone: "az", volume_type: "GPSSD2", size: 10 } } });
    // @ts-expect-error a subscription needs its period
    evs.POST(post, { body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10 }, bssParam: { chargingMode: "prePaid" } } });
    evs.POST(post, {
      // @ts-expect-error ESSD2 is pay-per-use only
      body: {
        volume: { availability_zone: "az", volume_type: "ESSD2", size: 10, iops: 3000 },
        bssParam: { chargingMode: "prePaid", periodType: "month", periodNum: 1 },
      },
    });
  });

  test("IMS: one form per request, and one kind of tags", () => {
    ims.POST("/v2/cloudimages/action", { body: { name: "n", instance_id: "i", image_tags: [{ key: "a", value: "b" }] } });
    // @ts-expect-error tags and image_tags together
    ims.POST("/v2/cloudimages/action", { body: { name: "n", instance_id: "i", tags: ["a.b"], image_tags: [{ key: "a", value: "b" }] } });
    // @ts-expect-error a server image that also carries image_url (a field of another form)
    ims.POST("/v2/cloudimages/action", { body: { name: "n", instance_id: "i", image_url: "b:f.qcow2" } });
    // @ts-expect-error data-disk images only, with an image file of the OBS form
    ims.POST("/v2/cloudimages/action", { body: { data_images: [{ name: "d", volume_id: "v" }], image_url: "b:f.qcow2" } });
    ims.POST("/v2/cloudimages/action", {
      body: { name: "n", image_url: "b:f.zvhd2", min_disk: 40, is_quick_import: true, os_version: "CentOS 7.0 64bit" },
    });
    // @ts-expect-error quick import without os_version
    ims.POST("/v2/cloudimages/action", { body: { name: "n", image_url: "b:f.zvhd2", min_disk: 40, is_quick_import: true } });
    // @ts-expect-error an ISO image without os_version
    ims.POST("/v2/cloudimages/action", { body: { name: "n", image_url: "b:f.img", min_disk: 40, type: "IsoImage" } });
  });

  test("what only the mock refuses still compiles (test/types/rules-without-types.ts)", () => {
    // os_version for a file whose name ends in .iso: a pattern, which a type cannot test
    ims.POST("/v2/cloudimages/action", { body: { name: "n", image_url: "b:f.iso", min_disk: 40 } });
    // name at most 250 characters when count is above 1: a length that depends on a number
    evs.POST("/v3/{project_id}/cloudvolumes", {
      body: { volume: { availability_zone: "az", volume_type: "SSD", size: 10, count: 2, name: "n".repeat(251) } },
    });
  });
});

describe("paths and parameters", () => {
  test("project_id may be left out (the client fills it in); other path parameters may not", () => {
    evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j" } } });
    evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j", project_id: "p" } } });
    evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    // @ts-expect-error job_id is required
    evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: {} } });
    // @ts-expect-error params (with job_id) are required
    evs.GET("/v1/{project_id}/jobs/{job_id}");
    // @ts-expect-error project_id is a string
    evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j", project_id: 1 } } });
  });

  test("only the documented operations exist", () => {
    // @ts-expect-error there is no GET on cloudvolumes in this description
    evs.GET("/v3/{project_id}/cloudvolumes", {});
    // @ts-expect-error IMS paths are not on the EVS client
    evs.POST("/v2/cloudimages/action", { body: imsRequestExamples["server-system-image-tags"] });
    // @ts-expect-error a misspelled path
    evs.GET("/v1/{project_id}/job/{job_id}", { params: { path: { job_id: "j" } } });
  });
});

describe("responses", () => {
  test("data and error are typed from the description", async () => {
    const { data, error } = await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    if (data) {
      expectTypeOf(data.job_id).toEqualTypeOf<string>();
      // @ts-expect-error the answer has job_id only
      void data.volume_id;
    }
    if (error) {
      expectTypeOf(error).toEqualTypeOf<EvsSchema<"EvsError"> | EvsSchema<"ApiGatewayError">>();
    }
  });

  test("a v2.1 create answers a job or an order: the type makes the caller tell them apart", async () => {
    const created = await unwrap(evs.POST("/v2.1/{project_id}/cloudvolumes", { body: evsRequestExamples["prepaid-yearly"] }));
    expectTypeOf(created.volume_ids).toEqualTypeOf<string[] | undefined>();
    // @ts-expect-error a prepaid create has no job_id: narrow first
    void created.job_id.length;
    if ("job_id" in created) {
      expectTypeOf(created.job_id).toEqualTypeOf<string>();
      await waitForEvsJob(evs, created.job_id);
    } else {
      expectTypeOf(created.order_id).toEqualTypeOf<string>();
    }
  });

  test("unwrap returns the success body, never undefined", async () => {
    const created = await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] }));
    expectTypeOf(created).toEqualTypeOf<EvsSchema<"CreateVolumesResponse">>();
    const exported = await unwrap(
      evs.POST("/v3/{project_id}/volumes/{volume_id}/action", {
        params: { path: { volume_id: "v" } },
        body: evsRequestExamples["export-vhd"],
      }),
    );
    expectTypeOf(exported["os-volume_upload_image"].image_id).toEqualTypeOf<string>();
    // @ts-expect-error disk_format is an enum, not any string
    exported["os-volume_upload_image"].disk_format = "vmdk";
    // @ts-expect-error the response field is image_id
    void exported["os-volume_upload_image"].imageId;

    const job = await unwrap(evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j" } } }));
    expectTypeOf(job.status).toEqualTypeOf<"SUCCESS" | "RUNNING" | "FAIL" | "INIT">();
    expectTypeOf(job.error_code).toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error the sub-jobs are under entities
    void job.sub_jobs;

    const imsJob = await unwrap(ims.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j" } } }));
    expectTypeOf(imsJob).toEqualTypeOf<ImsJob>();
    expectTypeOf(imsJob.entities?.process_percent).toEqualTypeOf<number | undefined>();
  });

  test("job helpers return typed results", async () => {
    const disks = await waitForEvsJob(evs, "j");
    expectTypeOf(disks.volumeIds).toEqualTypeOf<string[]>();
    expectTypeOf(disks.volumeId).toEqualTypeOf<string | undefined>();
    expectTypeOf(disks.job).toEqualTypeOf<EvsJob>();
    const image = await waitForImsJob(ims, "j", { onPoll: (job) => expectTypeOf(job).toEqualTypeOf<ImsJob>() });
    expectTypeOf(image.imageId).toEqualTypeOf<string>();
    // @ts-expect-error an EVS client cannot wait for an IMS job
    await waitForImsJob(evs, "j");
    // @ts-expect-error the option is timeoutMs
    await waitForEvsJob(evs, "j", { timeout: 1000 });
    // onPoll may be async (it is awaited) or return anything.
    const seen: EvsJob[] = [];
    await waitForEvsJob(evs, "j", { onPoll: async (job) => void (await Promise.resolve(job)) });
    await waitForEvsJob(evs, "j", { onPoll: (job) => seen.push(job) });
  });
});

describe("client options", () => {
  test("region or baseUrl, not both, not neither", () => {
    createEvsClient({ region: "eu-west-101", credentials: false });
    createEvsClient({ baseUrl: new URL("http://127.0.0.1:1"), credentials: false });
    // @ts-expect-error region and baseUrl together
    createEvsClient({ region: "cn-north-4", baseUrl: "http://x", credentials: false });
    // @ts-expect-error neither region nor baseUrl
    createEvsClient({ credentials: false });
  });

  test("token or AK/SK, not a mix", () => {
    createImsClient({ region: "cn-north-4", credentials: { ak: "a", sk: "s", securityToken: "t" } });
    // @ts-expect-error token and ak together
    createImsClient({ region: "cn-north-4", credentials: { token: "t", ak: "a", sk: "s" } });
    // @ts-expect-error sk is required with ak
    createImsClient({ region: "cn-north-4", credentials: { ak: "a" } });
  });
});

describe("one type per thing", () => {
  test("one AK/SK credentials type, for the clients and the signer alike", () => {
    const keys: AkSkCredentials = { ak: "a", sk: "s", securityToken: "t" };
    createEvsClient({ region: "cn-north-4", credentials: keys });
    void signRequest({ method: "GET", url: "https://evs.cn-north-4.myhuaweicloud.com/" }, keys);
    expectTypeOf<Extract<Credentials, { ak: string }>>().toEqualTypeOf<AkSkCredentials>();
    // @ts-expect-error there is no second spelling
    expectTypeOf<api.AkskCredentials>();
  });

  test("WaitOptions needs no type argument, and then suits both waiters", async () => {
    const options: WaitOptions = {
      timeoutMs: 60_000,
      onPoll: (job) => expectTypeOf(job).toEqualTypeOf<EvsJob | ImsJob>(),
    };
    await waitForEvsJob(evs, "j", options);
    await waitForImsJob(ims, "j", options);
    expectTypeOf<NonNullable<WaitOptions<EvsJob>["onPoll"]>>().parameter(0).toEqualTypeOf<EvsJob>();
  });

  test("a job error's job is the job, not unknown", () => {
    expectTypeOf<JobFailedError["job"]>().toEqualTypeOf<EvsJob | ImsJob>();
    expectTypeOf<JobTimeoutError["job"]>().toEqualTypeOf<EvsJob | ImsJob | undefined>();
  });

  test("the package's services are the repository's (scripts/lib/services.mjs), and its errors and mocks name them", () => {
    expectTypeOf<ClientService>().toEqualTypeOf<Service>();
    expectTypeOf<MockService>().toEqualTypeOf<Service>();
    expectTypeOf<keyof RunningMocks["urls"]>().toEqualTypeOf<Service>();
    expectTypeOf<JobFailedError["service"]>().toEqualTypeOf<Service>();
  });
});

describe("the queries the waiters poll", () => {
  test("listing images: the documented filters compile, wrong types and values do not", () => {
    ims.GET("/v2/cloudimages", { params: { query: { __imagetype: "gold", sort_key: "name", limit: 1 } } });
    ims.GET("/v2/cloudimages", {
      params: { query: { protected: true, visibility: "public", status: "active", __platform: "Oracle Linux" } },
    });
    ims.GET("/v2/cloudimages");
    // @ts-expect-error limit is an integer, not a string
    ims.GET("/v2/cloudimages", { params: { query: { limit: "1" } } });
    // @ts-expect-error protected is a boolean
    ims.GET("/v2/cloudimages", { params: { query: { protected: "true" } } });
    // @ts-expect-error ready is not an image status
    ims.GET("/v2/cloudimages", { params: { query: { status: "ready" } } });
    // @ts-expect-error __support_kvm is "true" or left out
    ims.GET("/v2/cloudimages", { params: { query: { __support_kvm: "false" } } });
    // @ts-expect-error imagetype is not a parameter (__imagetype is)
    ims.GET("/v2/cloudimages", { params: { query: { imagetype: "gold" } } });
  });

  test("querying a disk needs its ID; the project comes from the client", async () => {
    const { data } = await evs.GET("/v2/{project_id}/cloudvolumes/{volume_id}", { params: { path: { volume_id: "v" } } });
    expectTypeOf(data!.volume.bootable).toEqualTypeOf<"true" | "false" | undefined>();
    expectTypeOf(data!.volume.volume_type).toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error volume_id is required
    evs.GET("/v2/{project_id}/cloudvolumes/{volume_id}", { params: { path: {} } });
  });
});

describe("waiting for disks and images", () => {
  test("waitForVolumes resolves with the disks; onPoll sees each, undefined while not found", async () => {
    const volumes = await waitForVolumes(evs, ["a", "b"], {
      notFoundGraceMs: 30_000,
      onPoll: (seen) => expectTypeOf(seen).toEqualTypeOf<Array<Volume | undefined>>(),
    });
    expectTypeOf(volumes).toEqualTypeOf<Volume[]>();
    expectTypeOf(volumes[0]!.status).toEqualTypeOf<EvsSchema<"VolumeStatus">>();
    // @ts-expect-error one disk ID is not a list of disk IDs
    await waitForVolumes(evs, "a");
    // @ts-expect-error an IMS client cannot query disks
    await waitForVolumes(ims, ["a"]);
  });

  test("waitForImage resolves with the image; onPoll sees it, undefined while not listed", async () => {
    const image = await waitForImage(ims, "i", { onPoll: (seen) => expectTypeOf(seen).toEqualTypeOf<Image | undefined>() });
    expectTypeOf(image).toEqualTypeOf<Image>();
    expectTypeOf(image.status).toEqualTypeOf<"queued" | "saving" | "active" | "killed" | "deleted">();
    expectTypeOf(image.max_ram).toEqualTypeOf<string | undefined>();
    // @ts-expect-error the image list has no project in its path
    await waitForImage(ims, "i", { projectId: "p" });
  });

  test("a failed disk or image carries the resource and its status", () => {
    expectTypeOf<ResourceFailedError["resource"]>().toEqualTypeOf<Volume | Image>();
    expectTypeOf<ResourceFailedError["status"]>().toEqualTypeOf<string>();
  });
});

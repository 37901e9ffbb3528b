// The workflows users run, end to end against the mocks with plain fetch, as
// an application would: start an asynchronous operation, then poll its job,
// its disks or its image until they are ready. The mock keeps no state, so
// each poll says with Prefer which state to answer: RUNNING first, then
// SUCCESS (or FAIL); a disk creating, then available; an image queued, saving,
// then active (or killed).
import { describe, expect, it } from "vitest";
import type { Service } from "../support/openapi.js";
import { baseUrl, token } from "../support/prism-requests.js";

const projectId = "05e10c4ad5a63a52f52fc6d3b49b7ba4";
const json = { "content-type": "application/json", accept: "application/json" };

type Job = { job_id: string; status: string; entities?: Record<string, unknown>; error_code?: string | null; fail_reason?: string | null };

/**
 * Reads `url` as a client polls it, until `done` says the answer is final;
 * `states` is the named example the mock is asked to serve on each read.
 * Returns every answer read.
 */
async function follow<T>(url: string, states: string[], done: (answer: T) => boolean): Promise<T[]> {
  const answers: T[] = [];
  for (const state of states) {
    const response = await fetch(url, { headers: { ...token, accept: "application/json", prefer: `example=${state}` } });
    expect(response.status).toBe(200);
    answers.push((await response.json()) as T);
    if (done(answers.at(-1)!)) return answers;
  }
  throw new Error(`${url} did not settle; read ${JSON.stringify(answers).slice(0, 500)}`);
}

/** Polls a job until it is SUCCESS or FAIL: the last job, and every status seen. */
async function waitForJob(service: Service, jobId: string, states: string[]) {
  const url = `${baseUrl(service)}/v1/${projectId}/jobs/${encodeURIComponent(jobId)}`;
  const jobs = await follow<Job>(url, states, (job) => job.status === "SUCCESS" || job.status === "FAIL");
  return { job: jobs.at(-1)!, seen: jobs.map((job) => job.status) };
}

type DiskAnswer = { volume: { status: string } };
/** The statuses a disk goes through, read until it is available or in an error status. */
const followDisk = async (volumeId: string, states: string[]) =>
  (
    await follow<DiskAnswer>(
      `${baseUrl("evs")}/v2/${projectId}/cloudvolumes/${encodeURIComponent(volumeId)}`,
      states,
      ({ volume }) => volume.status === "available" || volume.status.startsWith("error"),
    )
  ).map(({ volume }) => volume.status);

/** Asks EVS for two disks; returns the job ID it answers. */
async function createTwoDisks(): Promise<string> {
  const response = await fetch(`${baseUrl("evs")}/v3/${projectId}/cloudvolumes`, {
    method: "POST",
    headers: { ...token, ...json },
    body: JSON.stringify({ volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40, count: 2, name: "data" } }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { job_id: string }).job_id;
}

describe("workflow: create disks, then poll the EVS job", () => {
  it("POST cloudvolumes answers a job_id, and the job goes RUNNING → SUCCESS with one sub-job per disk", async () => {
    const jobId = await createTwoDisks();
    expect(jobId).toEqual(expect.any(String));

    const { job, seen } = await waitForJob("evs", jobId, ["running", "running", "success"]);
    expect(seen).toEqual(["RUNNING", "RUNNING", "SUCCESS"]);
    const subJobs = job.entities?.sub_jobs as Job[];
    expect(subJobs.length).toBeGreaterThan(1);
    for (const sub of subJobs) expect(sub).toMatchObject({ status: "SUCCESS", entities: { volume_id: expect.any(String) } });
  });

  it("a disk creation that fails ends in FAIL with an error code and a reason", async () => {
    const { job, seen } = await waitForJob("evs", "4010a32d535527910153552b492c0002", ["running", "fail"]);
    expect(seen).toEqual(["RUNNING", "FAIL"]);
    expect(job.error_code).toMatch(/^EVS\./);
    expect(job.fail_reason).toEqual(expect.any(String));
  });

  it("a mistake in the request is refused before any job exists", async () => {
    const response = await fetch(`${baseUrl("evs")}/v3/${projectId}/cloudvolumes`, {
      method: "POST",
      headers: { ...token, ...json },
      body: JSON.stringify({ volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40, backup_id: "b1", snapshot_id: "s1" } }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("snapshot_id");
  });
});

describe("workflow: create a disk the way the Terraform provider does (v2.1), then wait for its job and the disk", () => {
  // What huaweicloud_evs_volume sends: its disks always ask for their IDs in the answer, which it
  // reads from volume_ids[0]; then it waits for the job (or, prepaid, the order) and the disk.
  const terraformVolume = {
    availability_zone: "cn-north-4a",
    volume_type: "SAS",
    name: "volume",
    size: 20,
    tags: { foo: "bar" },
    metadata: { create_for_volume_id: "true" },
  };
  const create = (body: unknown, prefer?: string) =>
    fetch(`${baseUrl("evs")}/v2.1/${projectId}/cloudvolumes`, {
      method: "POST",
      headers: { ...token, ...json, ...(prefer ? { prefer } : {}) },
      body: JSON.stringify(body),
    });

  it("pay-per-use: 202 with a job and volume_ids[0]; the job goes RUNNING → SUCCESS and the disk creating → available", async () => {
    const response = await create({ volume: terraformVolume });
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { job_id?: string; volume_ids?: string[] };
    const [volumeId] = answer.volume_ids ?? [];
    expect(volumeId).toEqual(expect.any(String));
    const { seen } = await waitForJob("evs", answer.job_id!, ["running", "success"]);
    expect(seen).toEqual(["RUNNING", "SUCCESS"]);
    expect(await followDisk(volumeId!, ["creating", "available"])).toEqual(["creating", "available"]);
  });

  it("yearly/monthly: 202 with an order and volume_ids[0], no job to poll, and the disk followed by its ID", async () => {
    const bssParam = { chargingMode: "prePaid", periodType: "month", periodNum: 1, isAutoRenew: "true", isAutoPay: "true" };
    const response = await create({ volume: terraformVolume, bssParam }, "example=order-created-with-volume-ids");
    expect(response.status).toBe(202);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toEqual({ order_id: expect.any(String), volume_ids: [expect.any(String)] });
    expect(answer).not.toHaveProperty("job_id");
    const [volumeId] = answer.volume_ids as string[];
    expect(await followDisk(volumeId!, ["creating", "available"])).toEqual(["creating", "available"]);
  });

  it("the same body at v3 is refused: create_for_volume_id is a v2.1 key", async () => {
    const response = await fetch(`${baseUrl("evs")}/v3/${projectId}/cloudvolumes`, {
      method: "POST",
      headers: { ...token, ...json },
      body: JSON.stringify({ volume: terraformVolume }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("create_for_volume_id");
  });
});

describe("workflow: create disks, wait for them, export one, and follow the image in IMS until it is usable", () => {
  /** Creates two disks and waits for the job and the disks; returns the first disk's ID. */
  async function createReadyDisks() {
    const jobId = await createTwoDisks();
    const { job } = await waitForJob("evs", jobId, ["running", "success"]);
    const volumeIds = ((job.entities?.sub_jobs ?? []) as Job[]).map((sub) => sub.entities?.volume_id as string);
    expect(volumeIds).toHaveLength(2);

    // Each new disk is `creating` first, and ready once `available`.
    for (const volumeId of volumeIds) expect(await followDisk(volumeId, ["creating", "available"])).toEqual(["creating", "available"]);
    return volumeIds[0]!;
  }

  /** Exports a disk (at /v3, or the Cinder v2 path); returns the new image's ID, which the export answers at once. */
  async function exportDisk(volumeId: string, version: "v3" | "v2" = "v3") {
    const response = await fetch(`${baseUrl("evs")}/${version}/${projectId}/volumes/${volumeId}/action`, {
      method: "POST",
      headers: { ...token, ...json },
      body: JSON.stringify({ "os-volume_upload_image": { image_name: "disk-backup", disk_format: "qcow2", force: true } }),
    });
    expect(response.status).toBe(202);
    const { "os-volume_upload_image": exported } = (await response.json()) as {
      "os-volume_upload_image": { image_id: string; status: string };
    };
    expect(exported.status).toBe("uploading");
    // Meanwhile the disk shows `uploading` too.
    const [disk] = await follow<DiskAnswer>(`${baseUrl("evs")}/v2/${projectId}/cloudvolumes/${volumeId}`, ["uploading"], () => true);
    expect(disk!.volume.status).toBe("uploading");
    return exported.image_id;
  }

  /** The statuses the image goes through, listed by ID until it is active, killed or deleted. */
  type ImageList = { images: Array<{ id: string; status: string }> };
  const followImage = async (imageId: string, states: string[]) => {
    const statusOf = (answer: ImageList) => answer.images.find((image) => image.id === imageId)?.status ?? "not listed";
    const url = `${baseUrl("ims")}/v2/cloudimages?id=${encodeURIComponent(imageId)}`;
    return (await follow<ImageList>(url, states, (answer) => ["active", "killed", "deleted"].includes(statusOf(answer)))).map(statusOf);
  };

  it("the image is listed by the ID the export answered, and goes queued → saving → active", async () => {
    const imageId = await exportDisk(await createReadyDisks());
    expect(await followImage(imageId, ["empty", "queued", "saving", "saving", "active"])).toEqual([
      "not listed",
      "queued",
      "saving",
      "saving",
      "active",
    ]);
  });

  it("the export at the Cinder v2 path answers the same, and its image goes queued → active", async () => {
    const imageId = await exportDisk(await createReadyDisks(), "v2");
    expect(await followImage(imageId, ["queued", "active"])).toEqual(["queued", "active"]);
  });

  it("an upload that fails ends with the image killed", async () => {
    const imageId = await exportDisk(await createReadyDisks());
    expect(await followImage(imageId, ["queued", "saving", "killed"])).toEqual(["queued", "saving", "killed"]);
  });

  it("a disk whose creation failed ends in status error", async () => {
    expect(await followDisk("0b549095-4937-4849-8e4c-52aa027d64f7", ["creating", "creation-failed"])).toEqual(["creating", "error"]);
  });

  it("a malformed filter is refused before anything is listed, naming the parameter", async () => {
    const response = await fetch(`${baseUrl("ims")}/v2/cloudimages?id=x&status=ready`, {
      headers: { ...token, accept: "application/json" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain('"query","status"');
  });
});

describe("workflow: create an image from an OBS file, then poll the IMS job", () => {
  const obsFile = {
    name: "centos-file",
    image_url: "ims-image:centos70.qcow2",
    min_disk: 40,
    os_version: "CentOS 7.0 64bit",
    is_quick_import: true,
  };

  it("POST cloudimages/action answers a job_id, and the job goes RUNNING → SUCCESS with the new image's ID", async () => {
    const response = await fetch(`${baseUrl("ims")}/v2/cloudimages/action`, {
      method: "POST",
      headers: { ...token, ...json },
      body: JSON.stringify(obsFile),
    });
    expect(response.status).toBe(200);
    const { job_id: jobId } = (await response.json()) as { job_id: string };
    expect(jobId).toEqual(expect.any(String));

    const { job, seen } = await waitForJob("ims", jobId, ["running", "running", "success"]);
    expect(seen).toEqual(["RUNNING", "RUNNING", "SUCCESS"]);
    expect(job.entities).toMatchObject({ image_id: expect.any(String) });
  });

  it("an import that fails ends in FAIL with an error code and a reason", async () => {
    const { job, seen } = await waitForJob("ims", "ff8080814dbd65d7014dbe0d84db0013", ["running", "fail"]);
    expect(seen).toEqual(["RUNNING", "FAIL"]);
    expect(job.error_code).toEqual(expect.any(String));
    expect(job.fail_reason).toEqual(expect.any(String));
  });

  it("quick import without os_version is refused, naming the missing field", async () => {
    const { os_version: _omitted, ...withoutOsVersion } = obsFile;
    const response = await fetch(`${baseUrl("ims")}/v2/cloudimages/action`, {
      method: "POST",
      headers: { ...token, ...json },
      body: JSON.stringify(withoutOsVersion),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("os_version");
  });
});

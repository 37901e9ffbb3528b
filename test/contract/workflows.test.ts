// The workflows users run, end to end against the mocks with plain fetch, as
// an application would: start an asynchronous operation, then poll its job
// until it ends. The mock keeps no state, so each poll says with Prefer which
// state the job is in: RUNNING first, then SUCCESS (or FAIL).
import { describe, expect, it } from "vitest";
import type { Service } from "../support/openapi.js";
import { baseUrl, token } from "../support/prism-requests.js";

const projectId = "05e10c4ad5a63a52f52fc6d3b49b7ba4";
const json = { "content-type": "application/json", accept: "application/json" };

type Job = { job_id: string; status: string; entities?: Record<string, unknown>; error_code?: string | null; fail_reason?: string | null };

/**
 * Polls a job until it is SUCCESS or FAIL, as a client would. `states` is what
 * the mock is asked to serve on each successive poll.
 */
async function waitForJob(service: Service, jobId: string, states: string[]) {
  const seen: string[] = [];
  for (const state of states) {
    const response = await fetch(`${baseUrl(service)}/v1/${projectId}/jobs/${encodeURIComponent(jobId)}`, {
      headers: { ...token, accept: "application/json", prefer: `example=${state}` },
    });
    expect(response.status).toBe(200);
    const job = (await response.json()) as Job;
    seen.push(job.status);
    if (job.status === "SUCCESS" || job.status === "FAIL") return { job, seen };
  }
  throw new Error(`the ${service} job ${jobId} did not end; saw ${seen.join(", ")}`);
}

describe("workflow: create disks, then poll the EVS job", () => {
  it("POST cloudvolumes answers a job_id, and the job goes RUNNING → SUCCESS with one sub-job per disk", async () => {
    const response = await fetch(`${baseUrl("evs")}/v3/${projectId}/cloudvolumes`, {
      method: "POST",
      headers: { ...token, ...json },
      body: JSON.stringify({ volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40, count: 2, name: "data" } }),
    });
    expect(response.status).toBe(200);
    const { job_id: jobId } = (await response.json()) as { job_id: string };
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

describe("workflow: export a disk as an image, then follow the image in IMS", () => {
  it("the export answers 202 with os-volume_upload_image.image_id, and the IMS job goes RUNNING → SUCCESS", async () => {
    const response = await fetch(`${baseUrl("evs")}/v3/${projectId}/volumes/16369c5d-384d-4e64-b37a-56d898769362/action`, {
      method: "POST",
      headers: { ...token, ...json },
      body: JSON.stringify({ "os-volume_upload_image": { image_name: "disk-backup", disk_format: "qcow2", force: true } }),
    });
    expect(response.status).toBe(202);
    const { "os-volume_upload_image": exported } = (await response.json()) as { "os-volume_upload_image": { image_id: string; status: string } };
    expect(exported.image_id).toEqual(expect.any(String));
    expect(exported.status).toBe("uploading");

    // The export answers an image ID, not a job ID (the description has no
    // link from an export to an IMS job); the mock's IMS job query, which
    // ignores the ID it is given, stands for watching the image being made.
    const { job, seen } = await waitForJob("ims", "ff8080814dbd65d7014dbe0d84db0013", ["running", "success"]);
    expect(seen).toEqual(["RUNNING", "SUCCESS"]);
    expect(job.entities).toMatchObject({ image_id: expect.any(String) });
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

// waitForVolumes / waitForImage against a fetch double standing in for the
// cloud: what they poll, when they resolve and reject, the grace period for
// what is not there yet, and the polling core's guarantees, which every
// waiter (the job waiters too) shares. Schedules run on fake timers.
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  HuaweiCloudError,
  type Image,
  JobTimeoutError,
  ResourceFailedError,
  ResourceNotFoundError,
  type Volume,
  WaitTimeoutError,
  waitForEvsJob,
  waitForImage,
  waitForImsJob,
  waitForVolumes,
} from "../../src/index.js";
import { evsWith, hang, imsWith, json, networkFailure, PROJECT, type Step } from "../support/fetch-double.js";
import { loadBundle } from "../support/openapi.js";

const evsExamples = loadBundle("evs").components.examples as Record<string, { value: any }>;
const imsExamples = loadBundle("ims").components.examples as Record<string, { value: any }>;
const fast = { intervalMs: 1, maxIntervalMs: 1 };
const fakeTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });

/** A disk query's answer: the disk of a named example, with this ID and status. */
const disk = (id: string, status: string, example = "creating") =>
  json(200, { volume: { ...evsExamples[example]!.value.volume, id, status } });
/** An image list's answer: the exported image of a named example, with this status. */
const imageList = (status: string) => json(200, { images: [{ ...imsExamples.active!.value.images[0], status }] });
const IMAGE_ID = "c5333daa-fbc8-4d1d-bf79-b0567bb45d15";
const notFound = () =>
  json(404, { itemNotFound: { code: "EVS.5404", message: "Resource(Volume, Snapshot, Backup .etc) cound not be found." } });

/** Answers by disk ID from per-disk scripts (the last step of each repeats). */
function byDisk(scripts: Record<string, Step[]>) {
  const next: Record<string, number> = {};
  return (request: Request) => {
    const id = new URL(request.url).pathname.split("/").pop()!;
    const steps = scripts[id]!;
    next[id] = (next[id] ?? -1) + 1;
    const step = steps[Math.min(next[id], steps.length - 1)]!;
    return step instanceof Response ? step.clone() : (step as (r: Request) => Response)(request);
  };
}
const paths = (double: { requests: Array<{ url: string }> }) => double.requests.map((r) => new URL(r.url).pathname + new URL(r.url).search);

afterEach(() => {
  vi.useRealTimers();
});

describe("waitForVolumes", () => {
  it("polls each disk until it is available and resolves with every disk, in the order asked, polling a ready disk no more", async () => {
    const { evs, double } = evsWith(
      byDisk({ a: [disk("a", "available")], b: [disk("b", "creating"), disk("b", "creating"), disk("b", "available")] }),
    );
    const seen: string[][] = [];
    const volumes = await waitForVolumes(evs, ["b", "a"], { ...fast, onPoll: (vs) => seen.push(vs.map((v) => v?.status ?? "-")) });
    expect(volumes.map((v) => [v.id, v.status])).toEqual([
      ["b", "available"],
      ["a", "available"],
    ]);
    expect(seen).toEqual([
      ["creating", "available"],
      ["creating", "available"],
      ["available", "available"],
    ]);
    expect(paths(double)).toEqual([
      `/v2/${PROJECT}/cloudvolumes/b`,
      `/v2/${PROJECT}/cloudvolumes/a`,
      `/v2/${PROJECT}/cloudvolumes/b`,
      `/v2/${PROJECT}/cloudvolumes/b`,
    ]);
  });

  it("a disk created attached to a server is ready when in-use", async () => {
    const { evs } = evsWith(disk("s", "attaching"), json(200, evsExamples["in-use"]!.value));
    const [volume] = await waitForVolumes(evs, ["s"], fast);
    expect([volume!.status, volume!.attachments?.[0]?.device]).toEqual(["in-use", "/dev/vda"]);
  });

  it("resolves at once with the page's available disk", async () => {
    const { evs } = evsWith(json(200, evsExamples.available!.value));
    const [volume] = await waitForVolumes(evs, ["591ac654-26d8-41be-bb77-4f90699d2d41"]);
    expect(volume).toEqual(evsExamples.available!.value.volume);
  });

  it.each([
    ["error", "its creation failed"],
    ["error_extending", "extending it failed"],
    ["error_restoring", "restoring it from a backup failed"],
    ["error_deleting", "deleting it failed"],
    ["error_rollbacking", "rolling it back from a snapshot failed"],
    ["error_something_new", "an error status"],
  ])("a disk that goes %s rejects with a ResourceFailedError naming the disk and its status", async (status, meaning) => {
    const { evs, double } = evsWith(byDisk({ a: [disk("a", "creating"), disk("a", status)], b: [disk("b", "creating")] }));
    const polled: string[] = [];
    const error = (await waitForVolumes(evs, ["a", "b"], { ...fast, onPoll: (vs) => polled.push(vs[0]!.status) }).catch(
      (e: unknown) => e,
    )) as ResourceFailedError;
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect([error.service, error.kind, error.id, error.status]).toEqual(["evs", "volume", "a", status]);
    expect(error.message).toBe(`EVS disk a is ${status}: ${meaning}; it will not become available`);
    expect(error.resource).toMatchObject({ id: "a", status });
    expect(polled).toEqual(["creating", status]); // onPoll saw the failure before the wait ended
    expect(paths(double).slice(-1)).toEqual([`/v2/${PROJECT}/cloudvolumes/a`]); // b is not polled once a failed
  });

  it("a status the page does not list is taken as still under way", async () => {
    const { evs } = evsWith(disk("a", "reserved"), disk("a", "available"));
    await expect(waitForVolumes(evs, ["a"], fast)).resolves.toMatchObject([{ status: "available" }]);
  });

  it("a 404 right after creation is pending during the grace period", async () => {
    fakeTimers();
    const { evs, double } = evsWith(notFound(), notFound(), disk("a", "creating"), disk("a", "available"));
    const seen: Array<string | undefined> = [];
    const done = waitForVolumes(evs, ["a"], { onPoll: ([v]) => seen.push(v?.status) });
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(done).resolves.toMatchObject([{ id: "a", status: "available" }]);
    expect(seen).toEqual([undefined, undefined, "creating", "available"]);
    expect(double.requests).toHaveLength(4);
  });

  it("a disk still not found after the grace period is a ResourceNotFoundError with the 404 as its cause", async () => {
    fakeTimers();
    const { evs } = evsWith(notFound());
    const done = waitForVolumes(evs, ["a"], { notFoundGraceMs: 10_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(20_000);
    const error = (await done) as ResourceNotFoundError;
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect([error.service, error.kind, error.id, error.graceMs]).toEqual(["evs", "volume", "a", 10_000]);
    expect(error.message).toBe("EVS disk a was not found (HTTP 404) (waited 10000 ms for it to appear)");
    expect((error.cause as HuaweiCloudError).code).toBe("EVS.5404");
  });

  it("notFoundGraceMs: 0 takes the first 404 for an answer", async () => {
    const { evs, double } = evsWith(notFound(), disk("a", "available"));
    await expect(waitForVolumes(evs, ["a"], { ...fast, notFoundGraceMs: 0 })).rejects.toBeInstanceOf(ResourceNotFoundError);
    expect(double.requests).toHaveLength(1);
  });

  it("a 200 error body is thrown at once as a HuaweiCloudError", async () => {
    const { evs, double } = evsWith(json(200, { error: { code: "EVS.0001", message: "query failed" } }), disk("a", "available"));
    const error = (await waitForVolumes(evs, ["a"], fast).catch((e: unknown) => e)) as HuaweiCloudError;
    expect([error.constructor, error.code, double.requests.length]).toEqual([HuaweiCloudError, "EVS.0001", 1]);
  });

  it("a 2xx answer without a disk is retried like a 5xx", async () => {
    const { evs, double } = evsWith(json(200, { volumes: [] }), disk("a", "available"));
    await expect(waitForVolumes(evs, ["a"], fast)).resolves.toHaveLength(1);
    expect(double.requests).toHaveLength(2);
  });

  it("uses the given projectId", async () => {
    const { evs, double } = evsWith(disk("a", "available"));
    await waitForVolumes(evs, ["a"], { projectId: "another" });
    expect(paths(double)).toEqual(["/v2/another/cloudvolumes/a"]);
  });

  it("past timeoutMs, a WaitTimeoutError names every disk not ready, with its last status", async () => {
    fakeTimers();
    const { evs } = evsWith(byDisk({ a: [disk("a", "available")], b: [disk("b", "creating")], c: [notFound()] }));
    const done = waitForVolumes(evs, ["a", "b", "c"], { timeoutMs: 30_000, notFoundGraceMs: Infinity }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(30_000);
    const error = (await done) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).not.toBeInstanceOf(JobTimeoutError);
    expect([error.kind, error.timeoutMs, error.pending]).toEqual([
      "volume",
      30_000,
      [
        { id: "b", status: "creating" },
        { id: "c", status: undefined },
      ],
    ]);
    expect(error.message).toBe("EVS disks b (creating), c (not seen) did not become available within 30000 ms");
    expect((error.last as Array<Volume | undefined>).map((v) => v?.status)).toEqual(["available", "creating", undefined]);
  });

  it.each([
    ["no disks", []],
    ["a string", "a"],
    ["an empty ID", ["a", ""]],
    ["a number", [1]],
  ])("refuses %s, before any request", async (_what, volumeIds) => {
    const { evs, double } = evsWith(disk("a", "available"));
    await expect(waitForVolumes(evs, volumeIds as string[])).rejects.toThrow(
      "waitForVolumes: `volumeIds` must be a non-empty array of non-empty strings",
    );
    expect(double.requests).toHaveLength(0);
  });

  it("refuses a disk listed twice", async () => {
    const { evs } = evsWith(disk("a", "available"));
    await expect(waitForVolumes(evs, ["a", "b", "a"])).rejects.toThrow("waitForVolumes: `volumeIds` lists a twice");
  });

  it("refuses a negative grace period", async () => {
    const { evs } = evsWith(disk("a", "available"));
    await expect(waitForVolumes(evs, ["a"], { notFoundGraceMs: -1 })).rejects.toThrow(
      "`notFoundGraceMs` must be a number of milliseconds of at least 0",
    );
  });
});

describe("waitForImage", () => {
  it("lists the image by ID until it is active, and resolves with it", async () => {
    const { ims, double } = imsWith(imageList("queued"), imageList("saving"), imageList("saving"), json(200, imsExamples.active!.value));
    const seen: Array<string | undefined> = [];
    const image = await waitForImage(ims, IMAGE_ID, { ...fast, onPoll: (i) => seen.push(i?.status) });
    expect(image).toEqual(imsExamples.active!.value.images[0]);
    expect(seen).toEqual(["queued", "saving", "saving", "active"]);
    expect(paths(double)).toEqual(Array(4).fill(`/v2/cloudimages?id=${IMAGE_ID}`));
    expect(new URL(double.requests[0]!.url).host).toBe("ims.cn-north-4.myhuaweicloud.com");
  });

  it.each([
    ["killed", "its upload failed; it will never become active"],
    ["deleted", "it was deleted"],
  ])("an image that becomes %s rejects with a ResourceFailedError naming it and its status", async (status, meaning) => {
    const { ims } = imsWith(imageList("saving"), imageList(status));
    const error = (await waitForImage(ims, IMAGE_ID, fast).catch((e: unknown) => e)) as ResourceFailedError;
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect([error.service, error.kind, error.id, error.status]).toEqual(["ims", "image", IMAGE_ID, status]);
    expect(error.message).toBe(`IMS image ${IMAGE_ID} is ${status}: ${meaning}`);
    expect((error.resource as Image).name).toBe("evs-ims-test1027");
  });

  it("an image not listed yet is pending during the grace period", async () => {
    fakeTimers();
    const { ims } = imsWith(json(200, imsExamples.empty!.value), json(200, imsExamples.empty!.value), imageList("active"));
    const seen: Array<string | undefined> = [];
    const done = waitForImage(ims, IMAGE_ID, { onPoll: (i) => seen.push(i?.status) });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(done).resolves.toMatchObject({ id: IMAGE_ID, status: "active" });
    expect(seen).toEqual([undefined, undefined, "active"]);
  });

  it("an image still not listed after the grace period is a ResourceNotFoundError that says so", async () => {
    fakeTimers();
    const { ims, double } = imsWith(json(200, imsExamples.empty!.value));
    const done = waitForImage(ims, IMAGE_ID).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(120_000);
    const error = (await done) as ResourceNotFoundError;
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error.message).toBe(`IMS image ${IMAGE_ID} is not in the image list (waited 60000 ms for it to appear)`);
    // Polls at 0, 2, 5, 9.5, 16.25, 26.4, 41.6 s were inside the grace period; the one at 61.6 s ended it.
    expect(double.requests).toHaveLength(8);
  });

  it("another image in the answer is not the one awaited", async () => {
    const { ims } = imsWith(json(200, imsExamples["public-images"]!.value));
    await expect(waitForImage(ims, IMAGE_ID, { ...fast, notFoundGraceMs: 0 })).rejects.toBeInstanceOf(ResourceNotFoundError);
  });

  it("a 2xx answer without an images list is retried like a 5xx", async () => {
    const { ims, double } = imsWith(json(200, { image: {} }), imageList("active"));
    await expect(waitForImage(ims, IMAGE_ID, fast)).resolves.toMatchObject({ status: "active" });
    expect(double.requests).toHaveLength(2);
  });

  it("past the default hour, a WaitTimeoutError with the last status", async () => {
    fakeTimers();
    const { ims } = imsWith(imageList("saving"));
    const done = waitForImage(ims, IMAGE_ID).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const error = (await done) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.message).toBe(`IMS image ${IMAGE_ID} did not become active within 3600000 ms (last status saving)`);
    expect(error.pending).toEqual([{ id: IMAGE_ID, status: "saving" }]);
  });

  it.each([
    ["an empty image ID", "", {}, "waitForImage: `imageId` must be a non-empty string"],
    ["a projectId, which the image list has no place for", IMAGE_ID, { projectId: "p" }, "waitForImage: `projectId` does not apply"],
  ])("refuses %s, before any request", async (_what, imageId, options, message) => {
    const { ims, double } = imsWith(imageList("active"));
    await expect(waitForImage(ims, imageId, options as object)).rejects.toThrow(message);
    expect(double.requests).toHaveLength(0);
  });
});

// One polling core serves every waiter: each gets the same retries, timeout
// error family, abort and clean-up.
const jobDone = { job_id: "j", status: "SUCCESS", job_type: "createVolume", entities: { volume_id: "v" } };
const imageJobDone = imsExamples.success!.value;
const waiters = [
  [
    "waitForEvsJob",
    (steps: Step[], o: object) => waitForEvsJob(evsWith(...steps).evs, "j", o),
    json(200, jobDone),
    json(200, { ...jobDone, status: "RUNNING" }),
  ],
  [
    "waitForImsJob",
    (steps: Step[], o: object) => waitForImsJob(imsWith(...steps).ims, "j", o),
    json(200, imageJobDone),
    json(200, imsExamples.running!.value),
  ],
  [
    "waitForVolumes",
    (steps: Step[], o: object) => waitForVolumes(evsWith(...steps).evs, ["a"], o),
    disk("a", "available"),
    disk("a", "creating"),
  ],
  [
    "waitForImage",
    (steps: Step[], o: object) => waitForImage(imsWith(...steps).ims, IMAGE_ID, o),
    imageList("active"),
    imageList("saving"),
  ],
] as const;

describe.each(waiters)("%s, on the polling core", (_name, wait, done, pending) => {
  it("retries a network error and a 503, then resolves", async () => {
    fakeTimers();
    const start = Date.now();
    const times: number[] = [];
    const steps: Step[] = [networkFailure(), json(503, { error: { code: "X.5503", message: "Service unavailable." } }), done];
    let n = 0;
    const result = wait(
      [
        (_request) => {
          times.push(Date.now() - start);
          const step = steps[n++]!;
          if (step instanceof Error) throw step;
          return (step as Response).clone();
        },
      ],
      {},
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).resolves.toBeDefined();
    expect(times).toEqual([0, 2000, 5000]);
  });

  it("throws a 403 at once", async () => {
    const error = (await wait([json(403, { error: { code: "X.5403", message: "Policy check failed." } }), done], fast).catch(
      (e: unknown) => e,
    )) as HuaweiCloudError;
    expect([error.constructor, error.status]).toEqual([HuaweiCloudError, 403]);
  });

  it("times out with a WaitTimeoutError", async () => {
    fakeTimers();
    const result = wait([pending], { timeoutMs: 5000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await result).toBeInstanceOf(WaitTimeoutError);
  });

  it("rejects with the signal's reason, leaving no timer and no listener behind", async () => {
    fakeTimers();
    const controller = new AbortController();
    const reason = new Error("stop");
    const result = wait([pending, hang], { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2500); // the second poll hangs
    controller.abort(reason);
    expect(await result).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

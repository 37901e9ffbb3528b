// waitForEvsJob / waitForImsJob against a fetch double standing in for the
// cloud: results, failures, the poll schedule, retries of transient failures,
// the overall timeout and aborting. Schedules run on fake timers.
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createEvsClient,
  HuaweiCloudError,
  HuaweiCloudNetworkError,
  JobFailedError,
  JobTimeoutError,
  waitForEvsJob,
  waitForImsJob,
} from "../../src/index.js";
import { evsWith, fetchDouble, hang, imsWith, json, networkFailure, PROJECT, type Step } from "../support/fetch-double.js";
import { loadBundle } from "../support/openapi.js";

const evsJobs = loadBundle("evs").components.examples as Record<string, { value: any }>;
const imsJobs = loadBundle("ims").components.examples as Record<string, { value: any }>;
const job = (body: unknown) => json(200, body);
const running = { job_id: "job-1", status: "RUNNING", job_type: "createVolume", entities: {} };

const fast = { intervalMs: 1, maxIntervalMs: 1 };

afterEach(() => {
  vi.useRealTimers();
});

describe("waitForEvsJob", () => {
  it("polls the job until SUCCESS and returns the volume IDs of every sub-job of a batch", async () => {
    const { evs, double } = evsWith(job(evsJobs.running?.value), job(evsJobs.running?.value), job(evsJobs.success?.value));
    const polled: string[] = [];
    const result = await waitForEvsJob(evs, "21917a8d52a19b040152a9f2f1eb003e", { ...fast, onPoll: (j) => polled.push(j.status) });
    expect(result.volumeIds).toEqual(["0b549095-4937-4849-8e4c-52aa027d64f7", "e7bca1a2-d3ed-434f-86f4-a1f11aa80072"]);
    expect(result.volumeId).toBeUndefined();
    expect(result.jobType).toBe("batchCreateVolume");
    expect(result.job).toEqual(evsJobs.success?.value);
    expect(polled).toEqual(["RUNNING", "RUNNING", "SUCCESS"]);
    expect(double.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(
      Array(3).fill(`GET /v1/${PROJECT}/jobs/21917a8d52a19b040152a9f2f1eb003e`),
    );
  });

  it("returns the single disk of a createVolume job", async () => {
    const done = { ...evsJobs.running?.value, status: "SUCCESS", end_time: "2016-03-08T07:41:13.219Z" };
    const { evs } = evsWith(job(done));
    const result = await waitForEvsJob(evs, "4010a32d535527910153552b492c0002");
    expect([result.volumeId, result.volumeIds, result.jobType]).toEqual([
      "bdf1bb37-f20f-4266-9a04-f43e0a127376",
      ["bdf1bb37-f20f-4266-9a04-f43e0a127376"],
      "createVolume",
    ]);
  });

  it("a FAIL becomes a JobFailedError with error_code and fail_reason", async () => {
    const { evs } = evsWith(job(evsJobs.running?.value), job(evsJobs.fail?.value));
    const error = await waitForEvsJob(evs, "4010a32d535527910153552b492c0002", fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    const e = error as JobFailedError;
    expect([e.service, e.jobId, e.jobType, e.errorCode, e.code, e.failReason]).toEqual([
      "evs",
      "4010a32d535527910153552b492c0002",
      "createVolume",
      "EVS.2024",
      "EVS.2024",
      "volume is error!",
    ]);
    expect(e.message).toBe("EVS job 4010a32d535527910153552b492c0002 (createVolume) failed: EVS.2024: volume is error!");
    expect(e.job).toEqual(evsJobs.fail?.value);
  });

  it("a failed batch without its own code reports its first failed sub-job's", async () => {
    const batch = {
      job_id: "b",
      status: "FAIL",
      job_type: "batchCreateVolume",
      error_code: null,
      fail_reason: null,
      entities: {
        sub_jobs: [
          { job_id: "s1", status: "SUCCESS", entities: { volume_id: "v1" } },
          { job_id: "s2", status: "FAIL", error_code: "EVS.2024", fail_reason: "volume is error!", entities: { volume_id: "v2" } },
        ],
      },
    };
    const { evs } = evsWith(job(batch));
    const error = (await waitForEvsJob(evs, "b").catch((e: unknown) => e)) as JobFailedError;
    expect([error.errorCode, error.failReason]).toEqual(["EVS.2024", "volume is error!"]);
  });

  it("a job query that answers 200 with an error body is a HuaweiCloudError", async () => {
    const { evs, double } = evsWith(job({ job_id: "j", status: "RUNNING", error: { code: "EVS.0001", message: "query failed" } }));
    const error = (await waitForEvsJob(evs, "j", fast).catch((e: unknown) => e)) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect([error.code, error.errorMessage]).toEqual(["EVS.0001", "query failed"]);
    expect(double.requests).toHaveLength(1);
  });

  it("uses the job's own projectId when given", async () => {
    const { evs, double } = evsWith(job(evsJobs.success?.value));
    await waitForEvsJob(evs, "j", { projectId: "another" });
    expect(new URL(double.requests[0]!.url).pathname).toBe("/v1/another/jobs/j");
  });
});

describe("waitForImsJob", () => {
  it("returns the image ID, and every image the job reports", async () => {
    const { ims, double } = imsWith(job(imsJobs.running?.value), job(imsJobs.success?.value));
    const progress: Array<number | undefined> = [];
    const result = await waitForImsJob(ims, "ff8080814dbd65d7014dbe0d84db0013", {
      ...fast,
      onPoll: (j) => progress.push(j.entities?.process_percent),
    });
    expect(result.imageId).toBe("e9e91bff-14b6-4a0b-8377-4ed0813e3360");
    expect(result.imageIds).toEqual(["e9e91bff-14b6-4a0b-8377-4ed0813e3360", "49e9447f-7dff-41e0-8036-f66fe5488c8b"]);
    expect(result.jobType).toBe("createImageByInstance");
    expect(progress).toEqual([0.2, 0.2]);
    expect(new URL(double.requests[0]!.url).host).toBe("ims.cn-north-4.myhuaweicloud.com");
  });

  it("a FAIL becomes a JobFailedError", async () => {
    const { ims } = imsWith(job(imsJobs.fail?.value));
    const error = (await waitForImsJob(ims, "ff8080814dbd65d7014dbe0d84db0013").catch((e: unknown) => e)) as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect([error.service, error.errorCode, error.failReason]).toEqual([
      "ims",
      "IMG.0008",
      "The ECS cannot be used to create images because it is not in stopped state.",
    ]);
  });

  it("imageIds holds only the results that succeeded (any case), once each", async () => {
    const results = [
      { image_id: "img-a", status: "success" },
      { image_id: "img-b", status: "FAIL" },
      { image_id: "img-c", status: "SUCCESS" },
      { image_id: "img-d", status: "failed" },
      { image_id: "img-e" },
      { image_id: "img-c", status: "Success" },
      { image_id: "", status: "success" },
    ];
    const { ims } = imsWith(job({ job_id: "j", status: "SUCCESS", entities: { image_id: "img-a", results } }));
    const result = await waitForImsJob(ims, "j");
    expect([result.imageId, result.imageIds]).toEqual(["img-a", ["img-a", "img-c"]]);
  });

  it("without entities.image_id, imageId is the first result that succeeded", async () => {
    const results = [
      { image_id: "img-b", status: "fail" },
      { image_id: "img-c", status: "success" },
    ];
    const { ims } = imsWith(job({ job_id: "j", status: "SUCCESS", entities: { results } }));
    const result = await waitForImsJob(ims, "j");
    expect([result.imageId, result.imageIds]).toEqual(["img-c", ["img-c"]]);
  });

  it.each([
    ["no entities at all", {}],
    ["empty entities", { entities: {} }],
    ["only results that failed", { entities: { results: [{ image_id: "img-b", status: "FAIL" }] } }],
  ])("a SUCCESS that names no image is an error that says so, not an undefined image ID: %s", async (_what, rest) => {
    const { ims } = imsWith(job({ job_id: "j", status: "SUCCESS", ...rest }), job(imsJobs.success?.value));
    const error = (await waitForImsJob(ims, "j").catch((e: unknown) => e)) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error.message).toBe(
      `GET /v1/${PROJECT}/jobs/j (HTTP 200): IMS job j succeeded but names no image ` +
        "(no entities.image_id, and no entities.results entry with status success and an image_id)",
    );
    expect([error.status, error.code, error.retryable]).toEqual([200, undefined, false]);
    expect(error.body).toMatchObject({ job_id: "j", status: "SUCCESS" });
  });
});

describe("onPoll", () => {
  it("a rejected promise from onPoll rejects the wait with that error", async () => {
    const { evs, double } = evsWith(job(running), job(evsJobs.success?.value));
    const mine = new Error("progress bar broke");
    await expect(waitForEvsJob(evs, "j", { ...fast, onPoll: async () => Promise.reject(mine) })).rejects.toBe(mine);
    expect(double.requests).toHaveLength(1);
  });

  it("what onPoll throws is the caller's own error, not a failed poll: a HuaweiCloudNetworkError is not retried", async () => {
    const { evs, double } = evsWith(job(running), job(evsJobs.success?.value));
    const mine = new HuaweiCloudNetworkError("GET", "https://elsewhere.example/", new Error("mine"));
    const onPoll = () => {
      throw mine;
    };
    await expect(waitForEvsJob(evs, "j", { ...fast, onPoll })).rejects.toBe(mine);
    expect(double.requests).toHaveLength(1);
  });

  it("a throw on the final poll is thrown as it is", async () => {
    const { evs } = evsWith(job(evsJobs.success?.value));
    const mine = new TypeError("cannot render");
    const onPoll = (j: { status: string }) => {
      if (j.status === "SUCCESS") throw mine;
    };
    await expect(waitForEvsJob(evs, "j", { onPoll })).rejects.toBe(mine);
  });

  it("an async onPoll is awaited before the next poll", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const { evs } = evsWith(() => {
      times.push(Date.now() - start);
      return job(times.length < 3 ? running : { ...running, status: "SUCCESS" });
    });
    const seen: number[] = [];
    const onPoll = async () => {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      seen.push(Date.now() - start);
    };
    const done = waitForEvsJob(evs, "job-1", { onPoll });
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(times).toEqual([0, 12_000, 25_000]);
    expect(seen).toEqual([10_000, 22_000, 35_000]);
  });
});

describe("the poll schedule", () => {
  it("polls at once, then after 2 s, growing ×1.5 up to 20 s (the defaults)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const { evs } = evsWith((_request) => {
      times.push(Date.now() - start);
      return job(times.length < 9 ? running : { ...running, status: "SUCCESS" });
    });
    const done = waitForEvsJob(evs, "job-1");
    await vi.advanceTimersByTimeAsync(120_000);
    await expect(done).resolves.toMatchObject({ jobId: "job-1" });
    expect(times).toEqual([0, 2000, 5000, 9500, 16250, 26375, 41563, 61563, 81563]);
  });

  it("honours intervalMs, backoff and maxIntervalMs", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const { evs } = evsWith(() => {
      times.push(Date.now() - start);
      return job(times.length < 5 ? running : { ...running, status: "SUCCESS" });
    });
    const done = waitForEvsJob(evs, "job-1", { intervalMs: 100, backoff: 2, maxIntervalMs: 300 });
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(times).toEqual([0, 100, 300, 600, 900]);
  });

  it("gives up after timeoutMs with a JobTimeoutError carrying the last status", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { evs, double } = evsWith(job(running));
    const done = waitForEvsJob(evs, "job-1").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1);
    const polls = double.requests.length;
    await vi.advanceTimersByTimeAsync(1);
    const error = (await done) as JobTimeoutError;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect([error.jobId, error.timeoutMs, error.lastStatus]).toEqual(["job-1", 600_000, "RUNNING"]);
    expect(error.message).toBe("EVS job job-1 did not finish within 600000 ms (last status RUNNING)");
    expect(double.requests).toHaveLength(polls); // no poll after the deadline
  });

  it("the IMS default timeout is an hour", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { ims } = imsWith(job(imsJobs.running?.value));
    const done = waitForImsJob(ims, "j").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60 * 60_000 - 1);
    let settled = false;
    void done.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await done).toBeInstanceOf(JobTimeoutError);
  });

  it("the timeout also ends a poll that hangs", async () => {
    const { evs } = evsWith(hang);
    await expect(waitForEvsJob(evs, "job-1", { timeoutMs: 30 })).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it("the timeout ends a poll even when the fetch ignores the abort signal", async () => {
    const { evs } = evsWith(() => new Promise<Response>(() => {}));
    await expect(waitForEvsJob(evs, "job-1", { timeoutMs: 30 })).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it("so does an abort, at once, and the fetch failing later is no unhandled rejection", async () => {
    let failedLate: () => void = () => {};
    const lateFailure = new Promise<void>((resolve) => (failedLate = resolve));
    const { evs } = evsWith(
      () =>
        new Promise<Response>((_, reject) =>
          setTimeout(() => {
            reject(new Error("late"));
            failedLate();
          }, 300),
        ),
    );
    const controller = new AbortController();
    const reason = new Error("stop");
    const done = waitForEvsJob(evs, "job-1", { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    let late = false;
    void lateFailure.then(() => (late = true));
    await expect(done).rejects.toBe(reason);
    // At once: before the fetch fails (timers fire in order, however busy the machine).
    expect(late).toBe(false);
    await lateFailure; // an unhandled rejection would be reported here
  });
});

describe("transient failures of the poll are retried with backoff; others are not", () => {
  it.each([
    ["a network error", networkFailure()],
    ["a 500", json(500, { error: { code: "EVS.2002", message: "internal error!" } })],
    ["a 503", json(503, { error: { code: "EVS.5503", message: "Service unavailable." } })],
    ["a 429", json(429, { error_code: "APIGW.0308", error_msg: "throttled" })],
  ])("%s, then success", async (_what, failure) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const steps: Step[] = [failure, failure, job(evsJobs.success?.value)];
    let n = 0;
    const { evs } = evsWith((_request) => {
      times.push(Date.now() - start);
      const step = steps[n++]!;
      if (step instanceof Error) throw step;
      return (step as Response).clone();
    });
    const done = waitForEvsJob(evs, "j");
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(done).resolves.toMatchObject({ jobType: "batchCreateVolume" });
    expect(times).toEqual([0, 2000, 5000]);
  });

  it.each([
    [
      "an HTML maintenance page",
      () => new Response("<html><body>Down for maintenance</body></html>", { status: 200, headers: { "Content-Type": "text/html" } }),
    ],
    ["JSON that is not an object", () => json(200, "ok")],
    ["no body", () => new Response(null, { status: 200 })],
  ])("a 2xx answer without a JSON job (%s) is retried like a 5xx", async (_what, answer) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const answers = [answer(), answer(), job(evsJobs.success?.value)];
    const { evs } = evsWith(() => {
      times.push(Date.now() - start);
      return answers.shift()!;
    });
    const done = waitForEvsJob(evs, "j");
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(done).resolves.toMatchObject({ jobType: "batchCreateVolume" });
    expect(times).toEqual([0, 2000, 5000]);
  });

  it("a 2xx answer that is not JSON, every time, is thrown as a HuaweiCloudError with the text", async () => {
    const page = "<html><body>Down for maintenance</body></html>";
    const { evs, double } = evsWith(new Response(page, { status: 200, headers: { "Content-Type": "text/html", "X-Request-Id": "r-1" } }));
    const error = (await waitForEvsJob(evs, "j", { ...fast, maxRetries: 2 }).catch((e: unknown) => e)) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect([error.status, error.body, error.requestId]).toEqual([200, page, "r-1"]);
    expect(error.message).toBe(`GET /v1/${PROJECT}/jobs/j (HTTP 200): the answer is not a JSON object (request ID r-1)`);
    expect(double.requests).toHaveLength(3);
  });

  it("waits as long as Retry-After says", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const answers = [json(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "Retry-After": "7" }), job(evsJobs.success?.value)];
    const { evs } = evsWith(() => {
      times.push(Date.now() - start);
      return answers.shift()!;
    });
    const done = waitForEvsJob(evs, "j");
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(times).toEqual([0, 7000]);
  });

  it.each([
    ["without Retry-After", {}],
    ["with a shorter Retry-After", { "Retry-After": "0" }],
  ])("a 429 %s does not make the next poll come sooner than the schedule", async (_what, headers) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const throttled = json(429, { error_code: "APIGW.0308", error_msg: "throttled" }, headers);
    const answers = [job(running), job(running), job(running), throttled, job(evsJobs.success?.value)];
    const { evs } = evsWith(() => {
      times.push(Date.now() - start);
      return answers.shift()!;
    });
    const done = waitForEvsJob(evs, "j", { intervalMs: 100, backoff: 2, maxIntervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    // The waits were 100, 200, 400; the next was to be 800, and a 429 does not shorten it to 100.
    expect(times).toEqual([0, 100, 300, 700, 1500]);
  });

  it.each(["0x10", "1e9", "1.5"])("ignores a Retry-After of %j (neither whole seconds nor an HTTP date)", async (header) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const start = Date.now();
    const times: number[] = [];
    const answers = [
      json(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "Retry-After": header }),
      job(evsJobs.success?.value),
    ];
    const { evs } = evsWith(() => {
      times.push(Date.now() - start);
      return answers.shift()!;
    });
    const done = waitForEvsJob(evs, "j");
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(times).toEqual([0, 2000]);
  });

  it("never waits past the deadline, whatever Retry-After says", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const timers = vi.spyOn(globalThis, "setTimeout");
    const { evs } = evsWith(json(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "Retry-After": "3600" }));
    const done = waitForEvsJob(evs, "j", { timeoutMs: 5000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await done).toBeInstanceOf(JobTimeoutError);
    expect(Math.max(...timers.mock.calls.map(([, ms]) => ms ?? 0))).toBe(5000);
    timers.mockRestore();
  });

  it("waits until the HTTP date Retry-After names", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    vi.setSystemTime(new Date("2024-01-02T03:04:05Z"));
    const start = Date.now();
    const times: number[] = [];
    const answers = [
      json(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "Retry-After": "Tue, 02 Jan 2024 03:04:17 GMT" }),
      job(evsJobs.success?.value),
    ];
    const { evs } = evsWith(() => {
      times.push(Date.now() - start);
      return answers.shift()!;
    });
    const done = waitForEvsJob(evs, "j");
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(times).toEqual([0, 12_000]);
  });

  it("a refused redirect is thrown at once, not retried", async () => {
    const redirect = new TypeError("fetch failed", { cause: new Error("unexpected redirect") });
    const { evs, double } = evsWith(redirect, job(evsJobs.success?.value));
    const error = (await waitForEvsJob(evs, "j", fast).catch((e: unknown) => e)) as HuaweiCloudNetworkError;
    expect(error).toBeInstanceOf(HuaweiCloudNetworkError);
    expect([error.retryable, double.requests.length]).toEqual([false, 1]);
  });

  it("after maxRetries failures in a row, the last one is thrown", async () => {
    const { evs, double } = evsWith(networkFailure());
    const error = await waitForEvsJob(evs, "j", { ...fast, maxRetries: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiCloudNetworkError);
    expect(double.requests).toHaveLength(4);
  });

  it("a success resets the count of failures in a row", async () => {
    const fail = json(503, { error: { code: "EVS.5503", message: "Service unavailable." } });
    const { evs, double } = evsWith(fail, fail, job(running), fail, fail, job(evsJobs.success?.value));
    await expect(waitForEvsJob(evs, "j", { ...fast, maxRetries: 2 })).resolves.toMatchObject({ jobId: "j" });
    expect(double.requests).toHaveLength(6);
  });

  it.each([400, 401, 403, 404, 501])("HTTP %i is thrown at once", async (status) => {
    const { evs, double } = evsWith(
      json(status, { itemNotFound: { code: "EVS.5404", message: "not found" } }),
      job(evsJobs.success?.value),
    );
    const error = (await waitForEvsJob(evs, "j", fast).catch((e: unknown) => e)) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect([error.status, error.code, error.retryable]).toEqual([status, "EVS.5404", false]);
    expect(double.requests).toHaveLength(1);
  });

  it("a mistake in the call is thrown at once, not retried as a network error", async () => {
    const double = fetchDouble(job(running));
    const evs = createEvsClient({ region: "cn-north-4", credentials: { token: "t" }, fetch: double.fetch, env: {} });
    await expect(waitForEvsJob(evs, "j", fast)).rejects.toThrow(/needs a project ID/);
    expect(double.requests).toHaveLength(0);
  });
});

describe("aborting", () => {
  it("an already aborted signal rejects before any request", async () => {
    const { evs, double } = evsWith(job(running));
    const reason = new Error("not any more");
    await expect(waitForEvsJob(evs, "j", { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(double.requests).toHaveLength(0);
  });

  it("aborting during the wait between polls rejects with the signal's reason and stops polling", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { evs, double } = evsWith(job(running));
    const controller = new AbortController();
    const done = waitForEvsJob(evs, "j", { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2500); // two polls, now waiting 3 s
    controller.abort();
    const error = await done;
    expect((error as DOMException).name).toBe("AbortError");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(double.requests).toHaveLength(2);
  });

  it("aborting during a poll aborts the request itself", async () => {
    let seen: AbortSignal | undefined;
    const { evs } = evsWith((request) => {
      seen = request.signal;
      return hang(request);
    });
    const controller = new AbortController();
    const done = waitForEvsJob(evs, "j", { signal: controller.signal });
    await vi.waitFor(() => expect(seen).toBeDefined());
    controller.abort(new Error("stop"));
    await expect(done).rejects.toThrow("stop");
    expect(seen?.aborted).toBe(true);
  });
});

describe("a wait leaves nothing behind: no timer, no listener on the caller's signal", () => {
  const failed = { ...running, status: "FAIL", error_code: "EVS.2024", fail_reason: "volume is error!" };
  it.each<[string, Step[], (controller: AbortController) => void, unknown]>([
    ["success", [job(running), job(evsJobs.success?.value)], () => {}, undefined],
    ["a failed job", [job(running), job(failed)], () => {}, JobFailedError],
    ["an error answer", [job(running), json(404, { itemNotFound: { code: "EVS.5404", message: "gone" } })], () => {}, HuaweiCloudError],
    ["retries running out", [networkFailure()], () => {}, HuaweiCloudNetworkError],
    ["the timeout", [job(running)], () => {}, JobTimeoutError],
    ["an abort between polls", [job(running)], (c) => setTimeout(() => c.abort(), 2500), DOMException],
    ["an abort during a poll", [job(running), hang], (c) => setTimeout(() => c.abort(), 2500), DOMException],
  ])("after %s", async (_what, steps, act, expected) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { evs } = evsWith(...steps);
    const controller = new AbortController();
    let settled = false;
    const done = waitForEvsJob(evs, "j", { signal: controller.signal, timeoutMs: 30_000, maxRetries: 2 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    void done.finally(() => (settled = true));
    act(controller);
    await vi.advanceTimersByTimeAsync(1000);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1); // the check can see the listener
    // Only until the wait ends: a timer it left would still be pending.
    while (!settled) await vi.advanceTimersByTimeAsync(100);
    const outcome = await done;
    if (expected === undefined) expect(outcome).toBeUndefined();
    else expect(outcome).toBeInstanceOf(expected as new () => unknown);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("after an onPoll that throws", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { evs } = evsWith(job(running));
    const controller = new AbortController();
    const mine = new Error("mine");
    const onPoll = () => {
      throw mine;
    };
    await expect(waitForEvsJob(evs, "j", { signal: controller.signal, onPoll })).rejects.toBe(mine);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("options", () => {
  it.each([
    ["an empty job ID", "", {}, /waitForEvsJob: `jobId` must be a non-empty string/],
    ["a zero timeout", "j", { timeoutMs: 0 }, /`timeoutMs` must be a number of milliseconds above 0/],
    ["a timeout too long for a timer", "j", { timeoutMs: 2 ** 31 }, /at most 2147483647, or Infinity/],
    ["a negative interval", "j", { intervalMs: -1 }, /`intervalMs` must be/],
    [
      "a max interval below the interval",
      "j",
      { intervalMs: 500, maxIntervalMs: 100 },
      /`maxIntervalMs` must be a number of milliseconds at least `intervalMs`/,
    ],
    ["a backoff below 1", "j", { backoff: 0.5 }, /`backoff` must be a number of at least 1/],
    ["fractional retries", "j", { maxRetries: 1.5 }, /`maxRetries` must be a whole number/],
  ])("refuses %s", async (_what, jobId, options, message) => {
    const { evs, double } = evsWith(job(running));
    await expect(waitForEvsJob(evs, jobId, options)).rejects.toThrow(message);
    expect(double.requests).toHaveLength(0);
  });

  it("timeoutMs: Infinity waits without a deadline", async () => {
    const { evs } = evsWith(job(running), job(evsJobs.success?.value));
    await expect(waitForEvsJob(evs, "j", { ...fast, timeoutMs: Infinity })).resolves.toMatchObject({ jobId: "j" });
  });
});

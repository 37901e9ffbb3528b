/**
 * Waiting for EVS and IMS asynchronous jobs: poll `GET /v1/{project_id}/jobs/{job_id}` until
 * the job is SUCCESS or FAIL.
 *
 * Only the job query is ever repeated. A create (POST) is never retried here or anywhere in
 * this package: a retried create makes a second set of disks or images.
 */
import type { components as EvsComponents } from "../generated/evs.js";
import type { components as ImsComponents } from "../generated/ims.js";
import type { EvsClient, ImsClient } from "./client.js";
import { HuaweiCloudError, HuaweiCloudNetworkError, JobFailedError, JobTimeoutError } from "./errors.js";

export type EvsJob = EvsComponents["schemas"]["EvsJob"];
export type EvsSubJob = EvsComponents["schemas"]["EvsSubJob"];
export type ImsJob = ImsComponents["schemas"]["ImsJob"];

/** Options of `waitForEvsJob` / `waitForImsJob`; `WaitOptions` alone suits both. */
export interface WaitOptions<Job = EvsJob | ImsJob> {
  /** The project of the job; default: the client's. */
  projectId?: string;
  /** Stops waiting (and the request in flight); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Give up after this long, with a `JobTimeoutError`. Default: 10 minutes for EVS, 60 for IMS. `Infinity`: never. */
  timeoutMs?: number;
  /** The wait after the first poll. Default 2000 ms. */
  intervalMs?: number;
  /** Each wait is this many times the previous one... Default 1.5. */
  backoff?: number;
  /** ...up to this. Default 20000 ms. */
  maxIntervalMs?: number;
  /**
   * How many polls in a row may fail transiently (network error, 429, 500, 502, 503, 504, or a
   * 2xx answer that is not a JSON job) before the last failure is thrown. Default 5. Other
   * errors (400, 401, 403, 404, 501, a refused redirect) are thrown at once.
   */
  maxRetries?: number;
  /**
   * Called with the job after every successful poll, e.g. to show progress. When it returns a
   * promise, the wait awaits it before going on; what it throws or rejects with ends the wait,
   * as it is. (Typed `unknown`, not `void | Promise<void>`, so that a callback returning
   * something else, such as `(job) => seen.push(job)`, still compiles, as it did with `void`.)
   */
  onPoll?: (job: Job) => unknown;
}

export interface EvsJobResult {
  jobId: string;
  jobType: EvsJob["job_type"];
  /**
   * The disks the job is about: the one disk of a `createVolume` job, every sub-job's disk
   * (in sub-job order) of a `batchCreateVolume` job.
   */
  volumeIds: string[];
  /** The disk of a single-disk job (`entities.volume_id`), undefined for a batch. */
  volumeId: string | undefined;
  /** The final job as returned. */
  job: EvsJob;
}

export interface ImsJobResult {
  jobId: string;
  jobType: string | undefined;
  /** The image the job made (`entities.image_id`, else the first of `entities.results` that succeeded). */
  imageId: string;
  /**
   * Every image the job made: `entities.image_id` and each of `entities.results` whose status
   * is `success` (in any case), without repeats.
   */
  imageIds: string[];
  /** The final job as returned. */
  job: ImsJob;
}

const DEFAULTS = { intervalMs: 2000, backoff: 1.5, maxIntervalMs: 20000, maxRetries: 5 };
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Waits for an EVS job (e.g. from `POST /v3/{project_id}/cloudvolumes`, or a pay-per-use
 * `POST /v2.1/{project_id}/cloudvolumes`) to succeed. A yearly/monthly v2.1 create answers an
 * `order_id` and no job: there is nothing here to wait for (see `VolumesOrderPlaced`).
 */
export async function waitForEvsJob(
  client: EvsClient,
  jobId: string,
  options: WaitOptions<EvsJob> = {},
): Promise<EvsJobResult> {
  const { job } = await poll<EvsJob>("evs", jobId, options, 10 * 60_000, (signal) =>
    client.GET("/v1/{project_id}/jobs/{job_id}", {
      params: { path: { job_id: jobId, ...(options.projectId === undefined ? {} : { project_id: options.projectId }) } },
      signal,
      // Parsed here: a 2xx answer that is not JSON (a proxy's maintenance page) is a transient failure.
      parseAs: "text",
    }),
  );
  const subJobs = job.entities?.sub_jobs ?? [];
  if (job.status === "FAIL") {
    const failed = subJobs.find((sub) => sub.status === "FAIL");
    throw new JobFailedError({
      service: "evs",
      jobId,
      jobType: job.job_type,
      errorCode: job.error_code ?? failed?.error_code ?? null,
      failReason: job.fail_reason ?? failed?.fail_reason ?? null,
      job,
    });
  }
  const volumeId = job.entities?.volume_id;
  const volumeIds = subJobs.length
    ? subJobs.flatMap((sub) => (sub.entities?.volume_id ? [sub.entities.volume_id] : []))
    : volumeId
      ? [volumeId]
      : [];
  return { jobId, jobType: job.job_type, volumeIds, volumeId, job };
}

/** Waits for an IMS job (e.g. from `POST /v2/cloudimages/action`) to succeed. */
export async function waitForImsJob(
  client: ImsClient,
  jobId: string,
  options: WaitOptions<ImsJob> = {},
): Promise<ImsJobResult> {
  const { job, response } = await poll<ImsJob>("ims", jobId, options, 60 * 60_000, (signal) =>
    client.GET("/v1/{project_id}/jobs/{job_id}", {
      params: { path: { job_id: jobId, ...(options.projectId === undefined ? {} : { project_id: options.projectId }) } },
      signal,
      // Parsed here: a 2xx answer that is not JSON (a proxy's maintenance page) is a transient failure.
      parseAs: "text",
    }),
  );
  if (job.status === "FAIL") {
    throw new JobFailedError({
      service: "ims",
      jobId,
      jobType: job.job_type,
      errorCode: job.error_code ?? null,
      failReason: job.fail_reason ?? null,
      job,
    });
  }
  // A batch reports one result per image; a result that did not succeed made no usable image.
  const succeeded = (job.entities?.results ?? []).filter((result) => result.status?.toLowerCase() === "success");
  const imageIds = [
    ...new Set(
      [job.entities?.image_id, ...succeeded.map((result) => result.image_id)].filter(
        (id): id is string => typeof id === "string" && id !== "",
      ),
    ),
  ];
  const [imageId] = imageIds;
  if (imageId === undefined) {
    throw HuaweiCloudError.fromResponse(
      response,
      job,
      `IMS job ${jobId} succeeded but names no image ` +
        "(no entities.image_id, and no entities.results entry with status success and an image_id)",
    );
  }
  return { jobId, jobType: job.job_type, imageId, imageIds, job };
}

type PollResult = { data?: string; error?: unknown; response: Response };

/** Polls until the job is SUCCESS or FAIL and returns it with its answer; throws on anything else. */
async function poll<Job extends EvsJob | ImsJob>(
  service: "evs" | "ims",
  jobId: string,
  options: WaitOptions<Job>,
  defaultTimeoutMs: number,
  get: (signal: AbortSignal) => Promise<PollResult>,
): Promise<{ job: Job; response: Response }> {
  const o = checkOptions(service, jobId, options, defaultTimeoutMs);
  options.signal?.throwIfAborted();

  // One signal for the whole wait: the caller's abort, or the overall timeout.
  const stop = new AbortController();
  const deadline = Date.now() + o.timeoutMs;
  let last: Job | undefined;
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const timer =
    o.timeoutMs === Infinity
      ? undefined
      : setTimeout(
          () => stop.abort(new JobTimeoutError({ service, jobId, timeoutMs: o.timeoutMs, lastStatus: last?.status, job: last })),
          o.timeoutMs,
        );

  try {
    let interval = o.intervalMs;
    let failures = 0;
    for (;;) {
      let seen: { job: Job; response: Response } | undefined;
      let wait = 0;
      try {
        const { data: text, error, response } = await untilAborted(get(stop.signal), stop.signal);
        const data = response.ok ? parseJob<Job>(text) : undefined;
        if (data !== undefined) {
          // The EVS job query reports a failure of the query itself in a 200 body's `error`.
          const queryError = (data as { error?: unknown }).error;
          if (queryError !== undefined && queryError !== null) {
            throw HuaweiCloudError.fromResponse(response, { error: queryError });
          }
          seen = { job: data, response };
        } else if (response.ok) {
          // A 2xx answer without a JSON job (a proxy's maintenance page, an empty answer): the
          // query itself is fine to repeat, so it is retried like a 5xx.
          const failure = text
            ? HuaweiCloudError.fromResponse(response, text, "the answer is not a JSON object")
            : HuaweiCloudError.fromResponse(response, undefined, "the answer has no body");
          if (++failures > o.maxRetries) throw failure;
          wait = retryDelay(o, failures);
        } else {
          const failure = HuaweiCloudError.fromResponse(response, error);
          if (!failure.retryable || ++failures > o.maxRetries) throw failure;
          // A 429 asks for fewer requests: never sooner than the schedule's next poll either.
          const throttled = failure.status === 429 ? interval : 0;
          wait = Math.max(failure.retryAfterMs ?? 0, retryDelay(o, failures), throttled);
        }
      } catch (error) {
        if (stop.signal.aborted) throw stop.signal.reason;
        if (!(error instanceof HuaweiCloudNetworkError && error.retryable) || ++failures > o.maxRetries) throw error;
        wait = retryDelay(o, failures);
      }
      if (seen !== undefined) {
        last = seen.job;
        failures = 0;
        // The caller's code runs outside the poll's try: what it throws (or rejects with) is the
        // caller's own error, thrown as it is, never taken for a failed poll.
        await options.onPoll?.(seen.job);
        if (seen.job.status === "SUCCESS" || seen.job.status === "FAIL") return seen;
        wait = interval;
        interval = Math.min(Math.round(interval * o.backoff), o.maxIntervalMs);
      }
      // Never past the deadline, whatever Retry-After asked for.
      await sleep(Math.min(wait, deadline - Date.now()), stop.signal);
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** The job in a 2xx answer's text; undefined when the text is not a JSON object. */
function parseJob<Job>(text: string | undefined): Job | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Job) : undefined;
  } catch {
    return undefined;
  }
}

const retryDelay = (o: { intervalMs: number; backoff: number; maxIntervalMs: number }, failures: number) =>
  Math.min(Math.round(o.intervalMs * o.backoff ** (failures - 1)), o.maxIntervalMs);

/**
 * `promise`, or the signal's reason as soon as it aborts: a custom fetch that ignores its
 * signal must not hold the wait past its timeout. A rejection after that is dropped.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(ms, MAX_TIMER_MS));
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function checkOptions(service: "evs" | "ims", jobId: string, options: WaitOptions<never>, defaultTimeoutMs: number) {
  const fn = service === "evs" ? "waitForEvsJob" : "waitForImsJob";
  const fail = (problem: string) => new TypeError(`${fn}: ${problem}`);
  if (typeof jobId !== "string" || jobId === "") throw fail("`jobId` must be a non-empty string");
  if (typeof options !== "object" || options === null) throw fail("options must be an object");
  const o = {
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    intervalMs: options.intervalMs ?? DEFAULTS.intervalMs,
    backoff: options.backoff ?? DEFAULTS.backoff,
    maxIntervalMs: options.maxIntervalMs ?? Math.max(DEFAULTS.maxIntervalMs, options.intervalMs ?? 0),
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
  };
  const positive = (n: number) => typeof n === "number" && Number.isFinite(n) && n > 0 && n <= MAX_TIMER_MS;
  if (!(o.timeoutMs === Infinity || positive(o.timeoutMs))) {
    throw fail(`\`timeoutMs\` must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}, or Infinity`);
  }
  if (!positive(o.intervalMs)) throw fail(`\`intervalMs\` must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}`);
  if (!positive(o.maxIntervalMs) || o.maxIntervalMs < o.intervalMs) {
    throw fail("`maxIntervalMs` must be a number of milliseconds at least `intervalMs`");
  }
  if (typeof o.backoff !== "number" || !Number.isFinite(o.backoff) || o.backoff < 1) throw fail("`backoff` must be a number of at least 1");
  if (!Number.isInteger(o.maxRetries) || o.maxRetries < 0) throw fail("`maxRetries` must be a whole number of at least 0");
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) throw fail("`signal` must be an AbortSignal");
  if (options.onPoll !== undefined && typeof options.onPoll !== "function") throw fail("`onPoll` must be a function");
  if (options.projectId !== undefined && (typeof options.projectId !== "string" || options.projectId === "")) {
    throw fail("`projectId` must be a non-empty string");
  }
  return o;
}

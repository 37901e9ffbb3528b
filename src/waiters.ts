/**
 * Waiting for what a call started: an EVS or IMS job until it ends, new disks until they are
 * ready, an image until it is `active`. Each waiter is one poll over the one polling core
 * (`pollUntil` in poll.ts), which owns the schedule, retries, timeout and aborting.
 */
import type { components as EvsComponents } from "../generated/evs.js";
import type { components as ImsComponents } from "../generated/ims.js";
import type { EvsClient, ImsClient, Service } from "./client.js";
import {
  HuaweiCloudError,
  isObject,
  JobFailedError,
  JobTimeoutError,
  parseErrorBody,
  ResourceFailedError,
  ResourceNotFoundError,
  WaitTimeoutError,
} from "./errors.js";
import { answerOf, checkOptions, pollUntil, type ResourceWaitOptions, transient, type WaitOptions } from "./poll.js";

export type { ResourceWaitOptions, WaitOptions } from "./poll.js";
export type EvsJob = EvsComponents["schemas"]["EvsJob"];
export type EvsSubJob = EvsComponents["schemas"]["EvsSubJob"];
export type ImsJob = ImsComponents["schemas"]["ImsJob"];
/** A disk, as `GET /v2/{project_id}/cloudvolumes/{volume_id}` returns it. */
export type Volume = EvsComponents["schemas"]["Volume"];
/** An image, as `GET /v2/cloudimages` lists it. */
export type Image = ImsComponents["schemas"]["Image"];

/** Options of `waitForVolumes`; `onPoll` gets the disks in `volumeIds` order, undefined while one is not found. */
export type VolumeWaitOptions = ResourceWaitOptions<Array<Volume | undefined>>;
/** Options of `waitForImage`; `onPoll` gets the image, undefined while it is not listed. */
export type ImageWaitOptions = Omit<ResourceWaitOptions<Image | undefined>, "projectId">;

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

const MINUTE = 60_000;

/**
 * Waits for an EVS job (e.g. from `POST /v3/{project_id}/cloudvolumes`, or a pay-per-use
 * `POST /v2.1/{project_id}/cloudvolumes`) to succeed. A yearly/monthly v2.1 create answers an
 * `order_id` and no job: there is no job to wait for; follow its `volume_ids` with
 * `waitForVolumes` once the order is paid.
 */
export async function waitForEvsJob(client: EvsClient, jobId: string, options: WaitOptions<EvsJob> = {}): Promise<EvsJobResult> {
  const { seen: job } = await waitForJob<EvsJob>("evs", client, jobId, options, 10 * MINUTE);
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
export async function waitForImsJob(client: ImsClient, jobId: string, options: WaitOptions<ImsJob> = {}): Promise<ImsJobResult> {
  const { seen: job, response } = await waitForJob<ImsJob>("ims", client, jobId, options, 60 * MINUTE);
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

/** Polls `GET /v1/{project_id}/jobs/{job_id}`, the same query on both services, until the job is SUCCESS or FAIL. */
async function waitForJob<Job extends EvsJob | ImsJob>(
  service: Service,
  client: EvsClient | ImsClient,
  jobId: string,
  options: WaitOptions<Job>,
  timeoutMs: number,
) {
  const fn = service === "evs" ? "waitForEvsJob" : "waitForImsJob";
  requireId(fn, "jobId", jobId);
  const settings = checkOptions(fn, options, { timeoutMs });
  // Both clients type this path and its parameters alike; the cast only picks one of the two.
  const jobs = client as EvsClient;
  return pollUntil(
    options,
    settings,
    async (signal) => {
      const { body, response } = await answerOf(
        jobs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: jobId, ...projectOf(options) } }, signal, parseAs: "text" }),
      );
      // The EVS job query reports a failure of the query itself in a 200 body's `error`.
      if (body.error !== undefined && body.error !== null) throw HuaweiCloudError.fromResponse(response, { error: body.error });
      const job = body as Job;
      return { seen: job, done: job.status === "SUCCESS" || job.status === "FAIL", response };
    },
    (last) => new JobTimeoutError({ service, jobId, timeoutMs: settings.timeoutMs, lastStatus: last?.status, job: last }),
  );
}

/** What each status a disk cannot leave for `available` means, for the error that names it. */
const VOLUME_FAILURES = new Map<string, string>([
  ["error", "its creation failed"],
  ["error_restoring", "restoring it from a backup failed"],
  ["error_extending", "extending it failed"],
  ["error_deleting", "deleting it failed"],
  ["error_rollbacking", "rolling it back from a snapshot failed"],
]);
const volumeReady = (volume: Volume | undefined) => volume?.status === "available" || volume?.status === "in-use";
const volumeFailed = (volume: Volume | undefined) => volume?.status.startsWith("error") ?? false;

/**
 * Waits until every disk is `available` (or `in-use`, for one created attached to a server),
 * polling `GET /v2/{project_id}/cloudvolumes/{volume_id}` for each disk not ready yet, one at a
 * time. Resolves with the disks in `volumeIds` order. A disk in an `error…` status rejects
 * with a `ResourceFailedError` naming it; a disk that still answers 404 after
 * `notFoundGraceMs` (a new disk may briefly be not found), with a `ResourceNotFoundError`
 * (CONTRIBUTING.md, C-NotFoundGrace).
 */
export async function waitForVolumes(client: EvsClient, volumeIds: readonly string[], options: VolumeWaitOptions = {}): Promise<Volume[]> {
  const fn = "waitForVolumes";
  requireIds(fn, "volumeIds", volumeIds);
  const settings = checkOptions(fn, options, { timeoutMs: 10 * MINUTE });
  const graceEnds = Date.now() + settings.notFoundGraceMs;
  const latest = new Map<string, Volume>();
  const { seen: volumes } = await pollUntil(
    options,
    settings,
    async (signal) => {
      for (const id of volumeIds) {
        if (volumeReady(latest.get(id))) continue;
        try {
          const { body, response } = await answerOf(
            client.GET("/v2/{project_id}/cloudvolumes/{volume_id}", {
              params: { path: { volume_id: id, ...projectOf(options) } },
              signal,
              parseAs: "text",
            }),
          );
          latest.set(id, volumeOf(body, response));
        } catch (error) {
          if (!(error instanceof HuaweiCloudError && error.status === 404)) throw error;
          if (Date.now() >= graceEnds) {
            throw new ResourceNotFoundError({
              service: "evs",
              kind: "volume",
              id,
              graceMs: settings.notFoundGraceMs,
              problem: "was not found (HTTP 404)",
              cause: error,
            });
          }
          latest.delete(id);
        }
        if (volumeFailed(latest.get(id))) break;
      }
      const seen = volumeIds.map((id) => latest.get(id));
      return { seen, done: seen.some(volumeFailed) || seen.every(volumeReady) };
    },
    (last) =>
      new WaitTimeoutError({
        service: "evs",
        kind: "volume",
        timeoutMs: settings.timeoutMs,
        pending: volumeIds.flatMap((id, i) => (volumeReady(last?.[i]) ? [] : [{ id, status: last?.[i]?.status }])),
        last,
        goal: "become available",
      }),
  );
  const index = volumes.findIndex(volumeFailed);
  if (index !== -1) {
    const volume = volumes[index]!;
    const reason = `${VOLUME_FAILURES.get(volume.status) ?? "an error status"}; it will not become available`;
    throw new ResourceFailedError({
      service: "evs",
      kind: "volume",
      id: volumeIds[index]!,
      status: volume.status,
      resource: volume,
      reason,
    });
  }
  return volumes as Volume[];
}

/** The disk in a 2xx answer; an error body is thrown as one, anything else fails transiently. */
function volumeOf(body: Record<string, unknown>, response: Response): Volume {
  const volume = body.volume;
  if (isObject(volume) && typeof volume.status === "string") return volume as Volume;
  // Like the job query, the disk query may report its own failure in a 200 body.
  if (parseErrorBody(body).shape !== "unknown") throw HuaweiCloudError.fromResponse(response, body);
  throw transient(HuaweiCloudError.fromResponse(response, body, "the answer has no `volume` with a `status`"));
}

const IMAGE_FAILURES = new Map<string, string>([
  ["killed", "its upload failed; it will never become active"],
  ["deleted", "it was deleted"],
]);

/**
 * Waits until the image is `active`, polling `GET /v2/cloudimages?id=<imageId>` (where an
 * image exported from a disk shows up). Resolves with the image. An image that becomes
 * `killed` or `deleted` rejects with a `ResourceFailedError` naming it and its status; one
 * still not listed after `notFoundGraceMs`, with a `ResourceNotFoundError`
 * (CONTRIBUTING.md, C-ImageByList, C-NotFoundGrace).
 */
export async function waitForImage(client: ImsClient, imageId: string, options: ImageWaitOptions = {}): Promise<Image> {
  const fn = "waitForImage";
  requireId(fn, "imageId", imageId);
  const settings = checkOptions(fn, options, { timeoutMs: 60 * MINUTE, projectId: false });
  const graceEnds = Date.now() + settings.notFoundGraceMs;
  const { seen: image } = await pollUntil(
    options,
    settings,
    async (signal) => {
      const { body, response } = await answerOf(
        client.GET("/v2/cloudimages", { params: { query: { id: imageId } }, signal, parseAs: "text" }),
      );
      if (!Array.isArray(body.images)) throw transient(HuaweiCloudError.fromResponse(response, body, "the answer has no `images` list"));
      // Picked by ID, not taken as the first: a proxy that drops the filter must not make another image the result.
      const image = body.images.find((candidate): candidate is Image => isObject(candidate) && candidate.id === imageId);
      if (image === undefined && Date.now() >= graceEnds) {
        throw new ResourceNotFoundError({
          service: "ims",
          kind: "image",
          id: imageId,
          graceMs: settings.notFoundGraceMs,
          problem: "is not in the image list",
        });
      }
      return { seen: image, done: image !== undefined && (image.status === "active" || IMAGE_FAILURES.has(image.status)) };
    },
    (last) =>
      new WaitTimeoutError({
        service: "ims",
        kind: "image",
        timeoutMs: settings.timeoutMs,
        pending: [{ id: imageId, status: last?.status }],
        last,
        goal: "become active",
      }),
  );
  const { status } = image!;
  if (status !== "active") {
    throw new ResourceFailedError({
      service: "ims",
      kind: "image",
      id: imageId,
      status,
      resource: image!,
      reason: IMAGE_FAILURES.get(status)!,
    });
  }
  return image!;
}

/** The `project_id` path parameter when the options name a project (else the client's is used). */
const projectOf = (options: { projectId?: string }) => (options.projectId === undefined ? {} : { project_id: options.projectId });

function requireId(fn: string, name: string, value: unknown): void {
  if (typeof value !== "string" || value === "") throw new TypeError(`${fn}: \`${name}\` must be a non-empty string`);
}

function requireIds(fn: string, name: string, values: unknown): void {
  if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== "string" || value === "")) {
    throw new TypeError(`${fn}: \`${name}\` must be a non-empty array of non-empty strings`);
  }
  const twice = values.find((value, index) => values.indexOf(value) !== index);
  if (twice !== undefined) throw new TypeError(`${fn}: \`${name}\` lists ${twice} twice`);
}

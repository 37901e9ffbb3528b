/**
 * The errors the client raises, and `unwrap`, which turns openapi-fetch's `{ data, error }`
 * result into data or a thrown `HuaweiCloudError`.
 *
 * No error here holds a request, its headers or the client options, so no credential can
 * reach an error message, a stack trace or `util.inspect` output.
 */

import type { Middleware } from "openapi-fetch";
import type { components as EvsComponents } from "../generated/evs.js";
import type { components as ImsComponents } from "../generated/ims.js";
import { requestForms } from "../generated/request-forms.js";
import type { Service } from "./client.js";
import { type MockViolation, readViolations } from "./violations.js";

/** @internal An EVS or IMS job, as the job query returns it. */
export type AnyJob = EvsComponents["schemas"]["EvsJob"] | ImsComponents["schemas"]["ImsJob"];

/** Where an error body's code and message were found. */
export type ErrorBodyShape =
  /** `{"error": {"code", "message"}}` (IMS, and EVS in general) */
  | "error"
  /** `{"<kind>": {"code", "message"}}`, e.g. EVS `itemNotFound`, `badRequest` */
  | "keyed"
  /** `{"error_code", "error_msg", "request_id"}` from the API gateway */
  | "gateway"
  /** `{"error": "text"}` (older EVS pages) or `{"code", "message"}` */
  | "flat"
  /** not JSON, or JSON of no known shape */
  | "unknown";

export interface ParsedErrorBody {
  code: string | undefined;
  message: string | undefined;
  /** For a keyed EVS body, the key (`itemNotFound`, `badRequest`, `error`, ...). */
  kind: string | undefined;
  /** The gateway's `request_id`, when the body has one. */
  requestId: string | undefined;
  shape: ErrorBodyShape;
}

/** @internal */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
/** A non-empty string, else undefined: an empty request ID is no request ID. */
const nonEmpty = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
/** An error code as text: some services send it as a number. */
const codeOf = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;

/** Reads the code and message from any documented EVS, IMS or API gateway error body. */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  const none: ParsedErrorBody = { code: undefined, message: undefined, kind: undefined, requestId: undefined, shape: "unknown" };
  if (typeof body === "string") {
    const text = body.trim();
    if (text.startsWith("{")) {
      try {
        return parseErrorBody(JSON.parse(text));
      } catch {
        // not JSON after all
      }
    }
    return { ...none, message: text === "" ? undefined : text.slice(0, 300) };
  }
  if (!isObject(body)) return none;

  // Only a gateway body when it says something: `"error_code": null` sits beside other shapes.
  if (typeof body.error_code === "string" || typeof body.error_msg === "string") {
    return {
      code: codeOf(body.error_code),
      message: str(body.error_msg),
      kind: undefined,
      requestId: nonEmpty(body.request_id),
      shape: "gateway",
    };
  }
  const keys = Object.keys(body);
  // {"error": {...}} first, then any single key holding {code, message}.
  const key = isObject(body.error)
    ? "error"
    : keys.find((k) => isObject(body[k]) && ("code" in (body[k] as object) || "message" in (body[k] as object)));
  if (key !== undefined) {
    const detail = body[key] as Record<string, unknown>;
    return {
      code: codeOf(detail.code),
      message: str(detail.message),
      kind: key,
      requestId: nonEmpty(detail.request_id),
      shape: key === "error" ? "error" : "keyed",
    };
  }
  if (typeof body.error === "string") {
    return { ...none, message: body.error, code: codeOf(body.code), shape: "flat" };
  }
  const code = codeOf(body.code);
  if (code !== undefined || typeof body.message === "string") {
    return { ...none, code, message: str(body.message), shape: "flat" };
  }
  return none;
}

export interface HuaweiCloudErrorInit {
  status: number;
  method: string;
  url: string;
  body: unknown;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  /** Overrides the message taken from the body. */
  message?: string;
  /** The answer's `sl-violations` header as received: what the Prism mock found wrong. */
  violationsHeader?: string | null | undefined;
  /**
   * The service and the operation's path as the call named it (`/v2/cloudimages/action`): with
   * them, the violations of a body that is a oneOf of forms are read against the form it meant.
   */
  service?: Service | undefined;
  schemaPath?: string | undefined;
}

/**
 * The service (or the API gateway in front of it) answered with an error status.
 *
 * `code` and `errorMessage` come from whichever documented body shape the answer has;
 * `requestId` from the `X-Request-Id` header (or the gateway body's `request_id`). An answer of
 * the Prism mock says what it found wrong in its `sl-violations` header: `violations`, and the
 * message names the first few after the service's own code and message.
 */
export class HuaweiCloudError extends Error {
  override readonly name = "HuaweiCloudError";
  /** HTTP status, e.g. 400. */
  readonly status: number;
  /** The service error code, e.g. `EVS.1016`, `IMG.0024`, `APIGW.0301`; undefined when the body has none. */
  readonly code: string | undefined;
  /** The service's own message, undefined when the body has none. */
  readonly errorMessage: string | undefined;
  /** The request ID to quote to support. */
  readonly requestId: string | undefined;
  /** For an EVS keyed body, its key: `badRequest`, `itemNotFound`, `error`, ... */
  readonly kind: string | undefined;
  readonly method: string;
  /** The request URL (it never carries credentials). */
  readonly url: string;
  /** The parsed error body as received. */
  readonly body: unknown;
  /**
   * Sending the same request again is safe and may succeed: 429 (refused before anything was
   * done), and for GET and HEAD also 500, 502, 503 and 504. A create that got a 5xx may have
   * been carried out, so it is never retryable. The client never retries a POST by itself
   * (CONTRIBUTING.md, C-NoRetryCreate).
   */
  readonly retryable: boolean;
  /** From a `Retry-After` header, when the service sent one. */
  readonly retryAfterMs: number | undefined;
  /**
   * What the Prism mock found wrong (its `sl-violations` header), e.g. `{ of: "request",
   * location: "body.volume.size", keyword: "minimum", message: "must be >= 1" }`; for a body
   * that is a oneOf of forms, those of the form it meant first. Empty for the real service.
   */
  readonly violations: readonly MockViolation[];
  /** The form of a oneOf body the mock's violations were read against, e.g. `ImageFromObsFile`. */
  readonly bodyForm: string | undefined;

  constructor(init: HuaweiCloudErrorInit) {
    const parsed = parseErrorBody(init.body);
    const requestId = nonEmpty(init.requestId) ?? parsed.requestId;
    const what = init.message ?? [parsed.code, parsed.message].filter(Boolean).join(": ");
    const operation = `${init.method.toUpperCase()} ${init.schemaPath}`;
    const forms = init.service && init.schemaPath ? requestForms[init.service]?.[operation] : undefined;
    const mock = readViolations(init.violationsHeader, forms);
    // A 2xx answer did not fail as HTTP: it is the answer's content that is wrong.
    const ok = init.status >= 200 && init.status <= 299;
    super(
      `${init.method} ${pathOf(init.url)}${ok ? ` (HTTP ${init.status})` : ` failed with HTTP ${init.status}`}` +
        (what ? `: ${what}` : "") +
        (mock.summary ? ` — ${mock.summary}` : "") +
        (requestId ? ` (request ID ${requestId})` : ""),
    );
    this.status = init.status;
    this.code = parsed.code;
    this.errorMessage = parsed.message;
    this.requestId = requestId;
    this.kind = parsed.kind;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
    this.retryable = init.status === 429 || (idempotent(init.method) && TRANSIENT_STATUSES.has(init.status));
    this.retryAfterMs = init.retryAfterMs;
    this.violations = mock.violations;
    this.bodyForm = mock.form;
  }

  /**
   * The error for an answer: its status, request ID and `Retry-After`, the (parsed) `body`, and
   * the message taken from the body, or `message` when given (e.g. for a 2xx answer whose
   * content is not what the call expects).
   */
  static fromResponse(response: Response, body: unknown, message?: string): HuaweiCloudError {
    const { method, url, service, schemaPath } = requestOf(response);
    return new HuaweiCloudError({
      status: response.status,
      method,
      url,
      body,
      requestId: nonEmpty(response.headers.get("X-Request-Id")),
      retryAfterMs: retryAfterMs(response.headers.get("Retry-After")),
      violationsHeader: response.headers.get("sl-violations"),
      service,
      schemaPath,
      ...(message === undefined ? {} : { message }),
    });
  }
}

/** The request never got an answer: DNS, connection refused or reset, TLS, ... */
export class HuaweiCloudNetworkError extends Error {
  override readonly name = "HuaweiCloudNetworkError";
  readonly method: string;
  readonly url: string;
  /**
   * For GET and HEAD, safe to send again; a POST may or may not have reached the service, so
   * it is never retryable. A refused redirect is not retryable either.
   */
  readonly retryable: boolean;

  constructor(method: string, url: string, cause: unknown) {
    // undici's fetch reports a refused redirect as TypeError("fetch failed") caused by "unexpected redirect".
    const redirected = cause instanceof Error && cause.cause instanceof Error && cause.cause.message === "unexpected redirect";
    const message = cause instanceof Error ? cause.message : String(cause);
    // Node names the failure in a code (ECONNREFUSED, ENOTFOUND), on the error or (fetch's
    // "fetch failed") on its cause.
    const code = errorCode(cause) ?? (cause instanceof Error ? errorCode(cause.cause) : undefined);
    const reason = code !== undefined && !message.includes(code) ? `${message} (${code})` : message;
    super(
      redirected
        ? `${method} ${pathOf(url)}: ${hostOf(url)} answered with a redirect, which the client never follows (it would carry the credentials to another host)`
        : `${method} ${pathOf(url)} got no answer from ${hostOf(url)}: ${reason}`,
      { cause },
    );
    this.method = method;
    this.url = url;
    this.retryable = !redirected && idempotent(method);
  }
}

const errorCode = (error: unknown): string | undefined => {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code !== "" ? code : undefined;
};

const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
/** Methods whose request can be sent again without doing anything twice (of those the client uses). */
const idempotent = (method: string) => ["GET", "HEAD"].includes(method.toUpperCase());

/** An asynchronous job ended with `FAIL`. */
export class JobFailedError extends Error {
  override readonly name = "JobFailedError";
  readonly service: Service;
  readonly jobId: string;
  readonly jobType: string | undefined;
  /** The job's `error_code` (for an EVS batch without one, the first failed sub-job's). */
  readonly errorCode: string | null;
  /** The job's `fail_reason` (for an EVS batch without one, the first failed sub-job's). */
  readonly failReason: string | null;
  /** The final job as the service returned it (for a batch, sub-jobs may have made disks). */
  readonly job: AnyJob;

  constructor(init: {
    service: Service;
    jobId: string;
    jobType: string | undefined;
    errorCode: string | null;
    failReason: string | null;
    job: AnyJob;
  }) {
    const detail = [init.errorCode, init.failReason].filter(Boolean).join(": ") || "no error code or reason given";
    super(`${init.service.toUpperCase()} job ${init.jobId}${init.jobType ? ` (${init.jobType})` : ""} failed: ${detail}`);
    this.service = init.service;
    this.jobId = init.jobId;
    this.jobType = init.jobType;
    this.errorCode = init.errorCode;
    this.failReason = init.failReason;
    this.job = init.job;
  }

  /** Same as `errorCode`, so `err.code` works for every error of this package. */
  get code(): string | null {
    return this.errorCode;
  }
}

/** What a waiter follows. */
export type AwaitedKind = "job" | "volume" | "image";

/** A disk or an image, as the waiters see it. */
type AnyResource = EvsComponents["schemas"]["Volume"] | ImsComponents["schemas"]["Image"];

/** How the messages name what is awaited: "EVS job", "EVS disk", "IMS image". */
const label = (service: Service, kind: AwaitedKind) => `${service.toUpperCase()} ${kind === "volume" ? "disk" : kind}`;

/**
 * A wait ran past its `timeoutMs`. What it waited for may still get there: look it up before
 * creating it again. Every waiter throws this (a job waiter, the `JobTimeoutError` subclass).
 */
export class WaitTimeoutError extends Error {
  override readonly name: string = "WaitTimeoutError";
  readonly service: Service;
  readonly kind: AwaitedKind;
  readonly timeoutMs: number;
  /** What was not there yet, by ID, with the status the last successful poll saw (undefined: never seen). */
  readonly pending: ReadonlyArray<{ id: string; status: string | undefined }>;
  /** What the last successful poll saw (what `onPoll` got), undefined if none succeeded. */
  readonly last: unknown;

  constructor(init: {
    service: Service;
    kind: AwaitedKind;
    timeoutMs: number;
    pending: ReadonlyArray<{ id: string; status: string | undefined }>;
    last: unknown;
    /** What it did not do in time, e.g. "finish", "become active". */
    goal: string;
  }) {
    const what = init.pending.length === 1 ? label(init.service, init.kind) : `${label(init.service, init.kind)}s`;
    const ids =
      init.pending.length === 1 ? init.pending[0]!.id : init.pending.map(({ id, status }) => `${id} (${status ?? "not seen"})`).join(", ");
    const lastStatus = init.pending.length === 1 ? init.pending[0]!.status : undefined;
    super(`${what} ${ids} did not ${init.goal} within ${init.timeoutMs} ms${lastStatus ? ` (last status ${lastStatus})` : ""}`);
    this.service = init.service;
    this.kind = init.kind;
    this.timeoutMs = init.timeoutMs;
    this.pending = init.pending;
    this.last = init.last;
  }
}

/** The job did not finish within `timeoutMs`. It may still finish: look it up before creating again. */
export class JobTimeoutError extends WaitTimeoutError {
  override readonly name: string = "JobTimeoutError";
  readonly jobId: string;
  /** The status of the last successful poll, undefined if none succeeded. */
  readonly lastStatus: string | undefined;
  /** The last job seen, undefined if no poll succeeded. */
  readonly job: AnyJob | undefined;

  constructor(init: { service: Service; jobId: string; timeoutMs: number; lastStatus: string | undefined; job: AnyJob | undefined }) {
    super({
      service: init.service,
      kind: "job",
      timeoutMs: init.timeoutMs,
      pending: [{ id: init.jobId, status: init.lastStatus }],
      last: init.job,
      goal: "finish",
    });
    this.jobId = init.jobId;
    this.lastStatus = init.lastStatus;
    this.job = init.job;
  }
}

/**
 * A disk or an image reached a status it will not leave for the one awaited: an image
 * `killed` (its upload failed) or `deleted`, a disk in an `error…` status.
 */
export class ResourceFailedError extends Error {
  override readonly name = "ResourceFailedError";
  readonly service: Service;
  readonly kind: "volume" | "image";
  /** The ID it was awaited by. */
  readonly id: string;
  /** Its status, e.g. `killed`, `error_extending`. */
  readonly status: string;
  /** The disk or image as the last poll returned it. */
  readonly resource: AnyResource;

  constructor(init: { service: Service; kind: "volume" | "image"; id: string; status: string; resource: AnyResource; reason: string }) {
    super(`${label(init.service, init.kind)} ${init.id} is ${init.status}: ${init.reason}`);
    this.service = init.service;
    this.kind = init.kind;
    this.id = init.id;
    this.status = init.status;
    this.resource = init.resource;
  }
}

/**
 * A disk or an image was still not there when the grace period (`notFoundGraceMs`) was over:
 * a disk answering 404, an image missing from the image list. For a disk, `cause` is the 404.
 */
export class ResourceNotFoundError extends Error {
  override readonly name = "ResourceNotFoundError";
  readonly service: Service;
  readonly kind: "volume" | "image";
  readonly id: string;
  readonly graceMs: number;

  constructor(init: { service: Service; kind: "volume" | "image"; id: string; graceMs: number; problem: string; cause?: unknown }) {
    super(`${label(init.service, init.kind)} ${init.id} ${init.problem} (waited ${init.graceMs} ms for it to appear)`, {
      cause: init.cause,
    });
    this.service = init.service;
    this.kind = init.kind;
    this.id = init.id;
    this.graceMs = init.graceMs;
  }
}

/** What openapi-fetch resolves with: `{ data, response }` or `{ error, response }`. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The data of a 2xx answer, or a thrown `HuaweiCloudError` for any other status.
 *
 *     const { job_id } = await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body }));
 */
export async function unwrap<R extends FetchResult>(result: R | Promise<R>): Promise<Exclude<R["data"], undefined>> {
  const { data, error, response } = await result;
  if (!response.ok) throw HuaweiCloudError.fromResponse(response, error);
  if (data === undefined) throw HuaweiCloudError.fromResponse(response, undefined, "the answer has no body");
  return data as Exclude<R["data"], undefined>;
}

// Where an error gets the method and URL it names. openapi-fetch resolves a call with
// `{ data, error, response }`, without the request, and no option of it adds the request; a
// Response knows no method, and one from a test double or a middleware has no URL either. So
// each client registers this recorder (client.ts), and unwrap and the waiters look the answer
// up here. Only these strings are kept (with the service and the path as the call named it,
// which say which request body it sent), never the request or its headers.
type Sent = { method: string; url: string; service?: Service; schemaPath?: string };
const requests = new WeakMap<Response, Sent>();
/** @internal openapi-fetch middleware that remembers each answer's method, URL and operation. */
export function requestRecorder(service: Service): Middleware {
  return {
    onResponse({ request, response, schemaPath }) {
      requests.set(response, { method: request.method, url: request.url, service, schemaPath });
    },
  };
}
const requestOf = (response: Response): Sent => requests.get(response) ?? { method: "request", url: response.url };

// RFC 9110: Retry-After is a whole number of seconds or an HTTP date (IMF-fixdate). Anything
// else ("0x10", "1e9", "1.5", which Number() or V8's lenient Date.parse would take) is ignored.
const SECONDS = /^\d+$/;
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  if (SECONDS.test(header)) return Number(header) * 1000;
  if (!IMF_FIXDATE.test(header)) return undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function pathOf(url: string): string {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return url || "(unknown URL)";
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the service";
  }
}

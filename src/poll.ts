/**
 * The one polling loop behind every waiter (jobs, disks, images): the schedule, the retries of
 * transient failures, the overall timeout, aborting, and the caller's `onPoll`. A waiter
 * supplies one poll (`check`) and says what it found; everything else is here
 * (CONTRIBUTING.md, C-OnePollingCore).
 *
 * Only queries are ever repeated. A create (POST) is never retried here or anywhere in this
 * package: a retried create makes a second set of disks or images (C-NoRetryCreate).
 */
import { type AnyJob, HuaweiCloudError, HuaweiCloudNetworkError, isObject } from "./errors.js";

/**
 * The options every waiter takes. `Seen` is what each poll hands to `onPoll`; without it, a
 * job of either service, so that one `WaitOptions` suits both job waiters.
 */
export interface WaitOptions<Seen = AnyJob> {
  /** The project of what is awaited; default: the client's. */
  projectId?: string;
  /** Stops waiting (and the request in flight); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Give up after this long, with a `WaitTimeoutError` (`JobTimeoutError` for a job). Default:
   * 10 minutes for EVS jobs and disks, 60 for IMS jobs and images. `Infinity`: never.
   */
  timeoutMs?: number;
  /** The wait after the first poll. Default 2000 ms. */
  intervalMs?: number;
  /** Each wait is this many times the previous one... Default 1.5. */
  backoff?: number;
  /** ...up to this. Default 20000 ms. */
  maxIntervalMs?: number;
  /**
   * How many polls in a row may fail transiently (network error, 429, 500, 502, 503, 504, or a
   * 2xx answer that is not the JSON expected) before the last failure is thrown. Default 5.
   * Other errors (400, 401, 403, 404, 501, a refused redirect) are thrown at once.
   */
  maxRetries?: number;
  /**
   * Called with what each successful poll found, e.g. to show progress. When it returns a
   * promise, the wait awaits it before going on; what it throws or rejects with ends the wait,
   * as it is. (Typed `unknown`, not `void | Promise<void>`, so that a callback returning
   * something else, such as `(job) => seen.push(job)`, still compiles, as it did with `void`.)
   */
  onPoll?: (seen: Seen) => unknown;
}

/** The options of the waiters that follow a disk or an image, which may not be there yet. */
export interface ResourceWaitOptions<Seen> extends WaitOptions<Seen> {
  /**
   * How long what is awaited may be missing (a disk answering 404, an image not in the list)
   * before that is an error, a `ResourceNotFoundError`: something just created can take a
   * moment to show. Counted from the start of the wait. Default 60000 ms; `0`: no grace.
   */
  notFoundGraceMs?: number;
}

/** The options after checking, with the defaults filled in. */
export interface Settings {
  timeoutMs: number;
  intervalMs: number;
  backoff: number;
  maxIntervalMs: number;
  maxRetries: number;
  notFoundGraceMs: number;
}

/** What one poll found (what `onPoll` gets) and whether the wait is over. */
export interface Verdict<Seen> {
  seen: Seen;
  done: boolean;
}

const DEFAULTS = { intervalMs: 2000, backoff: 1.5, maxIntervalMs: 20000, maxRetries: 5, notFoundGraceMs: 60_000 };
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Polls with `check` until it says the wait is over, and returns its verdict. A transient
 * failure of a poll (see `isTransient`) is retried with backoff; anything else `check` throws
 * ends the wait, as do the timeout (`timeout(last)`, given the last thing seen) and the
 * caller's signal.
 */
export async function pollUntil<Seen, V extends Verdict<Seen>>(
  options: WaitOptions<Seen>,
  settings: Settings,
  check: (signal: AbortSignal) => Promise<V>,
  timeout: (last: Seen | undefined) => Error,
): Promise<V> {
  options.signal?.throwIfAborted();

  // One signal for the whole wait: the caller's abort, or the overall timeout.
  const stop = new AbortController();
  const deadline = Date.now() + settings.timeoutMs;
  let last: Seen | undefined;
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const timer = settings.timeoutMs === Infinity ? undefined : setTimeout(() => stop.abort(timeout(last)), settings.timeoutMs);

  try {
    let interval = settings.intervalMs;
    let failures = 0;
    for (;;) {
      let verdict: V | undefined;
      let wait = 0;
      try {
        verdict = await untilAborted(check(stop.signal), stop.signal);
      } catch (error) {
        if (stop.signal.aborted) throw stop.signal.reason;
        if (!isTransient(error) || ++failures > settings.maxRetries) throw error;
        wait = retryDelay(settings, failures);
        if (error instanceof HuaweiCloudError) {
          // A 429 asks for fewer requests: never sooner than the schedule's next poll either.
          wait = Math.max(wait, error.retryAfterMs ?? 0, error.status === 429 ? interval : 0);
        }
      }
      if (verdict !== undefined) {
        last = verdict.seen;
        failures = 0;
        // The caller's code runs outside the poll's try: what it throws (or rejects with) is the
        // caller's own error, thrown as it is, never taken for a failed poll.
        await options.onPoll?.(verdict.seen);
        if (verdict.done) return verdict;
        wait = interval;
        interval = Math.min(Math.round(interval * settings.backoff), settings.maxIntervalMs);
      }
      // Never past the deadline, whatever Retry-After asked for.
      await sleep(Math.min(wait, deadline - Date.now()), stop.signal);
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** What openapi-fetch resolves with for a GET made with `parseAs: "text"`. */
export type TextAnswer = { data?: string; error?: unknown; response: Response };

/**
 * The JSON object of a poll's 2xx answer. Any other status is thrown as a `HuaweiCloudError`
 * (retried when it is `retryable`); a 2xx answer that is not a JSON object (a proxy's
 * maintenance page, an empty answer) is thrown as a transient failure: the query is fine to
 * repeat.
 */
export async function answerOf(call: Promise<TextAnswer>): Promise<{ body: Record<string, unknown>; response: Response }> {
  const { data: text, error, response } = await call;
  if (!response.ok) throw HuaweiCloudError.fromResponse(response, error);
  const body = parseObject(text);
  if (body !== undefined) return { body, response };
  throw transient(
    text
      ? HuaweiCloudError.fromResponse(response, text, "the answer is not a JSON object")
      : HuaweiCloudError.fromResponse(response, undefined, "the answer has no body"),
  );
}

// 2xx answers whose content is wrong in a way a repeat may cure. Their `retryable` stays as
// the status says (false for a 2xx): it describes the request, not this answer.
const transientAnswers = new WeakSet<Error>();

/** Marks an error for a 2xx answer as worth another poll, like a 5xx. */
export function transient<E extends Error>(error: E): E {
  transientAnswers.add(error);
  return error;
}

/** Whether another poll may succeed where this one failed. */
function isTransient(error: unknown): boolean {
  if (error instanceof Error && transientAnswers.has(error)) return true;
  return (error instanceof HuaweiCloudError || error instanceof HuaweiCloudNetworkError) && error.retryable;
}

/** The value when the text is a JSON object, else undefined. */
function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const retryDelay = (s: Settings, failures: number) => Math.min(Math.round(s.intervalMs * s.backoff ** (failures - 1)), s.maxIntervalMs);

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
    const timer = setTimeout(
      () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The options of waiter `fn`, checked, with the defaults filled in. `defaults.timeoutMs` is the
 * waiter's own timeout; `defaults.projectId: false` refuses a `projectId` (for a query with no
 * project in its path). A bad option is a TypeError that names it and the rule.
 */
export function checkOptions(fn: string, options: unknown, defaults: { timeoutMs: number; projectId?: false }): Settings {
  const fail = (problem: string) => new TypeError(`${fn}: ${problem}`);
  if (typeof options !== "object" || options === null) throw fail("options must be an object");
  const given = options as ResourceWaitOptions<unknown>;
  const settings: Settings = {
    timeoutMs: given.timeoutMs ?? defaults.timeoutMs,
    intervalMs: given.intervalMs ?? DEFAULTS.intervalMs,
    backoff: given.backoff ?? DEFAULTS.backoff,
    maxIntervalMs: given.maxIntervalMs ?? Math.max(DEFAULTS.maxIntervalMs, given.intervalMs ?? 0),
    maxRetries: given.maxRetries ?? DEFAULTS.maxRetries,
    notFoundGraceMs: given.notFoundGraceMs ?? DEFAULTS.notFoundGraceMs,
  };
  const positive = (n: number) => typeof n === "number" && Number.isFinite(n) && n > 0 && n <= MAX_TIMER_MS;
  if (!(settings.timeoutMs === Infinity || positive(settings.timeoutMs))) {
    throw fail(`\`timeoutMs\` must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}, or Infinity`);
  }
  if (!positive(settings.intervalMs)) throw fail(`\`intervalMs\` must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}`);
  if (!positive(settings.maxIntervalMs) || settings.maxIntervalMs < settings.intervalMs) {
    throw fail("`maxIntervalMs` must be a number of milliseconds at least `intervalMs`");
  }
  if (typeof settings.backoff !== "number" || !Number.isFinite(settings.backoff) || settings.backoff < 1) {
    throw fail("`backoff` must be a number of at least 1");
  }
  if (!Number.isInteger(settings.maxRetries) || settings.maxRetries < 0) throw fail("`maxRetries` must be a whole number of at least 0");
  const grace = settings.notFoundGraceMs;
  if (!(typeof grace === "number" && (grace === Infinity || (Number.isFinite(grace) && grace >= 0)))) {
    throw fail("`notFoundGraceMs` must be a number of milliseconds of at least 0, or Infinity");
  }
  if (given.signal !== undefined && !(given.signal instanceof AbortSignal)) throw fail("`signal` must be an AbortSignal");
  if (given.onPoll !== undefined && typeof given.onPoll !== "function") throw fail("`onPoll` must be a function");
  if (given.projectId !== undefined) {
    if (defaults.projectId === false) {
      throw fail("`projectId` does not apply: the query has no project in its path (the client's credentials decide the project)");
    }
    if (typeof given.projectId !== "string" || given.projectId === "") throw fail("`projectId` must be a non-empty string");
  }
  return settings;
}

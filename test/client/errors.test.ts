// The error model: calls return openapi-fetch's { data, error, response };
// unwrap() turns any non-2xx answer into a HuaweiCloudError with the status,
// the service's code and message from every documented body shape, and the
// request ID. Nothing is ever retried on its own, and no credential shows up
// in any error.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createEvsClient,
  createImsClient,
  HuaweiCloudError,
  HuaweiCloudNetworkError,
  JobFailedError,
  JobTimeoutError,
  parseErrorBody,
  unwrap,
  waitForEvsJob,
  waitForImsJob,
} from "../../src/index.js";
import { fetchDouble, hang, json, networkFailure } from "../support/fetch-double.js";
import { loadBundle } from "../support/openapi.js";
import { evsRequestExamples, imsRequestExamples } from "../types/page-examples.js";

const PROJECT = "0123456789abcdef0123456789abcdef";
const createVolumes = { body: evsRequestExamples["encrypted-ssd"] };

function evsWith(...steps: Parameters<typeof fetchDouble>) {
  const double = fetchDouble(...steps);
  const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: "tok" }, fetch: double.fetch, env: {} });
  return { evs, double };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("every documented error body shape", () => {
  const evsExamples = loadBundle("evs").components.examples as Record<string, { value: unknown }>;
  const imsExamples = loadBundle("ims").components.examples as Record<string, { value: unknown }>;

  it.each([
    // [bundle, example, status, code, message, kind]
    ["evs", "error", 400, "XXX", "XXXX", "error"],
    [
      "evs",
      "bad-request",
      400,
      "EVS.1016",
      "Invalid input received: May specify only one of imageRef, snapshot_id, backup_id!",
      "badRequest",
    ],
    ["evs", "not-found", 404, "EVS.5404", "Resource(Volume, Snapshot, Backup .etc) cound not be found.", "itemNotFound"],
    ["evs", "quota-exceeded", 413, "EVS.5413", "Insufficient volume quota.", "overLimit"],
    ["evs", "gateway-unauthorized", 401, "APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail", undefined],
    ["ims", "bad-request", 400, "IMG.0024", "The imagetype is invalid.", "error"],
    ["ims", "service-unavailable", 503, "XXX", "Service unavailable.", "error"],
  ] as const)("%s %s (HTTP %i) gives code %s", async (bundle, name, status, code, message, kind) => {
    const body = (bundle === "evs" ? evsExamples : imsExamples)[name]?.value;
    expect(body, `example ${name} in the ${bundle} bundle`).toBeDefined();
    const { evs } = evsWith(json(status, body, { "X-Request-Id": "req-123" }));

    const result = await evs.POST("/v3/{project_id}/cloudvolumes", createVolumes);
    expect(result.error).toEqual(body); // the plain openapi-fetch result keeps the body as sent

    const error = await rejection(unwrap(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes)));
    expect(error).toBeInstanceOf(HuaweiCloudError);
    const e = error as HuaweiCloudError;
    expect({ status: e.status, code: e.code, errorMessage: e.errorMessage, kind: e.kind, requestId: e.requestId }).toEqual({
      status,
      code,
      errorMessage: message,
      kind,
      requestId: "req-123",
    });
    expect(e.method).toBe("POST");
    expect(e.url).toBe(`https://evs.cn-north-4.myhuaweicloud.com/v3/${PROJECT}/cloudvolumes`);
    expect(e.message).toBe(`POST /v3/${PROJECT}/cloudvolumes failed with HTTP ${status}: ${code}: ${message} (request ID req-123)`);
    expect(e.retryable).toBe(false); // a create: sending it again could create twice
  });

  it("names the method and URL even when a middleware replaced the answer", async () => {
    const { evs } = evsWith(json(200, { job_id: "j" }));
    evs.use({ onResponse: () => json(503, { error: { code: "EVS.5503", message: "Service unavailable." } }) });
    const error = (await rejection(unwrap(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes)))) as HuaweiCloudError;
    expect([error.status, error.method, error.url]).toEqual([
      503,
      "POST",
      `https://evs.cn-north-4.myhuaweicloud.com/v3/${PROJECT}/cloudvolumes`,
    ]);
  });

  it("the gateway's request_id is used when there is no X-Request-Id header", async () => {
    const { evs } = evsWith(json(401, evsExamples["gateway-unauthorized"]?.value));
    const error = (await rejection(unwrap(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes)))) as HuaweiCloudError;
    expect(error.requestId).toBe("5c0d9b2e7f1a4d3c8b6e2a1f0e9d8c7b");
  });

  it.each([
    ["the older pages' string error", { error: "volume not found" }, { code: undefined, message: "volume not found", shape: "flat" }],
    ["a flat code and message", { code: "EVS.0001", message: "m" }, { code: "EVS.0001", message: "m", shape: "flat" }],
    ["plain text (a proxy's page)", "<html>Bad Gateway</html>", { code: undefined, message: "<html>Bad Gateway</html>", shape: "unknown" }],
    ["JSON given as text", '{"error":{"code":"IMG.0001","message":"m"}}', { code: "IMG.0001", message: "m", shape: "error" }],
    ["an empty body", "", { code: undefined, message: undefined, shape: "unknown" }],
    ["an array", [1], { code: undefined, message: undefined, shape: "unknown" }],
  ])("parseErrorBody reads %s", (_what, body, expected) => {
    expect(parseErrorBody(body)).toMatchObject(expected);
  });

  it.each([
    [
      "a null gateway error_code beside an EVS error",
      { error_code: null, error_msg: null, error: { code: "EVS.1002", message: "m" } },
      { code: "EVS.1002", message: "m", shape: "error" },
    ],
    [
      "a gateway body with only error_msg",
      { error_msg: "throttled", request_id: "r1" },
      { code: undefined, message: "throttled", requestId: "r1", shape: "gateway" },
    ],
    ["a numeric gateway code", { error_code: 401, error_msg: "m" }, { code: "401", message: "m", shape: "gateway" }],
    ["a numeric code under error", { error: { code: 400, message: "m" } }, { code: "400", message: "m", shape: "error" }],
    [
      "a numeric code in a keyed body",
      { badRequest: { code: 400, message: "m" } },
      { code: "400", message: "m", kind: "badRequest", shape: "keyed" },
    ],
    ["a numeric flat code", { code: 42, message: "m" }, { code: "42", message: "m", shape: "flat" }],
    ["an empty request_id", { error_code: "APIGW.0301", error_msg: "m", request_id: "" }, { requestId: undefined, shape: "gateway" }],
  ])("parseErrorBody reads %s", (_what, body, expected) => {
    expect(parseErrorBody(body)).toMatchObject(expected);
  });

  it("an empty X-Request-Id header does not hide the body's request_id", async () => {
    const { evs } = evsWith(json(401, evsExamples["gateway-unauthorized"]?.value, { "X-Request-Id": "" }));
    const error = (await rejection(unwrap(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes)))) as HuaweiCloudError;
    expect(error.requestId).toBe("5c0d9b2e7f1a4d3c8b6e2a1f0e9d8c7b");
    expect(error.message).toContain("(request ID 5c0d9b2e7f1a4d3c8b6e2a1f0e9d8c7b)");
  });

  it.each([
    ["7", 7000],
    ["0", 0],
    ["120", 120_000],
    ["0x10", undefined],
    ["1e9", undefined],
    ["1.5", undefined],
    ["-1", undefined],
    ["2024", 2_024_000],
    ["soon", undefined],
    ["Tue, 02 Jan 2024 03:04:12 GMT", 7000],
    ["Tue, 02 Jan 2024 03:04:00 GMT", 0], // in the past: at once
    ["2024-01-02T03:04:12Z", undefined], // not an HTTP date
  ])("Retry-After %j waits %s ms", (header, expected) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-01-02T03:04:05Z"));
    try {
      const response = new Response(null, { status: 429, headers: { "Retry-After": header } });
      expect(HuaweiCloudError.fromResponse(response, undefined).retryAfterMs).toBe(expected);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a non-JSON answer still becomes a HuaweiCloudError with the status", async () => {
    const { evs } = evsWith(new Response("upstream timed out", { status: 504 }));
    const error = (await rejection(unwrap(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes)))) as HuaweiCloudError;
    expect([error.status, error.code, error.errorMessage, error.retryable]).toEqual([504, undefined, "upstream timed out", false]);
  });

  it("unwrap returns the data of a 2xx answer", async () => {
    const { evs } = evsWith(json(200, { job_id: "job-1" }));
    await expect(unwrap(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes))).resolves.toEqual({ job_id: "job-1" });
  });

  it("unwrap refuses a 2xx answer without a body rather than return undefined", async () => {
    const { evs } = evsWith(new Response(null, { status: 200 }));
    const error = (await rejection(unwrap(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes)))) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error.message).toBe(`POST /v3/${PROJECT}/cloudvolumes (HTTP 200): the answer has no body`);
  });

  it("a custom message keeps the status, request ID and body of the answer", () => {
    const response = json(200, { job_id: "j" }, { "X-Request-Id": "req-9" });
    const error = HuaweiCloudError.fromResponse(response, { job_id: "j" }, "not what was expected");
    expect([error.status, error.requestId, error.body, error.errorMessage]).toEqual([200, "req-9", { job_id: "j" }, undefined]);
    expect(error.message).toBe("request (unknown URL) (HTTP 200): not what was expected (request ID req-9)");
    const failed = HuaweiCloudError.fromResponse(json(502, "<html>"), "<html>", "the proxy failed");
    expect(failed.message).toBe("request (unknown URL) failed with HTTP 502: the proxy failed");
  });
});

describe("a create is sent once, whatever happens", () => {
  it.each([
    // A 5xx may come after the service carried the create out: not safe to send again.
    ["a 503", json(503, { error: { code: "EVS.5503", message: "Service unavailable." } }), false],
    ["a 500", json(500, { error: { code: "EVS.2002", message: "internal error!" } }), false],
    // A 429 was refused before anything was done.
    ["a 429", json(429, { error: { code: "APIGW.0308", message: "throttled" } }, { "Retry-After": "1" }), true],
  ])("%s is returned, not retried", async (_what, answer, retryable) => {
    const { evs, double } = evsWith(answer, json(200, { job_id: "would-be-a-duplicate" }));
    const result = await evs.POST("/v3/{project_id}/cloudvolumes", createVolumes);
    expect(result.error).toBeDefined();
    expect(double.requests).toHaveLength(1);
    const error = (await rejection(unwrap(Promise.resolve(result)))) as HuaweiCloudError;
    expect(error.retryable).toBe(retryable);
  });

  it("a network failure is thrown as HuaweiCloudNetworkError, not retried", async () => {
    const { evs, double } = evsWith(networkFailure(), json(200, { job_id: "would-be-a-duplicate" }));
    const error = await rejection(evs.POST("/v3/{project_id}/cloudvolumes", createVolumes));
    expect(error).toBeInstanceOf(HuaweiCloudNetworkError);
    expect((error as HuaweiCloudNetworkError).retryable).toBe(false); // the create may have reached the service
    expect((error as Error).message).toBe(
      `POST /v3/${PROJECT}/cloudvolumes got no answer from evs.cn-north-4.myhuaweicloud.com: fetch failed (ECONNREFUSED)`,
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(double.requests).toHaveLength(1);
  });

  it("an IMS create too", async () => {
    const double = fetchDouble(json(500, { error: { code: "IMG.0001", message: "m" } }), json(200, { job_id: "dup" }));
    const ims = createImsClient({ region: "cn-north-4", credentials: { ak: "AK", sk: "SK" }, fetch: double.fetch, env: {} });
    await expect(unwrap(ims.POST("/v2/cloudimages/action", { body: imsRequestExamples["obs-file-tags"] }))).rejects.toThrow(
      HuaweiCloudError,
    );
    expect(double.requests).toHaveLength(1);
  });
});

describe("retryable: true only where sending the same request again is safe", () => {
  const url = "https://evs.cn-north-4.myhuaweicloud.com/v1/p/jobs/j";
  it.each([
    ["GET", 429, true],
    ["POST", 429, true],
    ["GET", 500, true],
    ["GET", 502, true],
    ["GET", 503, true],
    ["GET", 504, true],
    ["HEAD", 503, true],
    ["GET", 501, false], // not implemented: it will not be later either
    ["GET", 505, false],
    ["POST", 500, false],
    ["POST", 503, false],
    ["PUT", 503, false],
    ["GET", 400, false],
    ["GET", 404, false],
  ] as const)("%s answered %i: %s", (method, status, retryable) => {
    expect(new HuaweiCloudError({ status, method, url, body: undefined }).retryable).toBe(retryable);
  });

  it.each([
    ["GET", true],
    ["HEAD", true],
    ["POST", false],
    ["DELETE", false],
  ] as const)("%s without an answer: %s", (method, retryable) => {
    expect(new HuaweiCloudNetworkError(method, url, networkFailure()).retryable).toBe(retryable);
  });
});

describe("a network error names its cause's code", () => {
  const url = "https://evs.cn-north-4.myhuaweicloud.com/v1/p/jobs/j";
  const coded = (message: string, code: unknown) => Object.assign(new Error(message), { code });
  it.each([
    [
      "fetch's error, caused by one with a code",
      new TypeError("fetch failed", { cause: coded("getaddrinfo ENOTFOUND x", "ENOTFOUND") }),
      "fetch failed (ENOTFOUND)",
    ],
    ["an error with its own code", coded("socket hang up", "ECONNRESET"), "socket hang up (ECONNRESET)"],
    ["a code the message already names", coded("connect ECONNREFUSED 10.0.0.1:443", "ECONNREFUSED"), "connect ECONNREFUSED 10.0.0.1:443"],
    ["no code", new TypeError("Failed to fetch"), "Failed to fetch"],
    ["a code that is not text", coded("odd", 42), "odd"],
  ])("%s", (_what, cause, reason) => {
    expect(new HuaweiCloudNetworkError("GET", url, cause).message).toBe(
      `GET /v1/p/jobs/j got no answer from evs.cn-north-4.myhuaweicloud.com: ${reason}`,
    );
  });
});

describe("no credential appears in any error or log line", () => {
  const secrets = {
    token: "TOKEN-SECRET-7f3a9c",
    ak: "AKSECRET7F3A9C00",
    sk: "SK-SECRET-7f3a9c-key",
    securityToken: "STS-SECRET-7f3a9c",
  };
  const leaks = (error: unknown) => {
    const renderings = [
      String(error),
      (error as Error)?.stack ?? "",
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error, (_k, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v)) ?? "",
    ].join("\n");
    return Object.values(secrets).filter((secret) => renderings.includes(secret));
  };
  const logged: string[] = [];

  beforeEach(() => {
    for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => inspect(a)).join(" "));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(logged.filter((line) => Object.values(secrets).some((s) => line.includes(s)))).toEqual([]);
    logged.length = 0;
  });

  const clients = (fetch: (request: Request) => Promise<Response>) => ({
    token: createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: secrets.token }, fetch, env: {} }),
    aksk: createEvsClient({
      region: "cn-north-4",
      projectId: PROJECT,
      credentials: { ak: secrets.ak, sk: secrets.sk, securityToken: secrets.securityToken },
      fetch,
      env: {},
    }),
    env: createImsClient({
      region: "cn-north-4",
      projectId: PROJECT,
      fetch,
      env: { HUAWEICLOUD_SDK_AK: secrets.ak, HUAWEICLOUD_SDK_SK: secrets.sk, HUAWEICLOUD_SDK_SECURITY_TOKEN: secrets.securityToken },
    }),
  });

  it("the check itself finds a credential hidden in an error", () => {
    const planted = Object.assign(new Error("x"), { request: { headers: { "X-Auth-Token": secrets.token } } });
    expect(leaks(planted)).toEqual([secrets.token]);
    expect(leaks(new Error("x", { cause: new Error(`sk=${secrets.sk}`) }))).toEqual([secrets.sk]);
  });

  it("HTTP errors, network errors, job failures and timeouts", async () => {
    const errors: unknown[] = [];
    const answers = [
      json(401, { error_code: "APIGW.0301", error_msg: "verify aksk signature fail", request_id: "r" }),
      json(403, { error: { code: "EVS.5403", message: "Policy check failed." } }),
      json(500, "not json"),
    ];
    for (const answer of answers) {
      const { token, aksk, env } = clients(fetchDouble(answer).fetch);
      errors.push(await rejection(unwrap(token.POST("/v3/{project_id}/cloudvolumes", createVolumes))));
      errors.push(await rejection(unwrap(aksk.POST("/v3/{project_id}/cloudvolumes", createVolumes))));
      errors.push(await rejection(unwrap(env.POST("/v2/cloudimages/action", { body: imsRequestExamples["obs-file-tags"] }))));
      errors.push(await rejection(waitForEvsJob(aksk, "job", { maxRetries: 0 })));
    }
    const { token, aksk, env } = clients(fetchDouble(networkFailure()).fetch);
    errors.push(await rejection(token.POST("/v3/{project_id}/cloudvolumes", createVolumes)));
    errors.push(await rejection(aksk.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j" } } })));
    errors.push(await rejection(waitForImsJob(env, "job", { maxRetries: 1, intervalMs: 1 })));

    const failed = clients(
      fetchDouble(json(200, { job_id: "j", status: "FAIL", error_code: "EVS.2024", fail_reason: "volume is error!" })).fetch,
    );
    errors.push(await rejection(waitForEvsJob(failed.aksk, "j")));
    const slow = clients(hang);
    errors.push(await rejection(waitForEvsJob(slow.token, "j", { timeoutMs: 20 })));
    const controller = new AbortController();
    const aborted = waitForEvsJob(slow.aksk, "j", { signal: controller.signal });
    controller.abort();
    errors.push(await rejection(aborted));

    expect(errors.map((e) => (e as Error).constructor.name)).toEqual([
      ...Array(3).fill(["HuaweiCloudError", "HuaweiCloudError", "HuaweiCloudError", "HuaweiCloudError"]).flat(),
      "HuaweiCloudNetworkError",
      "HuaweiCloudNetworkError",
      "HuaweiCloudNetworkError",
      "JobFailedError",
      "JobTimeoutError",
      "DOMException",
    ]);
    expect(errors[errors.length - 3]).toBeInstanceOf(JobFailedError);
    expect(errors[errors.length - 2]).toBeInstanceOf(JobTimeoutError);
    for (const error of errors) expect(leaks(error), inspect(error)).toEqual([]);
  });

  it("a client holds no credential where inspect or JSON can reach it", () => {
    for (const client of Object.values(clients(fetchDouble(json(200, {})).fetch))) {
      const shown = `${String(client)}\n${JSON.stringify(client)}\n${inspect(client, { showHidden: true, depth: 10 })}`;
      expect(leaks(shown)).toEqual([]);
    }
  });

  it("option errors name the option, never the value", () => {
    const attempts = [
      () => createEvsClient({ region: "cn-north-4", credentials: { token: `${secrets.token}\n` }, env: {} }),
      () => createEvsClient({ region: "cn-north-4", credentials: { ak: `${secrets.ak} `, sk: secrets.sk }, env: {} }),
      () =>
        createEvsClient({
          region: "cn-north-4",
          credentials: { ak: secrets.ak, sk: secrets.sk, securityToken: `${secrets.securityToken}é` },
          env: {},
        }),
      () =>
        createEvsClient({ region: "cn-north-4", credentials: { token: secrets.token, ak: secrets.ak, sk: secrets.sk } as never, env: {} }),
      () => createEvsClient({ region: "cn-north-4", env: { HUAWEICLOUD_SDK_AK: secrets.ak } }),
      () => createEvsClient({ region: "cn-north-4", env: { HUAWEICLOUD_SDK_SK: secrets.sk } }),
      () => createEvsClient({ region: "cn-north-4", env: { HUAWEICLOUD_SDK_AK: `${secrets.ak}\t`, HUAWEICLOUD_SDK_SK: secrets.sk } }),
      () => createEvsClient({ baseUrl: `https://${secrets.ak}:${secrets.sk}@proxy.example`, credentials: false, env: {} }),
    ];
    for (const attempt of attempts) {
      const error = (() => {
        try {
          attempt();
        } catch (e) {
          return e;
        }
        throw new Error("expected the options to be refused");
      })();
      expect(error).toBeInstanceOf(TypeError);
      expect(leaks(error), String(error)).toEqual([]);
    }
  });
});

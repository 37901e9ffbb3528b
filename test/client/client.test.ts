// createEvsClient / createImsClient: endpoints, project ID, credentials (given
// or from the environment), and what goes on the wire — against a fetch double
// standing in for the cloud.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClientOptions, createEvsClient, createImsClient, HuaweiCloudNetworkError, waitForEvsJob } from "../../src/index.js";
import { fetchDouble, hang, json } from "../support/fetch-double.js";
import { evsRequestExamples, imsRequestExamples } from "../types/page-examples.js";

const PROJECT = "0123456789abcdef0123456789abcdef";
const noEnv = {};
const accepted = () => json(200, { job_id: "job-1" });

describe("endpoint", () => {
  it.each([
    ["evs", "cn-north-4", "https://evs.cn-north-4.myhuaweicloud.com"],
    ["evs", "eu-west-101", "https://evs.eu-west-101.myhuaweicloud.com"],
    ["ims", "my-kualalumpur-1", "https://ims.my-kualalumpur-1.myhuaweicloud.com"],
    // A region no list knows yet is still accepted.
    ["ims", "xx-newregion-77", "https://ims.xx-newregion-77.myhuaweicloud.com"],
  ] as const)("%s in %s calls %s", async (service, region, origin) => {
    const double = fetchDouble(accepted());
    const options = { region, projectId: PROJECT, credentials: { token: "t" }, fetch: double.fetch, env: noEnv };
    if (service === "evs") {
      await createEvsClient(options).POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
      expect(double.requests[0]?.url).toBe(`${origin}/v3/${PROJECT}/cloudvolumes`);
    } else {
      await createImsClient(options).POST("/v2/cloudimages/action", { body: imsRequestExamples["server-system-image-tags"] });
      expect(double.requests[0]?.url).toBe(`${origin}/v2/cloudimages/action`);
    }
  });

  it("uses an explicit baseUrl (a proxy with a path prefix, trailing slash dropped)", async () => {
    const double = fetchDouble(json(200, { job_id: "j", status: "RUNNING" }));
    const evs = createEvsClient({ baseUrl: "http://127.0.0.1:9/prefix/", credentials: { token: "t" }, fetch: double.fetch, env: noEnv });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { project_id: "p1", job_id: "j1" } } });
    expect(double.requests[0]?.url).toBe("http://127.0.0.1:9/prefix/v1/p1/jobs/j1");
  });

  it.each<[string, unknown, RegExp]>([
    ["neither region nor baseUrl", {}, /createEvsClient: give `region` .* or `baseUrl`/],
    ["both", { region: "cn-north-4", baseUrl: "http://x" }, /give either `region` or `baseUrl`, not both/],
    ["an upper-case region", { region: "CN-NORTH-4" }, /`region` must be a region ID such as "cn-north-4".*got "CN-NORTH-4"/],
    ["a region that is a URL", { region: "https://evs.cn-north-4.myhuaweicloud.com" }, /`region` must be a region ID/],
    ["a one-word region", { region: "north" }, /`region` must be a region ID/],
    ["a relative baseUrl", { baseUrl: "/v3" }, /`baseUrl` must be an absolute http: or https: URL/],
    ["an ftp baseUrl", { baseUrl: "ftp://host" }, /`baseUrl` must be an http: or https: URL/],
    ["a baseUrl with a query", { baseUrl: "https://host/?a=1" }, /`baseUrl` must not have a query or a fragment/],
    ["a bad projectId", { region: "cn-north-4", projectId: "a/b" }, /`projectId` must be a non-empty string of letters/],
    ["an empty projectId", { region: "cn-north-4", projectId: "" }, /`projectId` must be/],
    ["a fetch that is not a function", { region: "cn-north-4", fetch: "no" }, /`fetch` must be a function/],
  ])("refuses %s, naming the option and the rule", (_what, options, message) => {
    expect(() => createEvsClient({ credentials: false, env: noEnv, ...(options as object) } as ClientOptions)).toThrow(message);
  });

  it("refuses a baseUrl with a user name or password without echoing it", () => {
    let error: unknown;
    try {
      createImsClient({ baseUrl: "https://admin:hunter2@proxy.example", credentials: false, env: noEnv });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/createImsClient: `baseUrl` must not contain a user name or password/);
    expect(String(error)).not.toContain("hunter2");
  });
});

describe("project ID", () => {
  it("is filled into {project_id} when the call leaves it out, and a call's own wins", async () => {
    const double = fetchDouble(json(200, { job_id: "j", status: "RUNNING" }));
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: "t" }, fetch: double.fetch, env: noEnv });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } } });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1", project_id: "other" } } });
    expect(double.requests.map((r) => new URL(r.url).pathname)).toEqual([`/v1/${PROJECT}/jobs/j1`, "/v1/other/jobs/j1"]);
  });

  it("comes from HUAWEICLOUD_SDK_PROJECT_ID when not given", async () => {
    const double = fetchDouble(accepted());
    const evs = createEvsClient({
      region: "cn-north-4",
      credentials: { token: "t" },
      fetch: double.fetch,
      env: { HUAWEICLOUD_SDK_PROJECT_ID: "envproject" },
    });
    await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    expect(new URL(double.requests[0]!.url).pathname).toBe("/v3/envproject/cloudvolumes");
  });

  it("missing everywhere is a clear error before anything is sent", async () => {
    const double = fetchDouble(accepted());
    const evs = createEvsClient({ region: "cn-north-4", credentials: { token: "t" }, fetch: double.fetch, env: noEnv });
    await expect(evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] })).rejects.toThrow(
      /needs a project ID: pass params.path.project_id, or `projectId` \(or HUAWEICLOUD_SDK_PROJECT_ID\)/,
    );
    expect(double.requests).toHaveLength(0);
  });

  it("an empty or missing path parameter is refused instead of sent as {job_id}", async () => {
    const double = fetchDouble(accepted());
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: "t" }, fetch: double.fetch, env: noEnv });
    await expect(evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "" } } })).rejects.toThrow(
      "EVS client: params.path.job_id must not be empty",
    );
    await expect(evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: {} } } as never)).rejects.toThrow(
      "EVS client: /v1/{project_id}/jobs/{job_id} needs params.path.job_id",
    );
    expect(double.requests).toHaveLength(0);
  });

  it("path parameters are percent-encoded", async () => {
    const double = fetchDouble(json(200, { job_id: "j", status: "RUNNING" }));
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: "t" }, fetch: double.fetch, env: noEnv });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "a/b c" } } });
    expect(new URL(double.requests[0]!.url).pathname).toBe(`/v1/${PROJECT}/jobs/a%2Fb%20c`);
  });
});

describe("credentials", () => {
  it("a token is sent as X-Auth-Token, with no signature", async () => {
    const double = fetchDouble(accepted());
    const evs = createEvsClient({
      region: "cn-north-4",
      projectId: PROJECT,
      credentials: { token: "MIIT-token" },
      fetch: double.fetch,
      env: noEnv,
    });
    await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    const [sent] = double.requests;
    expect(sent?.headers["x-auth-token"]).toBe("MIIT-token");
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.headers["x-sdk-date"]).toBeUndefined();
    expect(sent?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent!.body)).toEqual(evsRequestExamples["encrypted-ssd"]);
  });

  it("AK/SK signs every request so that the official SDK signer agrees, with X-Project-Id and the security token", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret", securityToken: "sts-token" };
    const double = fetchDouble(accepted());
    const ims = createImsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: noEnv });
    await ims.POST("/v2/cloudimages/action", { body: imsRequestExamples["obs-file-tags"] });

    const [sent] = double.requests;
    expect(sent?.headers["x-project-id"]).toBe(PROJECT);
    expect(sent?.headers["x-security-token"]).toBe("sts-token");
    expect(sent?.headers["x-auth-token"]).toBeUndefined();
    expect(sent?.headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=AKTESTAKTESTAKTEST00, SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(sent?.headers.authorization).toBe(official(sent!, keys).Authorization);
  });

  it("middleware added after creation runs before the signer, so its headers are signed", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret" };
    const double = fetchDouble(json(200, { job_id: "j", status: "RUNNING" }));
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: noEnv });
    evs.use({
      onRequest({ request }) {
        request.headers.set("X-Trace", "abc");
      },
    });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } } });
    const [sent] = double.requests;
    expect(sent?.headers.authorization).toContain("SignedHeaders=host;x-project-id;x-sdk-date;x-trace,");
    expect(sent?.headers.authorization).toBe(official(sent!, keys).Authorization);
  });

  it("a client whose use() threw part-way still signs every request", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret" };
    const double = fetchDouble(json(200, { job_id: "j", status: "RUNNING" }));
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: noEnv });
    expect(() => evs.use({ onRequest() {} }, { notAMiddleware: true } as never)).toThrow(/Middleware must be an object/);
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } } });
    const [sent] = double.requests;
    expect(sent?.headers.authorization).toBeDefined();
    expect(sent?.headers.authorization).toBe(official(sent!, keys).Authorization);
  });

  it("no middleware sees the signature or the security token: the request is signed once, after all of them", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret", securityToken: "sts-token" };
    const double = fetchDouble(accepted());
    const ims = createImsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: noEnv });
    const seen: string[][] = [];
    const record = ({ request }: { request: Request }) => void seen.push([...request.headers.keys()]);
    ims.use({ onRequest: record, onResponse: record });
    await ims.POST("/v2/cloudimages/action", {
      body: imsRequestExamples["obs-file-tags"],
      middleware: [{ onRequest: record, onResponse: record }],
    });
    expect(seen).toHaveLength(4);
    for (const names of seen)
      expect(names).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(authorization|x-sdk-date|x-security-token)$/)]));
    const [sent] = double.requests;
    expect(sent?.headers.authorization).toBe(official(sent!, keys).Authorization);
  });

  it("the signature covers the bytes actually sent, even when a middleware replaces the body", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret" };
    const double = fetchDouble(accepted());
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: noEnv });
    const replaced = { volume: { availability_zone: "az", volume_type: "SSD", size: 20 } };
    evs.use({ onRequest: ({ request }) => new Request(request, { body: JSON.stringify(replaced) }) });
    await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    const [sent] = double.requests;
    expect(JSON.parse(sent!.body)).toEqual(replaced);
    expect(sent?.headers.authorization).toBe(official(sent!, keys).Authorization);
  });

  it("a call's own fetch gets the signed request too", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret" };
    const unused = fetchDouble(accepted());
    const own = fetchDouble(accepted());
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: unused.fetch, env: noEnv });
    await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"], fetch: own.fetch });
    expect(unused.requests).toHaveLength(0);
    const [sent] = own.requests;
    expect(sent?.headers.authorization).toBe(official(sent!, keys).Authorization);
  });

  it("a call's own middleware runs after the client's, and the request is signed after it", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret" };
    const double = fetchDouble(json(200, { job_id: "j", status: "RUNNING" }));
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: {} });
    const middleware = [{ onRequest: ({ request }: { request: Request }) => void request.headers.set("X-Call", "1") }];
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } }, middleware });
    const [sent] = double.requests;
    expect(sent?.headers.authorization).toContain("SignedHeaders=host;x-call;x-project-id;x-sdk-date,");
    expect(sent?.headers.authorization).toBe(official(sent!, keys).Authorization);
    expect(middleware).toHaveLength(1); // the caller's array is left alone
  });

  it("AK/SK sends, and signs, the X-Project-Id of the project the call is about", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret" };
    const double = fetchDouble(json(200, { job_id: "j", status: "SUCCESS", entities: { volume_id: "v" } }));
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: noEnv });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } } });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1", project_id: "other" } } });
    await waitForEvsJob(evs, "j1", { projectId: "another" });
    // The caller's own header wins, however it is given.
    await evs.GET("/v1/{project_id}/jobs/{job_id}", {
      params: { path: { job_id: "j1", project_id: "other" }, header: { "X-Project-Id": "mine" } },
    });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", {
      params: { path: { job_id: "j1", project_id: "other" } },
      headers: { "x-project-id": "mine2" },
    });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", {
      params: { path: { job_id: "j1", project_id: "other" } },
      headers: new Headers({ "X-Project-Id": "mine3" }),
    });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", {
      params: { path: { job_id: "j1", project_id: "other" } },
      headers: new Headers({ "X-Trace": "t" }),
    });
    const noDefault = createEvsClient({ region: "cn-north-4", credentials: keys, fetch: double.fetch, env: noEnv });
    await noDefault.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1", project_id: "only-here" } } });
    expect(double.requests.map((r) => [new URL(r.url).pathname.split("/")[2], r.headers["x-project-id"]])).toEqual([
      [PROJECT, PROJECT],
      ["other", "other"],
      ["another", "another"],
      ["other", "mine"],
      ["other", "mine2"],
      ["other", "mine3"],
      ["other", "other"],
      ["only-here", "only-here"],
    ]);
    for (const sent of double.requests) expect(sent.headers.authorization).toBe(official(sent, keys).Authorization);
  });

  it("AK/SK sends the client's project as X-Project-Id on a path without one", async () => {
    const keys = { ak: "AKTESTAKTESTAKTEST00", sk: "sk-test-secret" };
    const double = fetchDouble(accepted());
    const ims = createImsClient({ region: "cn-north-4", projectId: PROJECT, credentials: keys, fetch: double.fetch, env: noEnv });
    await ims.POST("/v2/cloudimages/action", { body: imsRequestExamples["obs-file-tags"] });
    const noDefault = createImsClient({ region: "cn-north-4", credentials: keys, fetch: double.fetch, env: noEnv });
    await noDefault.POST("/v2/cloudimages/action", { body: imsRequestExamples["obs-file-tags"] });
    expect(double.requests.map((r) => r.headers["x-project-id"])).toEqual([PROJECT, undefined]);
  });

  it("a token sends no X-Project-Id (the token is scoped to its project)", async () => {
    const double = fetchDouble(json(200, { job_id: "j", status: "RUNNING" }));
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: "t" }, fetch: double.fetch, env: noEnv });
    await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1", project_id: "other" } } });
    expect(double.requests[0]?.headers["x-project-id"]).toBeUndefined();
  });

  it("without credentials, reads HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN", async () => {
    const env = {
      HUAWEICLOUD_SDK_AK: "AKFROMENV",
      HUAWEICLOUD_SDK_SK: "sk-from-env",
      HUAWEICLOUD_SDK_SECURITY_TOKEN: "sts-env",
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
    };
    const double = fetchDouble(accepted());
    const evs = createEvsClient({ region: "cn-north-4", fetch: double.fetch, env });
    await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    const [sent] = double.requests;
    expect(sent?.url).toContain(`/v3/${PROJECT}/cloudvolumes`);
    expect(sent?.headers["x-security-token"]).toBe("sts-env");
    expect(sent?.headers.authorization).toBe(official(sent!, { ak: "AKFROMENV", sk: "sk-from-env" }).Authorization);
  });

  it("given credentials win over the environment", async () => {
    const double = fetchDouble(accepted());
    const evs = createEvsClient({
      region: "cn-north-4",
      projectId: PROJECT,
      credentials: { token: "t" },
      fetch: double.fetch,
      env: { HUAWEICLOUD_SDK_AK: "AK", HUAWEICLOUD_SDK_SK: "SK" },
    });
    await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    expect(double.requests[0]?.headers.authorization).toBeUndefined();
    expect(double.requests[0]?.headers["x-auth-token"]).toBe("t");
  });

  it("credentials: false sends none", async () => {
    const double = fetchDouble(accepted());
    const evs = createEvsClient({
      region: "cn-north-4",
      projectId: PROJECT,
      credentials: false,
      fetch: double.fetch,
      env: { HUAWEICLOUD_SDK_AK: "AK", HUAWEICLOUD_SDK_SK: "SK" },
    });
    await evs.POST("/v3/{project_id}/cloudvolumes", { body: evsRequestExamples["encrypted-ssd"] });
    expect(Object.keys(double.requests[0]!.headers).sort()).toEqual(["content-type"]);
  });

  it.each<[string, Partial<ClientOptions>, RegExp]>([
    [
      "no credentials anywhere",
      { env: {} },
      /no credentials: pass `credentials` \(\{ token \} or \{ ak, sk \}\), or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/,
    ],
    ["an AK without SK in the environment", { env: { HUAWEICLOUD_SDK_AK: "AK" } }, /HUAWEICLOUD_SDK_SK is missing/],
    ["an SK without AK in the environment", { env: { HUAWEICLOUD_SDK_SK: "SK" } }, /HUAWEICLOUD_SDK_AK is missing/],
    ["token and keys together", { credentials: { token: "t", ak: "a", sk: "s" } as never }, /either `token` or `ak`\/`sk`, not both/],
    ["an ak without sk", { credentials: { ak: "a" } as never }, /`credentials.sk` is missing/],
    ["an empty object", { credentials: {} as never }, /`credentials` must have `token`, or `ak` and `sk`/],
    [
      "a token with a line break",
      { credentials: { token: "abc\nX-Evil: 1" } },
      /`credentials.token` must be a non-empty string of visible ASCII/,
    ],
    ["an ak with a space", { credentials: { ak: "A K", sk: "s" } }, /`credentials.ak` must be a non-empty string of visible ASCII/],
    [
      "a bad security token in the environment",
      { env: { HUAWEICLOUD_SDK_AK: "A", HUAWEICLOUD_SDK_SK: "S", HUAWEICLOUD_SDK_SECURITY_TOKEN: "é" } },
      /HUAWEICLOUD_SDK_SECURITY_TOKEN must be/,
    ],
    ["a string", { credentials: "token" as never }, /`credentials` must be \{ token \}, \{ ak, sk, securityToken\? \} or false/],
  ])("refuses %s, naming the option or variable", (_what, options, message) => {
    expect(() => createImsClient({ region: "cn-north-4", ...options } as ClientOptions)).toThrow(message);
  });
});

/** A full garbage collection, now (the flag only makes `gc` available to new contexts). */
function collectGarbage() {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

describe("aborting a call", () => {
  it.each([
    ["a token", { token: "t" }],
    ["AK/SK", { ak: "AKTESTAKTESTAKTEST00", sk: "sk" }],
  ])("with %s: the call rejects with the signal's reason, not a retryable network error", async (_what, credentials) => {
    const double = fetchDouble(hang);
    const evs = createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials, fetch: double.fetch, env: noEnv });
    const controller = new AbortController();
    const reason = new Error("the user cancelled");
    const call = evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } }, signal: controller.signal });
    await vi.waitFor(() => expect(double.requests).toHaveLength(1));
    // A Request's signal follows the caller's through a weak reference, and an injected fetch
    // is the only holder of the Request in flight: a collection here used to cut the link, so
    // the abort never reached the fetch (every Node; Node 24 collected here on its own).
    collectGarbage();
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });
});

describe("redirects are never followed, so credentials never reach another host", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  const listen = async (handler: Parameters<typeof createServer>[1]) => {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  /** The service answers 302 to a second server on another port, which records what reaches it. */
  async function redirecting() {
    const reached: IncomingHttpHeaders[] = [];
    const other = await listen((request, response) => {
      reached.push(request.headers);
      response.setHeader("Content-Type", "application/json");
      response.end(JSON.stringify({ job_id: "j", status: "SUCCESS" }));
    });
    const service = await listen((request, response) => {
      response.writeHead(302, { Location: `${other}${request.url}` });
      response.end();
    });
    return { service, reached };
  }
  const credentials = {
    token: { token: "TOKEN-must-not-travel" },
    aksk: { ak: "AKMUSTNOTTRAVEL00000", sk: "sk-must-not-travel", securityToken: "STS-must-not-travel" },
  };

  it.each(Object.entries(credentials))(
    "with %s credentials: no request reaches the other host, and the call fails clearly",
    async (_kind, given) => {
      const { service, reached } = await redirecting();
      const evs = createEvsClient({ baseUrl: service, projectId: PROJECT, credentials: given, env: noEnv });
      const error = await evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } } }).catch((e: unknown) => e);
      expect(reached).toEqual([]);
      expect(error).toBeInstanceOf(HuaweiCloudNetworkError);
      expect((error as HuaweiCloudNetworkError).message).toBe(
        `GET /v1/${PROJECT}/jobs/j1: ${new URL(service).host} answered with a redirect, which the client never follows (it would carry the credentials to another host)`,
      );
      expect((error as HuaweiCloudNetworkError).retryable).toBe(false);
    },
  );

  it("not even when a call asks for it, or a middleware builds a request that would follow", async () => {
    const { service, reached } = await redirecting();
    const evs = createEvsClient({ baseUrl: service, projectId: PROJECT, credentials: credentials.aksk, env: noEnv });
    const get = () => evs.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { job_id: "j1" } }, redirect: "follow" });
    await expect(get()).rejects.toThrow(/answered with a redirect/);
    evs.use({ onRequest: ({ request }) => new Request(request.url, { headers: request.headers }) }); // redirect: "follow" by default
    await expect(get()).rejects.toThrow(/answered with a redirect/);
    expect(reached).toEqual([]);
  });
});

type Official = Parameters<typeof AKSKSigner.sign>[0];

/** The Authorization the official Node.js SDK signer computes for a recorded request. */
function official(sent: { method: string; url: string; headers: Record<string, string>; body: string }, keys: { ak: string; sk: string }) {
  const url = new URL(sent.url);
  // The official signer looks these up by their exact spelling.
  const spelling: Record<string, string> = { "x-sdk-date": "X-Sdk-Date" };
  const headers = Object.fromEntries(
    Object.entries(sent.headers)
      .filter(([name]) => name !== "authorization")
      .map(([name, value]) => [spelling[name] ?? name, value]),
  );
  const request: Official = {
    endpoint: `${url.origin}${url.pathname}`,
    method: sent.method,
    headers,
    queryParams: {},
    data: sent.body === "" ? undefined : JSON.parse(sent.body),
  } as Official;
  const credential = { getAk: () => keys.ak, getSk: () => keys.sk } as unknown as Parameters<typeof AKSKSigner.sign>[1];
  return AKSKSigner.sign(request, credential) as Record<string, string>;
}

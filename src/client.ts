/**
 * Typed EVS and IMS clients: openapi-fetch clients over the generated `paths`, with the
 * endpoint, the project ID and the credentials filled in.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths as EvsPaths } from "../generated/evs.js";
import type { paths as ImsPaths } from "../generated/ims.js";
import { HuaweiCloudNetworkError, requestRecorder } from "./errors.js";
import { type AkSkCredentials, type CredentialNames, checkCredentials, copyRequest, signedRequest } from "./signing.js";

/** An IAM token (project-scoped), sent as `X-Auth-Token`. */
export interface TokenCredentials {
  token: string;
  ak?: never;
  sk?: never;
  securityToken?: never;
}

export type Credentials = TokenCredentials | AkSkCredentials;

interface CommonClientOptions {
  /**
   * The project ID, filled into `{project_id}` whenever a call leaves it out, and sent as
   * `X-Project-Id` on AK/SK-signed requests. Default: `HUAWEICLOUD_SDK_PROJECT_ID`.
   */
  projectId?: string;
  /**
   * `{ token }` or `{ ak, sk, securityToken? }`. When left out, the variables the official
   * SDKs read: `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_SECURITY_TOKEN`.
   * `false` sends no credentials (a proxy in front of the service adds them).
   */
  credentials?: Credentials | false;
  /** The fetch to send requests with. Default: the global `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Where to read `HUAWEICLOUD_SDK_*` from. Default: `process.env` (none in a browser). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Either a `region` or an explicit `baseUrl`, not both. */
export type ClientOptions = CommonClientOptions &
  (
    | {
        /** Any region ID, e.g. `cn-north-4`: the client calls `https://<service>.<region>.myhuaweicloud.com`. */
        region: string;
        baseUrl?: undefined;
      }
    | {
        /** An explicit endpoint: a mock, a proxy, a private deployment. `http:` or `https:`. */
        baseUrl: string | URL;
        region?: undefined;
      }
  );

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** `project_id` made optional in an operation's path parameters (the client fills it in). */
type OptionalProjectId<Params> = Params extends { path: infer Path }
  ? Path extends { project_id: infer Id }
    ? Simplify<
        Omit<Params, "path"> &
          // biome-ignore lint/complexity/noBannedTypes: `{} extends T` asks whether every key of T is optional.
          ({} extends Omit<Path, "project_id">
            ? { path?: Simplify<Omit<Path, "project_id"> & { project_id?: Id }> }
            : { path: Simplify<Omit<Path, "project_id"> & { project_id?: Id }> })
      >
    : Params
  : Params;

/**
 * A request body whose properties that can only be `null` (`backup_id` of a
 * disk without a backup) are marked the way openapi-fetch's `Writable` keeps
 * them: `Writable` (openapi-typescript-helpers 0.1) turns such a property
 * into `?: never`, which would refuse the page's own `"backup_id": null`
 * (openapi-ts/openapi-typescript#2717), and unwraps `{ $write: T }` to `T`.
 */
type NullsKept<T> = T extends object
  ? { [K in keyof T]: [NonNullable<T[K]>] extends [never] ? (null extends T[K] ? { readonly $write: T[K] } : T[K]) : NullsKept<T[K]> }
  : T;

/** An operation whose JSON request body keeps its null-only properties (NullsKept). */
type BodyNullsKept<Operation> = Operation extends { requestBody: { content: infer Content } }
  ? Omit<Operation, "requestBody"> & { requestBody: { content: { [Media in keyof Content]: NullsKept<Content[Media]> } } }
  : Operation;

/** The generated `paths`, with `project_id` optional wherever the path has one. */
export type ProjectScoped<Paths> = {
  [P in keyof Paths]: {
    [M in keyof Paths[P]]: M extends "parameters"
      ? Paths[P][M]
      : Paths[P][M] extends { parameters: infer Params }
        ? BodyNullsKept<Simplify<Omit<Paths[P][M], "parameters"> & { parameters: OptionalProjectId<Params> }>>
        : BodyNullsKept<Paths[P][M]>;
  };
};

/** An openapi-fetch client for EVS. */
export type EvsClient = Client<ProjectScoped<EvsPaths>>;
/** An openapi-fetch client for IMS. */
export type ImsClient = Client<ProjectScoped<ImsPaths>>;

/**
 * A typed EVS client. Calls return openapi-fetch's `{ data, error, response }` and never
 * throw for an HTTP error status; wrap a call in `unwrap()` to get the data or a thrown
 * `HuaweiCloudError`.
 */
export function createEvsClient(options: ClientOptions): EvsClient {
  return createServiceClient<ProjectScoped<EvsPaths>>("evs", "createEvsClient", options);
}

/** A typed IMS client; see `createEvsClient`. */
export function createImsClient(options: ClientOptions): ImsClient {
  return createServiceClient<ProjectScoped<ImsPaths>>("ims", "createImsClient", options);
}

/** The services this package has clients for (the repository's list is scripts/lib/services.mjs). */
export type Service = "evs" | "ims";
type FetchFunction = (request: Request) => Promise<Response>;
type ResolvedCredentials = { kind: "token"; token: string } | { kind: "aksk"; keys: AkSkCredentials };

/** A client option that breaks a rule; createServiceClient names the function it was passed to. */
class OptionError extends TypeError {}
const optionError = (problem: string) => new OptionError(problem);

/** The options, checked: every problem is an OptionError that names the option and the rule. */
function readOptions(service: Service, options: ClientOptions) {
  if (typeof options !== "object" || options === null) throw optionError("options must be an object");
  const env = options.env ?? processEnv();
  const baseUrl = endpoint(service, options);
  const projectId = resolveProjectId(options, env);
  const credentials = resolveCredentials(options, env);
  const baseFetch = options.fetch ?? globalThis.fetch;
  if (typeof baseFetch !== "function") throw optionError("`fetch` must be a function (and there is no global fetch)");
  return { baseUrl, projectId, credentials, baseFetch };
}

function createServiceClient<Paths extends {}>(service: Service, fn: string, options: ClientOptions): Client<Paths> {
  let settings: ReturnType<typeof readOptions>;
  try {
    settings = readOptions(service, options);
  } catch (error) {
    throw error instanceof OptionError ? new TypeError(`${fn}: ${error.message}`) : error;
  }
  const { baseUrl, projectId, credentials, baseFetch } = settings;

  const headers: Record<string, string> = {};
  if (credentials?.kind === "token") headers["X-Auth-Token"] = credentials.token;

  // Every request goes through this, whichever fetch sends it (the client's, or a call's own):
  // it runs after every middleware, so the signature covers the request as sent and no
  // middleware ever sees it (CONTRIBUTING.md, C-SignInFetch).
  const keys = credentials?.kind === "aksk" ? credentials.keys : undefined;
  const send =
    (fetchRequest: FetchFunction) =>
    async (input: Request): Promise<Response> => {
      // A call's own `redirect`, or a middleware's new Request (whose default is "follow").
      let request = input.redirect === "follow" ? copyRequest(input, { redirect: "error" }) : input;
      if (keys) request = await signedRequest(request, keys, new Date());
      const held = [input, request];
      inFlight.add(held);
      try {
        return await fetchRequest(request);
      } catch (error) {
        // An abort is the caller's doing, not the network's: pass it on as it is.
        if (request.signal?.aborted) throw error;
        throw new HuaweiCloudNetworkError(request.method, request.url, error);
      } finally {
        inFlight.delete(held);
      }
    };

  const client = createClient<Paths>({
    baseUrl,
    headers,
    // fetch drops only Authorization on a redirect to another origin: X-Auth-Token and
    // X-Security-Token would follow it. openapi-fetch copies this into every request.
    redirect: "error",
    fetch: send(baseFetch),
  });
  fillCallDefaults(client, projectId, send);
  // Registered first: its onRequest runs before any a caller adds, and the recorder's
  // onResponse after all of theirs, so it sees the response the call resolves with.
  client.use(projectScope(service, projectId, keys !== undefined), requestRecorder(service));
  return client;
}

/**
 * The Requests of every call in flight, each with the one it was copied from. A Request's
 * signal follows the caller's signal (and a copy's, its original's) only through a weak
 * reference, and a caller's own `fetch` (a test double, a wrapper) may be the only holder of
 * the Request: without this, a garbage collection during the call cuts the link and the
 * caller's abort never reaches that fetch.
 */
const inFlight = new Set<Request[]>();

const REGION = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;
const PROJECT_ID = /^[A-Za-z0-9._~-]+$/;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

function endpoint(service: Service, options: ClientOptions): string {
  const { region, baseUrl } = options;
  if (region !== undefined && baseUrl !== undefined) {
    throw optionError("give either `region` or `baseUrl`, not both");
  }
  if (region !== undefined) {
    if (typeof region !== "string" || !REGION.test(region)) {
      throw optionError(
        `\`region\` must be a region ID such as "cn-north-4": lower-case letters and digits in parts joined by "-" (got ${preview(region)})`,
      );
    }
    return `https://${service}.${region}.myhuaweicloud.com`;
  }
  if (baseUrl === undefined) throw optionError('give `region` (e.g. "cn-north-4") or `baseUrl` (e.g. a mock\'s URL)');
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw optionError("`baseUrl` must be an absolute http: or https: URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw optionError("`baseUrl` must be an http: or https: URL");
  // Never echo the URL here: it is the part that would hold a user name or password.
  if (url.username !== "" || url.password !== "")
    throw optionError("`baseUrl` must not contain a user name or password; use `credentials`");
  if (url.search !== "" || url.hash !== "") throw optionError("`baseUrl` must not have a query or a fragment");
  return url.href.replace(/\/+$/, "");
}

function resolveProjectId(options: ClientOptions, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (options.projectId !== undefined) {
    if (typeof options.projectId !== "string" || !PROJECT_ID.test(options.projectId)) {
      throw optionError("`projectId` must be a non-empty string of letters, digits, '-', '_', '.' or '~'");
    }
    return options.projectId;
  }
  const fromEnv = env.HUAWEICLOUD_SDK_PROJECT_ID;
  if (fromEnv === undefined || fromEnv === "") return undefined;
  if (!PROJECT_ID.test(fromEnv)) {
    throw optionError("HUAWEICLOUD_SDK_PROJECT_ID must be letters, digits, '-', '_', '.' or '~'");
  }
  return fromEnv;
}

function resolveCredentials(options: ClientOptions, env: Readonly<Record<string, string | undefined>>): ResolvedCredentials | undefined {
  const given = options.credentials;
  if (given === false) return undefined;
  if (given !== undefined) {
    if (typeof given !== "object" || given === null) {
      throw optionError("`credentials` must be { token }, { ak, sk, securityToken? } or false");
    }
    const hasToken = "token" in given && given.token !== undefined;
    const hasKeys = ("ak" in given && given.ak !== undefined) || ("sk" in given && given.sk !== undefined);
    if (hasToken && hasKeys) throw optionError("`credentials` takes either `token` or `ak`/`sk`, not both");
    if (hasToken) {
      // Checked here because fetch's own error for a bad header value quotes the value.
      if (typeof given.token !== "string" || !VISIBLE_ASCII.test(given.token)) {
        throw optionError("`credentials.token` must be a non-empty string of visible ASCII characters");
      }
      return { kind: "token", token: given.token };
    }
    if (!hasKeys) throw optionError("`credentials` must have `token`, or `ak` and `sk`");
    return checkKeys(given.ak, given.sk, given.securityToken, {
      ak: "`credentials.ak`",
      sk: "`credentials.sk`",
      securityToken: "`credentials.securityToken`",
    });
  }

  const ak = nonEmpty(env.HUAWEICLOUD_SDK_AK);
  const sk = nonEmpty(env.HUAWEICLOUD_SDK_SK);
  if (ak === undefined && sk === undefined) {
    throw optionError(
      "no credentials: pass `credentials` ({ token } or { ak, sk }), or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK" +
        " (`credentials: false` sends none)",
    );
  }
  return checkKeys(ak, sk, nonEmpty(env.HUAWEICLOUD_SDK_SECURITY_TOKEN), {
    ak: "HUAWEICLOUD_SDK_AK",
    sk: "HUAWEICLOUD_SDK_SK",
    securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  });
}

// The signer's own check, with messages that name where each value came from.
function checkKeys(ak: unknown, sk: unknown, securityToken: unknown, names: CredentialNames): ResolvedCredentials {
  // A copy: a later change to the caller's object does not change what the client signs with.
  const keys = securityToken === undefined ? { ak, sk } : { ak, sk, securityToken };
  return { kind: "aksk", keys: checkCredentials(keys, names, optionError) };
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** What the wrapped methods read of a call's options; the rest goes to openapi-fetch as it is. */
type CallInit = { params?: { path?: Record<string, unknown> } & Record<string, unknown>; fetch?: unknown } & Record<string, unknown>;
type CallMethod = (path: string, init?: CallInit) => Promise<unknown>;

/**
 * Wraps the client's methods for the two things openapi-fetch 0.17 has no hook for:
 * - `{project_id}` filled from the client's project ID when a call leaves it out. The path is
 *   built before any middleware runs, and the `pathSerializer` option is called only when a
 *   call passes `params.path` (a create usually passes only a body).
 * - a call's own `fetch` wrapped like the client's, so it too sends the signed request, never
 *   follows a redirect, and reports no answer as a HuaweiCloudNetworkError: openapi-fetch hands
 *   the request to that fetch directly, after every middleware.
 */
// biome-ignore lint/suspicious/noExplicitAny: it serves both clients, whose paths differ.
function fillCallDefaults(client: Client<any>, projectId: string | undefined, send: (fetchRequest: FetchFunction) => FetchFunction): void {
  const prepare = (init: CallInit | undefined): CallInit => {
    const options = typeof init === "object" && init !== null ? init : {};
    const prepared: CallInit = { ...options };
    const params = typeof options.params === "object" && options.params !== null ? options.params : {};
    const path = typeof params.path === "object" && params.path !== null ? params.path : {};
    if ((path.project_id === undefined || path.project_id === null) && projectId !== undefined) {
      prepared.params = { ...params, path: { ...path, project_id: projectId } };
    }
    if (typeof options.fetch === "function") prepared.fetch = send(options.fetch as FetchFunction);
    return prepared;
  };
  // openapi-fetch types each method over the paths; this wrapper reads only a call's options,
  // so it sees every method as the (path, init) function they all are.
  const methods = client as unknown as Record<(typeof METHODS)[number], CallMethod> & {
    request: (method: string, path: string, init?: CallInit) => Promise<unknown>;
  };
  for (const name of METHODS) {
    const original = methods[name];
    methods[name] = (path, init) => original(path, prepare(init));
  }
  const request = methods.request;
  methods.request = (method, path, init) => request(method, path, prepare(init));
}

/**
 * Refuses a call whose path has a parameter missing or empty (openapi-fetch would send
 * `{job_id}` literally, or reach another resource), before anything is sent. With
 * `projectHeader` (AK/SK credentials: the official SDKs send and sign `X-Project-Id` with
 * project-scoped keys), `X-Project-Id` names the project the call is about: the path's, else the
 * client's; a header the call sets itself wins.
 */
function projectScope(service: Service, projectId: string | undefined, projectHeader: boolean): Middleware {
  const label = `${service.toUpperCase()} client`;
  return {
    onRequest({ request, schemaPath, params }) {
      const values: Record<string, unknown> = params.path ?? {};
      for (const [, name = ""] of schemaPath.matchAll(/\{([^{}]+)\}/g)) {
        const value = values[name];
        if (value === undefined || value === null) {
          throw new TypeError(
            name === "project_id"
              ? `${label}: ${schemaPath} needs a project ID: pass params.path.project_id, or \`projectId\` (or HUAWEICLOUD_SDK_PROJECT_ID) when creating the client`
              : `${label}: ${schemaPath} needs params.path.${name}`,
          );
        }
        if (value === "") throw new TypeError(`${label}: params.path.${name} must not be empty`);
      }
      const project = schemaPath.includes("{project_id}") ? values.project_id : projectId;
      if (projectHeader && project !== undefined && !request.headers.has("X-Project-Id")) {
        request.headers.set("X-Project-Id", String(project));
      }
      return undefined;
    },
  };
}

function processEnv(): Readonly<Record<string, string | undefined>> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

const nonEmpty = (value: string | undefined) => (value === undefined || value === "" ? undefined : value);

function preview(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : typeof value;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

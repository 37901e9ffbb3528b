/**
 * Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256). It runs in Node 20+ and browsers:
 * SHA-256 and HMAC come from node:crypto where the runtime has it (Node, found with
 * `process.getBuiltinModule`, so nothing is imported and bundlers see no Node module), and
 * from Web Crypto elsewhere. test/client/signing.test.ts checks it against the official Node.js signer
 * (`@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner`) and says where, and why, it departs
 * from that signer's quirks.
 */
import type { Middleware } from "openapi-fetch";

/** An access key pair: every request is signed (SDK-HMAC-SHA256). */
export interface AkSkCredentials {
  ak: string;
  /** Only ever used as the HMAC key. */
  sk: string;
  /** With temporary credentials: sent, and signed, as `X-Security-Token`. */
  securityToken?: string;
  /** Not with a token (`{ token }` is the other kind of credentials). */
  token?: never;
}

export interface SignableRequest {
  method: string;
  /** Absolute URL, exactly as it will be requested. */
  url: string;
  headers?: Headers | Record<string, string>;
  /** The exact bytes that will be sent; `undefined` for no body. */
  body?: Uint8Array | undefined;
}

export interface AkskMiddlewareOptions {
  /** Clock for `X-Sdk-Date`; tests inject a fixed one. */
  now?: () => Date;
}

const ALGORITHM = "SDK-HMAC-SHA256";
const utf8 = new TextEncoder();

// Errors name the offending field, never its value: the value may be a credential.
const fail = (problem: string) => new TypeError(`AK/SK signing: ${problem}`);

/** Returns the headers to add to the request: `X-Sdk-Date`, `X-Security-Token` (if any) and `Authorization`. */
export async function signRequest(
  input: SignableRequest,
  credentials: AkSkCredentials,
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const { ak, securityToken } = checkCredentials(credentials);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw fail("`now` must be a valid Date");

  const date = now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const added: Record<string, string> = { "X-Sdk-Date": date };
  if (securityToken !== undefined) added["X-Security-Token"] = securityToken;

  const headers = new Headers(input.headers);
  // A stale Authorization (a retry, a default header) is about to be replaced, so it must not be signed.
  headers.delete("authorization");
  for (const [name, value] of Object.entries(added)) headers.set(name, value);

  const { canonical, signedHeaders } = await canonicalize(input, headers);
  const stringToSign = `${ALGORITHM}\n${date}\n${await sha256Hex(canonical)}`;
  const signature = await hmacSha256Hex(credentials, stringToSign);
  added.Authorization = `${ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return added;
}

/**
 * The canonical request and its SignedHeaders list for a request whose headers already carry
 * `X-Sdk-Date` (and `X-Security-Token`). Exported from the package to debug a rejected
 * signature: it is the text whose SHA-256 the signature covers.
 */
export async function canonicalRequest(input: SignableRequest): Promise<{ canonical: string; signedHeaders: string }> {
  return canonicalize(input, new Headers(input.headers));
}

/** canonicalRequest on a Headers copy of the request's headers that it may change. */
async function canonicalize(input: SignableRequest, headers: Headers): Promise<{ canonical: string; signedHeaders: string }> {
  if (typeof input.method !== "string" || input.method === "") throw fail("`method` must be a non-empty string");
  if (input.body !== undefined && !(input.body instanceof Uint8Array)) throw fail("`body` must be a Uint8Array or undefined");
  const url = parseUrl(input.url);

  // fetch sends the URL's host (without a default port) and ignores any Host header set on the request.
  headers.set("host", url.host);
  // Headers lower-cases names; one code-unit order serves both lists (the official signer
  // orders its canonical headers by localeCompare, which disagrees for names like x-a_1 / x-a1).
  const entries = [...headers].sort(([a], [b]) => compare(a, b));
  const signedHeaders = entries.map(([name]) => name).join(";");

  const payloadHash =
    headers.get("x-sdk-content-sha256") ??
    (input.body === undefined || input.body.length === 0 ? EMPTY_SHA256 : await sha256Hex(input.body));

  const canonical = [
    fetchMethod(input.method),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    entries.map(([name, value]) => `${name}:${value}\n`).join(""),
    signedHeaders,
    payloadHash,
  ].join("\n");
  return { canonical, signedHeaders };
}

/** openapi-fetch middleware that signs every request over the exact body bytes it will send. */
export function akskMiddleware(credentials: AkSkCredentials, options: AkskMiddlewareOptions = {}): Middleware {
  checkCredentials(credentials); // fail when the client is set up, not on its first request
  const now = options.now ?? (() => new Date());
  return {
    onRequest: ({ request }) => signedRequest(request, credentials, now()),
  };
}

/**
 * @internal A copy of `request` that carries its signature (`X-Sdk-Date`, `X-Security-Token`,
 * `Authorization`), over the exact body bytes the copy will send.
 */
export async function signedRequest(request: Request, credentials: AkSkCredentials, now: Date): Promise<Request> {
  let signed = request;
  let body: Uint8Array | undefined;
  if (request.body !== null) {
    // Read the body once and send exactly those bytes, in a copy of the Request. Reading a
    // clone instead (request.clone() tees the body stream) cost about 70 us more CPU per
    // request in Node 20's fetch (bench/).
    const bytes = await request.arrayBuffer();
    body = new Uint8Array(bytes);
    signed = copyRequest(request, { body: bytes });
  }
  const added = await signRequest({ method: signed.method, url: signed.url, headers: signed.headers, body }, credentials, now);
  // openapi-fetch 0.17 builds the Request with mutable headers, and so does new Request().
  for (const [name, value] of Object.entries(added)) signed.headers.set(name, value);
  return signed;
}

/**
 * @internal A copy of a Request with `init` applied (method, headers, signal and the rest kept),
 * plus any properties openapi-fetch copied onto it.
 */
export function copyRequest(request: Request, init: RequestInit): Request {
  const copy = new Request(request, init);
  const extra = request as unknown as Record<string, unknown>;
  for (const key of Object.keys(extra)) if (!(key in copy)) (copy as unknown as Record<string, unknown>)[key] = extra[key];
  return copy;
}

/** @internal How validation messages name each field: "`credentials.ak`", "HUAWEICLOUD_SDK_AK", ... */
export interface CredentialNames {
  ak: string;
  sk: string;
  securityToken: string;
}

const FIELDS: CredentialNames = { ak: "`ak`", sk: "`sk`", securityToken: "`securityToken`" };

/**
 * @internal The one check of AK/SK credentials, here and in the clients. Errors name the field
 * (as `names` spells it), never its value: the value may be a credential.
 */
export function checkCredentials(
  credentials: unknown,
  names: CredentialNames = FIELDS,
  problem: (message: string) => TypeError = fail,
): AkSkCredentials {
  if (typeof credentials !== "object" || credentials === null) throw problem("credentials must be an object");
  const { ak, sk, securityToken } = credentials as Record<string, unknown>;
  if (ak === undefined) throw problem(`${names.ak} is missing (it goes with ${names.sk})`);
  if (sk === undefined) throw problem(`${names.sk} is missing (it goes with ${names.ak})`);
  // Anything but visible ASCII would make Headers throw an error that quotes the value.
  if (typeof ak !== "string" || !VISIBLE_ASCII.test(ak))
    throw problem(`${names.ak} must be a non-empty string of visible ASCII characters`);
  if (typeof sk !== "string" || sk === "") throw problem(`${names.sk} must be a non-empty string`);
  if (securityToken !== undefined && (typeof securityToken !== "string" || !VISIBLE_ASCII.test(securityToken))) {
    throw problem(`${names.securityToken} must be a non-empty string of visible ASCII characters`);
  }
  return credentials as AkSkCredentials;
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw fail("`url` must be an absolute URL");
  }
}

// fetch upper-cases only these methods; any other is sent, so signed, as given.
const fetchMethod = (method: string) => (/^(delete|get|head|options|post|put)$/i.test(method) ? method.toUpperCase() : method);

// The gateway checks the decoded path, re-encoded segment by segment, with a trailing "/"
// (as the Go SDK and API Gateway signers build it), so an encoded "/" separates segments too.
function canonicalUri(pathname: string): string {
  let decoded = pathname;
  try {
    if (pathname.includes("%")) decoded = decodeURIComponent(pathname);
  } catch {
    throw fail("`url` path is not valid percent-encoded UTF-8");
  }
  const uri = decoded.split("/").map(encode).join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}

// URLSearchParams form-decodes ("+" is a space), as the gateway reads the query.
// Pairs sort by decoded name, then decoded value, as the official signer sorts them.
function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv))
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .join("&");
}

// RFC 3986: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded, upper-case hex.
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
const encode = (text: string) =>
  UNRESERVED.test(text) ? text : encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// SHA-256 and HMAC-SHA256, as lower-case hex. Text is hashed as UTF-8 on both paths.

/** The SHA-256 of no bytes: the payload hash of every request without a body. */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** The part of node:crypto used here (declared, not imported, so no Node types are needed). */
interface NodeHashes {
  createHash(algorithm: "sha256"): NodeHash;
  createHmac(algorithm: "sha256", key: string): NodeHash;
}
interface NodeHash {
  update(data: string | Uint8Array): NodeHash;
  digest(encoding: "hex"): string;
}

// Node's own hashing is synchronous and costs a microsecond or two; every Web Crypto call in
// Node is a round trip through the libuv thread pool (tens of microseconds), which made signing
// on Web Crypto alone more than ten times slower than the official signer (see bench/).
const nodeHashes = findNodeHashes();

function findNodeHashes(): NodeHashes | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const found = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeHashes> | undefined;
    return typeof found?.createHash === "function" && typeof found.createHmac === "function" ? (found as NodeHashes) : undefined;
  } catch {
    return undefined;
  }
}

// Synchronous on the node:crypto path (a string, not a promise, so awaiting it costs no more
// than a microtask), a promise on the Web Crypto path.
function sha256Hex(data: string | Uint8Array): string | Promise<string> {
  if (nodeHashes) return nodeHashes.createHash("sha256").update(data).digest("hex");
  // The copy is ArrayBuffer-backed, which Web Crypto requires and a caller's Uint8Array need not be.
  const bytes = typeof data === "string" ? utf8.encode(data) : new Uint8Array(data);
  return globalThis.crypto.subtle.digest("SHA-256", bytes).then(hex);
}

// Web Crypto only: the imported key of each credentials object, while its `sk` stays the same.
const hmacKeys = new WeakMap<AkSkCredentials, { sk: string; key: Promise<CryptoKey> }>();

function hmacSha256Hex(credentials: AkSkCredentials, text: string): string | Promise<string> {
  const { sk } = credentials;
  if (nodeHashes) return nodeHashes.createHmac("sha256", sk).update(text).digest("hex");
  let cached = hmacKeys.get(credentials);
  if (cached?.sk !== sk) {
    const key = globalThis.crypto.subtle.importKey("raw", utf8.encode(sk), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    cached = { sk, key };
    hmacKeys.set(credentials, cached);
    // A key that failed to import is not kept: the next call tries again.
    key.catch(() => hmacKeys.get(credentials) === cached && hmacKeys.delete(credentials));
  }
  return cached.key.then((key) => globalThis.crypto.subtle.sign("HMAC", key, utf8.encode(text))).then(hex);
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const hex = (bytes: ArrayBuffer) => {
  let out = "";
  for (const b of new Uint8Array(bytes)) out += HEX[b];
  return out;
};

/**
 * Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), with Web Crypto only, so it runs in
 * Node 20+ and browsers. test/signer.test.ts checks it against the official Node.js signer
 * (`@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner`) and says where, and why, it departs
 * from that signer's quirks.
 */
import type { Middleware } from "openapi-fetch";

export interface AkskCredentials {
  ak: string;
  /** Only ever used as the HMAC key. */
  sk: string;
  /** Temporary credentials: sent, and signed, as `X-Security-Token`. */
  securityToken?: string;
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
  credentials: AkskCredentials,
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const { ak, sk, securityToken } = checkCredentials(credentials);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw fail("`now` must be a valid Date");

  const date = now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const added: Record<string, string> = { "X-Sdk-Date": date };
  if (securityToken !== undefined) added["X-Security-Token"] = securityToken;

  const headers = new Headers(input.headers);
  // A stale Authorization (a retry, a default header) is about to be replaced, so it must not be signed.
  headers.delete("authorization");
  for (const [name, value] of Object.entries(added)) headers.set(name, value);

  const { canonical, signedHeaders } = await canonicalRequest({ ...input, headers });
  const stringToSign = [ALGORITHM, date, hex(await sha256(utf8.encode(canonical)))].join("\n");
  const signature = hex(await hmacSha256(sk, stringToSign));
  added.Authorization = `${ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return added;
}

/**
 * The canonical request and its SignedHeaders list for a request whose headers already carry
 * `X-Sdk-Date` (and `X-Security-Token`). Exported to debug a rejected signature.
 */
export async function canonicalRequest(
  input: SignableRequest,
): Promise<{ canonical: string; signedHeaders: string }> {
  if (typeof input.method !== "string" || input.method === "") throw fail("`method` must be a non-empty string");
  if (input.body !== undefined && !(input.body instanceof Uint8Array)) throw fail("`body` must be a Uint8Array or undefined");
  const url = parseUrl(input.url);

  const headers = new Headers(input.headers);
  // fetch sends the URL's host (without a default port) and ignores any Host header set on the request.
  headers.set("host", url.host);
  // Headers lower-cases names; one code-unit order serves both lists (the official signer
  // orders its canonical headers by localeCompare, which disagrees for names like x-a_1 / x-a1).
  const entries = [...headers].sort(([a], [b]) => compare(a, b));
  const signedHeaders = entries.map(([name]) => name).join(";");

  const payloadHash =
    headers.get("x-sdk-content-sha256") ?? hex(await sha256(input.body ?? new Uint8Array()));

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
export function akskMiddleware(credentials: AkskCredentials, options: AkskMiddlewareOptions = {}): Middleware {
  checkCredentials(credentials); // fail when the client is set up, not on its first request
  const now = options.now ?? (() => new Date());
  return {
    async onRequest({ request }) {
      // Read a clone so the body is still unread when fetch sends it.
      const body = new Uint8Array(await request.clone().arrayBuffer());
      const added = await signRequest(
        { method: request.method, url: request.url, headers: request.headers, body },
        credentials,
        now(),
      );
      // openapi-fetch 0.17 builds the Request with mutable headers; setting them in place keeps
      // the same object (and any properties openapi-fetch copied onto it) for fetch.
      for (const [name, value] of Object.entries(added)) request.headers.set(name, value);
      return request;
    },
  };
}

function checkCredentials(credentials: AkskCredentials): AkskCredentials {
  if (typeof credentials !== "object" || credentials === null) throw fail("credentials must be an object");
  const { ak, sk, securityToken } = credentials;
  // Anything but visible ASCII would make Headers throw an error that quotes the value.
  if (typeof ak !== "string" || !VISIBLE_ASCII.test(ak)) {
    throw fail("`ak` must be a non-empty string of visible ASCII characters");
  }
  if (typeof sk !== "string" || sk === "") throw fail("`sk` must be a non-empty string");
  if (securityToken !== undefined && (typeof securityToken !== "string" || !VISIBLE_ASCII.test(securityToken))) {
    throw fail("`securityToken` must be a non-empty string of visible ASCII characters when given");
  }
  return credentials;
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
const fetchMethod = (method: string) =>
  /^(delete|get|head|options|post|put)$/i.test(method) ? method.toUpperCase() : method;

// The gateway checks the decoded path, re-encoded segment by segment, with a trailing "/"
// (as the Go SDK and API Gateway signers build it), so an encoded "/" separates segments too.
function canonicalUri(pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
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
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The copy is ArrayBuffer-backed, which Web Crypto requires and a caller's Uint8Array need not be.
const sha256 = (data: Uint8Array) => globalThis.crypto.subtle.digest("SHA-256", new Uint8Array(data));

async function hmacSha256(key: string, text: string): Promise<ArrayBuffer> {
  const hmacKey = await globalThis.crypto.subtle.importKey(
    "raw",
    utf8.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return globalThis.crypto.subtle.sign("HMAC", hmacKey, utf8.encode(text));
}

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

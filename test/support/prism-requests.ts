// Requests to the Prism mocks the test run started (prism-servers.global.ts),
// with plain fetch, as an application sends them: their URLs, credentials
// the mock accepts, and the `sl-violations` header that says what Prism
// found wrong.
import { expect, inject } from "vitest";
import { pointerTokens } from "../../scripts/lib/json-pointer.mjs";
import type { Violation } from "../rules/types.js";
import { operation, type Service } from "./openapi.js";

/** Any non-empty token: the mock checks that credentials are there, not that they are good. */
export const token = { "X-Auth-Token": "mock-token" } as const;
/** AK/SK headers as the signer writes them (the mock does not check the signature). */
export const akSk = {
  Authorization: "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=00",
  "X-Sdk-Date": "20240102T030405Z",
} as const;

/**
 * Both mocks answer, each as itself: a job query on both, createImage on IMS
 * (its first page example), and no createImage on EVS. For the tests of the
 * commands that start mocks.
 */
export async function expectServesBoth(urls: Record<Service, string>) {
  for (const url of [urls.evs, urls.ims]) {
    const response = await fetch(`${url}/v1/p1/jobs/j1`, { headers: token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ job_id: expect.any(String), status: "SUCCESS" });
  }
  const createImage = operation("ims", "createImage");
  const post = (url: string) =>
    fetch(`${url}${createImage.path}`, {
      method: "POST",
      headers: { ...token, "Content-Type": "application/json" },
      body: JSON.stringify(createImage.requestExamples[0]!.value),
    });
  const onIms = await post(urls.ims);
  expect(onIms.status, "IMS answers createImage").toBe(200);
  expect(await onIms.json()).toHaveProperty("job_id");
  expect((await post(urls.evs)).status, "EVS has no createImage").toBe(404);
}

export function baseUrl(service: Service): string {
  return inject("mockUrls")[service];
}

/** One entry of Prism's `sl-violations` header. */
export type PrismViolation = {
  location: Array<string | number>;
  severity: string;
  code: string | number;
  message: string;
};

/** Whether a Prism violation is the one a rule's violation describes (its place, its keyword, the name it mentions). */
export function violationIs(violation: PrismViolation, expected: Violation): boolean {
  const location = ["request", "body", ...pointerTokens(expected.path)];
  if (JSON.stringify(violation.location.map(String)) !== JSON.stringify(location)) return false;
  if (String(violation.code) !== expected.keyword) return false;
  return expected.mentions === undefined || violation.message.includes(expected.mentions);
}

/**
 * The violations Prism reports for a response (none when the header is
 * absent). Prism cuts the header at 8 KB and prefixes it; the tests keep
 * bodies small enough that this never happens and say so plainly when it
 * does, unless `cut` is allowed: then the entries before the cut are read.
 */
export function violationsOf(response: Response, cut: "refuse" | "allow" = "refuse"): { violations: PrismViolation[]; cut: boolean } {
  const header = response.headers.get("sl-violations");
  if (header === null) return { violations: [], cut: false };
  const prefix = "Too many violations! ";
  if (!header.startsWith(prefix)) return { violations: JSON.parse(header) as PrismViolation[], cut: false };
  if (cut === "refuse") throw new Error(`Prism cut sl-violations: ${header.slice(0, 300)}...`);
  const whole = header.slice(prefix.length).slice(0, header.lastIndexOf("},") - prefix.length + 1);
  return { violations: JSON.parse(`${whole}]`) as PrismViolation[], cut: true };
}

export type Call = {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Prism's `Prefer` header, e.g. { example: "running" } or { code: 404 }. */
  prefer?: { example?: string; code?: number };
  /** Another mock than the test run's one for the service (e.g. one serving a modified bundle). */
  baseUrl?: string;
  /** Read an sl-violations header Prism cut at 8 KB (see violationsOf) instead of failing. */
  allowCutViolations?: boolean;
};

export type Answer = { status: number; headers: Headers; body: unknown; violations: PrismViolation[]; violationsCut: boolean };

/** Sends one request to a mock with plain fetch and reads the whole answer. */
export async function call(service: Service, path: string, options: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
  if (options.body !== undefined && !hasContentType) headers["content-type"] = "application/json";
  if (options.prefer) {
    headers.prefer = Object.entries(options.prefer)
      .map(([key, value]) => `${key}=${value}`)
      .join(", ");
  }
  const response = await fetch(`${options.baseUrl ?? baseUrl(service)}${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text, a failing assertion will show it
  }
  const { violations, cut } = violationsOf(response, options.allowCutViolations ? "allow" : "refuse");
  return { status: response.status, headers: response.headers, body, violations, violationsCut: cut };
}

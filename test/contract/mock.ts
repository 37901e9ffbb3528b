// What the contract tests share: the mocks' URLs, plain-fetch requests, the
// `sl-violations` header, and the operations and examples of each bundle.
import { inject } from "vitest";
import { loadBundle, resolver, type Service } from "../support/openapi.js";

export type { Service };

/** Any non-empty token: the mock checks that credentials are there, not that they are good. */
export const token = { "X-Auth-Token": "mock-token" } as const;
/** AK/SK headers as the signer writes them (the mock does not check the signature). */
export const akSk = {
  Authorization: "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=00",
  "X-Sdk-Date": "20240102T030405Z",
} as const;

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

/** The violations Prism reports for a response (none when the header is absent). */
export function violationsOf(response: Response): PrismViolation[] {
  const header = response.headers.get("sl-violations");
  if (header === null) return [];
  // Prism cuts the header at 8 KB and prefixes it; the tests keep bodies small
  // enough that this never happens, and say so plainly when it does.
  if (header.startsWith("Too many violations!")) throw new Error(`Prism truncated sl-violations: ${header.slice(0, 300)}...`);
  return JSON.parse(header) as PrismViolation[];
}

export type Call = {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Prism's `Prefer` header, e.g. { example: "running" } or { code: 404 }. */
  prefer?: { example?: string; code?: number };
};

export type Answer = { status: number; headers: Headers; body: unknown; violations: PrismViolation[] };

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
  const response = await fetch(`${baseUrl(service)}${path}`, {
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
  return { status: response.status, headers: response.headers, body, violations: violationsOf(response) };
}

export type NamedExample = { name: string; value: unknown };
export type DocumentedResponse = { status: number; schema: object; examples: NamedExample[] };
export type Operation = {
  service: Service;
  operationId: string;
  method: string;
  /** The path template, e.g. /v1/{project_id}/jobs/{job_id}. */
  template: string;
  /** The template with every path parameter replaced by its documented example. */
  path: string;
  requestExamples: NamedExample[];
  responses: DocumentedResponse[];
};

/** Every operation of a bundle, with its request examples and its responses' named examples. */
export function operationsOf(service: Service): Operation[] {
  const doc = loadBundle(service);
  const resolve = resolver(doc);
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "put", "post", "delete", "patch"].includes(method)) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
      const path = template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
        const parameter = parameters.find((p: any) => p.in === "path" && p.name === name);
        if (parameter?.example === undefined) throw new Error(`${service} ${template}: path parameter ${name} has no example`);
        return encodeURIComponent(String(parameter.example));
      });
      const json = (content: any) => content?.["application/json"];
      const named = (media: any): NamedExample[] =>
        Object.entries(media?.examples ?? {}).map(([name, example]) => ({ name, value: resolve(example).value }));
      operations.push({
        service,
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        path,
        requestExamples: named(json(resolve(op.requestBody)?.content)),
        responses: Object.entries(op.responses as Record<string, unknown>).map(([status, response]) => {
          const media = json(resolve(response).content);
          return { status: Number(status), schema: media?.schema, examples: named(media) };
        }),
      });
    }
  }
  return operations;
}

/** The operation with this id in a service's bundle. */
export function operation(service: Service, operationId: string): Operation {
  const found = operationsOf(service).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in ${service}`);
  return found;
}

/** A JSON pointer (as in the rules) as Prism's location after ["request", "body"]. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

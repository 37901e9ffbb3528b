// A stand-in for the real cloud: a fetch that records every request it gets
// and answers from a script. Only the network is replaced; the client,
// openapi-fetch and the signer run for real.
import { createEvsClient, createImsClient } from "../../src/index.js";

/** The project the clients on a double work in. */
export const PROJECT = "0123456789abcdef0123456789abcdef";

export type Recorded = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
};

/** One scripted answer: a Response to return, an Error to throw, or a function of the request. */
export type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/**
 * A fetch that answers with `steps` in order (the last one repeats), recording each request.
 * A step that is a function may wait; it sees the request's abort signal.
 */
export function fetchDouble(...steps: Step[]) {
  const requests: Recorded[] = [];
  let next = 0;
  const fetch = async (request: Request): Promise<Response> => {
    requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.clone().text(),
    });
    const step = steps[Math.min(next++, steps.length - 1)];
    if (step === undefined) throw new Error("fetchDouble: no steps");
    if (step instanceof Error) throw step;
    // A Response body can be read once: hand out a copy so a repeated last step still works.
    if (step instanceof Response) return step.clone();
    return step(request);
  };
  return { fetch, requests };
}

/** A network failure as fetch reports it (undici: TypeError "fetch failed" with a cause). */
export const networkFailure = () =>
  new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED" }) });

/** An answer that never comes, unless the request is aborted. */
export const hang = (request: Request) =>
  new Promise<Response>((_, reject) => {
    if (request.signal.aborted) return reject(request.signal.reason);
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
  });

/** An EVS client (region cn-north-4, project PROJECT, a token) whose requests go to a double answering `steps`. */
export function evsWith(...steps: Step[]) {
  const double = fetchDouble(...steps);
  return {
    double,
    evs: createEvsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: "t" }, fetch: double.fetch, env: {} }),
  };
}

/** The same for IMS. */
export function imsWith(...steps: Step[]) {
  const double = fetchDouble(...steps);
  return {
    double,
    ims: createImsClient({ region: "cn-north-4", projectId: PROJECT, credentials: { token: "t" }, fetch: double.fetch, env: {} }),
  };
}

// test/types/page-examples.ts writes the request examples out as typed values
// (the type tests compile them against the generated types). Here: they are
// still exactly the bundles' examples, and every request example of the
// bundles is among them, so a spec edit cannot leave the typed copies behind.
import { describe, expect, it } from "vitest";
import { loadBundle, type OpenApiDocument, type Service } from "../support/openapi.js";
import { evsRequestExamples, imsRequestExamples } from "./page-examples.js";

function requestExamples(doc: OpenApiDocument): Record<string, unknown> {
  const resolve = (obj: any): any =>
    obj?.$ref ? resolve(obj.$ref.split("/").slice(1).reduce((o: any, k: string) => o[k], doc)) : obj;
  const found: Record<string, unknown> = {};
  for (const item of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method === "parameters" || !op.requestBody) continue;
      for (const media of Object.values(resolve(op.requestBody).content ?? {}) as any[]) {
        for (const [name, example] of Object.entries(media.examples ?? {})) found[name] = resolve(example).value;
      }
    }
  }
  return found;
}

describe.each([
  ["evs", evsRequestExamples],
  ["ims", imsRequestExamples],
] as Array<[Service, Record<string, unknown>]>)("%s request examples", (service, written) => {
  const inBundle = requestExamples(loadBundle(service));

  it("the typed copies cover every request example of the bundle", () => {
    expect(Object.keys(written).sort()).toEqual(Object.keys(inBundle).sort());
  });

  it.each(Object.keys(written))("%s equals the bundle's example", (name) => {
    expect(written[name]).toEqual(inBundle[name]);
  });
});

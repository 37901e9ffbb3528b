// page-examples.ts writes the request examples out as typed values (the type
// tests compile them against the generated types). Here: they are still
// exactly the bundles' examples, and every request example of the bundles is
// among them, so a spec edit cannot leave the typed copies behind.
import { describe, expect, it } from "vitest";
import { operationsOf, type Service } from "../support/openapi.js";
import { evsRequestExamples, imsRequestExamples } from "./page-examples.js";

describe.each([
  ["evs", evsRequestExamples],
  ["ims", imsRequestExamples],
] as Array<[Service, Record<string, unknown>]>)("%s request examples", (service, written) => {
  const inBundle = Object.fromEntries(
    operationsOf(service).flatMap((op) => op.requestExamples.map((example) => [example.name, example.value])),
  );

  it("the typed copies cover every request example of the bundle", () => {
    expect(Object.keys(written).sort()).toEqual(Object.keys(inBundle).sort());
  });

  it.each(Object.keys(written))("%s equals the bundle's example", (name) => {
    expect(written[name]).toEqual(inBundle[name]);
  });
});

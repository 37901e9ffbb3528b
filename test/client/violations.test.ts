// Reading the mock's `sl-violations` header (src/violations.ts), and the
// errors that carry it: headers as Prism writes them, cut short, malformed,
// huge or hostile, through a fetch double standing in for the mock. What the
// real Prism answers is tested in test/client/against-prism.test.ts.
import { describe, expect, it } from "vitest";
import { requestForms } from "../../generated/request-forms.js";
import { createEvsClient, createImsClient, HuaweiCloudError, readViolations, unwrap, waitForImsJob } from "../../src/index.js";
import { fetchDouble, json } from "../support/fetch-double.js";

const PROJECT = "0123456789abcdef0123456789abcdef";
const evsBody = { error: { message: "XXXX", code: "XXX" } };
const imsBody = { error: { message: "The request message format is invalid.", code: "IMG.0001" } };

/** An entry as Prism writes it. */
const entry = (location: Array<string | number>, code: string | number, message: string, severity = "Error") => ({
  location,
  severity,
  code,
  message,
});
const header = (...entries: unknown[]) => JSON.stringify(entries);

function clients(response: Response) {
  const double = fetchDouble(response);
  const options = { region: "cn-north-4", projectId: PROJECT, credentials: { token: "secret-token-value" }, fetch: double.fetch, env: {} };
  return { evs: createEvsClient(options), ims: createImsClient(options) };
}

async function createDisksFailing(response: Response): Promise<HuaweiCloudError> {
  const { evs } = clients(response);
  const body = { volume: { availability_zone: "az", volume_type: "SSD" as const, size: 0 } };
  return (await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body })).catch((e: unknown) => e)) as HuaweiCloudError;
}

describe("an answer with sl-violations", () => {
  it("gives violations (location as a path, keyword, rule) and a message that names them after the service's own", async () => {
    const error = await createDisksFailing(
      json(400, evsBody, {
        "X-Request-Id": "r1",
        "sl-violations": header(entry(["request", "body", "volume", "size"], "minimum", "Request body property volume.size must be >= 1")),
      }),
    );
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error.message).toBe(
      `POST /v3/${PROJECT}/cloudvolumes failed with HTTP 400: XXX: XXXX — rejected by the mock: body.volume.size must be >= 1 (request ID r1)`,
    );
    expect(error.violations).toEqual([{ of: "request", location: "body.volume.size", keyword: "minimum", message: "must be >= 1" }]);
    expect([error.code, error.errorMessage]).toEqual(["XXX", "XXXX"]);
  });

  it("lists at most three, and says how many more there are", () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      entry(["request", "body", "volume", `f${i}`], "type", `Request body property volume.f${i} must be string`),
    );
    const { summary, violations } = readViolations(header(...many));
    expect(violations).toHaveLength(7);
    expect(summary).toBe(
      "rejected by the mock: body.volume.f0 must be string; body.volume.f1 must be string; body.volume.f2 must be string; 4 more in .violations",
    );
  });

  it("keeps a message of another form whole, and names a query or header parameter by where it is", () => {
    const { violations } = readViolations(
      header(
        entry(["request"], "required", "Body parameter is required"),
        entry(["request", "query", "limit"], "maximum", "Request query parameter limit must be <= 1000"),
        entry(["request", "header", "x-project-id"], "pattern", 'Request header parameter x-project-id must match pattern "^[a-z]+$"'),
      ),
    );
    expect(violations).toEqual([
      { of: "request", location: "", keyword: "required", message: "Body parameter is required" },
      { of: "request", location: "query.limit", keyword: "maximum", message: "must be <= 1000" },
      { of: "request", location: "header.x-project-id", keyword: "pattern", message: 'must match pattern "^[a-z]+$"' },
    ]);
  });

  it("the mock's own answer breaking the description is said as such", () => {
    const { summary, violations } = readViolations(
      header(entry(["response", "body", "job_id"], "type", "Response body property job_id must be string")),
    );
    expect(violations).toEqual([{ of: "response", location: "body.job_id", keyword: "type", message: "must be string" }]);
    expect(summary).toBe("the mock's answer breaks the description: body.job_id must be string");
  });

  it("a warning did not make the mock refuse anything: left out", () => {
    expect(readViolations(header(entry(["request", "query", "old"], "deprecated", "Query param old is deprecated", "Warning")))).toEqual({
      violations: [],
      form: undefined,
      summary: "",
    });
  });
});

describe("an answer without the header (the real service)", () => {
  it("has the message it always had, and no violations", async () => {
    const error = await createDisksFailing(json(400, evsBody, { "X-Request-Id": "r1" }));
    expect(error.message).toBe(`POST /v3/${PROJECT}/cloudvolumes failed with HTTP 400: XXX: XXXX (request ID r1)`);
    expect(error.violations).toEqual([]);
    expect(error.bodyForm).toBeUndefined();
  });

  it("an empty header is no header", () => {
    expect(readViolations("").summary).toBe("");
    expect(readViolations(null).violations).toEqual([]);
  });
});

describe("a header read defensively", () => {
  it('cut by Prism ("Too many violations!" and half an entry): the whole entries before the cut, and a word that it was cut', () => {
    const full = header(
      ...Array.from({ length: 5 }, (_, i) => entry(["request", "body", `f${i}`], "type", `Request body property f${i} must be string`)),
    );
    const { violations, summary } = readViolations(`Too many violations! ${full.slice(0, full.length - 30)}`);
    expect(violations.map((v) => v.location)).toEqual(["body.f0", "body.f1", "body.f2", "body.f3"]);
    expect(summary).toMatch(/; 1 more in \.violations \(Prism cut its list short\)$/);
  });

  it.each([
    ["not JSON", "{oops"],
    ["JSON but not a list", '{"location":["request"]}'],
    ["a list of nothing Prism writes", '[1, "two", {"location": "body", "message": 3}]'],
  ])("%s: no violations, and the message says the header could not be read", async (_what, value) => {
    const error = await createDisksFailing(json(400, evsBody, { "sl-violations": value }));
    expect(error.violations).toEqual([]);
    expect(error.message).toBe(
      `POST /v3/${PROJECT}/cloudvolumes failed with HTTP 400: XXX: XXXX — rejected by the mock (its sl-violations header is not readable)`,
    );
  });

  it("huge entries: each field and the message bounded, in one line", () => {
    const long = "x".repeat(5000);
    const entries = Array.from({ length: 20 }, (_, i) =>
      entry(["request", "body", `${long}${i}`], "type", `Request body property ${long}${i} must be\nstring\r\u2028${long}`),
    );
    const { violations, summary } = readViolations(header(...entries));
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v.location.length + v.message.length).toBeLessThanOrEqual(400);
    expect(summary.length).toBeLessThanOrEqual(700);
    expect(summary).not.toMatch(/[\n\r\u2028]/);
    expect(summary).toContain("(Prism cut its list short)");
  });

  it("a huge list: at most 500 violations kept", () => {
    const entries = Array.from({ length: 800 }, (_, i) => entry(["request"], "x", `m${i}`));
    const { violations, summary } = readViolations(header(...entries));
    expect(violations).toHaveLength(500);
    expect(summary).toMatch(/^rejected by the mock: m0; m1; m2; 497 more in \.violations \(Prism cut its list short\)$/);
  });

  it("control characters never break the message's one line", async () => {
    const error = await createDisksFailing(
      json(400, evsBody, {
        "sl-violations": header(entry(["request", "body", "a\tb"], "type", "Request body property a\u0007b must be\u0085string")),
      }),
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the message.
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(error.violations[0]?.location).toBe("body.a b");
  });

  it("no credential sent ever shows up (the header holds Prism's words, not the request's values)", async () => {
    const error = await createDisksFailing(
      json(401, evsBody, { "sl-violations": header(entry(["request"], 401, "Invalid security scheme used")) }),
    );
    expect(error.message).toContain("rejected by the mock: Invalid security scheme used");
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("secret-token-value");
  });
});

describe("a create-image body that matches none of the forms", () => {
  // What Prism sends for {name, image_url, os_version, min_disk: 20} (copied from a real run):
  // every form's violations, form by form, then the oneOf's own.
  const obsBody = header(
    entry(["request", "body"], "required", "Request body must have required property 'instance_id'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'image_url'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'os_version'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'min_disk'"),
    entry(["request", "body"], "required", "Request body must have required property 'data_images'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'image_url'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'os_version'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'min_disk'"),
    entry(["request", "body", "min_disk"], "minimum", "Request body property min_disk must be >= 40"),
    entry(["request", "body"], "required", "Request body must have required property 'volume_id'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'image_url'"),
    entry(["request", "body"], "unevaluatedProperties", "Request body must NOT have unevaluated properties: 'min_disk'"),
    entry(["request", "body"], "oneOf", "Request body must match exactly one schema in oneOf"),
  );
  const forms = requestForms.ims["POST /v2/cloudimages/action"];

  it("the form it meant (the one whose own field it carries) comes first, and the message stays one line", async () => {
    const { ims } = clients(json(400, imsBody, { "sl-violations": obsBody }));
    const body = { name: "img", image_url: "bucket:file.qcow2", os_version: "CentOS 7.0 64bit", min_disk: 20 };
    const error = (await unwrap(ims.POST("/v2/cloudimages/action", { body })).catch((e: unknown) => e)) as HuaweiCloudError;
    expect(error.bodyForm).toBe("ImageFromObsFile");
    expect(error.violations[0]).toEqual({ of: "request", location: "body.min_disk", keyword: "minimum", message: "must be >= 40" });
    expect(error.violations).toHaveLength(13);
    expect(error.message).toBe(
      "POST /v2/cloudimages/action failed with HTTP 400: IMG.0001: The request message format is invalid. — rejected by the mock, " +
        "read as ImageFromObsFile (the form with image_url and min_disk): body.min_disk must be >= 40; 12 more in .violations",
    );
  });

  it("the forms come from the description: each named by its schema, in oneOf order", () => {
    expect(forms?.schema).toBe("CreateImageRequest");
    expect(forms?.forms.map((form) => form.name)).toEqual([
      "ImageFromServer",
      "DataImagesFromServer",
      "ImageFromObsFile",
      "SystemImageFromDataVolume",
    ]);
  });

  it("without knowing the operation (an answer no client recorded), the violations are listed in Prism's order", () => {
    const error = HuaweiCloudError.fromResponse(json(400, imsBody, { "sl-violations": obsBody }), imsBody);
    expect(error.bodyForm).toBeUndefined();
    expect(error.message).toContain(
      "rejected by the mock: body must have required property 'instance_id'; body must NOT have unevaluated properties: 'image_url';",
    );
  });
});

describe("the waiters", () => {
  it("a poll the mock rejects shows the same detail", async () => {
    const violations = header(
      entry(["request", "path", "job_id"], "pattern", 'Request path parameter job_id must match pattern "^[0-9a-f]+$"'),
    );
    const { ims } = clients(json(400, imsBody, { "sl-violations": violations }));
    const error = (await waitForImsJob(ims, "not-a-job").catch((e: unknown) => e)) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error.message).toContain(
      'IMG.0001: The request message format is invalid. — rejected by the mock: path.job_id must match pattern "^[0-9a-f]+$"',
    );
    expect(error.violations).toEqual([
      { of: "request", location: "path.job_id", keyword: "pattern", message: 'must match pattern "^[0-9a-f]+$"' },
    ]);
  });
});

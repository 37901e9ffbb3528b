// A documented rule as data: a request that obeys it, one that breaks only it,
// and where a validator must point. The spec tests check these against the
// bundled schemas; the contract tests send the same bodies to the mock.

export type Violation = {
  /** JSON pointer into the request body of the offending value or object. */
  path: string;
  /** The JSON Schema keyword that fails (Prism reports it as `code`). */
  keyword: string;
  /** A property name the error must mention, e.g. the missing one. */
  mentions?: string;
};

export type Rule = {
  /** Reads as a sentence in a test report. */
  rule: string;
  operation: OperationName;
  /** Obeys the rule (and every other one). */
  valid: unknown;
  /** Breaks this rule only. */
  invalid: unknown;
  violation: Violation;
};

export type OperationName = keyof typeof operations;

/**
 * A documented rule of one query or header parameter: a value that obeys it
 * and one that breaks it (`undefined`: the parameter left out, for a required
 * one). The request is otherwise the operation's first request example, sent
 * to its path with the path parameters' examples (operationsOf).
 */
export type ParameterRule = {
  rule: string;
  service: "evs" | "ims";
  operationId: string;
  in: "query" | "header";
  name: string;
  valid: string;
  invalid: string | undefined;
  /** The JSON Schema keyword that fails (Prism reports it as `code`). */
  keyword: string;
};

/** Where each operation's request body is sent, its schema, and the status of an accepted body. */
export const operations = {
  exportVolumeToImage: { service: "evs", path: "/v3/p1/volumes/v1/action", schema: "ExportVolumeToImageRequest", status: 202 },
  exportVolumeToImageV2: { service: "evs", path: "/v2/p1/volumes/v1/action", schema: "ExportVolumeToImageRequest", status: 202 },
  createVolumes: { service: "evs", path: "/v3/p1/cloudvolumes", schema: "CreateVolumesRequest", status: 200 },
  createVolumesV21: { service: "evs", path: "/v2.1/p1/cloudvolumes", schema: "CreateVolumesV21Request", status: 202 },
  createImage: { service: "ims", path: "/v2/cloudimages/action", schema: "CreateImageRequest", status: 200 },
} as const;

/** A string of `n` copies of `char`. */
export const repeat = (char: string, n: number) => char.repeat(n);

/** `body` without its field `name`. */
export const without = (body: Record<string, unknown>, name: string) => {
  const { [name]: _dropped, ...rest } = body;
  return rest;
};

/** A query the page itself shows (name → value, as sent), which must be accepted as it is. */
export type PageQuery = { name: string; operationId: string; query: Record<string, string> };

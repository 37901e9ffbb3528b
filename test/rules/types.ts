// A documented rule as data: a request that obeys it, one that breaks only it,
// and where a validator must point. The spec tests check these against the
// bundled schemas; the contract tests send the same requests to the mock.
// Body rules (`Rule`) are about request bodies, parameter rules
// (`ParameterRule`) about query parameters.

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

export type OperationName = "exportVolumeToImage" | "createVolumes" | "createImage";

/** Where each operation's request body is sent, and its schema. */
export const operations = {
  exportVolumeToImage: { service: "evs", path: "/v3/p1/volumes/v1/action", schema: "ExportVolumeToImageRequest", status: 202 },
  createVolumes: { service: "evs", path: "/v3/p1/cloudvolumes", schema: "CreateVolumesRequest", status: 200 },
  createImage: { service: "ims", path: "/v2/cloudimages/action", schema: "CreateImageRequest", status: 200 },
} as const;

/** A string of `n` copies of `char`. */
export const repeat = (char: string, n: number) => char.repeat(n);

/** A query string as name → value, as it is sent (every value a string). */
export type Query = Record<string, string>;

/** A documented rule of an operation's query parameters. */
export type ParameterRule = {
  rule: string;
  operation: ParameterOperationName;
  /** Obeys the rule (and every other one). */
  valid: Query;
  /** Breaks this rule only. */
  invalid: Query;
  /** The parameter that breaks it, and the JSON Schema keyword that fails. */
  violation: { name: string; keyword: string };
};

/** A query the page itself shows, which must be accepted as it is. */
export type PageQuery = { name: string; operation: ParameterOperationName; query: Query };

export type ParameterOperationName = "listImages";

/** Where each operation with query parameters is sent. */
export const parameterOperations = {
  listImages: { service: "ims", method: "get", path: "/v2/cloudimages", status: 200 },
} as const;

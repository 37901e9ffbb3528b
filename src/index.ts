/**
 * Typed clients for Huawei Cloud EVS and IMS, generated from this package's OpenAPI
 * descriptions.
 *
 * Error model: client calls return openapi-fetch's `{ data, error, response }` and never throw
 * for an HTTP error status. They do throw for no answer (`HuaweiCloudNetworkError`, also for a
 * refused redirect), a bad call (`TypeError`), an abort (the signal's reason), a 2xx answer
 * whose body is not the JSON it should be (openapi-fetch's `SyntaxError`), and whatever a
 * middleware throws. `unwrap(call)` returns the data or throws a `HuaweiCloudError`.
 * The waiters throw: `JobFailedError` (a job), `ResourceFailedError` and
 * `ResourceNotFoundError` (disks, images), `WaitTimeoutError` (`JobTimeoutError` for a job),
 * `HuaweiCloudError`, `HuaweiCloudNetworkError`, or the abort reason.
 */

export type {
  components as EvsComponents,
  operations as EvsOperations,
  paths as EvsPaths,
} from "../generated/evs.js";
export type {
  components as ImsComponents,
  operations as ImsOperations,
  paths as ImsPaths,
} from "../generated/ims.js";
export {
  type ClientOptions,
  type Credentials,
  createEvsClient,
  createImsClient,
  type EvsClient,
  type ImsClient,
  type ProjectScoped,
  type TokenCredentials,
} from "./client.js";
export {
  type AwaitedKind,
  type ErrorBodyShape,
  type FetchResult,
  HuaweiCloudError,
  type HuaweiCloudErrorInit,
  HuaweiCloudNetworkError,
  JobFailedError,
  JobTimeoutError,
  type ParsedErrorBody,
  parseErrorBody,
  ResourceFailedError,
  ResourceNotFoundError,
  unwrap,
  WaitTimeoutError,
} from "./errors.js";
export {
  type AkSkCredentials,
  type AkskMiddlewareOptions,
  akskMiddleware,
  canonicalRequest,
  type SignableRequest,
  signRequest,
} from "./signing.js";
export { type MockViolation, readViolations, type ViolationReport } from "./violations.js";
export {
  type EvsJob,
  type EvsJobResult,
  type EvsSubJob,
  type Image,
  type ImageWaitOptions,
  type ImsJob,
  type ImsJobResult,
  type ResourceWaitOptions,
  type Volume,
  type VolumeWaitOptions,
  type WaitOptions,
  waitForEvsJob,
  waitForImage,
  waitForImsJob,
  waitForVolumes,
} from "./waiters.js";

import type { components as EvsComponents } from "../generated/evs.js";
import type { components as ImsComponents } from "../generated/ims.js";
/** Request and response bodies by schema name, e.g. `EvsSchema<"CreateVolumesRequest">`. */
export type EvsSchema<Name extends keyof EvsComponents["schemas"]> = EvsComponents["schemas"][Name];
export type ImsSchema<Name extends keyof ImsComponents["schemas"]> = ImsComponents["schemas"][Name];

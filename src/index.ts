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
export {
  createEvsClient,
  createImsClient,
  type ClientOptions,
  type Credentials,
  type EvsClient,
  type ImsClient,
  type ProjectScoped,
  type TokenCredentials,
} from "./client.js";
export {
  HuaweiCloudError,
  HuaweiCloudNetworkError,
  JobFailedError,
  JobTimeoutError,
  parseErrorBody,
  ResourceFailedError,
  ResourceNotFoundError,
  unwrap,
  WaitTimeoutError,
  type AwaitedKind,
  type ErrorBodyShape,
  type FetchResult,
  type HuaweiCloudErrorInit,
  type ParsedErrorBody,
} from "./errors.js";
export {
  waitForEvsJob,
  waitForImage,
  waitForImsJob,
  waitForVolumes,
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
} from "./waiters.js";
export {
  akskMiddleware,
  canonicalRequest,
  signRequest,
  type AkSkCredentials,
  type AkskMiddlewareOptions,
  type SignableRequest,
} from "./signing.js";

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

import type { components as EvsComponents } from "../generated/evs.js";
import type { components as ImsComponents } from "../generated/ims.js";
/** Request and response bodies by schema name, e.g. `EvsSchema<"CreateVolumesRequest">`. */
export type EvsSchema<Name extends keyof EvsComponents["schemas"]> = EvsComponents["schemas"][Name];
export type ImsSchema<Name extends keyof ImsComponents["schemas"]> = ImsComponents["schemas"][Name];

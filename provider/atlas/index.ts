/**
 * Atlas Administration API v2 client for programmatic API keys: the public
 * surface of `provider/atlas/`.
 */
export { AtlasClient, type AtlasClientOptions, type AtlasCredentials } from "./client";
export {
  AtlasApiError,
  ClientErrorCode,
  hasErrorCode,
  isAtlasApiError,
  isRateLimited,
  type AtlasApiErrorOptions,
} from "./errors";
export { GONE_WHEN, goneIf, isGone, MisdirectedRequestError } from "./not-found";
export { redact, redactText, REDACTED } from "./redact";
export { DEFAULT_BASE_URL, isLoopbackHost, parseBaseUrl, type BaseUrl } from "./base-url";
export { ATLAS_MEDIA_TYPE, API_PREFIX, endpoints, requestTarget, type Endpoint, type PageQuery } from "./endpoints";
export { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retry";
export type { AtlasClientStats } from "./stats";
export * from "./types";
export {
  SERVICE_ACCOUNT_MEDIA_TYPE,
  serviceAccountEndpoints,
  type VersionedEndpoint,
} from "./service-account-endpoints";
export * from "./service-account-types";

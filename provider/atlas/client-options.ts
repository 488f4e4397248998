/**
 * Options of the Atlas client and their checks. Errors name the option and
 * the fix, and never repeat a credential value.
 */
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retry";

/**
 * How the client authenticates: a programmatic API key (digest), a service
 * account (OAuth client credentials), or an access token obtained elsewhere
 * (bearer, used as given: it cannot be renewed here).
 */
export type AtlasCredentials =
  | { type: "apiKey"; publicKey: string; privateKey: string }
  | { type: "serviceAccount"; clientId: string; clientSecret: string }
  | { type: "accessToken"; accessToken: string };

/** Options of {@link AtlasClient}. */
export interface AtlasClientOptions {
  /** Default `https://cloud.mongodb.com`; `http://` only to 127.0.0.0/8, localhost or [::1]. */
  baseUrl?: string;
  credentials: AtlasCredentials;
  /** Default `pulumi-mongodbatlas-apikeys/<package version>`. */
  userAgent?: string;
  /** TCP + TLS connect timeout in milliseconds (default 10 000). */
  connectTimeoutMs?: number;
  /** Whole-request timeout in milliseconds (default 60 000). */
  requestTimeoutMs?: number;
  /** Retry policy overrides (see {@link RetryOptions} for units and defaults). */
  retry?: Partial<RetryOptions>;
  /** Page size of list calls, 1..500 (default 500, the maximum, to make the fewest calls). */
  itemsPerPage?: number;
  /** Receives debug lines (method, path, status, attempt, delay); never credentials. */
  log?: (line: string) => void;
  /**
   * Called before and after every write (POST, PATCH, DELETE), whatever its
   * outcome: the one place where cached reads are dropped (see connection.ts).
   */
  onWrite?: () => void;
  /** Pacing under Atlas's rate limits (see pacer.ts); on by default. */
  pacing?: PacingOptions;
}

/** Settings of the pacing layer. */
export interface PacingOptions {
  /** False turns pacing off: requests go at once and 429s are only retried (benchmarks compare both). */
  enabled?: boolean;
  /** Upper bound of the client's request rate, in requests per second (a positive number). */
  maxRequestsPerSecond?: number;
  /** Clock of the pacer (tests); defaults to the retry options' `now` and `sleep`. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The request-rate cap: undefined or a positive finite number. */
export function checkMaxRequestsPerSecond(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`pacing.maxRequestsPerSecond must be a positive number of requests per second, got ${value}`);
  }
  return value;
}

/** Defaults overlaid with the caller's defined overrides. */
export function mergeRetryOptions(overrides: Partial<RetryOptions> | undefined): RetryOptions {
  const defined = Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_RETRY_OPTIONS, ...Object.fromEntries(defined) };
}

/** The page size of list calls: 1..500, default 500 (the maximum, for the fewest calls). */
export function checkItemsPerPage(value: number | undefined): number {
  if (value === undefined) return 500;
  if (!Number.isInteger(value) || value < 1 || value > 500) {
    throw new Error(`itemsPerPage must be an integer from 1 to 500 (Atlas's limit), got ${value}`);
  }
  return value;
}

/** Copies the credentials (so later changes to the caller's object do not apply) and checks them without echoing values. */
export function checkCredentials(credentials: AtlasCredentials): AtlasCredentials {
  const nonEmpty = (v: unknown) => typeof v === "string" && v.trim() !== "";
  if (credentials?.type === "apiKey") {
    if (!nonEmpty(credentials.publicKey) || !nonEmpty(credentials.privateKey)) {
      throw new Error('credentials of type "apiKey" need a non-empty publicKey and privateKey');
    }
    return { type: "apiKey", publicKey: credentials.publicKey, privateKey: credentials.privateKey };
  }
  if (credentials?.type === "serviceAccount") {
    if (!nonEmpty(credentials.clientId) || !nonEmpty(credentials.clientSecret)) {
      throw new Error('credentials of type "serviceAccount" need a non-empty clientId and clientSecret');
    }
    return { type: "serviceAccount", clientId: credentials.clientId, clientSecret: credentials.clientSecret };
  }
  if (credentials?.type === "accessToken") {
    if (!nonEmpty(credentials.accessToken)) {
      throw new Error('credentials of type "accessToken" need a non-empty accessToken');
    }
    return { type: "accessToken", accessToken: credentials.accessToken };
  }
  throw new Error(
    'credentials.type must be "apiKey" (public/private key), "serviceAccount" (client id/secret) or "accessToken"',
  );
}

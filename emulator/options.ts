import { DEFAULT_RATE_LIMIT, type RateLimitSettings } from "./limits/rate-limit";

/** Behaviour settings that can change while the emulator runs (`POST /__emulator/config`). */
export interface EmulatorConfig {
  /** Delay added before every Admin API / OAuth answer, in milliseconds (simulates the round trip to Atlas). */
  latencyMs: number;
  /**
   * Token buckets of the Admin API (429 `RATE_LIMITED_TOKEN_BUCKET` when empty) and of the OAuth token
   * endpoint (429 `RATE_LIMITED`).
   */
  rateLimit: RateLimitSettings;
  /** Digest nonce lifetime in milliseconds (default 60 000, like Ops Manager). */
  nonceLifetimeMs: number;
  /** Accept a digest nonce again with a higher `nc` (default true); false makes every nonce single-use. */
  nonceReuse: boolean;
  /** Algorithm of digest challenges (default MD5, as live). */
  digestAlgorithm: "MD5" | "SHA-256";
  /** OAuth access token lifetime in seconds (default 3600, as live). */
  tokenLifetimeSeconds: number;
  /**
   * Refuse (403 IP_ADDRESS_NOT_ON_ACCESS_LIST) API key requests from addresses outside a non-empty
   * access list of the calling key. Default false: most orgs do not require access lists for the API.
   */
  enforceAccessList: boolean;
}

/** A partial update; `rateLimit: false` disables rate limiting. */
export interface ConfigPatch {
  /** New delay before every answer, in milliseconds (≥ 0). */
  latencyMs?: number;
  /** Rate-limit fields to change (the others keep their values), or `false` to disable rate limiting. */
  rateLimit?: Partial<RateLimitSettings> | false;
  /** New digest nonce lifetime in milliseconds (≥ 0); applies to nonces checked from now on. */
  nonceLifetimeMs?: number;
  /** Whether a digest nonce may be used again with a higher `nc`; `false` makes every nonce single-use. */
  nonceReuse?: boolean;
  /** Algorithm of the digest challenges sent from now on. */
  digestAlgorithm?: "MD5" | "SHA-256";
  /** Lifetime of OAuth access tokens issued from now on, in seconds (≥ 0); issued tokens keep their expiry. */
  tokenLifetimeSeconds?: number;
  /** Whether to refuse API key requests from addresses outside the calling key's non-empty access list. */
  enforceAccessList?: boolean;
}

/** The defaults listed on each field. */
export function defaultConfig(): EmulatorConfig {
  return {
    latencyMs: 0,
    rateLimit: { ...DEFAULT_RATE_LIMIT },
    nonceLifetimeMs: 60_000,
    nonceReuse: true,
    digestAlgorithm: "MD5",
    tokenLifetimeSeconds: 3600,
    enforceAccessList: false,
  };
}

/** Returns `config` with `patch` applied; throws `TypeError` naming the first invalid field. */
export function applyConfigPatch(config: EmulatorConfig, patch: ConfigPatch): EmulatorConfig {
  if (patch === null || typeof patch !== "object") throw new TypeError("config patch must be an object");
  const known = [
    "latencyMs",
    "rateLimit",
    "nonceLifetimeMs",
    "nonceReuse",
    "digestAlgorithm",
    "tokenLifetimeSeconds",
    "enforceAccessList",
  ];
  for (const name of Object.keys(patch)) if (!known.includes(name)) throw new TypeError(`unknown config field ${name}`);
  const next: EmulatorConfig = { ...config, rateLimit: { ...config.rateLimit } };
  if (patch.latencyMs !== undefined) next.latencyMs = nonNegative("latencyMs", patch.latencyMs);
  if (patch.nonceLifetimeMs !== undefined) next.nonceLifetimeMs = nonNegative("nonceLifetimeMs", patch.nonceLifetimeMs);
  if (patch.tokenLifetimeSeconds !== undefined)
    next.tokenLifetimeSeconds = nonNegative("tokenLifetimeSeconds", patch.tokenLifetimeSeconds);
  if (patch.nonceReuse !== undefined) next.nonceReuse = bool("nonceReuse", patch.nonceReuse);
  if (patch.enforceAccessList !== undefined)
    next.enforceAccessList = bool("enforceAccessList", patch.enforceAccessList);
  if (patch.digestAlgorithm !== undefined) {
    if (patch.digestAlgorithm !== "MD5" && patch.digestAlgorithm !== "SHA-256")
      throw new TypeError("digestAlgorithm must be MD5 or SHA-256");
    next.digestAlgorithm = patch.digestAlgorithm;
  }
  if (patch.rateLimit === false) next.rateLimit.enabled = false;
  else if (patch.rateLimit !== undefined) next.rateLimit = rateLimitPatch(next.rateLimit, patch.rateLimit);
  return next;
}

function rateLimitPatch(current: RateLimitSettings, patch: Partial<RateLimitSettings>): RateLimitSettings {
  if (patch === null || typeof patch !== "object") throw new TypeError("rateLimit must be an object or false");
  const next = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (name === "enabled") next.enabled = bool("rateLimit.enabled", value);
    else if (name in DEFAULT_RATE_LIMIT)
      (next as unknown as Record<string, number>)[name] = nonNegative(`rateLimit.${name}`, value);
    else throw new TypeError(`unknown config field rateLimit.${name}`);
  }
  return next;
}

function nonNegative(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new TypeError(`${name} must be a number ≥ 0`);
  return value;
}

function bool(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new TypeError(`${name} must be a boolean`);
  return value;
}

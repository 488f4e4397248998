import { DEFAULT_RATE_LIMIT, type RateLimitSettings } from "./limits/rate-limit";

/*
 * The one definition of the emulator's options. `EmulatorConfig` holds the settings that can
 * change while it runs; `ConfigPatch` (control plane, `handle.configure`) and `StartOptions`
 * (`start()`) derive from it; the CLI's flags are the table `SETTING_FLAGS` below, parsed and
 * printed generically by cli.ts.
 */

/** Behaviour settings that can change while the emulator runs (`POST /__emulator/config`). */
export interface EmulatorConfig {
  /** Delay added before every Admin API / OAuth answer, in milliseconds (default 0). */
  latencyMs: number;
  /**
   * Token buckets of the Admin API (429 `RATE_LIMITED_TOKEN_BUCKET` when empty) and of the OAuth token
   * endpoint (429 `RATE_LIMITED`). Default: enabled, live capacities, 10 tokens/s refill.
   */
  rateLimit: RateLimitSettings;
  /** Digest nonce lifetime in milliseconds (default 60 000, like Ops Manager). */
  nonceLifetimeMs: number;
  /** Accept a digest nonce again with a higher `nc` (default true); false makes every nonce single-use. */
  nonceReuse: boolean;
  /** Algorithm of digest challenges (default MD5, as live). */
  digestAlgorithm: "MD5" | "SHA-256";
  /** OAuth access token lifetime in seconds (default 3600, as live); issued tokens keep their expiry. */
  tokenLifetimeSeconds: number;
  /**
   * Refuse (403 IP_ADDRESS_NOT_ON_ACCESS_LIST) API key requests from addresses outside a non-empty
   * access list of the calling key. Default false: most orgs do not require access lists for the API.
   */
  enforceAccessList: boolean;
}

/** A partial update of {@link EmulatorConfig}; `rateLimit` takes the fields to change, or `false` to disable it. */
export type ConfigPatch = Partial<Omit<EmulatorConfig, "rateLimit">> & {
  /** Rate-limit fields to change (the others keep their values), or `false` to disable rate limiting. */
  rateLimit?: Partial<RateLimitSettings> | false;
};

/** Options of `start()`: the settings of {@link ConfigPatch} plus the ones fixed at start. Every field is optional. */
export interface StartOptions extends ConfigPatch {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Loopback host to listen on (default `127.0.0.1`); anything else is refused. */
  host?: string;
  /** Seed of the id generator (default: random, see `handle.seed`). Same seed → same ids and credentials. */
  seed?: number | string;
  /** JSON file to load the state from (when it exists) and save it to after each change and on close. */
  stateFile?: string;
  /** Clock in epoch milliseconds (default `Date.now`), for tests that move time. */
  now?: () => number;
}

/** One command-line flag: how it reads its value into {@link StartOptions}. */
export interface SettingFlag {
  flag: string;
  /** Placeholder of the value in the usage text; none for a switch. */
  value?: string;
  help: string;
  apply(options: StartOptions, value: string): void;
}

/** The CLI flags, in usage order. */
export const SETTING_FLAGS: readonly SettingFlag[] = [
  numberFlag("--port", "TCP port (default 0: any free port; the first line shows it)", (o, n) => (o.port = n)),
  textFlag("--host", "<addr>", "loopback address to listen on (default 127.0.0.1)", (o, v) => (o.host = v)),
  textFlag("--seed", "<s>", "seed of the id generator (same seed, same ids and credentials)", (o, v) => (o.seed = v)),
  numberFlag("--latency-ms", "delay added before every API answer, in milliseconds", (o, n) => (o.latencyMs = n)),
  textFlag(
    "--state-file",
    "<path>",
    "load state from this file if it exists; save it there on change and on exit",
    (o, v) => (o.stateFile = v),
  ),
  switchFlag("--no-rate-limit", "disable the rate limits (token buckets)", (o) => (o.rateLimit = false)),
  numberFlag("--nonce-lifetime-ms", "digest nonce lifetime (default 60000)", (o, n) => (o.nonceLifetimeMs = n)),
  switchFlag("--no-nonce-reuse", "every digest nonce is single-use", (o) => (o.nonceReuse = false)),
  textFlag("--digest-algorithm", "<alg>", "MD5 (default) or SHA-256", (o, v) => {
    const algorithm = v.toUpperCase();
    if (algorithm !== "MD5" && algorithm !== "SHA-256") throw new Error("--digest-algorithm must be MD5 or SHA-256");
    o.digestAlgorithm = algorithm;
  }),
  numberFlag("--token-lifetime-seconds", "OAuth token lifetime (default 3600)", (o, n) => (o.tokenLifetimeSeconds = n)),
  switchFlag(
    "--enforce-access-list",
    "refuse API-key calls from outside the key's access list",
    (o) => (o.enforceAccessList = true),
  ),
];

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

/** The settings part of start options (or of any object), as a patch: fields left undefined are dropped. */
export function configPatchOf(options: StartOptions): ConfigPatch {
  const known = Object.keys(defaultConfig());
  return Object.fromEntries(Object.entries(options).filter(([k, v]) => known.includes(k) && v !== undefined));
}

/** Returns `config` with `patch` applied; throws `TypeError` naming the first invalid field. */
export function applyConfigPatch(config: EmulatorConfig, patch: ConfigPatch): EmulatorConfig {
  if (patch === null || typeof patch !== "object") throw new TypeError("config patch must be an object");
  const known = Object.keys(defaultConfig());
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

function numberFlag(flag: string, help: string, set: (o: StartOptions, n: number) => void): SettingFlag {
  return {
    flag,
    value: "<n>",
    help,
    apply: (o, v) => {
      if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`${flag} needs a number, got ${v}`);
      set(o, Number(v));
    },
  };
}

function textFlag(flag: string, value: string, help: string, set: (o: StartOptions, v: string) => void): SettingFlag {
  return { flag, value, help, apply: set };
}

function switchFlag(flag: string, help: string, set: (o: StartOptions) => void): SettingFlag {
  return { flag, help, apply: (o) => set(o) };
}

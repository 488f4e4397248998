/**
 * The pacing settings of the provider process (see provider/atlas/pacer.ts), resolved apart from
 * the credentials: stack config wins over the environment. Messages name the setting and the fix
 * and never repeat the value (a secret pasted into the wrong setting must not be printed).
 */

/** Pacing of the provider's requests under Atlas's rate limits. */
export interface PacingSettings {
  /** False only when turned off for a benchmark (`MONGODB_ATLAS_APIKEYS_PACING=off`). */
  enabled: boolean;
  /** The user's cap on the request rate of the provider process, in requests per second. */
  maxRequestsPerSecond?: number;
}

/** Where the values come from: the same sources as the credentials. */
export interface PacingSources {
  config: (key: string) => string | undefined;
  env: Record<string, string | undefined>;
}

/**
 * Reads `mongodbatlas:maxRequestsPerSecond` (or `MONGODB_ATLAS_MAX_REQUESTS_PER_SECOND`) and the
 * benchmark switch `MONGODB_ATLAS_APIKEYS_PACING` (`on`, the default, or `off`).
 *
 * @param fail builds the error to throw for a bad value.
 */
export function resolvePacing(sources: PacingSources, fail: (message: string) => Error): PacingSettings {
  const read = (key: string, envName: string) => {
    const configKey = `mongodbatlas:${key}`;
    const fromConfig = sources.config(configKey);
    if (fromConfig !== undefined) return { value: fromConfig, source: configKey };
    const fromEnv = sources.env[envName];
    return fromEnv === undefined ? undefined : { value: fromEnv, source: envName };
  };
  const pacing: PacingSettings = { enabled: true };
  const cap = read("maxRequestsPerSecond", "MONGODB_ATLAS_MAX_REQUESTS_PER_SECOND");
  if (cap !== undefined) {
    const value = cap.value.trim() === "" ? NaN : Number(cap.value);
    if (!Number.isFinite(value) || value <= 0) {
      throw fail(
        `${cap.source} must be a positive number of requests per second, such as 5 or 0.5 ` +
          `(\`pulumi config set mongodbatlas:maxRequestsPerSecond 5\`); remove it to send as fast as Atlas's rate limits allow.`,
      );
    }
    pacing.maxRequestsPerSecond = value;
  }
  const switched = sources.env.MONGODB_ATLAS_APIKEYS_PACING?.trim().toLowerCase();
  if (switched !== undefined && switched !== "on" && switched !== "off") {
    throw fail("MONGODB_ATLAS_APIKEYS_PACING must be `on` (the default) or `off`; unset it to pace requests.");
  }
  if (switched === "off") pacing.enabled = false;
  return pacing;
}

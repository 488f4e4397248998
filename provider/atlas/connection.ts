import type { AtlasApi } from "./types";
import type { AtlasClientOptions, AtlasCredentials, PacingOptions } from "./client-options";
import { KeyReader } from "./key-reader";

/**
 * One Atlas client per process. The provider process (runtime/context.ts) and
 * the program's lookups both get their client here, so a process never holds
 * two digest sessions or two OAuth tokens for the same credentials (the token
 * endpoint allows 10 requests a minute).
 */

/** Where and as whom to connect. */
export interface ConnectionSettings {
  credentials: AtlasCredentials;
  baseUrl: string;
  /** The user's pacing settings (config/pacing-settings.ts); the one client means one pacer per bucket. */
  pacing?: PacingOptions;
}

/** The process's client and the read cache in front of it. */
export interface AtlasConnection {
  /** Every write through it (POST, PATCH, DELETE) drops `reader`'s snapshots, before and after. */
  client: AtlasApi;
  reader: KeyReader;
}

interface Current {
  settings: ConnectionSettings;
  options: Partial<AtlasClientOptions> | undefined;
  connection: AtlasConnection;
}

let current: Current | undefined;

/**
 * The connection for these settings: the same one as long as the base URL,
 * the credentials and the options object stay the same; a new one otherwise.
 * Options are for tests (fast retries) and benchmarks (counters).
 */
export function connectionFor(
  settings: ConnectionSettings,
  options?: Partial<Omit<AtlasClientOptions, "credentials" | "baseUrl">>,
): AtlasConnection {
  if (current && current.options === options && sameConnection(current.settings, settings)) return current.connection;
  // Loaded lazily: the client pulls in axios, which `check`, `diff` and programs without lookups never need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see the comment above
  const { AtlasClient } = require("./client") as typeof import("./client");
  const reader = new KeyReader(() => client);
  const client = new AtlasClient({
    ...options,
    credentials: settings.credentials,
    baseUrl: settings.baseUrl,
    pacing: { ...settings.pacing, ...options?.pacing },
    onWrite: () => {
      reader.invalidate();
      options?.onWrite?.();
    },
  });
  current = { settings, options, connection: { client, reader } };
  return current.connection;
}

/** Forgets the connection: the next call makes a new one (tests that reconfigure the process). */
export function forgetConnection(): void {
  current = undefined;
}

function sameConnection(a: ConnectionSettings, b: ConnectionSettings): boolean {
  return (
    a.baseUrl === b.baseUrl &&
    JSON.stringify(a.credentials) === JSON.stringify(b.credentials) &&
    JSON.stringify(a.pacing) === JSON.stringify(b.pacing)
  );
}

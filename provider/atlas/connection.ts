import { createHash } from "crypto";
import type { AtlasApi } from "./types";
import type { AtlasClientOptions, AtlasCredentials, PacingOptions } from "./client-options";
import { KeyReader } from "./key-reader";

/**
 * One Atlas client per process and set of credentials. The provider process
 * (runtime/context.ts) and the program's lookups both get their clients here,
 * so a process never holds two digest sessions or two OAuth tokens for the
 * same credentials (the token endpoint allows 10 requests a minute).
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

/**
 * The connections of this process, one per distinct set of settings (the stack
 * config, and each explicit `Provider`), keyed by a digest of the settings so
 * that no credential is a map key. Each keeps its own digest session, OAuth
 * token and read cache. All are dropped when the options object changes.
 */
const connections = new Map<string, AtlasConnection>();
let optionsInUse: Partial<AtlasClientOptions> | undefined;

/**
 * The connection for these settings: the same one for the same base URL,
 * credentials and pacing (and options object); a new one otherwise. Options
 * are for tests (fast retries) and benchmarks (counters).
 */
export function connectionFor(
  settings: ConnectionSettings,
  options?: Partial<Omit<AtlasClientOptions, "credentials" | "baseUrl">>,
): AtlasConnection {
  if (options !== optionsInUse) {
    connections.clear();
    optionsInUse = options;
  }
  const key = digestOf(settings);
  const known = connections.get(key);
  if (known) return known;
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
  const connection = { client, reader };
  connections.set(key, connection);
  return connection;
}

/** Forgets every connection: the next call makes new ones (tests that reconfigure the process). */
export function forgetConnection(): void {
  connections.clear();
}

/** How many connections this process holds (one per distinct set of settings in use). */
export function connectionCount(): number {
  return connections.size;
}

function digestOf(settings: ConnectionSettings): string {
  const identity = JSON.stringify([settings.baseUrl, settings.credentials, settings.pacing ?? null]);
  return createHash("sha256").update(identity).digest("hex");
}

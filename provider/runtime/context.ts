import type { AtlasApi } from "../atlas/types";
import type { AtlasClientOptions } from "../atlas/client";
import { resolveSettings, type ProviderSettings } from "../config/settings";
import { KeyReader } from "../atlas/key-reader";

/**
 * Process-wide state of the provider process: the settings from `configure`
 * and one Atlas client shared by every resource, so that all operations of a
 * run share one digest session, one OAuth token and one read batcher.
 * Nothing here is ever serialized into state.
 */
interface Context {
  settings?: ProviderSettings;
  /** Raised at first use, not in `configure`, so `preview` of unrelated changes still works. */
  settingsError?: Error;
  client?: AtlasApi;
  reader?: KeyReader;
  /** Extra client options (tests: fast retries; benchmarks: counters). */
  clientOptions?: Partial<AtlasClientOptions>;
}

let context: Context = {};

/** A config source as Pulumi's dynamic provider host passes it to `configure`. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/**
 * Takes the stack config (full keys, secrets decrypted) and the environment.
 * Runs synchronously: the host caches the provider before awaiting `configure`,
 * so a concurrent call must already see the new settings.
 */
export function configure(config: ConfigSource, env: Record<string, string | undefined> = process.env): void {
  const previous = context;
  context = { clientOptions: previous.clientOptions };
  try {
    context.settings = resolveSettings({ config: (key) => config.get(key), env });
  } catch (error) {
    context.settingsError = error as Error;
    return;
  }
  // The host calls `configure` once per resource kind in the stack. Keeping the client when
  // nothing changed keeps one digest nonce and one OAuth token for the whole run (the token
  // endpoint allows 10 requests a minute).
  if (previous.settings && sameConnection(previous.settings, context.settings)) {
    context.client = previous.client;
    context.reader = previous.reader;
  }
}

function sameConnection(a: ProviderSettings, b: ProviderSettings): boolean {
  return a.baseUrl === b.baseUrl && JSON.stringify(a.credentials) === JSON.stringify(b.credentials);
}

/** Sets client options for the process (tests and benchmarks); resets the client. */
export function setClientOptions(options: Partial<AtlasClientOptions> | undefined): void {
  context = { ...context, clientOptions: options, client: undefined, reader: undefined };
}

/** The resolved settings; falls back to the environment when `configure` never ran (CLI < 3.139). */
export function settings(): ProviderSettings {
  if (!context.settings && !context.settingsError) configure({ get: () => undefined });
  if (context.settingsError) throw context.settingsError;
  return context.settings!;
}

/** The shared Atlas client, created at first use. */
export function atlas(): AtlasApi {
  if (!context.client) {
    const { credentials, baseUrl } = settings();
    // Loaded lazily: the client pulls in axios, which `check` and `diff` never need.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see the comment above
    const { AtlasClient } = require("../atlas/client") as typeof import("../atlas/client");
    context.client = new AtlasClient({ ...context.clientOptions, credentials, baseUrl });
  }
  return context.client;
}

/** The shared reader that batches concurrent key reads (see key-reader.ts). */
export function reader(): KeyReader {
  if (!context.reader) context.reader = new KeyReader(() => atlas());
  return context.reader;
}

/** Forgets everything: for tests that configure the process several times. */
export function resetContext(): void {
  context = {};
}

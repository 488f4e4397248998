import type { AtlasApi } from "../atlas/types";
import type { AtlasClientOptions } from "../atlas/client";
import { connectionFor, forgetConnection } from "../atlas/connection";
import { resolveSettings, type ProviderSettings } from "../config/settings";
import { resolveExplicitSettings, type ExplicitSettings } from "../config/explicit";
import { now } from "./clock";
import type { HandlerContext } from "../resources/common/contract";

/**
 * Process-wide state of the provider process: the settings from `configure`.
 * The client and its read cache come from atlas/connection.ts (one per
 * process), so all operations of a run share one digest session, one OAuth
 * token and one read batcher. Nothing here is ever serialized into state, and
 * only the runtime reads it: handlers get a {@link HandlerContext}.
 */
interface Context {
  settings?: ProviderSettings;
  /** Raised at first use, not in `configure`, so `preview` of unrelated changes still works. */
  settingsError?: Error;
  /** Extra client options (tests: fast retries; benchmarks: counters). */
  clientOptions?: Partial<AtlasClientOptions>;
  /** The environment `configure` was given, also read for explicit providers' settings. */
  env?: Record<string, string | undefined>;
}

let context: Context = {};

/** A config source as Pulumi's dynamic provider host passes it to `configure`. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/**
 * Takes the stack config (full keys, secrets decrypted) and the environment.
 * Runs synchronously: the host caches the provider before awaiting `configure`,
 * so a concurrent call must already see the new settings. The host calls it
 * once per resource kind in the stack; the connection is kept while the
 * settings stay the same (see connection.ts).
 */
export function configure(config: ConfigSource, env: Record<string, string | undefined> = process.env): void {
  context = { clientOptions: context.clientOptions, env };
  try {
    context.settings = resolveSettings({ config: (key) => config.get(key), env });
  } catch (error) {
    context.settingsError = error as Error;
  }
}

/** Sets client options for the process (tests and benchmarks); the next call gets a new client. */
export function setClientOptions(options: Partial<AtlasClientOptions> | undefined): void {
  context = { ...context, clientOptions: options };
}

/** The resolved settings; falls back to the environment when `configure` never ran (CLI < 3.139). */
export function settings(): ProviderSettings {
  if (!context.settings && !context.settingsError) configure({ get: () => undefined });
  if (context.settingsError) throw context.settingsError;
  return context.settings!;
}

/** The shared Atlas client, created at first use. */
export function atlas(): AtlasApi {
  return connectionFor(settings(), context.clientOptions).client;
}

/**
 * What a handler call receives: the stack config's connection, or the one of
 * the explicit `Provider` the resource names (see explicit-credentials.ts). The client is resolved when a handler first
 * uses it, so bad settings reject that call (inside its promise) and never
 * `check` or `diff`.
 */
export function handlerContext(explicit?: ExplicitSettings): HandlerContext {
  const chosen = () => (explicit ? resolveExplicitSettings(explicit, context.env ?? process.env) : settings());
  const connection = () => connectionFor(chosen(), context.clientOptions);
  return {
    get atlas() {
      return connection().client;
    },
    get reader() {
      return connection().reader;
    },
    now,
  };
}

/** Forgets everything: for tests that configure the process several times. */
export function resetContext(): void {
  context = {};
  forgetConnection();
}

/**
 * Configures the provider runtime in this process the way the dynamic-provider host does
 * (`configure` with the stack config), with the client options of a reliability case, and reads
 * the client's counters.
 */
import type { EmulatorHandle } from "../../emulator";
import type { AtlasClient, AtlasClientOptions } from "../../provider/atlas/client";
import type { AtlasClientStats } from "../../provider/atlas/stats";
import * as context from "../../provider/runtime/context";

/** The stack config a user sets for either kind of credentials, pointing at the emulator. */
export function credentialConfig(
  emulator: EmulatorHandle,
  credentials: "apiKey" | "serviceAccount",
): Record<string, string> {
  return credentials === "apiKey"
    ? {
        "mongodbatlas:publicKey": emulator.publicKey,
        "mongodbatlas:privateKey": emulator.privateKey,
        "mongodbatlas:baseUrl": emulator.url,
      }
    : {
        "mongodbatlas:clientId": emulator.clientId,
        "mongodbatlas:clientSecret": emulator.clientSecret,
        "mongodbatlas:baseUrl": emulator.url,
      };
}

/** Starts the provider afresh (new client, new session) with these credentials and client options. */
export function configureProvider(config: Record<string, string>, options: Partial<AtlasClientOptions>): void {
  closeClient();
  context.resetContext();
  context.setClientOptions(options);
  context.configure({ get: (key) => config[key] }, {});
}

/** The shared client's counters (creates the client if needed). */
export function clientStats(): AtlasClientStats {
  return (context.atlas() as AtlasClient).stats;
}

/** Closes the shared client's pooled connections, if a client exists. */
export function closeClient(): void {
  try {
    (context.atlas() as AtlasClient).close();
  } catch {
    // Not configured (or configured with bad settings): nothing to close.
  }
}

/** Difference of two counter snapshots. */
export function statsDelta(before: AtlasClientStats, after: AtlasClientStats): AtlasClientStats {
  const out: Record<string, number> = {};
  for (const key of Object.keys(after) as Array<keyof AtlasClientStats>) out[key] = after[key] - before[key];
  return out as unknown as AtlasClientStats;
}

/**
 * Runs the provider's runtime in this process against an in-process emulator:
 * the tier between unit tests and the real engine. Retries are made fast so
 * fault cases take milliseconds.
 */
import { start } from "../../emulator";
import * as context from "../../provider/runtime/context";
import { handlers } from "../../provider/runtime";
import { AtlasClient, type AtlasClientOptions } from "../../provider/atlas/client";

export type Emulator = Awaited<ReturnType<typeof start>>;

/** The stack config a user would set, pointing at the emulator. */
export function stackConfig(emulator: Emulator): Record<string, string> {
  return {
    "mongodbatlas:publicKey": emulator.publicKey,
    "mongodbatlas:privateKey": emulator.privateKey,
    "mongodbatlas:baseUrl": emulator.url,
  };
}

/** Configures the provider runtime as the dynamic provider host would. */
export function configureRuntime(
  emulator: Emulator,
  extra: Record<string, string> = {},
  clientOptions: Partial<AtlasClientOptions> = {},
): void {
  context.resetContext();
  context.setClientOptions({ retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50 }, ...clientOptions });
  const config = { ...stackConfig(emulator), ...extra };
  context.configure({ get: (key) => config[key] }, {});
}

/** An independent admin client for out-of-band changes, as a person in the Atlas UI would make. */
export function adminClient(emulator: Emulator): AtlasClient {
  return new AtlasClient({
    baseUrl: emulator.url,
    credentials: { type: "apiKey", publicKey: emulator.publicKey, privateKey: emulator.privateKey },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
}

export { handlers, start };

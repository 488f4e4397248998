/**
 * Where the contract tests run: the in-process emulator by default, or real
 * Atlas when ATLAS_CONTRACT_PUBLIC_KEY, ATLAS_CONTRACT_PRIVATE_KEY,
 * ATLAS_CONTRACT_ORG_ID and ATLAS_CONTRACT_PROJECT_ID are all set (opt-in only;
 * ATLAS_CONTRACT_BASE_URL defaults to https://cloud.mongodb.com). Every request
 * goes through a recording proxy so the fidelity check can validate each body.
 */
import { start, type EmulatorHandle } from "../../emulator";
import { AtlasClient, type AtlasClientOptions } from "../../provider/atlas/client";
import { startRecordingProxy, type RecordingProxy } from "./recording-proxy";

export interface ContractTarget {
  client: AtlasClient;
  orgId: string;
  projectId: string;
  /** Present only against the emulator: tests that need its control plane skip otherwise. */
  emulator?: EmulatorHandle;
  proxy: RecordingProxy;
  /** A client with other options (e.g. no retries) against the same target. */
  clientWith(options: Partial<AtlasClientOptions>): AtlasClient;
  close(): Promise<void>;
}

/** Opens the target for one test file. */
export async function openTarget(seed: string): Promise<ContractTarget> {
  const env = process.env;
  const live =
    env.ATLAS_CONTRACT_PUBLIC_KEY &&
    env.ATLAS_CONTRACT_PRIVATE_KEY &&
    env.ATLAS_CONTRACT_ORG_ID &&
    env.ATLAS_CONTRACT_PROJECT_ID;
  const emulator = live ? undefined : await start({ port: 0, seed, rateLimit: false });
  const upstream = emulator?.url ?? env.ATLAS_CONTRACT_BASE_URL ?? "https://cloud.mongodb.com";
  const proxy = await startRecordingProxy(upstream);
  const credentials = {
    type: "apiKey" as const,
    publicKey: emulator?.publicKey ?? env.ATLAS_CONTRACT_PUBLIC_KEY!,
    privateKey: emulator?.privateKey ?? env.ATLAS_CONTRACT_PRIVATE_KEY!,
  };
  const clientWith = (options: Partial<AtlasClientOptions>) =>
    new AtlasClient({
      baseUrl: proxy.url,
      credentials,
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50 },
      ...options,
    });
  const client = clientWith({});
  return {
    client,
    clientWith,
    orgId: emulator?.orgId ?? env.ATLAS_CONTRACT_ORG_ID!,
    projectId: emulator?.projectId ?? env.ATLAS_CONTRACT_PROJECT_ID!,
    emulator,
    proxy,
    close: async () => {
      client.close();
      await proxy.close();
      await emulator?.close();
    },
  };
}

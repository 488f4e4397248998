import { randomBytes } from "node:crypto";
import {
  applyConfigPatch,
  configPatchOf,
  defaultConfig,
  type ConfigPatch,
  type EmulatorConfig,
  type StartOptions,
} from "./options";
import { Emulator } from "./emulator";
import type { StateDump } from "./control/state-dump";
import type { Fault, FaultSpec } from "./limits/faults";
import type { SeedRequest, SeedResult } from "./model/fixtures";
import type { AtlasModel } from "./model/model";
import type { RequestLogEntry } from "./control/request-log";
import { listen } from "./http/server";
import { bucketFor } from "./limits/rate-limit";
import { loadStateFile, StateFileError } from "./state-file";

export type { ConfigPatch, EmulatorConfig, StartOptions } from "./options";
export type { StateDump } from "./control/state-dump";
export type { Fault, FaultSpec, FaultType } from "./limits/faults";
export type { SeedPrincipal, SeedRequest, SeedResult } from "./model/fixtures";
export { AtlasModel } from "./model/model";
export { AtlasDomainError, isDomainError } from "./model/domain-error";
export type { RateLimitSettings } from "./limits/rate-limit";
export type { RequestLogEntry } from "./control/request-log";

/** A running emulator. Credential fields are those of the main seeded organization. */
export interface EmulatorHandle {
  /** Base URL to give clients as the Atlas base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Id of the main organization (`emulated-org`). */
  orgId: string;
  /** First project of the main organization. */
  projectId: string;
  /** Second project of the main organization. */
  secondProjectId: string;
  /** Both projects of the main organization. */
  projectIds: string[];
  /** Id of the `ORG_OWNER` admin API key. */
  apiKeyId: string;
  /** Public key of that API key: the HTTP Digest user name. */
  publicKey: string;
  /** Private key of that API key, in clear: the HTTP Digest password. */
  privateKey: string;
  /** `ORG_OWNER` service account. */
  clientId: string;
  /** Client secret of that service account, for the OAuth client-credentials grant. */
  clientSecret: string;
  /** A second organization with its own project, `ORG_OWNER` key and service account (cross-org tests). */
  otherOrg: SeedResult;
  /** Seed actually used. */
  seed: string;
  /** Direct access to state and rules, to arrange or inspect state without HTTP. */
  model: AtlasModel;
  /** Current settings. */
  config(): EmulatorConfig;
  /** Changes settings live. */
  configure(patch: ConfigPatch): EmulatorConfig;
  /** Back to the seeded start (same credentials); `empty` leaves no data. Clears faults and the request log. */
  reset(options?: { empty?: boolean }): SeedResult[];
  /** Creates more fixtures. */
  seedData(request?: SeedRequest): SeedResult;
  /** Registers a fault. */
  injectFault(spec: FaultSpec): Fault;
  /** Registered faults with counters. */
  faults(): Fault[];
  /** Removes every registered fault, fired or not. */
  clearFaults(): void;
  /** The request log (no headers, no bodies). */
  requests(): RequestLogEntry[];
  /** Empties the request log; sequence numbers keep counting. */
  clearRequests(): void;
  /**
   * Moves the emulator's clock forward by `seconds` (secret and token expiry, nonces, buckets,
   * timestamps), as `POST /__emulator/clock {advanceSeconds}` does. Returns the new time (ISO 8601).
   */
  advanceClock(seconds: number): string;
  /**
   * Sets the tokens left in the bucket of an organization's API keys and access lists, as if other
   * clients of the organization had used the rest (benchmarks of a drained bucket).
   */
  setOrgKeyBucketTokens(orgId: string, tokens: number): void;
  /** Redacted dump of the state. */
  state(): StateDump;
  /** Writes the state file now (no-op without one). */
  save(): void;
  /** Stops the server (and saves the state file). */
  close(): Promise<void>;
}

/** Starts an emulator in this process. Seeds the default fixtures unless a state file is loaded. */
export async function start(options: StartOptions = {}): Promise<EmulatorHandle> {
  const config = applyConfigPatch(defaultConfig(), configPatchOf(options));
  const snapshot = options.stateFile ? loadStateFile(options.stateFile) : undefined;
  const { emu, main, other } = fromSnapshot(options.stateFile, () => {
    const created = new Emulator({
      seed: options.seed === undefined ? randomBytes(8).toString("hex") : String(options.seed),
      config,
      now: options.now,
      stateFile: options.stateFile,
      snapshot,
    });
    const [first, second] = created.defaults();
    if (!first?.apiKeyId || !first.clientId || !second) throw new Error("defaults lost");
    return { emu: created, main: first, other: second };
  });
  const running = await listen(emu, options.host ?? "127.0.0.1", options.port ?? 0);
  emu.persist();
  let closed = false;
  return {
    url: running.url,
    orgId: main.orgId,
    projectId: main.projectIds[0],
    secondProjectId: main.projectIds[1],
    projectIds: main.projectIds,
    apiKeyId: main.apiKeyId!,
    publicKey: main.publicKey!,
    privateKey: main.privateKey!,
    clientId: main.clientId!,
    clientSecret: main.clientSecret!,
    otherOrg: other,
    seed: emu.model.seed,
    model: emu.model,
    config: () => emu.config,
    configure: (patch) => emu.configure(patch),
    reset: (opts) => emu.reset(opts),
    seedData: (request) => emu.seed(request),
    injectFault: (spec) => emu.faults.add(spec),
    faults: () => emu.faults.list(),
    clearFaults: () => emu.faults.clear(),
    requests: () => emu.log.list(),
    clearRequests: () => emu.log.clear(),
    setOrgKeyBucketTokens: (orgId, tokens) =>
      emu.buckets.setTokens(bucketFor("orgApiKeys", { orgId }, emu.config.rateLimit), tokens),
    state: () => emu.stateDump(),
    advanceClock: (seconds) => emu.advanceClock(seconds),
    save: () => emu.persist(),
    close: async () => {
      if (closed) return;
      closed = true;
      await running.close();
      emu.persist();
    },
  };
}

/**
 * Runs `build` and, when a state file was loaded, turns any failure into a {@link StateFileError}:
 * errors raised while restoring may quote values from the file, and the file holds private keys.
 */
function fromSnapshot<T>(stateFile: string | undefined, build: () => T): T {
  if (!stateFile) return build();
  try {
    return build();
  } catch {
    throw new StateFileError(
      stateFile,
      "its content is not a usable emulator state (the default organization, its admin key or its service account is missing or malformed)",
    );
  }
}

import { DigestAuthority } from "./auth/digest";
import { applyConfigPatch, defaultConfig, type ConfigPatch, type EmulatorConfig } from "./options";
import { FaultInjector } from "./limits/faults";
import { Router } from "./http/router";
import { describeSeed, seed, seedDefaults, type SeedRequest, type SeedResult } from "./model/fixtures";
import { AtlasModel, type ModelSnapshot } from "./model/model";
import { dumpState, type StateDump } from "./control/state-dump";
import { TokenBuckets } from "./limits/rate-limit";
import { RequestLog } from "./control/request-log";
import { atlasRoutes } from "./http/routes";
import { serviceAccountRoutes } from "./http/service-account-routes";
import { saveStateFile } from "./state-file";

/** Construction options of {@link Emulator}. */
export interface EmulatorOptions {
  seed: string;
  config?: EmulatorConfig;
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
  /** Where to persist the state; none when omitted. */
  stateFile?: string;
  /** State to continue from (read from the state file). */
  snapshot?: ModelSnapshot;
}

/**
 * One emulated Atlas: the model plus everything around it (auth, limits, faults, log, routes).
 * The HTTP server, the control plane and the in-process handle all drive this object.
 */
export class Emulator {
  readonly model: AtlasModel;
  readonly digest: DigestAuthority;
  readonly buckets: TokenBuckets;
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly router: Router;
  readonly now: () => number;
  readonly stateFile?: string;
  /** Origin used in response links; set once the server listens. */
  baseUrl = "http://127.0.0.1";
  private current: EmulatorConfig;
  /** How far the clock was moved by {@link Emulator.advanceClock}, in milliseconds. */
  private clockOffsetMs = 0;

  constructor(options: EmulatorOptions) {
    const base = options.now ?? Date.now;
    this.now = () => base() + this.clockOffsetMs;
    this.current = options.config ?? defaultConfig();
    this.stateFile = options.stateFile;
    this.model = new AtlasModel({ seed: options.snapshot?.seed ?? options.seed, now: this.now });
    if (options.snapshot) this.model.restore(options.snapshot);
    // A fresh start, or a state saved after an empty reset: the handle and the CLI need the defaults.
    if (this.model.state.defaults.length < 2) seedDefaults(this.model);
    this.digest = new DigestAuthority(
      () => ({
        algorithm: this.current.digestAlgorithm,
        nonceLifetimeMs: this.current.nonceLifetimeMs,
        nonceReuse: this.current.nonceReuse,
      }),
      this.now,
    );
    this.buckets = new TokenBuckets(this.now);
    this.router = new Router([...atlasRoutes(this.model), ...serviceAccountRoutes(this.model)]);
  }

  /** Current settings. */
  get config(): EmulatorConfig {
    return this.current;
  }

  /** Changes settings live; returns the new settings. */
  configure(patch: ConfigPatch): EmulatorConfig {
    this.current = applyConfigPatch(this.current, patch);
    return this.current;
  }

  /**
   * Back to the start: state re-seeded from the same seed (so the default credentials come back
   * identical), nonces, buckets, faults and the request log cleared. `empty` leaves no data at all.
   */
  reset(options: { empty?: boolean } = {}): SeedResult[] {
    this.model.reset();
    const defaults = options.empty ? [] : seedDefaults(this.model);
    this.digest.clear();
    this.buckets.clear();
    this.faults.clear();
    this.log.clear();
    this.persist();
    return defaults;
  }

  /** Creates fixtures (control plane `POST /__emulator/seed`). */
  seed(request: SeedRequest = {}): SeedResult {
    const result = seed(this.model, request);
    this.persist();
    return result;
  }

  /** The default fixtures with their credentials: [0] the main organization, [1] the other one. */
  defaults(): SeedResult[] {
    return this.model.state.defaults.map((refs) => describeSeed(this.model, refs));
  }

  /** Writes the state file, when there is one. */
  persist(): void {
    if (this.stateFile) saveStateFile(this.stateFile, this.model.snapshot());
  }

  /**
   * Moves the emulator's clock forward by `seconds` (≥ 0), for every part at once: secret and
   * token expiry, nonce lifetime, bucket refill, timestamps. Returns the new time (ISO 8601).
   */
  advanceClock(seconds: number): string {
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0)
      throw new TypeError("advanceSeconds must be a number ≥ 0");
    this.clockOffsetMs += seconds * 1000;
    return new Date(this.now()).toISOString();
  }

  /** A redacted dump of the state. */
  stateDump(): StateDump {
    return dumpState(this.model);
  }
}

/**
 * The faults of the reliability matrix and how each is armed against the emulator. Status,
 * drop and latency faults are the emulator's own fault types aimed at one request; a stale
 * digest nonce and an expired OAuth token are states of the session, made by shortening the
 * nonce lifetime or expiring the token on the server after the client has cached it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { EmulatorHandle, FaultSpec } from "../../emulator";

/** The request a fault aims at: method and a regular expression on the path. */
export interface Target {
  method: string;
  path: string;
}

/** Client settings of the matrix: fast backoff, a real 1 s Retry-After honoured, a short timeout. */
export const MATRIX_CLIENT = {
  retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2_000 },
  requestTimeoutMs: 500,
};

/** Delay of the latency fault: well past {@link MATRIX_CLIENT}'s request timeout. */
const LATE_MS = 1_500;

/** One column of the matrix. */
export interface FaultCase {
  name: string;
  /** Which credentials the provider is configured with for this case. */
  credentials: "apiKey" | "serviceAccount";
  /**
   * Arms the fault right before the operation. `warmUp` sends one request through the
   * provider's own client, so that it holds a nonce or a token to go stale.
   */
  arm(emulator: EmulatorHandle, target: Target, warmUp: () => Promise<void>): Promise<void>;
  /** Undoes configuration changes (faults themselves are cleared by the caller). */
  disarm?(emulator: EmulatorHandle): void;
  /** How long a request held by the fault may still be carried out after the client gave up. */
  settleMs?: number;
  /** True when the fault makes the server carry out or maybe carry out the request without a usable answer. */
  ambiguousForCreate: boolean;
  /** True when no retry budget can get through (the fault outlasts every attempt). */
  persistent?: boolean;
}

function inject(spec: Omit<FaultSpec, "method" | "path">): FaultCase["arm"] {
  return async (emulator, target) => {
    emulator.injectFault({ ...spec, method: target.method, path: target.path });
  };
}

/** Every fault of the matrix, in column order. */
export const FAULTS: FaultCase[] = [
  {
    name: "429 + Retry-After",
    credentials: "apiKey",
    ambiguousForCreate: false,
    arm: inject({ type: "status", status: 429, retryAfterSeconds: 1, count: 2 }),
  },
  {
    name: "429 bare",
    credentials: "apiKey",
    ambiguousForCreate: false,
    arm: inject({ type: "status", status: 429, count: 2 }),
  },
  {
    name: "500",
    credentials: "apiKey",
    ambiguousForCreate: true,
    arm: inject({ type: "status", status: 500, count: 2 }),
  },
  {
    name: "503",
    credentials: "apiKey",
    ambiguousForCreate: true,
    arm: inject({ type: "status", status: 503, count: 2 }),
  },
  {
    name: "503 persistent",
    credentials: "apiKey",
    ambiguousForCreate: true,
    persistent: true,
    arm: inject({ type: "status", status: 503, count: 1_000 }),
  },
  { name: "drop", credentials: "apiKey", ambiguousForCreate: true, arm: inject({ type: "drop", count: 1 }) },
  {
    name: "dropAfterCommit",
    credentials: "apiKey",
    ambiguousForCreate: true,
    arm: inject({ type: "dropAfterCommit", count: 1 }),
  },
  {
    name: "latency > timeout",
    credentials: "apiKey",
    ambiguousForCreate: true,
    settleMs: LATE_MS + 300,
    arm: inject({ type: "latency", delayMs: LATE_MS, count: 1 }),
  },
  {
    name: "stale nonce",
    credentials: "apiKey",
    ambiguousForCreate: false,
    async arm(emulator, _target, warmUp) {
      await warmUp();
      // The nonce the client holds is now older than the server accepts: it answers stale=true.
      emulator.configure({ nonceLifetimeMs: 100 });
      await sleep(150);
    },
    disarm: (emulator) => void emulator.configure({ nonceLifetimeMs: 60_000 }),
  },
  {
    name: "expired token",
    credentials: "serviceAccount",
    ambiguousForCreate: false,
    async arm(emulator, _target, warmUp) {
      await warmUp();
      // The client still thinks its cached token is good for an hour; the server no longer does.
      for (const token of Object.values(emulator.model.state.tokens)) token.expiresAt = 0;
    },
  },
];

/**
 * Proof that the fault really acted on the operation: the emulator's fault counter for injected
 * faults, or a 401 answering signed credentials for session faults. Undefined when it did.
 */
export function faultMissed(emulator: EmulatorHandle, fault: FaultCase, fromSeq: number): string | undefined {
  const injected = emulator.faults();
  if (injected.length > 0) return injected.some((f) => f.fired > 0) ? undefined : "the injected fault never fired";
  const scheme = fault.credentials === "apiKey" ? "digest" : "bearer";
  const rejected = emulator
    .requests()
    .some((r) => r.seq > fromSeq && r.status === 401 && r.auth === scheme && !r.challenge);
  return rejected ? undefined : `no ${scheme} request was refused as ${fault.name}`;
}

/**
 * Expires every OAuth token on the server once, right after the `accepted`-th request the
 * emulator authenticates with a bearer token, while the client still believes its token valid:
 * the expiry lands in the middle of a CLI run however fast it goes. Tokens issued afterwards
 * live normally. Returns a function that removes the hook.
 */
export function expireTokensOnce(emulator: EmulatorHandle, accepted: number): () => void {
  const model = emulator.model;
  const original = model.resolveToken;
  let seen = 0;
  model.resolveToken = (accessToken: string) => {
    const account = original.call(model, accessToken);
    if (account && ++seen === accepted) for (const token of Object.values(model.state.tokens)) token.expiresAt = 0;
    return account;
  };
  return () => {
    model.resolveToken = original;
  };
}

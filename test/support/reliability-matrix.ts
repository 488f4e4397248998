/**
 * One case of the fault matrix: prepare the resource, arm the fault, run the operation as one
 * engine step, then check what a user would be left with: invariants before and after the
 * documented recovery, and convergence of a clean rerun.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { EmulatorHandle } from "../../emulator";
import * as context from "../../provider/runtime/context";
import { FAULTS, MATRIX_CLIENT, faultMissed, type FaultCase } from "./reliability-faults";
import { Ledger, checkInvariants, keysWithPrefix, serviceAccountStrays } from "./reliability-ledger";
import { OPERATIONS, type Operation } from "./reliability-operations";
import { SERVICE_ACCOUNT_OPERATIONS } from "./reliability-sa-operations";
import {
  deleteUnknownKeys,
  deleteUnknownServiceAccountObjects,
  perform,
  prepare,
  unsettled,
} from "./reliability-steps";
import { strayRoots } from "./service-account-world";
import { clientStats, configureProvider, credentialConfig, statsDelta } from "./reliability-runtime";
import type { SecretBook } from "./reliability-scan";

/** What one case produced. */
export interface MatrixRow {
  resource: string;
  op: string;
  fault: string;
  /** The operation succeeded (possibly after retries). */
  ok: boolean;
  /** Table cell: "ok after 2 retries", "failed: …", "n/a". */
  outcome: string;
  message?: string;
  /** Resends by the retry policy, digest re-challenges and token requests during the operation. */
  retries: number;
  challenges: number;
  tokenRequests: number;
  /** HTTP requests that reached the emulator during the operation. */
  requests: number;
  /** Keys of the case that existed but were not in state right after the failure. */
  strayKeys: number;
  /** Every such key's id is named in the error message. */
  strayNamed: boolean;
  /** The message warns that a key may still appear (a timed-out create). */
  strayWarned: boolean;
  /** Keys deleted by the recovery of docs/recovery.md. */
  recovered: number;
  /** Invariant violations and differences left after the clean rerun. */
  problems: string[];
  /** Why the fault did not act on the operation, if it did not. */
  missed?: string;
}

/** Whether the operation is expected to succeed despite the fault (see RELIABILITY.md). */
export function expectedOk(op: Operation, fault: FaultCase): boolean {
  if (!op.target) return true;
  if (fault.persistent) return false;
  if (op.createsKey && fault.ambiguousForCreate) return false;
  return true;
}

function lastSeq(emulator: EmulatorHandle): number {
  return emulator.requests().at(-1)?.seq ?? 0;
}

function describeOutcome(ok: boolean, retries: number, challenges: number, tokens: number, message?: string): string {
  if (!ok) return `failed: ${message}`;
  const parts = [`${retries} ${retries === 1 ? "retry" : "retries"}`];
  if (challenges > 0) parts.push(`${challenges} new nonce${challenges === 1 ? "" : "s"}`);
  if (tokens > 0) parts.push(`${tokens} token request${tokens === 1 ? "" : "s"}`);
  return `ok after ${parts.join(", ")}`;
}

/**
 * Runs case number `n`; `texts` receives every provider log line and error message, `book`
 * every secret that existed during the case (keys it deletes take theirs with them).
 */
export async function runCase(
  emulator: EmulatorHandle,
  op: Operation,
  fault: FaultCase,
  n: number,
  texts: string[],
  book: SecretBook,
): Promise<MatrixRow> {
  const prefix = `rel-${String(n).padStart(3, "0")} `;
  configureProvider(credentialConfig(emulator, fault.credentials), {
    ...MATRIX_CLIENT,
    log: (line) => texts.push(line),
  });
  const ctx = { emulator, ledger: new Ledger(), prefix };
  const prepared = await prepare(op, ctx);
  book.remember(emulator);
  // A session in use (nonce or token held), as mid-deployment: counters then show only what the fault caused.
  const warmUp = async () => void (await context.atlas().getOrganization(emulator.orgId));
  await warmUp();
  const armedAt = lastSeq(emulator);
  if (op.target) await fault.arm(emulator, op.target, warmUp);
  const before = clientStats();
  const sentFrom = lastSeq(emulator);
  let error: Error | undefined;
  try {
    await perform(op, ctx, prepared);
  } catch (e) {
    error = e as Error;
    texts.push(error.message, String(error.stack));
  }
  book.remember(emulator);
  const delta = statsDelta(before, clientStats());
  const requests = emulator.requests().filter((r) => r.seq > sentFrom).length;
  const missed = op.target ? faultMissed(emulator, fault, armedAt) : undefined;
  emulator.clearFaults();
  fault.disarm?.(emulator);
  // A request held past the client's timeout may still be carried out: wait for it before judging.
  if (fault.settleMs) await sleep(fault.settleMs);
  const known = ctx.ledger.knownKeyIds();
  const serviceAccounts = op.kind.startsWith("serviceAccount");
  // What a stray is named by: a key's id; an account's client id, or a secret's id.
  const stray = serviceAccounts
    ? strayRoots(serviceAccountStrays(emulator, ctx.ledger, prefix)).map((o) => ({ id: o.split(/[:/]/).at(-1)! }))
    : keysWithPrefix(emulator, prefix).filter((k) => !known.has(k.id));
  const message = error?.message;
  const recovered =
    error && op.createsKey
      ? serviceAccounts
        ? await deleteUnknownServiceAccountObjects(ctx)
        : await deleteUnknownKeys(ctx, String(prepared.inputs.description))
      : 0;
  // The clean rerun: what the next `pulumi up` (or refresh/destroy) does with the state left behind.
  await perform(op, ctx, prepared, true);
  const problems = [...checkInvariants(emulator, ctx.ledger, prefix), ...(await unsettled(op, ctx, prepared))];
  return {
    resource: op.resource,
    op: op.label,
    fault: fault.name,
    ok: !error,
    outcome: op.target
      ? describeOutcome(!error, delta.retries, delta.challenges, delta.tokenRequests, message)
      : "n/a: sends no request",
    message,
    retries: delta.retries,
    challenges: delta.challenges,
    tokenRequests: delta.tokenRequests,
    requests,
    strayKeys: stray.length,
    strayNamed: stray.every((k) => message?.includes(k.id)),
    strayWarned: /may still carry out/.test(message ?? ""),
    recovered,
    problems,
    missed,
  };
}

/** Every (operation, fault) pair in table order. */
export function allCases(): Array<{ op: Operation; fault: FaultCase }> {
  return [...OPERATIONS, ...SERVICE_ACCOUNT_OPERATIONS].flatMap((op) => FAULTS.map((fault) => ({ op, fault })));
}

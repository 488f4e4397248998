/**
 * Invariants of a real stack against the emulator: no orphan, no duplicate, no pending
 * operation left, and every private key output (a secret) equal to the one Atlas issued.
 */
import type { Stack } from "@pulumi/pulumi/automation";
import type { EmulatorHandle } from "../../emulator";
import { exportState } from "../../harness/pulumi";
import { orphansOf, pendingOperations } from "./reliability-cli";
import { keysWithPrefix } from "./reliability-ledger";

/** Violations, as sentences without any secret. Empty when every invariant holds. */
export async function stackProblems(stack: Stack, emulator: EmulatorHandle, prefix: string): Promise<string[]> {
  const state = await exportState(stack);
  const problems = orphansOf(emulator, prefix, state).map((k) => `orphan key ${k.id} ("${k.desc}")`);
  const counts = new Map<string, number>();
  for (const key of keysWithPrefix(emulator, prefix)) counts.set(key.desc, (counts.get(key.desc) ?? 0) + 1);
  for (const [desc, count] of counts) if (count > 1) problems.push(`${count} keys with description "${desc}"`);
  const pending = pendingOperations(state);
  if (pending.length) problems.push(`${pending.length} pending operations in state`);
  const outputs = await stack.outputs();
  for (const [name, output] of Object.entries(outputs)) {
    const match = /^(.*)PrivateKey$/.exec(name);
    if (!match) continue;
    if (!output.secret) problems.push(`output ${name} is not a secret`);
    const keyId = String(outputs[`${match[1]}KeyId`]?.value);
    const record = emulator.model.state.apiKeys[keyId];
    if (!record || record.privateKey !== output.value)
      problems.push(`output ${name} is not the private key Atlas issued (${whatItIs(emulator, keyId, output.value)})`);
  }
  return problems;
}

/** What a mismatching private-key output holds instead, said without the value itself. */
function whatItIs(emulator: EmulatorHandle, keyId: string, value: unknown): string {
  if (!emulator.model.state.apiKeys[keyId]) return `Atlas has no key ${keyId}`;
  if (typeof value !== "string") return `a ${typeof value}, not a string`;
  if (value === "") return "it is empty";
  const owner = Object.values(emulator.model.state.apiKeys).find((k) => k.privateKey === value);
  return owner ? `it is the private key of key ${owner.id} ("${owner.desc}")` : "it matches no key Atlas holds";
}

/** Requests of the emulator after sequence number `from`, with counts by status. */
export function requestFigures(
  emulator: EmulatorHandle,
  from: number,
): { requests: number; rateLimited: number; errors5xx: number; dropped: number } {
  const entries = emulator.requests().filter((r) => r.seq > from);
  return {
    requests: entries.length,
    rateLimited: entries.filter((r) => r.status === 429).length,
    errors5xx: entries.filter((r) => (r.status ?? 0) >= 500).length,
    dropped: entries.filter((r) => r.status === null).length,
  };
}

/** Sequence number of the last logged request (0 when none). */
export function lastSeq(emulator: EmulatorHandle): number {
  return emulator.requests().at(-1)?.seq ?? 0;
}

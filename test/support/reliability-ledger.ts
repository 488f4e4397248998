/**
 * The "state" side of the fault matrix: what the Pulumi engine would hold after each provider
 * call, and the invariants checked against the emulator after every case. The engine keeps a
 * resource only when `create` returned; the ledger does the same, so a key the emulator holds
 * and the ledger does not is exactly a key nobody knows about.
 */
import type { EmulatorHandle } from "../../emulator";
import { liveObjectsInModel, objectsShownBy } from "./service-account-world";

/** One resource as the engine would store it: its id, kind and outputs. */
export interface LedgerEntry {
  id: string;
  kind: string;
  outs: Record<string, unknown>;
}

/** Resources "in state", by id. */
export class Ledger {
  private readonly entries = new Map<string, LedgerEntry>();
  /** Keys made outside the resources under test (fixtures), which are known by construction. */
  private readonly fixtures = new Set<string>();

  /** Records a successful create (or update: the outputs replace the old ones). */
  put(kind: string, id: string, outs: object): void {
    this.entries.set(id, { id, kind, outs: { ...(outs as Record<string, unknown>) } });
  }

  /** Records a successful delete. */
  remove(id: string): void {
    this.entries.delete(id);
  }

  get(id: string): LedgerEntry | undefined {
    return this.entries.get(id);
  }

  /** Service accounts made by the test itself (the account a secret, assignment or entry belongs to). */
  private readonly fixtureAccounts = new Set<string>();

  /** Marks a service account created by the test itself. */
  fixtureAccount(clientId: string): void {
    this.fixtureAccounts.add(clientId);
  }

  /** Every service-account object the state shows (see service-account-world.ts), fixtures included. */
  shownServiceAccountObjects(): Set<string> {
    const shown = new Set([...this.fixtureAccounts].map((clientId) => `account:${clientId}`));
    for (const entry of this.entries.values()) for (const o of objectsShownBy(entry.kind, entry.outs)) shown.add(o);
    return shown;
  }

  /** Marks a key created by the test itself (e.g. the key an assignment points at). */
  fixture(apiKeyId: string): void {
    this.fixtures.add(apiKeyId);
  }

  /** Every key id the state knows: outputs of key resources (current and, during a rotation's overlap, previous), plus fixtures. */
  knownKeyIds(): Set<string> {
    const ids = new Set(this.fixtures);
    for (const { apiKeyId } of this.keys()) ids.add(apiKeyId);
    return ids;
  }

  /** Ids of the previous keys that rotating resources keep for their overlap. */
  previousKeyIds(): Set<string> {
    return new Set(
      this.keys()
        .filter((key) => key.previous)
        .map((key) => key.apiKeyId),
    );
  }

  /** The keys of key resources with the private key the state holds for each. */
  keys(): Array<{ apiKeyId: string; privateKey: string; previous?: true }> {
    return [...this.entries.values()]
      .filter((e) => e.kind === "apiKey" || e.kind === "projectApiKey")
      .flatMap((e) => {
        const current = { apiKeyId: String(e.outs.apiKeyId), privateKey: String(e.outs.privateKey) };
        if (!e.outs.previousApiKeyId) return [current];
        const previous = { apiKeyId: String(e.outs.previousApiKeyId), privateKey: String(e.outs.previousPrivateKey) };
        return [current, { ...previous, previous: true as const }];
      });
  }

  all(): LedgerEntry[] {
    return [...this.entries.values()];
  }
}

/** Keys of the emulator whose description starts with `prefix` (the ones a case made). */
export function keysWithPrefix(emulator: EmulatorHandle, prefix: string) {
  return Object.values(emulator.model.state.apiKeys).filter((key) => key.desc.startsWith(prefix));
}

/** Invariant violations, as sentences that never contain a private key. Empty when all hold. */
export function checkInvariants(emulator: EmulatorHandle, ledger: Ledger, prefix: string): string[] {
  const problems: string[] = [];
  const liveKeys = keysWithPrefix(emulator, prefix);
  const known = ledger.knownKeyIds();
  // 1. No orphan: every live key made by the case is in state.
  for (const key of liveKeys) if (!known.has(key.id)) problems.push(`orphan key ${key.id} ("${key.desc}")`);
  // 2. No duplicate from a resent create: descriptions are unique per case by construction
  //    (a rotated-out key in its overlap shares its successor's description, on purpose).
  const previous = ledger.previousKeyIds();
  const seen = new Map<string, number>();
  for (const key of liveKeys) if (!previous.has(key.id)) seen.set(key.desc, (seen.get(key.desc) ?? 0) + 1);
  for (const [desc, count] of seen) if (count > 1) problems.push(`${count} keys with description "${desc}"`);
  // 3. The private key in state is the one Atlas issued for that key at creation.
  for (const { apiKeyId, privateKey } of ledger.keys()) {
    const record = emulator.model.state.apiKeys[apiKeyId];
    if (!record) problems.push(`key ${apiKeyId} is in state but not in Atlas`);
    else if (record.privateKey !== privateKey)
      problems.push(`key ${apiKeyId}: the private key in state is not the one Atlas issued`);
  }
  // 4. Assignments and access-list entries in state exist in Atlas.
  for (const entry of ledger.all()) {
    const key = emulator.model.state.apiKeys[String(entry.outs.apiKeyId)];
    if (entry.kind === "apiKeyProjectAssignment" && !key?.projectRoles[String(entry.outs.projectId)]) {
      problems.push(`assignment ${entry.id} is in state but not in Atlas`);
    }
    if (entry.kind === "accessListApiKey" && !key?.accessList.some((e) => e.cidrBlock === entry.outs.cidrBlock)) {
      problems.push(`access-list entry ${entry.id} is in state but not in Atlas`);
    }
  }
  // 5. Service-account objects: every account, secret, assignment and entry of the case that Atlas
  //    holds is in state, and the other way round.
  const shown = ledger.shownServiceAccountObjects();
  for (const object of serviceAccountStrays(emulator, ledger, prefix)) problems.push(`orphan ${object}`);
  const held = new Set(liveObjectsInModel(emulator, prefix));
  for (const object of shown) if (!held.has(object)) problems.push(`${object} is in state but not in Atlas`);
  return problems;
}

/** Service-account objects of the case (accounts named with `prefix`) that the state does not show. */
export function serviceAccountStrays(emulator: EmulatorHandle, ledger: Ledger, prefix: string): string[] {
  const shown = ledger.shownServiceAccountObjects();
  return liveObjectsInModel(emulator, prefix).filter((object) => !shown.has(object));
}

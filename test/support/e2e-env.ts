/**
 * The Atlas side of the end-to-end tests: an in-process emulator that remembers every private
 * key it hands out, an admin client for out-of-band changes, and the leak scan.
 */
import { expect } from "chai";
import { start, type EmulatorHandle, type RequestLogEntry } from "../../emulator";
import { AtlasClient } from "../../provider/atlas/client";

/** A value that must never appear in state or CLI output, with a label that is safe to print. */
export interface Secret {
  label: string;
  value: string;
}

/** An emulator plus what the end-to-end tests need around it. */
export interface E2eAtlas {
  emulator: EmulatorHandle;
  /** An independent client with the seeded admin key: plays a person working in the Atlas UI. */
  admin: AtlasClient;
  /**
   * Every secret the emulator knows or handed out so far: admin credentials, all private keys,
   * and the secrets of service accounts seen in its state.
   */
  secrets(): Secret[];
  /** Ids of the keys of the main organization right now. */
  orgKeyIds(): string[];
  close(): Promise<void>;
}

/**
 * Starts an emulator on 127.0.0.1 with a random port. The model's create methods are wrapped so
 * the private key of every key created (by the stack or by the admin client) is remembered, even
 * after the key is deleted: a leak of a rotated-away key counts too.
 */
export async function startAtlas(seed: string): Promise<E2eAtlas> {
  const emulator = await start({ host: "127.0.0.1", port: 0, seed });
  const issued = new Map<string, string>();
  const model = emulator.model;
  const createOrgKey = model.createOrgKey.bind(model);
  const createProjectKey = model.createProjectKey.bind(model);
  model.createOrgKey = (...args) => remember(createOrgKey(...args));
  model.createProjectKey = (...args) => remember(createProjectKey(...args));
  function remember<K extends { id: string; privateKey: string }>(key: K): K {
    issued.set(key.id, key.privateKey);
    return key;
  }

  const admin = new AtlasClient({
    baseUrl: emulator.url,
    credentials: { type: "apiKey", publicKey: emulator.publicKey, privateKey: emulator.privateKey },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  const secrets = (): Secret[] => {
    const list: Secret[] = [
      { label: "admin private key", value: emulator.privateKey },
      { label: "admin service account secret", value: emulator.clientSecret },
      { label: "other org private key", value: emulator.otherOrg.privateKey! },
      { label: "other org service account secret", value: emulator.otherOrg.clientSecret! },
    ];
    for (const key of Object.values(model.state.apiKeys)) issued.set(key.id, key.privateKey);
    for (const account of Object.values(model.state.serviceAccounts)) {
      for (const secret of account.secrets) issued.set(`${account.clientId}/${secret.id}`, secret.secret);
    }
    for (const [id, value] of issued) {
      const label = id.includes("/") ? `secret of service account ${id}` : `private key of API key ${id}`;
      list.push({ label, value });
    }
    return list;
  };
  const orgKeyIds = () =>
    Object.values(model.state.apiKeys)
      .filter((key) => key.orgId === emulator.orgId)
      .map((key) => key.id)
      .sort();
  return {
    emulator,
    admin,
    secrets,
    orgKeyIds,
    close: async () => {
      admin.close();
      await emulator.close();
    },
  };
}

/**
 * Asserts that none of `secrets` occurs in `text`. On failure only labels and counts are printed,
 * never the text or the values: a failing assertion must not become the leak it reports.
 */
export function expectNoSecrets(where: string, text: string, secrets: Secret[]): void {
  const found = secrets
    .map((s) => ({ label: s.label, count: s.value ? text.split(s.value).length - 1 : 0 }))
    .filter((s) => s.count > 0);
  const summary = found.map((s) => `${s.label} (${s.count}x)`).join(", ");
  expect(found.length, `secrets found in ${where}: ${summary}`).to.equal(0);
}

/**
 * Compares two secret values without ever printing them (chai prints both sides of a failed
 * `equal`).
 */
export function expectSameSecret(actual: unknown, expected: string, what: string): void {
  expect(typeof actual === "string" && actual === expected, `${what} does not match (values not shown)`).to.equal(true);
}

/** Requests that reached Admin API routes (everything under /api/), as opposed to the control plane. */
export function apiRequests(emulator: EmulatorHandle): RequestLogEntry[] {
  return emulator.requests().filter((r) => r.path.startsWith("/api/"));
}

/** Sequence number of the first successful request matching `method` and `path`, or -1. */
export function firstSuccess(log: RequestLogEntry[], method: string, path: RegExp): number {
  const hit = log.find((r) => r.method === method && path.test(r.path) && r.status !== null && r.status < 300);
  return hit ? hit.seq : -1;
}

/** Status of a client-credentials token request at the emulator (200 for a working secret). */
export async function tokenStatus(emulator: EmulatorHandle, clientId: string, secret: string): Promise<number> {
  const response = await fetch(`${emulator.url}/api/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  await response.arrayBuffer();
  return response.status;
}

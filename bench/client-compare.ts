/**
 * Steady-state HTTP requests per API call: this project's `AtlasClient`
 * (digest nonce reused with an increasing nonce count) against
 * `@mhoc/axios-digest-auth`, which sends every request unauthenticated first
 * and answers the 401 challenge (two requests per call). Both run the same
 * sequence of calls against the same emulator: first one call at a time, then with several
 * sequences running concurrently (as the provider does under `--parallel`).
 */
import AxiosDigestAuth from "@mhoc/axios-digest-auth";
import type { EmulatorHandle } from "../emulator";
import { AtlasClient } from "../provider/atlas/client";
import { ATLAS_MEDIA_TYPE, API_PREFIX } from "../provider/atlas/endpoints";

/** What one client did over the measured calls. */
export interface ClientFigures {
  client: string;
  /** Sequences running at once (1 = one call at a time). */
  concurrency: number;
  /** API calls made in the measured phase (after one warm-up round). */
  apiCalls: number;
  /** HTTP requests counted by the emulator's request log. */
  serverRequests: number;
  /** 401 digest challenges counted by the emulator. */
  serverChallenges: number;
  /** Requests with credentials refused with 401 (e.g. a nonce count overtaken by a higher one). */
  serverRefused: number;
  /** HTTP requests counted by the client itself (`stats.httpRequests`), when it counts them. */
  clientRequests?: number;
  /** Mean wall time of one call, in milliseconds. */
  msPerCall: number;
}

/** One round of the sequence: get a key, list the organization's keys, patch a key's description. */
interface CallSequence {
  get(): Promise<unknown>;
  list(): Promise<unknown>;
  patch(description: string): Promise<unknown>;
}

const CALLS_PER_ROUND = 3;

/**
 * Runs the comparison: `calls` API calls per client (rounded up to whole get/list/patch rounds),
 * one sequence at a time and then `concurrency` sequences at once.
 */
export async function compareClients(
  emulator: EmulatorHandle,
  calls: number,
  concurrency: number,
): Promise<ClientFigures[]> {
  const credentials = { type: "apiKey" as const, publicKey: emulator.publicKey, privateKey: emulator.privateKey };
  const client = new AtlasClient({ baseUrl: emulator.url, credentials });
  const target = await client.createOrgApiKey(emulator.orgId, {
    desc: "bench client comparison",
    roles: ["ORG_READ_ONLY"],
  });
  const orgId = emulator.orgId;
  const rounds = Math.ceil(calls / CALLS_PER_ROUND);
  try {
    const ours: CallSequence = {
      get: () => client.getOrgApiKey(orgId, target.id),
      list: () => client.listOrgApiKeys(orgId),
      patch: (desc) => client.updateOrgApiKey(orgId, target.id, { desc }),
    };
    const baseline = baselineSequence(emulator, target.id);
    const figures: ClientFigures[] = [];
    for (const parallel of [1, concurrency]) {
      figures.push(
        await measure(emulator, "this project: AtlasClient", ours, rounds, parallel, () => client.stats.httpRequests),
      );
      figures.push(await measure(emulator, "@mhoc/axios-digest-auth 0.8.0", baseline, rounds, parallel));
    }
    return figures;
  } finally {
    await client.deleteOrgApiKey(orgId, target.id);
    client.close();
  }
}

/** The same calls through `@mhoc/axios-digest-auth` (its own axios 0.22 inside). */
function baselineSequence(emulator: EmulatorHandle, keyId: string): CallSequence {
  const digest = new AxiosDigestAuth({ username: emulator.publicKey, password: emulator.privateKey });
  const keys = `${emulator.url}${API_PREFIX}/orgs/${emulator.orgId}/apiKeys`;
  const headers = () => ({ Accept: ATLAS_MEDIA_TYPE, "Content-Type": ATLAS_MEDIA_TYPE });
  return {
    get: () => digest.request({ method: "GET", url: `${keys}/${keyId}`, headers: headers() }),
    // It signs the path without the query string, so the list goes without `itemsPerPage`/`pageNum`
    // (one page either way: the organization holds far fewer keys than a page).
    list: () => digest.request({ method: "GET", url: keys, headers: headers() }),
    patch: (desc) => digest.request({ method: "PATCH", url: `${keys}/${keyId}`, headers: headers(), data: { desc } }),
  };
}

/** One warm-up round (not counted), then `rounds` rounds, `concurrency` at a time, counted by the emulator and timed. */
async function measure(
  emulator: EmulatorHandle,
  name: string,
  calls: CallSequence,
  rounds: number,
  concurrency: number,
  clientCounter?: () => number,
): Promise<ClientFigures> {
  const round = async (i: number) => {
    await calls.get();
    await calls.list();
    await calls.patch(`bench client comparison ${i}`);
  };
  await round(0);
  emulator.clearRequests();
  const counted = clientCounter?.();
  const started = performance.now();
  let next = 1;
  const worker = async () => {
    while (next <= rounds) await round(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  const log = emulator.requests();
  const refused = log.filter((entry) => entry.status === 401 && !entry.challenge);
  const failed = log.filter((entry) => entry.status === null || (entry.status >= 300 && entry.status !== 401));
  if (failed.length)
    throw new Error(
      `${name}: ${failed.length} requests failed (first: ${failed[0].method} ${failed[0].path} → ${failed[0].status})`,
    );
  const apiCalls = rounds * CALLS_PER_ROUND;
  return {
    client: name,
    concurrency,
    apiCalls,
    serverRequests: log.length,
    serverChallenges: log.filter((entry) => entry.challenge).length,
    serverRefused: refused.length,
    clientRequests: counted === undefined ? undefined : clientCounter!() - counted,
    msPerCall: elapsed / apiCalls,
  };
}

import type { ApiKeyDetails, AtlasApi } from "./types";
import { GONE_WHEN, goneIf } from "./not-found";

/** Tuning of the read batcher; see KeyReader. */
export interface KeyReaderOptions {
  /** How long the first read of a scope waits for others to join it (ms). */
  windowMs: number;
  /** How long a list fetched for a batch keeps answering reads that arrive later (ms). */
  snapshotTtlMs: number;
}

export const DEFAULT_READER_OPTIONS: KeyReaderOptions = { windowMs: 15, snapshotTtlMs: 2_000 };

/** Keys of one scope (an organization or a project) by id; undefined when the scope does not exist. */
type KeyMap = Map<string, ApiKeyDetails> | undefined;

interface Snapshot {
  startedAt: number;
  keys: Promise<KeyMap>;
}

interface Waiter {
  keyId: string;
  resolve: (key: ApiKeyDetails | undefined) => void;
  reject: (error: unknown) => void;
}

/** How to read one scope: list all its keys, and optionally get a single key. */
interface Scope {
  list: () => Promise<ApiKeyDetails[]>;
  /** The error codes that say the scope itself is gone (see not-found.ts). */
  goneWhen: readonly string[];
  getOne?: (keyId: string) => Promise<ApiKeyDetails>;
}

/**
 * Coalesces key reads. A `pulumi refresh` of N keys asks for N keys, up to
 * `--parallel` at a time, all in the same provider process. Reads of one
 * organization (or project) that arrive within `windowMs` are answered by one
 * paginated list call (500 keys a page) instead of N GETs, and that list keeps
 * answering reads that arrive within `snapshotTtlMs` of its start. A lone
 * organization read uses a single GET. Each key is still looked up by id in a
 * complete list, so drift and deletion are detected per key; a change made
 * outside Pulumi during those two seconds is seen by the next refresh. Every
 * write made through this process drops all snapshots at once.
 */
export class KeyReader {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly batches = new Map<string, Waiter[]>();

  constructor(
    private readonly api: () => AtlasApi,
    private readonly options: KeyReaderOptions = DEFAULT_READER_OPTIONS,
    private readonly now: () => number = Date.now,
  ) {}

  /** An organization key, or undefined when it (or its organization) does not exist. */
  orgKey(orgId: string, keyId: string): Promise<ApiKeyDetails | undefined> {
    return this.lookup(`org/${orgId}`, keyId, {
      list: () => this.api().listOrgApiKeys(orgId),
      goneWhen: GONE_WHEN.orgKeys,
      getOne: (id) => this.api().getOrgApiKey(orgId, id),
    });
  }

  /** A key as listed in a project (roles included), or undefined when it is not assigned there. */
  projectKey(projectId: string, keyId: string): Promise<ApiKeyDetails | undefined> {
    return this.lookup(`project/${projectId}`, keyId, {
      list: () => this.api().listProjectApiKeys(projectId),
      goneWhen: GONE_WHEN.project,
    });
  }

  /** Forgets every snapshot: called before every write. */
  invalidate(): void {
    this.snapshots.clear();
  }

  private async lookup(scopeKey: string, keyId: string, scope: Scope): Promise<ApiKeyDetails | undefined> {
    const snapshot = this.snapshots.get(scopeKey);
    if (snapshot && this.now() - snapshot.startedAt <= this.options.snapshotTtlMs) {
      return (await snapshot.keys)?.get(keyId);
    }
    return new Promise((resolve, reject) => {
      const batch = this.batches.get(scopeKey);
      if (batch) {
        batch.push({ keyId, resolve, reject });
        return;
      }
      this.batches.set(scopeKey, [{ keyId, resolve, reject }]);
      setTimeout(() => this.flush(scopeKey, scope), this.options.windowMs);
    });
  }

  private flush(scopeKey: string, scope: Scope): void {
    const waiters = this.batches.get(scopeKey) ?? [];
    this.batches.delete(scopeKey);
    if (waiters.length === 1 && scope.getOne) {
      const [only] = waiters;
      // Called inside the promise chain: a configuration error thrown while building the client
      // must reject this read, not escape from the timer and leave the read waiting forever.
      const getOne = scope.getOne;
      const one = Promise.resolve().then(() => getOne(only.keyId));
      goneIf(one, GONE_WHEN.orgKey).then(only.resolve, only.reject);
      return;
    }
    const snapshot: Snapshot = { startedAt: this.now(), keys: listAsMap(scope) };
    this.snapshots.set(scopeKey, snapshot);
    snapshot.keys.then(
      (keys) => waiters.forEach((w) => w.resolve(keys?.get(w.keyId))),
      (error) => {
        if (this.snapshots.get(scopeKey) === snapshot) this.snapshots.delete(scopeKey);
        waiters.forEach((w) => w.reject(error));
      },
    );
  }
}

async function listAsMap(scope: Scope): Promise<KeyMap> {
  const keys = await goneIf(scope.list(), scope.goneWhen);
  return keys && new Map(keys.map((key) => [key.id, key]));
}

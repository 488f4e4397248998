/**
 * Searches text and files for credentials: every private key, client secret and OAuth token
 * the emulator knows of or issued, and the shapes of Authorization headers. Hits are described
 * by label and place only, so a report never repeats the secret it found.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { EmulatorHandle } from "../../emulator";

/** A value that must never appear, with a label safe to print. */
export interface Secret {
  label: string;
  value: string;
}

/** One finding: which secret or pattern, where, how often. */
export interface Hit {
  where: string;
  label: string;
  count: number;
}

/** Shapes of credentials in transit, whatever their value. */
const CREDENTIAL_PATTERNS: Array<[string, RegExp]> = [
  ["digest Authorization header", /Digest\s+username\s*=/gi],
  ["bearer token", /Bearer\s+[A-Za-z0-9._~+/-]{20,}/g],
  ["basic credentials", /\bBasic\s+[A-Za-z0-9+/]{16,}={0,2}/g],
  ["Authorization header", /authorization["']?\s*[:=]\s*["']?(Digest|Bearer|Basic)\b/gi],
];

/**
 * Records every OAuth access token and every private key the emulator issues from now on (it
 * keeps only hashes of tokens, and a deleted key takes its private key with it), so that
 * secrets of keys created and deleted within one step are still looked for. Returns a function
 * listing them.
 */
export function captureIssuedSecrets(emulator: EmulatorHandle): () => Secret[] {
  const issued: Secret[] = [];
  const model = emulator.model;
  const issueToken = model.issueToken.bind(model);
  model.issueToken = (clientId: string, lifetimeSeconds: number, secretId?: string) => {
    const token = issueToken(clientId, lifetimeSeconds, secretId);
    if (token) issued.push({ label: `OAuth access token #${issued.length + 1}`, value: token.accessToken });
    return token;
  };
  const createOrgKey = model.createOrgKey.bind(model);
  model.createOrgKey = (...args: Parameters<typeof createOrgKey>) => {
    const key = createOrgKey(...args);
    issued.push({ label: `private key of ${key.id} ("${key.desc}")`, value: key.privateKey });
    return key;
  };
  const createProjectKey = model.createProjectKey.bind(model);
  model.createProjectKey = (...args: Parameters<typeof createProjectKey>) => {
    const key = createProjectKey(...args);
    issued.push({ label: `private key of ${key.id} ("${key.desc}")`, value: key.privateKey });
    return key;
  };
  return () => [...issued];
}

/** Every private key and client secret the emulator holds, labelled by key id or client id. */
export function emulatorSecrets(emulator: EmulatorHandle): Secret[] {
  const state = emulator.model.state;
  return [
    ...Object.values(state.apiKeys).map((k) => ({
      label: `private key of ${k.id} ("${k.desc}")`,
      value: k.privateKey,
    })),
    ...Object.values(state.serviceAccounts).flatMap((sa) =>
      sa.secrets.map((s) => ({ label: `client secret ${s.id} of ${sa.clientId}`, value: s.secret })),
    ),
  ];
}

/**
 * Secrets seen so far. Keys are deleted during tests and their private keys leave the
 * emulator with them, so tests remember them after every step and scan for all at the end.
 */
export class SecretBook {
  private readonly known = new Map<string, string>();

  /** Adds every secret the emulator holds now. */
  remember(emulator: EmulatorHandle, extra: Secret[] = []): void {
    for (const secret of [...emulatorSecrets(emulator), ...extra]) this.known.set(secret.value, secret.label);
  }

  all(): Secret[] {
    return [...this.known].map(([value, label]) => ({ label, value }));
  }
}

/** Counts each secret and credential shape in `text`. */
export function scanText(where: string, text: string, secrets: Secret[]): Hit[] {
  const hits: Hit[] = [];
  for (const secret of secrets) {
    if (secret.value.length < 8) continue;
    const count = text.split(secret.value).length - 1;
    if (count > 0) hits.push({ where, label: secret.label, count });
  }
  for (const [label, pattern] of CREDENTIAL_PATTERNS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > 0) hits.push({ where, label, count });
  }
  return hits;
}

/** Scans every file under `dir` (recursively), reporting hits per file path relative to `dir`. */
export function scanDir(dir: string, secrets: Secret[], label = dir): Hit[] {
  if (!fs.existsSync(dir)) return [];
  const hits: Hit[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    hits.push(...scanText(`${label}/${path.relative(dir, file)}`, fs.readFileSync(file, "latin1"), secrets));
  }
  return hits;
}

/** One line per hit, without any secret value. */
export function describeHits(hits: Hit[]): string {
  return hits.map((h) => `${h.where}: ${h.label} ×${h.count}`).join("\n");
}

/**
 * Removal of credentials from anything that may reach a log line, an error
 * message or a debug dump. The client never puts credentials there on
 * purpose; this is the second line of defence for text that comes from
 * elsewhere (a server echoing a header, a library error message).
 */

/** What a removed value is replaced with. */
export const REDACTED = "[REDACTED]";

/** Object keys whose values are credentials whatever they look like. */
const SECRET_KEY = /authorization|private.?key|secret|password|passwd|token|credential|cookie/i;

/**
 * Patterns of secret material in free text, applied in order. Private API
 * keys are lowercase UUIDs, OAuth tokens are JWTs, service account secrets
 * start with `mdb_sa_sk_`; the Atlas redacted form `********-****-****-…`
 * does not match the UUID pattern and is left alone.
 */
const SECRET_TEXT: ReadonlyArray<[RegExp, string]> = [
  // A whole header line or JSON/JS field naming a credential.
  [/((?:proxy-)?authorization["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\r\n]*)/gi, `$1${REDACTED}`],
  // The same URL-encoded (a server echoing a query string or a form body): `Authorization%3A%20Basic%20…`.
  [/((?:proxy-)?authorization(?:%22|%27)?(?:%3A|%3D)(?:%20|\+)*)[^\s&"'<>]*/gi, `$1${REDACTED}`],
  [/\bDigest\s+(?=[\w-]+\s*=)[^\r\n]*/gi, `Digest ${REDACTED}`],
  [/\b(Bearer|Basic)(\s+|(?:%20|\+)+)[\w.~+/%-]{8,}=*/gi, `$1$2${REDACTED}`],
  [
    /(["']?(?:private_?key|client_?secret|access_?token|refresh_?token|password|secret)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi,
    `$1${REDACTED}`,
  ],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, REDACTED],
  // A private key with its dashes removed (32 hex digits; object ids have 24).
  [/\b[0-9a-f]{32}\b/gi, REDACTED],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, REDACTED],
  [/\bmdb_sa_sk_[\w-]+/g, REDACTED],
  // user:password@ in a URL.
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`],
];

/** Base64 (or base64url) runs long enough to hold a credential pair such as `clientId:clientSecret`. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** Returns `text` with every recognisable credential replaced by `[REDACTED]`. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_TEXT) {
    out = out.replace(pattern, replacement);
  }
  // Credentials sent base64-encoded (a Basic header's value echoed without the word `Basic`):
  // decode each run and redact it when the decoded text holds a credential.
  return out.replace(BASE64_RUN, (run) => (encodesSecret(run) ? REDACTED : run));
}

function encodesSecret(run: string): boolean {
  const decoded = Buffer.from(run.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
  // Only text: binary noise from an ordinary word that happens to be valid base64 is left alone.
  if (decoded.length < 12 || !/^[\x20-\x7e]+$/.test(decoded)) return false;
  if (/^[^:\s]{1,200}:[^:\s]{6,}$/.test(decoded)) return true; // user:password, as Basic encodes it
  return SECRET_TEXT.some(([pattern]) => new RegExp(pattern.source, pattern.flags).test(decoded));
}

/**
 * Returns a copy of `value` safe to log: keys that name credentials are
 * replaced, strings are passed through {@link redactText}. Cycles and depth
 * are bounded so that any object can be given.
 */
export function redact(value: unknown): unknown {
  return redactValue(value, new WeakSet<object>(), 0);
}

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === "string") {
    return redactText(value);
  }
  if (value === null || typeof value !== "object") {
    return typeof value === "function" ? "[Function]" : value;
  }
  if (seen.has(value) || depth > 8) {
    return "[Circular]";
  }
  seen.add(value);
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, seen, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, seen, depth + 1);
  }
  return out;
}

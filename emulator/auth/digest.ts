import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Realm of live Atlas (shared with Ops Manager). */
export const DIGEST_REALM = "MMS Public API";

/** Digest settings, read on every request so the control plane can change them live. */
export interface DigestSettings {
  algorithm: "MD5" | "SHA-256";
  /** How long a nonce is accepted, in milliseconds (Ops Manager: 60 s). */
  nonceLifetimeMs: number;
  /** Accept a nonce again with a higher `nc`; when false every nonce is single-use. */
  nonceReuse: boolean;
}

/** Result of checking an `Authorization: Digest ...` header. */
export type DigestOutcome =
  | { ok: true; username: string }
  /** `stale` = the credentials were right but the nonce is no longer usable (RFC 7616). */
  | { ok: false; stale: boolean; reason: string };

interface NonceState {
  issuedAt: number;
  algorithm: "MD5" | "SHA-256";
  /** Highest `nc` accepted so far. */
  highestNc: number;
  /** `nc` values accepted within the replay window below the highest. */
  seenNc: Set<number>;
  uses: number;
}

/**
 * How far below the highest accepted `nc` a count may still arrive. RFC 7616 §3.4 defines a
 * replay as the same `nc` seen twice; a client using one nonce on parallel connections signs
 * in order, but its requests arrive in any order. Counts are accepted once each, within this
 * window, so `nc` must keep increasing while out-of-order arrival is not mistaken for a replay.
 */
const NC_WINDOW = 256;

const MAX_NONCES = 50_000;

/**
 * Issues challenges and verifies responses the way live Atlas does (RFC 7616, `qop="auth"`).
 *
 * The challenge is byte-for-byte the live one, with no extra directive: the official Go
 * transport rejects any directive besides realm, domain, nonce, opaque, stale, algorithm, qop.
 */
export class DigestAuthority {
  private readonly nonces = new Map<string, NonceState>();

  constructor(
    private readonly settings: () => DigestSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh `WWW-Authenticate` value. Nonces use the base64 alphabet (`+`, `/`), as live ones do. */
  challenge(stale = false): string {
    this.prune();
    const nonce = randomBytes(24).toString("base64");
    const { algorithm } = this.settings();
    this.nonces.set(nonce, { issuedAt: this.now(), algorithm, highestNc: 0, seenNc: new Set(), uses: 0 });
    return `Digest realm="${DIGEST_REALM}", domain="", nonce="${nonce}", algorithm=${algorithm}, qop="auth", stale=${stale}`;
  }

  /**
   * Verifies a digest response. `requestTarget` is the raw request target (path + query string):
   * the `uri` directive must equal it exactly. `secretFor` returns the password (private key) of a
   * user name (public key). Wrong user and wrong password fail alike.
   */
  verify(
    header: string,
    method: string,
    requestTarget: string,
    secretFor: (username: string) => string | undefined,
  ): DigestOutcome {
    const d = parseDigestHeader(header);
    if (!d) return fail("malformed");
    const { username, realm, nonce, uri, response, qop, nc, cnonce } = d;
    if (!username || !nonce || !uri || !response || !nc || !cnonce) return fail("missing-directive");
    if (realm !== DIGEST_REALM || qop !== "auth" || !/^[0-9a-fA-F]{8}$/.test(nc)) return fail("bad-directive");
    if (uri !== requestTarget) return fail("uri-mismatch");
    const algorithm = (d.algorithm ?? "MD5").toUpperCase();
    if (algorithm !== "MD5" && algorithm !== "SHA-256") return fail("bad-algorithm");
    const secret = secretFor(username);
    if (secret === undefined) return fail("unknown-user");
    const h = (s: string) =>
      createHash(algorithm === "MD5" ? "md5" : "sha256")
        .update(s, "utf8")
        .digest("hex");
    const expected = h(
      `${h(`${username}:${DIGEST_REALM}:${secret}`)}:${nonce}:${nc}:${cnonce}:${qop}:${h(`${method}:${uri}`)}`,
    );
    if (!sameText(expected, response.toLowerCase())) return fail("bad-response");

    // The credentials are right from here on; what remains is whether this nonce may be used.
    const state = this.nonces.get(nonce);
    const { nonceLifetimeMs, nonceReuse } = this.settings();
    if (!state || this.now() - state.issuedAt > nonceLifetimeMs) return fail("nonce-expired", true);
    if (state.algorithm !== algorithm) return fail("algorithm-mismatch");
    if (!nonceReuse && state.uses > 0) return fail("nonce-used", true);
    const count = parseInt(nc, 16);
    // RFC 7616 §3.4: the first request with a nonce counts 00000001; 0 is never a valid count.
    if (count < 1) return fail("nc-zero");
    if (count <= state.highestNc - NC_WINDOW || state.seenNc.has(count)) return fail("nc-replay");
    state.seenNc.add(count);
    if (count > state.highestNc) {
      state.highestNc = count;
      for (const old of state.seenNc) if (old <= count - NC_WINDOW) state.seenNc.delete(old);
    }
    state.uses += 1;
    return { ok: true, username };
  }

  /** Forgets every nonce (control-plane reset). */
  clear(): void {
    this.nonces.clear();
  }

  private prune(): void {
    const { nonceLifetimeMs } = this.settings();
    const cutoff = this.now() - nonceLifetimeMs;
    for (const [nonce, state] of this.nonces) {
      // Map iteration follows insertion order, so the oldest nonces come first.
      if (state.issuedAt >= cutoff && this.nonces.size < MAX_NONCES) break;
      this.nonces.delete(nonce);
    }
  }
}

/** Directives of an `Authorization: Digest ...` header; `undefined` when it is not one. */
export function parseDigestHeader(header: string): Record<string, string> | undefined {
  const match = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!match) return undefined;
  const out: Record<string, string> = {};
  const directive = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*(?:,|$)/gy;
  const rest = match[1].trim();
  let m: RegExpExecArray | null;
  while (directive.lastIndex < rest.length && (m = directive.exec(rest)) !== null) {
    out[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3];
  }
  return directive.lastIndex === rest.length || rest === "" ? out : undefined;
}

function fail(reason: string, stale = false): DigestOutcome {
  return { ok: false, stale, reason };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * HTTP Digest authentication (RFC 7616), the pure part: parse a
 * `WWW-Authenticate` header, compute a response, format an `Authorization`
 * header. The stateful part (nonce reuse, concurrency) is in
 * `digest-session.ts`.
 */
import { createHash } from "crypto";

/** Algorithms this client can answer, in order of preference (strongest first). */
export const DIGEST_ALGORITHMS = [
  "SHA-512-256",
  "SHA-512-256-sess",
  "SHA-256",
  "SHA-256-sess",
  "MD5",
  "MD5-sess",
] as const;

/** One of {@link DIGEST_ALGORITHMS}. */
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

const NODE_HASH: Record<string, string> = { MD5: "md5", "SHA-256": "sha256", "SHA-512-256": "sha512-256" };

/** One challenge of a `WWW-Authenticate` header: scheme and lower-cased parameter names. */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/** A Digest challenge this client can answer. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  algorithm: DigestAlgorithm;
  /** `auth` when the server offers it; undefined for the legacy RFC 2069 form. */
  qop?: "auth";
  opaque?: string;
  /** True when the previous nonce was refused only for being old: credentials were fine. */
  stale: boolean;
}

/**
 * Parses a `WWW-Authenticate` value into its challenges. Copes with what
 * servers send in practice: quoted or bare values (`algorithm=MD5`,
 * `stale=false`), nonces holding `=`, `+` or `/`, any order, repeated commas,
 * escaped quotes, and several challenges in one value.
 */
export function parseAuthenticateHeader(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let current: AuthChallenge | undefined;
  let i = 0;
  const skip = (chars: RegExp) => {
    while (i < header.length && chars.test(header[i])) i++;
  };
  while (i < header.length) {
    skip(/[\s,]/);
    const start = i;
    while (i < header.length && !/[\s,=]/.test(header[i])) i++;
    const token = header.slice(start, i);
    if (!token) {
      i++; // A stray "=": step over it.
      continue;
    }
    skip(/\s/);
    if (header[i] !== "=") {
      current = { scheme: token, params: {} };
      challenges.push(current);
      continue;
    }
    i++; // "="
    skip(/\s/);
    let value = "";
    if (header[i] === '"') {
      i++;
      while (i < header.length && header[i] !== '"') {
        if (header[i] === "\\" && i + 1 < header.length) i++;
        value += header[i++];
      }
      i++; // closing quote
    } else {
      const end = header.indexOf(",", i);
      value = header.slice(i, end < 0 ? header.length : end).trim();
      i = end < 0 ? header.length : end;
    }
    if (current) current.params[token.toLowerCase()] = value;
  }
  return challenges;
}

/**
 * The Digest challenge to answer among those in `header`, or undefined when
 * there is none this client supports. Prefers the strongest algorithm and
 * requires `qop=auth` when a qop is offered (`auth-int` alone is not supported).
 */
export function selectDigestChallenge(header: string | undefined): DigestChallenge | undefined {
  if (!header) return undefined;
  const candidates: DigestChallenge[] = [];
  for (const { scheme, params } of parseAuthenticateHeader(header)) {
    if (scheme.toLowerCase() !== "digest" || !params.nonce) continue;
    const algorithm = DIGEST_ALGORITHMS.find((a) => a.toLowerCase() === (params.algorithm ?? "MD5").toLowerCase());
    const qops = params.qop?.split(",").map((q) => q.trim().toLowerCase());
    if (!algorithm || (qops && !qops.includes("auth"))) continue;
    candidates.push({
      realm: params.realm ?? "",
      nonce: params.nonce,
      algorithm,
      qop: qops ? "auth" : undefined,
      opaque: params.opaque,
      stale: params.stale?.toLowerCase() === "true",
    });
  }
  const rank = (c: DigestChallenge) => DIGEST_ALGORITHMS.indexOf(c.algorithm);
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}

/** True when `header` holds any Digest challenge, supported or not. */
export function hasDigestChallenge(header: string | undefined): boolean {
  return Boolean(header) && parseAuthenticateHeader(header as string).some((c) => c.scheme.toLowerCase() === "digest");
}

/** Inputs of one digest computation. */
export interface DigestInput {
  algorithm: DigestAlgorithm;
  username: string;
  password: string;
  realm: string;
  method: string;
  /** The request target exactly as sent: path and query string. */
  uri: string;
  nonce: string;
  /** Nonce count, 1-based. */
  nc: number;
  cnonce: string;
  qop?: "auth";
}

/** The nonce count as sent: 8 lower-case hex digits. */
export function formatNonceCount(nc: number): string {
  return nc.toString(16).padStart(8, "0");
}

/** The `response` value of RFC 7616 section 3.4.1. */
export function computeDigestResponse(input: DigestInput): string {
  const sess = input.algorithm.endsWith("-sess");
  const hash = (text: string) =>
    createHash(NODE_HASH[input.algorithm.replace(/-sess$/, "")])
      .update(text, "utf8")
      .digest("hex");
  let ha1 = hash(`${input.username}:${input.realm}:${input.password}`);
  if (sess) ha1 = hash(`${ha1}:${input.nonce}:${input.cnonce}`);
  const ha2 = hash(`${input.method}:${input.uri}`);
  return input.qop
    ? hash(`${ha1}:${input.nonce}:${formatNonceCount(input.nc)}:${input.cnonce}:${input.qop}:${ha2}`)
    : hash(`${ha1}:${input.nonce}:${ha2}`);
}

/** Builds the `Authorization: Digest …` value answering `challenge`. */
export function buildDigestAuthorization(
  challenge: DigestChallenge,
  request: { username: string; password: string; method: string; uri: string; nc: number; cnonce: string },
): string {
  const response = computeDigestResponse({ ...request, ...challenge });
  const quote = (v: string) => `"${v.replace(/["\\]/g, "\\$&")}"`;
  const fields = [
    `username=${quote(request.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(request.uri)}`,
    `algorithm=${challenge.algorithm}`,
    `response=${quote(response)}`,
  ];
  if (challenge.qop) {
    fields.push(`qop=${challenge.qop}`, `nc=${formatNonceCount(request.nc)}`, `cnonce=${quote(request.cnonce)}`);
  }
  if (challenge.opaque !== undefined) fields.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${fields.join(", ")}`;
}

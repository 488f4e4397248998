import { createHash, randomBytes } from "node:crypto";
import type { ModelContext } from "./context";
import type { ServiceAccountRecord } from "./types";

/*
 * OAuth access tokens of service accounts. The token itself is random from `crypto` (it must
 * not be derivable from the id seed) and only its SHA-256 is kept, so neither the state dump
 * nor the state file ever holds a usable token.
 */

/** A newly issued token; the only place the clear token exists. */
export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** "100 active access tokens per service account" (MongoDB limits page). */
export const MAX_ACTIVE_TOKENS = 100;

/**
 * Issues a bearer token valid for `lifetimeSeconds`, minted with secret `secretId`. `undefined`
 * when the account already has {@link MAX_ACTIVE_TOKENS} live tokens (the endpoint answers 403).
 */
export function issueToken(
  ctx: ModelContext,
  clientId: string,
  lifetimeSeconds: number,
  secretId?: string,
): IssuedToken | undefined {
  const now = ctx.now();
  const live = Object.values(ctx.state.tokens).filter(
    (t) => t.clientId === clientId && !t.revoked && t.expiresAt > now,
  );
  if (live.length >= MAX_ACTIVE_TOKENS) return undefined;
  const accessToken = randomBytes(32).toString("base64url");
  ctx.state.tokens[hashToken(accessToken)] = {
    clientId,
    secretId,
    expiresAt: now + lifetimeSeconds * 1000,
    revoked: false,
  };
  pruneExpired(ctx);
  return { accessToken, expiresInSeconds: lifetimeSeconds };
}

/** The service account a live token belongs to; `undefined` when unknown, expired, revoked or orphaned. */
export function resolveToken(ctx: ModelContext, accessToken: string): ServiceAccountRecord | undefined {
  const record = ctx.state.tokens[hashToken(accessToken)];
  if (!record || record.revoked || record.expiresAt <= ctx.now()) return undefined;
  const sa = ctx.state.serviceAccounts[record.clientId];
  // Deleting the secret (or the account) the token was minted with revokes it at once.
  if (!sa || (record.secretId !== undefined && !sa.secrets.some((s) => s.id === record.secretId))) return undefined;
  return sa;
}

/** Revokes a token if it belongs to `clientId` (RFC 7009: unknown tokens are not an error). */
export function revokeToken(ctx: ModelContext, clientId: string, accessToken: string): void {
  const record = ctx.state.tokens[hashToken(accessToken)];
  if (record && record.clientId === clientId) record.revoked = true;
}

/** Number of tokens that would still be accepted. */
export function countActiveTokens(ctx: ModelContext): number {
  const now = ctx.now();
  return Object.values(ctx.state.tokens).filter((t) => !t.revoked && t.expiresAt > now).length;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Keeps the table from growing without bound in long-running emulators. */
function pruneExpired(ctx: ModelContext): void {
  const cutoff = ctx.now() - 24 * 3600 * 1000;
  for (const [hash, record] of Object.entries(ctx.state.tokens)) {
    if (record.expiresAt < cutoff) delete ctx.state.tokens[hash];
  }
}

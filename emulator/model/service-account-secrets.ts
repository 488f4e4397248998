import { timingSafeEqual } from "node:crypto";
import type { ModelContext } from "./context";
import { AtlasDomainError } from "./domain-error";
import type { OrgRecord, ServiceAccountRecord, ServiceAccountSecretRecord } from "./types";
import { requireObject, rejectUnknownAttributes } from "./validation";

/*
 * Secrets of service accounts (shared/reference/atlas-service-accounts.md §3): at most two per
 * account, expired ones included until deleted; a new secret cuts the others to at most 7 days;
 * lifetimes from 8 hours to the organization's `maxServiceAccountSecretValidityInHours`.
 */

/** "2 secrets per service account" (MongoDB limits page). */
export const MAX_SECRETS_PER_ACCOUNT = 2;
/** Shortest secret lifetime, in hours (Atlas docs: 8 hours to 365 days). */
export const MIN_SECRET_HOURS = 8;
/** Default of the organization setting, in hours. */
export const DEFAULT_MAX_SECRET_HOURS = 8760;
/** What is left to the older secrets when a new one is created, in milliseconds. */
const OVERLAP_MS = 7 * 24 * 3600 * 1000;

/** Body of createOrgServiceAccountSecret (`ServiceAccountSecretRequest`). */
export interface CreateSecretInput {
  secretExpiresAfterHours: number;
}

/** A lifetime in whole hours within the organization's bounds, or 400 `VALIDATION_ERROR`. */
export function requireSecretHours(org: OrgRecord, value: unknown): number {
  const max = org.maxServiceAccountSecretValidityInHours ?? DEFAULT_MAX_SECRET_HOURS;
  if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_SECRET_HOURS || value > max) {
    throw new AtlasDomainError(
      "VALIDATION_ERROR",
      `Invalid secretExpiresAfterHours: must be a whole number of hours from ${MIN_SECRET_HOURS} to ${max} (the organization's maxServiceAccountSecretValidityInHours).`,
      ["secretExpiresAfterHours", MIN_SECRET_HOURS, max],
    );
  }
  return value;
}

/** createOrgServiceAccountSecret on an account already found: validates the body, then {@link addSecret}. */
export function createSecret(
  ctx: ModelContext,
  org: OrgRecord,
  sa: ServiceAccountRecord,
  input: CreateSecretInput,
): ServiceAccountSecretRecord {
  const body = requireObject(input);
  rejectUnknownAttributes(body, ["secretExpiresAfterHours"]);
  return addSecret(ctx, sa, requireSecretHours(org, body.secretExpiresAfterHours));
}

/**
 * Adds a secret valid for `hours`; every older secret now expires at most 7 days from now. Refuses
 * a third secret with 400 `SERVICE_ACCOUNT_MAX_SECRETS_EXCEEDED` (code: emulator choice).
 */
export function addSecret(ctx: ModelContext, sa: ServiceAccountRecord, hours: number): ServiceAccountSecretRecord {
  if (sa.secrets.length >= MAX_SECRETS_PER_ACCOUNT) {
    throw new AtlasDomainError(
      "SERVICE_ACCOUNT_MAX_SECRETS_EXCEEDED",
      `Service account ${sa.clientId} already has the maximum of ${MAX_SECRETS_PER_ACCOUNT} secrets; delete one first.`,
      [sa.clientId, MAX_SECRETS_PER_ACCOUNT],
    );
  }
  const now = ctx.now();
  for (const older of sa.secrets) older.expiresAt = Math.min(older.expiresAt, now + OVERLAP_MS);
  const secret: ServiceAccountSecretRecord = {
    id: ctx.newObjectId(),
    secret: `mdb_sa_sk_${ctx.random.fromAlphabet("abcdefghijklmnopqrstuvwxyz0123456789", 40)}`,
    createdAt: now,
    expiresAt: now + hours * 3600 * 1000,
  };
  sa.secrets.push(secret);
  return secret;
}

/** deleteOrgServiceAccountSecret; tokens minted with it stop working. 404 `SERVICE_ACCOUNT_SECRET_NOT_FOUND`. */
export function deleteSecret(ctx: ModelContext, sa: ServiceAccountRecord, secretId: string): void {
  const index = sa.secrets.findIndex((s) => s.id === secretId);
  if (index < 0) {
    throw new AtlasDomainError(
      "SERVICE_ACCOUNT_SECRET_NOT_FOUND",
      `No secret with ID ${secretId} exists for service account ${sa.clientId}.`,
      [secretId, sa.clientId],
    );
  }
  sa.secrets.splice(index, 1);
  for (const [hash, token] of Object.entries(ctx.state.tokens)) {
    if (token.clientId === sa.clientId && token.secretId === secretId) delete ctx.state.tokens[hash];
  }
}

/**
 * The account and the secret when `clientSecret` is a live (not expired) secret of `clientId`
 * (constant-time compare); records the use. `undefined` otherwise; never throws.
 */
export function checkClientCredentials(
  ctx: ModelContext,
  clientId: string,
  clientSecret: string,
): { sa: ServiceAccountRecord; secretId: string } | undefined {
  const sa = ctx.state.serviceAccounts[clientId];
  if (!sa) return undefined;
  const given = Buffer.from(clientSecret);
  const now = ctx.now();
  for (const secret of sa.secrets) {
    const expected = Buffer.from(secret.secret);
    if (expected.length === given.length && timingSafeEqual(expected, given) && secret.expiresAt > now) {
      secret.lastUsedAt = now;
      return { sa, secretId: secret.id };
    }
  }
  return undefined;
}

/** How reads show a secret: `mdb_sa_sk_...` and its last four characters. */
export function maskSecret(secret: string): string {
  return `mdb_sa_sk_...${secret.slice(-4)}`;
}

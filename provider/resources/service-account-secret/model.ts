import type { ServiceAccountDetails, ServiceAccountSecretDetails } from "../../atlas/service-account-types";
import { MAX_SECRETS_PER_ACCOUNT } from "../../shared/service-accounts";
import { sameMap } from "../../shared/maps";
import type { RotationPolicy } from "../../shared/rotation-policy";
import type { SecretRotationOutputs } from "./rotation-model";

/** Checked inputs of ServiceAccountSecret (names as `mongodbatlas.ServiceAccountSecret`). */
export interface ServiceAccountSecretInputs {
  orgId: string;
  clientId: string;
  /** Lifetime in hours, 8 to 8760. */
  secretExpiresAfterHours: number;
  /** Scheduled rotation with an overlap window (docs/rotation.md); absent: the secret is never rotated. */
  rotation?: RotationPolicy;
  /** Any change replaces the secret, or, with a policy, rotates it now. */
  keepers?: Record<string, string>;
}

/**
 * Outputs: the inputs, and the secret as Atlas made it; `secret` is a Pulumi secret.
 * With a policy, `secretId`/`secret`/`expiresAt` are the current secret's and the
 * rotation fields say when it changes and which secret it replaced.
 */
export interface ServiceAccountSecretOutputs extends ServiceAccountSecretInputs, SecretRotationOutputs {
  secretId: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string;
  maskedSecretValue?: string;
  /** In clear only in the create answer; kept from then on, never emptied by a refresh. */
  secret: string;
}

/** Resource id: `orgId/clientId/secretId`. */
export function secretResourceId(orgId: string, clientId: string, secretId: string): string {
  return `${orgId}/${clientId}/${secretId}`;
}

/**
 * A secret cannot be changed, only replaced (create the new one, then delete the old).
 * With a policy, lifetime and `keepers` rotate instead (see rotation.ts).
 */
export function diffSecret(olds: ServiceAccountSecretOutputs, news: ServiceAccountSecretInputs): string[] {
  const replaces: string[] = (["orgId", "clientId", "secretExpiresAfterHours"] as const).filter(
    (field) => olds[field] !== news[field],
  );
  if (!sameMap(olds.keepers, news.keepers)) replaces.push("keepers");
  return replaces;
}

/** Outputs from the secret as listed (or created); `secret` is what is known of the clear value. */
export function toSecretOutputs(
  inputs: ServiceAccountSecretInputs,
  item: ServiceAccountSecretDetails,
  secret: string,
): ServiceAccountSecretOutputs {
  const outs: ServiceAccountSecretOutputs = {
    ...inputs,
    secretId: item.id,
    createdAt: item.createdAt,
    expiresAt: item.expiresAt,
    secret,
  };
  if (item.lastUsedAt) outs.lastUsedAt = item.lastUsedAt;
  if (item.maskedSecretValue) outs.maskedSecretValue = item.maskedSecretValue;
  return outs;
}

/**
 * Said before asking Atlas for a secret the account has no room for: Atlas
 * keeps two per account, expired ones included until deleted. Undefined when
 * there is room.
 */
export function secretLimitProblem(account: ServiceAccountDetails, orgId: string): string | undefined {
  const secrets = account.secrets ?? [];
  if (secrets.length < MAX_SECRETS_PER_ACCOUNT) return undefined;
  const list = secrets.map((s) => `${s.id} (expires ${s.expiresAt})`).join(", ");
  return (
    `Service account ${account.clientId} in organization ${orgId} already has ${secrets.length} secrets, ` +
    `and Atlas keeps at most ${MAX_SECRETS_PER_ACCOUNT}: ${list}. Delete one first (remove its ` +
    `ServiceAccountSecret, or delete it in Atlas under Access Manager > Service Accounts). To rotate with ` +
    `one slot free, replace one secret at a time.`
  );
}

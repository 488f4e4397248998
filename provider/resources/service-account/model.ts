import type { ServiceAccountSecretInfo } from "../../shared/service-accounts";
import type {
  CreateServiceAccountBody,
  ServiceAccountDetails,
  ServiceAccountSecretDetails,
  UpdateServiceAccountBody,
} from "../../atlas/service-account-types";
import { normalizeRoles, sameRoles } from "../../shared/roles";

/** Checked inputs of ServiceAccount (names as `mongodbatlas.ServiceAccount`, plus two of this package). */
export interface ServiceAccountInputs {
  orgId: string;
  name: string;
  description: string;
  /** Organization roles, a sorted set. */
  roles: string[];
  /** Lifetime of the first secret, made at creation. Absent with `withoutInitialSecret` or `adoptClientId`. */
  secretExpiresAfterHours?: number;
  /** Create the account with no secret (secrets then come from ServiceAccountSecret resources). */
  withoutInitialSecret?: boolean;
  /** Client id of an existing account to take over instead of creating one. */
  adoptClientId?: string;
}

/** One secret of the account; `secret` only for the one this resource created (kept as a Pulumi secret). */
export type SecretSummary = ServiceAccountSecretInfo;

/** Outputs of ServiceAccount: the inputs as Atlas holds them, plus what Atlas assigned. */
export interface ServiceAccountOutputs extends ServiceAccountInputs {
  clientId: string;
  createdAt: string;
  /** Oldest first, as Atlas lists them. The output is a Pulumi secret as a whole. */
  secrets: SecretSummary[];
}

/** Resource id: `orgId/clientId` (the same text `ServiceAccount.get` takes). */
export function serviceAccountResourceId(orgId: string, clientId: string): string {
  return `${orgId}/${clientId}`;
}

/** Body of the create call: a first secret with its lifetime, or none. */
export function createBody(inputs: ServiceAccountInputs): CreateServiceAccountBody {
  const { name, description, roles } = inputs;
  return inputs.withoutInitialSecret
    ? { name, description, roles, withoutInitialSecret: true }
    : { name, description, roles, secretExpiresAfterHours: inputs.secretExpiresAfterHours };
}

/** The fields that differ, for PATCH (roles sent whole); undefined when nothing needs changing. */
export function updateBody(
  current: Pick<ServiceAccountInputs, "name" | "description" | "roles">,
  desired: ServiceAccountInputs,
): UpdateServiceAccountBody | undefined {
  const body: UpdateServiceAccountBody = {};
  if (current.name !== desired.name) body.name = desired.name;
  if (current.description !== desired.description) body.description = desired.description;
  if (!sameRoles(current.roles, desired.roles)) body.roles = desired.roles;
  return Object.keys(body).length ? body : undefined;
}

/**
 * What a PATCH whose outcome is unknown may have set, recorded as values no valid input has
 * (an empty name, description or role set), so that the next diff sets each again.
 */
export function unknownFields(body: UpdateServiceAccountBody): UpdateServiceAccountBody {
  const unknown: UpdateServiceAccountBody = {};
  if (body.name !== undefined) unknown.name = "";
  if (body.description !== undefined) unknown.description = "";
  if (body.roles !== undefined) unknown.roles = [];
  return unknown;
}

/**
 * The engine's diff. The organization replaces (an account cannot move); so do
 * the settings of the first secret, which exist only at creation, and adopting
 * another account. Name, description and roles (a set) update in place.
 */
export function diffServiceAccount(
  olds: ServiceAccountOutputs,
  news: ServiceAccountInputs,
): { replaces: string[]; updates: string[] } {
  const replaces: string[] = [];
  if (olds.orgId !== news.orgId) replaces.push("orgId");
  if (news.adoptClientId !== undefined && news.adoptClientId !== olds.clientId) replaces.push("adoptClientId");
  if (olds.adoptClientId === undefined && news.adoptClientId === undefined) {
    if (olds.secretExpiresAfterHours !== news.secretExpiresAfterHours) replaces.push("secretExpiresAfterHours");
    if (Boolean(olds.withoutInitialSecret) !== Boolean(news.withoutInitialSecret))
      replaces.push("withoutInitialSecret");
  }
  const updates: string[] = [];
  if (olds.name !== news.name) updates.push("name");
  if (olds.description !== news.description) updates.push("description");
  if (!sameRoles(olds.roles, news.roles)) updates.push("roles");
  return { replaces, updates };
}

/**
 * The account's secrets as Atlas lists them, each keeping the clear value
 * already known for its id: Atlas shows a secret once, so a refresh must never
 * empty it (it lives in state as a Pulumi secret).
 */
export function secretsOf(
  listed: ServiceAccountSecretDetails[] | undefined,
  known: SecretSummary[] = [],
): SecretSummary[] {
  return (listed ?? []).map((item) => {
    const clear = item.secret ?? known.find((k) => k.secretId === item.id)?.secret;
    const summary: SecretSummary = { secretId: item.id, createdAt: item.createdAt, expiresAt: item.expiresAt };
    if (item.lastUsedAt) summary.lastUsedAt = item.lastUsedAt;
    if (item.maskedSecretValue) summary.maskedSecretValue = item.maskedSecretValue;
    if (clear !== undefined) summary.secret = clear;
    return summary;
  });
}

/** Outputs from an account as Atlas returned it. */
export function toServiceAccountOutputs(
  inputs: ServiceAccountInputs,
  account: ServiceAccountDetails,
  knownSecrets: SecretSummary[] = [],
): ServiceAccountOutputs {
  return {
    ...inputs,
    name: account.name,
    description: account.description,
    roles: normalizeRoles(account.roles ?? []),
    clientId: account.clientId,
    createdAt: account.createdAt,
    secrets: secretsOf(account.secrets, knownSecrets),
  };
}

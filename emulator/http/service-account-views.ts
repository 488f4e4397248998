import { isoSeconds } from "../model/context";
import { maskSecret } from "../model/service-account-secrets";
import type {
  ServiceAccountAccessListEntryRecord,
  ServiceAccountRecord,
  ServiceAccountSecretRecord,
} from "../model/types";

/*
 * Service-account records → API representations (`OrgServiceAccount`, `GroupServiceAccount`,
 * `ServiceAccountSecret`, `ServiceAccountIPAccessListEntry`, `ServiceAccountGroup`), field names
 * as in shared/reference/atlas-service-accounts.openapi.json. No `links`: the spec has none.
 */

/**
 * `ServiceAccountSecret`. The clear `secret` only in the create answers (`reveal`), and then
 * without `maskedSecretValue`; every other answer shows the masked value only.
 */
export function secretView(secret: ServiceAccountSecretRecord, reveal = false): unknown {
  return {
    createdAt: isoSeconds(secret.createdAt),
    expiresAt: isoSeconds(secret.expiresAt),
    id: secret.id,
    lastUsedAt: secret.lastUsedAt === undefined ? undefined : isoSeconds(secret.lastUsedAt),
    maskedSecretValue: reveal ? undefined : maskSecret(secret.secret),
    secret: reveal ? secret.secret : undefined,
  };
}

/**
 * `OrgServiceAccount` (organization roles) or, with `groupId`, `GroupServiceAccount` (the roles in
 * that project). `revealSecretId` names the secret just created, shown in clear.
 */
export function serviceAccountView(sa: ServiceAccountRecord, groupId?: string, revealSecretId?: string): unknown {
  return {
    clientId: sa.clientId,
    createdAt: sa.created,
    description: sa.description,
    name: sa.name,
    roles: groupId ? [...(sa.projectRoles[groupId] ?? [])] : [...sa.orgRoles],
    secrets: sa.secrets.map((s) => secretView(s, s.id === revealSecretId)),
  };
}

/** `ServiceAccountIPAccessListEntry`. */
export function serviceAccountEntryView(entry: ServiceAccountAccessListEntryRecord): unknown {
  return {
    cidrBlock: entry.cidrBlock,
    createdAt: entry.createdAt,
    ipAddress: entry.ipAddress,
    lastUsedAddress: entry.lastUsedAddress,
    lastUsedAt: entry.lastUsedAt,
    requestCount: entry.requestCount,
  };
}

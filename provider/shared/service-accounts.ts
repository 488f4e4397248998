/**
 * Atlas's rules for service accounts, checked before any request so that a
 * mistake gets a message naming the field and the fix instead of a 400.
 * Sources: the official spec (`atlas-service-accounts.openapi.json`:
 * `OrgServiceAccountRequest`, `clientId` pattern) and the Atlas limits page
 * (2 secrets per account, secrets live 8 hours to 365 days).
 */
import { Failures, containsUnknown } from "./check-failures";
import { KNOWN_PROJECT_ROLES, ORG_ROLES } from "./roles";
import { objectIdProblem } from "./ids";
import { checkId } from "./validators";

/** One secret of a `ServiceAccount`, as its `secrets` output holds it. */
export interface ServiceAccountSecretInfo {
  /** 24-hex id of the secret. */
  secretId: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC. Atlas cuts it to at most 7 days away when a newer secret is made. */
  expiresAt: string;
  /** ISO 8601, UTC, when used. */
  lastUsedAt?: string;
  /** `mdb_sa_sk_...` and the last characters, as Atlas shows it after creation. */
  maskedSecretValue?: string;
  /** The clear secret, for the one this resource created; kept from creation on, never emptied by refresh. */
  secret?: string;
}

/** `^mdb_sa_id_[a-fA-F\d]{24}$` in the spec. */
const CLIENT_ID = /^mdb_sa_id_[a-fA-F\d]{24}$/;
/** Name and description: Unicode letters and digits, `- _ . , '` and space (the spec's pattern). */
const TEXT = /^[\p{L}\p{N}\-_.,' ]*$/u;
const PROJECT_ROLE_SHAPE = /^GROUP_[A-Z][A-Z0-9_]*$/;

/** Bounds of a secret's lifetime in hours: 8 hours to 365 days; an organization may set a lower maximum. */
export const SECRET_HOURS_MIN = 8;
export const SECRET_HOURS_MAX = 8760;
/** Atlas keeps at most this many secrets per service account, expired ones included until deleted. */
export const MAX_SECRETS_PER_ACCOUNT = 2;
/** A new secret cuts every older secret of the account to at most this long from then (Atlas's rotation rule). */
export const MAX_SECRET_OVERLAP_MS = 7 * 86_400_000;

/** Why `value` is not a client id, or undefined. Never echoes more than a short prefix of a bad value. */
export function clientIdProblem(property: string, value: unknown): string | undefined {
  const what = "the account's client id, mdb_sa_id_ followed by 24 hex digits (the clientId output of ServiceAccount)";
  if (value === undefined || value === null || value === "") return `${property} is required: set it to ${what}.`;
  if (typeof value !== "string") return `${property} must be a string: set it to ${what}.`;
  if (CLIENT_ID.test(value)) return undefined;
  if (value.startsWith("mdb_sa_sk_")) {
    return `${property} holds a client secret, not a client id: set it to ${what}, and keep the secret out of code.`;
  }
  const shown = value.length > 10 ? `${value.slice(0, 10)}…` : value;
  return `${property} must be ${what} (got "${shown}", ${value.length} characters).`;
}

/** A client id; failures recorded under `property`. */
export function checkClientId(failures: Failures, property: string, value: unknown): string {
  if (containsUnknown(value)) return value as string;
  const problem = clientIdProblem(property, value);
  if (problem) failures.add(property, problem);
  return value as string;
}

/** The two ids that name a part of an account (a secret, an access-list entry): `orgId` and `clientId`. */
export function checkAccountIds(
  failures: Failures,
  news: { orgId?: unknown; clientId?: unknown },
): { orgId: string; clientId: string } {
  return {
    orgId: checkId(failures, "orgId", news.orgId),
    clientId: checkClientId(failures, "clientId", news.clientId),
  };
}

/** `name` (1–64) or `description` (1–250), with Atlas's character set. */
export function checkText(failures: Failures, property: "name" | "description", value: unknown): string {
  if (containsUnknown(value)) return value as string;
  const max = property === "name" ? 64 : 250;
  if (typeof value !== "string" || value.length === 0) {
    failures.add(
      property,
      `${property} is required: give the service account a ${property} of 1 to ${max} characters.`,
    );
  } else if ([...value].length > max) {
    failures.add(
      property,
      `${property} is ${[...value].length} characters long; Atlas allows at most ${max}. Shorten it.`,
    );
  } else if (!TEXT.test(value)) {
    const bad = [...new Set([...value].filter((c) => !TEXT.test(c)))].map((c) => JSON.stringify(c)).join(" ");
    failures.add(
      property,
      `${property} contains ${bad}, which Atlas refuses: use letters, digits, spaces and - _ . , ' only.`,
    );
  }
  return value as string;
}

/** A secret's lifetime in whole hours, within Atlas's bounds. */
export function checkSecretHours(failures: Failures, value: unknown): number {
  if (containsUnknown(value)) return value as number;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    failures.add(
      "secretExpiresAfterHours",
      `secretExpiresAfterHours must be a whole number of hours from ${SECRET_HOURS_MIN} to ${SECRET_HOURS_MAX}, e.g. 720 for 30 days.`,
    );
  } else if (value < SECRET_HOURS_MIN || value > SECRET_HOURS_MAX) {
    failures.add(
      "secretExpiresAfterHours",
      `secretExpiresAfterHours is ${value}; Atlas accepts ${SECRET_HOURS_MIN} (8 hours) to ${SECRET_HOURS_MAX} (365 days), and your organization may set a lower maximum (Organization Settings). Pick a value in range.`,
    );
  }
  return value as number;
}

/** Organization roles of a service account: at least one, from Atlas's closed list; returned as a sorted set. */
export function checkOrgRoles(failures: Failures, value: unknown): string[] {
  return checkRoleSet(failures, "roles", value, (role) =>
    ORG_ROLES.includes(role)
      ? undefined
      : PROJECT_ROLE_SHAPE.test(role)
        ? `roles: "${role}" is a project role; a service account's own roles are organization roles (${ORG_ROLES.join(", ")}). Give project roles with ServiceAccountProjectAssignment.`
        : `roles: "${role}" is not an organization role. Use one of ${ORG_ROLES.join(", ")}.`,
  );
}

/** Project roles of an assignment: well-shaped `GROUP_*` names (Atlas adds new ones); returned as a sorted set. */
export function checkProjectRoles(failures: Failures, value: unknown): string[] {
  return checkRoleSet(failures, "roles", value, (role) =>
    PROJECT_ROLE_SHAPE.test(role)
      ? undefined
      : ORG_ROLES.includes(role)
        ? `roles: "${role}" is an organization role; a project assignment takes project roles (GROUP_*), e.g. GROUP_READ_ONLY. Set organization roles on ServiceAccount.roles.`
        : `roles: "${role}" is not a project role. Project roles start with GROUP_, e.g. ${KNOWN_PROJECT_ROLES.slice(0, 3).join(", ")}.`,
  );
}

function checkRoleSet(
  failures: Failures,
  property: string,
  value: unknown,
  problem: (role: string) => string | undefined,
): string[] {
  if (containsUnknown(value)) return value as string[];
  if (!Array.isArray(value) || value.length === 0) {
    failures.add(property, `${property} must list at least one role, e.g. ["ORG_READ_ONLY"] or ["GROUP_READ_ONLY"].`);
    return value as string[];
  }
  const problems = value.map((role) =>
    typeof role === "string" ? problem(role) : `${property}: ${JSON.stringify(role)} is not a role name.`,
  );
  problems.filter((p): p is string => p !== undefined).forEach((p) => failures.add(property, p));
  return problems.some((p) => p !== undefined) ? (value as string[]) : [...new Set(value as string[])].sort();
}

/**
 * Splits a resource id such as `orgId/clientId/secretId`. The last part may
 * contain `/` (a CIDR block). Parts named `clientId` are client ids, other
 * `…Id` parts 24-hex ids; a malformed id gets the expected format.
 */
export function splitServiceAccountResourceId(id: string, names: string[], resource: string): string[] {
  const parts = String(id).split("/");
  const values = [...parts.slice(0, names.length - 1), parts.slice(names.length - 1).join("/")];
  const format = names.map((name) => `<${name}>`).join("/");
  if (parts.length < names.length || values.some((value) => value === "")) {
    throw new Error(`${resource} id "${id}" is not of the form ${format}.`);
  }
  names.forEach((name, i) => {
    if (!name.endsWith("Id")) return;
    const problem = name === "clientId" ? clientIdProblem(name, values[i]) : objectIdProblem(name, values[i]);
    if (problem) throw new Error(`${resource} id "${id}" (expected ${format}): ${problem}`);
  });
  return values;
}

import { AtlasDomainError } from "./domain-error";

/*
 * Shape checks for request bodies. Bodies arrive as parsed JSON of unknown shape, so every
 * model operation validates at run time, whatever its TypeScript signature says. Codes and
 * wording follow the Atlas error-code table (MISSING_ATTRIBUTE, INVALID_JSON_ATTRIBUTE, ...).
 */

/** Maximum `desc` length, from the spec (`maxLength: 250`). */
export const DESC_MAX_LENGTH = 250;

/** The body must be a JSON object; returns it typed as a record. */
export function requireObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AtlasDomainError("INVALID_JSON", "Received JSON does not match expected format.");
  }
  return body as Record<string, unknown>;
}

/** The body must be a JSON array. */
export function requireArray(body: unknown): unknown[] {
  if (!Array.isArray(body)) {
    throw new AtlasDomainError("INVALID_JSON", "Received JSON does not match expected format.");
  }
  return body;
}

/**
 * Rejects attributes the operation does not define. Atlas refuses unknown attributes rather than
 * ignoring them, which catches misspelt fields such as `description` for `desc`.
 */
export function rejectUnknownAttributes(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const name of Object.keys(body)) {
    if (!allowed.includes(name)) {
      throw new AtlasDomainError("INVALID_ATTRIBUTE", `Invalid attribute ${name} specified.`, [name]);
    }
  }
}

/** True when the attribute is absent (JSON `null` counts as absent, as the spec marks them nullable). */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Validates an API key description: a string of 1..250 characters. */
export function requireDesc(value: unknown): string {
  if (isAbsent(value)) {
    throw new AtlasDomainError("MISSING_ATTRIBUTE", "The required attribute desc was not specified.", ["desc"]);
  }
  if (typeof value !== "string") throw invalidAttribute("desc");
  if (value.length < 1 || value.length > DESC_MAX_LENGTH) {
    throw new AtlasDomainError(
      "INVALID_API_KEY_DESC",
      `API key descriptions are required and must be less than ${DESC_MAX_LENGTH} characters.`,
      [DESC_MAX_LENGTH],
    );
  }
  return value;
}

/** Validates a role list: a non-empty array of strings, duplicates removed. */
export function requireRoleNames(value: unknown, attribute = "roles"): string[] {
  if (isAbsent(value)) {
    throw new AtlasDomainError("MISSING_ATTRIBUTE", `The required attribute ${attribute} was not specified.`, [
      attribute,
    ]);
  }
  if (!Array.isArray(value) || !value.every((r) => typeof r === "string")) throw invalidAttribute(attribute);
  if (value.length === 0) {
    throw new AtlasDomainError("MISSING_API_KEY_ROLES", "API keys must have at least one role.");
  }
  return [...new Set(value as string[])];
}

/** An update needs `desc`, `roles` or both. */
export function requireDescOrRoles(body: Record<string, unknown>): void {
  if (isAbsent(body.desc) && isAbsent(body.roles)) {
    throw new AtlasDomainError(
      "MISSING_ONE_OF_ATTRIBUTES",
      "Either the desc attribute or the roles attribute must be specified.",
      ["desc", "roles"],
    );
  }
}

/** 400 `INVALID_JSON_ATTRIBUTE`: the attribute has the wrong JSON type. */
export function invalidAttribute(name: string): AtlasDomainError {
  return new AtlasDomainError(
    "INVALID_JSON_ATTRIBUTE",
    `Received JSON for the ${name} attribute does not match expected format.`,
    [name],
  );
}

/**
 * The `{desc?, roles?}` body of an update, validated whole before anything changes (a rejected
 * update leaves the key untouched): `checkRoles` refuses roles of the wrong scope.
 */
export function requireKeyUpdate(
  input: unknown,
  checkRoles: (roles: string[]) => void,
): { desc?: string; roles?: string[] } {
  const body = requireObject(input);
  rejectUnknownAttributes(body, ["desc", "roles"]);
  requireDescOrRoles(body);
  const desc = isAbsent(body.desc) ? undefined : requireDesc(body.desc);
  const roles = isAbsent(body.roles) ? undefined : requireRoleNames(body.roles);
  if (roles) checkRoles(roles);
  return { desc, roles };
}

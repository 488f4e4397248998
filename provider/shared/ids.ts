/**
 * Atlas object ids (`orgId`, `groupId`/`projectId`, `apiUserId`/`apiKeyId`) are
 * 24 lowercase hex characters (`^([a-f0-9]{24})$` in the spec). Atlas answers
 * 400 PATH_PARAM_PARSE_ERROR otherwise; checking before the call gives a
 * message that says what was wrong and how to fix it.
 */
const OBJECT_ID = /^[a-f0-9]{24}$/;
/** Public keys are 8 letters: a frequent mistake is passing one where the key id belongs. */
const PUBLIC_KEY_SHAPE = /^[a-z]{8}$/i;

/** What each id names, for messages. */
const WHAT: Record<string, string> = {
  orgId: "the organization id (Atlas UI: Organization Settings)",
  projectId: "the project id (Atlas UI: Project Settings)",
  apiKeyId:
    "the key's 24-hex id (the `apiKeyId` output of ApiKey or ProjectApiKey, or the id Atlas lists under Access Manager > API Keys)",
  adoptApiKeyId: "the key's 24-hex id (Atlas lists it under Access Manager > API Keys)",
};

/**
 * Returns why `value` is not a valid id for `property`, or undefined when it is.
 * The message names the fix; it never echoes more than the first characters of
 * an unexpected value, in case a secret was pasted into the wrong field.
 */
export function objectIdProblem(property: string, value: unknown): string | undefined {
  const field = property.split(".").pop() ?? property;
  const what = WHAT[field] ?? "a 24-hex Atlas id";
  if (value === undefined || value === null || value === "") {
    return `${property} is required: set it to ${what}.`;
  }
  if (typeof value !== "string") {
    return `${property} must be a string: set it to ${what}.`;
  }
  if (OBJECT_ID.test(value)) return undefined;
  if (PUBLIC_KEY_SHAPE.test(value) && field.toLowerCase().includes("apikeyid")) {
    return `${property} "${value}" looks like a public key, not the key id. Use ${what}.`;
  }
  if (/^[A-F0-9]{24}$/.test(value)) {
    return `${property} must be lowercase hex: use "${value.toLowerCase()}".`;
  }
  return `${property} must be 24 hexadecimal characters (got ${describe(value)}): set it to ${what}.`;
}

/** A short, safe description of a bad value: its length and a prefix only. */
function describe(value: string): string {
  const prefix = value.length > 6 ? `${value.slice(0, 4)}…` : value;
  return `"${prefix}", ${value.length} characters`;
}

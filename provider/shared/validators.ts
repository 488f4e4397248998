import { Failures, containsUnknown } from "./check-failures";
import { parseEntry } from "./access-list";
import { objectIdProblem } from "./ids";

/**
 * Validators shared by the resources. Each records failures under the property
 * name and returns the normalized value; values not yet known at preview are
 * passed through untouched and checked again at `up`.
 */

/** Optional inputs: `null` (e.g. `cond ? value : null` in a program) means "not set", like `undefined`. */
export function absent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** Atlas private keys are lowercase UUIDs; the message never repeats the value (it is a secret). */
const PRIVATE_KEY_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `adoptPrivateKey`: the adopted key's private key, a UUID string. */
export function checkPrivateKey(failures: Failures, value: unknown): string {
  if (containsUnknown(value)) return value as string;
  if (typeof value !== "string") {
    failures.add(
      "adoptPrivateKey",
      `adoptPrivateKey must be a string (got a ${Array.isArray(value) ? "list" : typeof value}): the adopted key's private key, a UUID such as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, or leave it out.`,
    );
  } else if (!PRIVATE_KEY_SHAPE.test(value)) {
    failures.add(
      "adoptPrivateKey",
      `adoptPrivateKey is not shaped like an Atlas private key (${value.length} characters; expected a lowercase UUID such as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx): check that the whole private key was pasted, or leave it out.`,
    );
  }
  return value as string;
}

export function checkId(failures: Failures, property: string, value: unknown): string {
  if (containsUnknown(value)) return value as string;
  const problem = objectIdProblem(property, value);
  if (problem) failures.add(property, problem);
  return value as string;
}

/**
 * Atlas's `desc`: 1 to 250 characters (`minLength`/`maxLength` in the spec). JSON Schema counts
 * characters as Unicode code points, not UTF-16 units, so "🔑" is one character, as users count.
 * Text Atlas would refuse (only spaces, control characters) is refused here, never rewritten.
 */
export function checkDescription(failures: Failures, value: unknown): string {
  if (containsUnknown(value)) return value as string;
  const problem = descriptionProblem(value);
  if (problem) failures.add("description", problem);
  return value as string;
}

/** The maximum description length, in Unicode code points. */
export const DESCRIPTION_MAX_CHARACTERS = 250;

function descriptionProblem(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0) {
    return "description is required: give the key a description of 1 to 250 characters.";
  }
  const characters = [...value].length;
  if (characters > DESCRIPTION_MAX_CHARACTERS) {
    return `description is ${characters} characters long; Atlas allows at most ${DESCRIPTION_MAX_CHARACTERS} (counted in Unicode characters, code points, as the Atlas API spec counts them). Shorten it.`;
  }
  if (value.trim() === "") {
    return "description is only whitespace: give the key a description with visible text (1 to 250 characters).";
  }
  const control = [...value].findIndex((c) => /\p{Cc}/u.test(c));
  if (control >= 0) {
    const code = value.codePointAt([...value].slice(0, control).join("").length)!;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    return `description contains the control character ${name} at character ${control + 1} (a tab, line break or similar): Atlas descriptions are one line of text. Remove it.`;
  }
  return undefined;
}

/** An optional access list: each entry a valid address or network CIDR; returned canonical, sorted, de-duplicated. */
export function checkAccessList(failures: Failures, value: unknown): string[] | undefined {
  if (absent(value)) return undefined;
  if (containsUnknown(value)) return value as string[];
  if (!Array.isArray(value)) {
    failures.add(
      "accessList",
      'accessList must be a list of IP addresses or CIDR blocks, e.g. ["203.0.113.7", "198.51.100.0/24"].',
    );
    return undefined;
  }
  const entries: string[] = [];
  value.forEach((item, index) => {
    const parsed = parseEntry(`accessList[${index}]`, item, true);
    if (typeof parsed === "string") failures.add("accessList", parsed);
    else entries.push(parsed.entry);
  });
  return [...new Set(entries)].sort();
}

/** `keepers`: a map of strings; any change to it replaces the key (rotation). */
export function checkKeepers(failures: Failures, value: unknown): Record<string, string> | undefined {
  if (absent(value)) return undefined;
  if (containsUnknown(value)) return value as Record<string, string>;
  const valid =
    typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  if (!valid) {
    failures.add(
      "keepers",
      'keepers must be a map of strings, e.g. { rotation: "2026-11" }; change a value to rotate the key.',
    );
  }
  return value as Record<string, string>;
}

/** Roles: validated by `problems`, returned sorted and de-duplicated (they are a set to Atlas). */
export function checkRoles(
  failures: Failures,
  property: string,
  value: unknown,
  problems: (property: string, roles: unknown) => string[],
): string[] {
  if (containsUnknown(value)) return value as string[];
  const found = problems(property, value);
  found.forEach((problem) => failures.add(property, problem));
  return found.length ? (value as string[]) : [...new Set(value as string[])].sort();
}

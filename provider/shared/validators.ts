import { Failures, containsUnknown } from "./check-failures";
import { parseEntry } from "./access-list";
import { objectIdProblem } from "./ids";

/**
 * Validators shared by the resources. Each records failures under the property
 * name and returns the normalized value; values not yet known at preview are
 * passed through untouched and checked again at `up`.
 */

export function checkId(failures: Failures, property: string, value: unknown): string {
  if (containsUnknown(value)) return value as string;
  const problem = objectIdProblem(property, value);
  if (problem) failures.add(property, problem);
  return value as string;
}

/** Atlas's `desc`: 1 to 250 characters. */
export function checkDescription(failures: Failures, value: unknown): string {
  if (containsUnknown(value)) return value as string;
  if (typeof value !== "string" || value.length === 0) {
    failures.add("description", "description is required: give the key a description of 1 to 250 characters.");
  } else if (value.length > 250) {
    failures.add(
      "description",
      `description is ${value.length} characters long; Atlas allows at most 250. Shorten it.`,
    );
  }
  return value as string;
}

/** An optional access list: each entry a valid address or network CIDR; returned canonical, sorted, de-duplicated. */
export function checkAccessList(failures: Failures, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
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
    const parsed = parseEntry(`accessList[${index}]`, item);
    if (typeof parsed === "string") failures.add("accessList", parsed);
    else entries.push(parsed.entry);
  });
  return [...new Set(entries)].sort();
}

/** `keepers`: a map of strings; any change to it replaces the key (rotation). */
export function checkKeepers(failures: Failures, value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
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

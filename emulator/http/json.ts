/**
 * JSON output as Atlas writes it: keys in alphabetical order, `undefined` members dropped.
 *
 * Compact by default. With `pretty=true` Atlas (a Java service) prints Jackson's default
 * pretty printer: two-space indentation for objects, `" : "` between key and value, arrays
 * kept on one line (`[ 1, 2 ]`, empty `[ ]`), empty objects as `{ }`.
 */
export function toJson(value: unknown, pretty = false): string {
  const sorted = sortKeys(value);
  return pretty ? jacksonPretty(sorted, 0) : JSON.stringify(sorted);
}

/** A copy with object keys in alphabetical order at every depth and `undefined` members removed. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

function jacksonPretty(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    // Jackson's array indenter is inline: it adds no depth of its own.
    return value.length === 0 ? "[ ]" : `[ ${value.map((v) => jacksonPretty(v, depth)).join(", ")} ]`;
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "{ }";
    const inner = "  ".repeat(depth + 1);
    const members = keys.map(
      (k) => `${inner}${JSON.stringify(k)} : ${jacksonPretty((value as Record<string, unknown>)[k], depth + 1)}`,
    );
    return `{\n${members.join(",\n")}\n${"  ".repeat(depth)}}`;
  }
  return JSON.stringify(value) ?? "null";
}

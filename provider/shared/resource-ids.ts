import { objectIdProblem } from "./ids";

/**
 * Splits a resource id such as `orgId/apiKeyId` into its parts. The last part
 * may itself contain `/` (a CIDR block in `orgId/apiKeyId/10.0.0.0/24`).
 * Ids come from state or from a user's `get(name, id)`, so a malformed one gets
 * a message with the expected format.
 */
export function splitResourceId(id: string, names: string[], resource: string): string[] {
  const parts = id.split("/");
  const head = parts.slice(0, names.length - 1);
  const tail = parts.slice(names.length - 1).join("/");
  const values = [...head, tail];
  const format = names.map((name) => `<${name}>`).join("/");
  if (parts.length < names.length || values.some((value) => value === "")) {
    throw new Error(`${resource} id "${id}" is not of the form ${format}.`);
  }
  names.forEach((name, i) => {
    if (!name.endsWith("Id")) return;
    const problem = objectIdProblem(name, values[i]);
    if (problem) throw new Error(`${resource} id "${id}" (expected ${format}): ${problem}`);
  });
  return values;
}

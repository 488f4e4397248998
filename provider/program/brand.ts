/**
 * A mark on this package's resource instances, so that each class's
 * \`isInstance\` is true only for its own instances (the inherited one is true
 * for any custom resource), also when two copies of the package are loaded.
 */

/** Marks an instance as one of this package's resources of `kind` (see {@link isKind}). */
export function brand(resource: object, kind: string): void {
  Object.defineProperty(resource, BRAND, { value: kind, enumerable: false });
}

/** True when `obj` was made by this package's class for `kind`, even from another copy of the package. */
export function isKind(obj: unknown, kind: string): boolean {
  return typeof obj === "object" && obj !== null && (obj as Record<string, unknown>)[BRAND] === kind;
}

const BRAND = "__atlasApiKeysKind";

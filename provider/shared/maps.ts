/** True when two string maps hold the same pairs; an absent map equals an empty one. */
export function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const x = Object.entries(a ?? {}).sort(([k1], [k2]) => k1.localeCompare(k2));
  const y = Object.entries(b ?? {}).sort(([k1], [k2]) => k1.localeCompare(k2));
  return x.length === y.length && x.every(([key, value], i) => key === y[i][0] && value === y[i][1]);
}

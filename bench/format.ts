/** Number formats and the Markdown table writer of the report. */

/** Appends a Markdown table to `out`, its columns padded to one width so it also reads as plain text. */
export function markdownTable(out: string[], head: string[], rows: Array<Array<string | number>>): void {
  const cells = [head, ...rows].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(3, ...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => `| ${widths.map((w, i) => (row[i] ?? "").padEnd(w)).join(" | ")} |`;
  out.push(line(cells[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line), "");
}

/** `value` with `digits` decimals. */
export function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** Milliseconds as seconds. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Milliseconds of CPU as seconds with one decimal. */
export function cpuSeconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** Milliseconds as minutes and seconds. */
export function minutes(ms: number): string {
  return `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(0)} s`;
}

/** A byte count with thousands separators. */
export function bytes(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} B`;
}

/** Bytes as MiB. */
export function mib(value: number): string {
  return `${(value / 1024 ** 2).toFixed(1)} MiB`;
}

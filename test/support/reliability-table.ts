/**
 * Tables of reliability figures: printed by the tests (Markdown, so they can be pasted into
 * RELIABILITY.md as they are) and written as JSON under `.pulumi-local/reliability/` for
 * comparison between runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../../harness/pulumi";

/** A Markdown table with a header row; cells are escaped for pipes and newlines. */
export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
  const cell = (value: string | number) =>
    String(value)
      .replace(/\|/g, "\\|")
      .replace(/\s*\n\s*/g, " ");
  const line = (cells: Array<string | number>) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Prints a titled table to the test output. */
export function printTable(title: string, header: string[], rows: Array<Array<string | number>>): void {
  console.log(`\n${title}\n\n${markdownTable(header, rows)}\n`);
}

/** Writes `data` as `.pulumi-local/reliability/<name>.json` (git-ignored) and returns the path. */
export function saveFigures(name: string, data: unknown): string {
  const dir = path.join(repoRoot, ".pulumi-local", "reliability");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ recordedAt: new Date().toISOString(), data }, null, 2));
  return file;
}

/** The first sentence-ish part of an error message, for a table cell. */
export function shortMessage(error: unknown, max = 180): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The links of a markdown file and the anchors its headings get, as GitHub renders them (and as
 * npm's site shows the README): what the link checks of the package tier compare.
 */

/** One inline link or image: `[text](target)`, outside code. */
export interface MarkdownLink {
  /** The target as written, e.g. `docs/recovery.md#3-when-an-update-fails-halfway`. */
  target: string;
  /** The line it is on (1-based), for messages. */
  line: number;
}

/** Lines outside fenced code blocks, with inline code removed, numbered from 1. */
function proseLines(markdown: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fenced = false;
  markdown.split("\n").forEach((text, index) => {
    if (/^\s*```/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) out.push({ text: text.replace(/`[^`]*`/g, (code) => code.replace(/[[\]()]/g, " ")), line: index + 1 });
  });
  return out;
}

/** Every inline link target of the file, outside code blocks and inline code. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  return proseLines(markdown).flatMap(({ text, line }) =>
    [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => ({ target: match[1], line })),
  );
}

/**
 * The anchors of the file's headings, as GitHub makes them (github-slugger): the heading's text
 * in lower case, without punctuation, spaces as hyphens, and `-1`, `-2`, ... for repeats.
 */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1");
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

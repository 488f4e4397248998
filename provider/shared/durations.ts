/**
 * Durations of a rotation policy, written as a whole number of days, hours,
 * minutes or seconds, alone or combined from largest to smallest: "90d", "12h",
 * "30m", "1d12h". Seconds exist for tests and demonstrations; a real policy
 * counts in days.
 */
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const UNIT_MS = [86_400_000, 3_600_000, 60_000, 1_000];
/** Ten years: longer policies are typos, and larger numbers lose precision as dates. */
export const MAX_DURATION_MS = 3_650 * 86_400_000;

/** A parsed duration in milliseconds, or why the text is not one. */
export type DurationResult = { ms: number } | { problem: string };

/** Parses a duration; the problem says what is wrong, never how to name the field (the caller does). */
export function parseDuration(text: unknown): DurationResult {
  if (typeof text !== "string" || text.trim() === "") {
    return { problem: 'is required: write a whole number followed by d, h, m or s, e.g. "90d"' };
  }
  const match = DURATION.exec(text.trim());
  if (!match || match.slice(1).every((part) => part === undefined)) {
    return {
      problem: `"${shorten(text)}" is not a duration: write a whole number followed by d (days), h (hours), m (minutes) or s (seconds), e.g. "90d" or "1d12h"`,
    };
  }
  const ms = match.slice(1).reduce((sum, part, i) => sum + (part === undefined ? 0 : Number(part) * UNIT_MS[i]), 0);
  if (ms <= 0) return { problem: `"${text}" is zero: a rotation duration must be longer than zero` };
  if (ms > MAX_DURATION_MS) return { problem: `"${text}" is longer than ten years (3650d): use a shorter duration` };
  return { ms };
}

/** Formats milliseconds back into the largest exact unit, for messages ("7d", "36h"). */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "m"],
    [1_000, "s"],
  ];
  for (const [size, unit] of units) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** A value pasted into the wrong field may be a secret: show only its start. */
function shorten(text: string): string {
  return text.length > 12 ? `${text.slice(0, 6)}…` : text;
}

/**
 * The provider process's clock, read by the rotation schedule in `diff` and
 * `update`. Tests replace it to step through a rotation without waiting.
 */
let clock: () => number = () => Date.now();

/** Now, in milliseconds since the epoch. */
export function now(): number {
  return clock();
}

/** Replaces the clock (tests); `undefined` restores the system clock. */
export function setClock(replacement: (() => number) | undefined): void {
  clock = replacement ?? (() => Date.now());
}

import type { SeededRandom } from "./random";
import type { AtlasState } from "./types";

/**
 * What every model operation works on: the state, the id source and the clock.
 * The model modules are plain functions over this context; `AtlasModel` wires them up.
 */
export interface ModelContext {
  state: AtlasState;
  random: SeededRandom;
  /** Current time in epoch milliseconds (injectable so tests can move time). */
  now(): number;
  /** A 24-hex id not used by any org, project or key yet. */
  newObjectId(): string;
  /** `now()` as ISO 8601 without milliseconds (`2026-08-21T10:15:00Z`), as live Atlas prints dates. */
  timestamp(): string;
}

/** Formats epoch milliseconds the way Atlas prints dates: UTC, seconds precision. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Builds a context over a state object that may be replaced later (reset, load). */
export function createContext(
  getState: () => AtlasState,
  getRandom: () => SeededRandom,
  now: () => number,
): ModelContext {
  return {
    get state() {
      return getState();
    },
    get random() {
      return getRandom();
    },
    now,
    newObjectId() {
      const s = getState();
      // Collisions are astronomically unlikely; the loop only keeps ids unique by construction.
      for (;;) {
        const id = getRandom().objectId();
        if (!s.orgs[id] && !s.projects[id] && !s.apiKeys[id]) return id;
      }
    },
    timestamp() {
      return isoSeconds(now());
    },
  };
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { ModelSnapshot } from "./model/model";

/*
 * Persistence between runs. The file holds private keys and client secrets in clear (digest
 * verification needs them), so it is written with mode 0600, and atomically (temp file + rename)
 * so a crash mid-write never leaves half a state behind.
 */

/**
 * The snapshot in `path`, or `undefined` when the file does not exist. Throws on a corrupt file,
 * with a message that never quotes the file: it holds private keys, and `JSON.parse` errors
 * repeat the text around the fault.
 */
export function loadStateFile(path: string): ModelSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    const reason = err instanceof SyntaxError ? "it is not valid JSON" : "it cannot be read";
    throw new StateFileError(path, reason);
  }
  const snapshot = parsed as Partial<ModelSnapshot> | null;
  if (snapshot === null || typeof snapshot !== "object" || snapshot.version !== 1)
    throw new StateFileError(path, "it is not an emulator state file of version 1");
  if (typeof snapshot.seed !== "string" || !Array.isArray(snapshot.random) || !isRecord(snapshot.state))
    throw new StateFileError(path, "its seed, random or state member is missing or malformed");
  return snapshot as ModelSnapshot;
}

/** A state file that cannot be used; the message names the file and the fix, never its content. */
export class StateFileError extends Error {
  constructor(path: string, reason: string) {
    super(`state file ${path} cannot be loaded: ${reason}; fix or delete it to start from the seed`);
    this.name = "StateFileError";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Writes the snapshot to `path`, creating parent directories. */
export function saveStateFile(path: string, snapshot: ModelSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(snapshot)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

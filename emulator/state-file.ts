import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { ModelSnapshot } from "./model/model";

/*
 * Persistence between runs. The file holds private keys and client secrets in clear (digest
 * verification needs them), so it is written with mode 0600, and atomically (temp file + rename)
 * so a crash mid-write never leaves half a state behind.
 */

/** The snapshot in `path`, or `undefined` when the file does not exist. Throws on a corrupt file. */
export function loadStateFile(path: string): ModelSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, "utf8")) as ModelSnapshot;
  if (parsed?.version !== 1)
    throw new Error(`${path}: not an emulator state file (version ${String(parsed?.version)})`);
  return parsed;
}

/** Writes the snapshot to `path`, creating parent directories. */
export function saveStateFile(path: string, snapshot: ModelSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(snapshot)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

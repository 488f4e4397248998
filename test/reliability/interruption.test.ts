/**
 * Interruption: the `pulumi` CLI is killed with SIGKILL in the middle of creating 50 keys, at
 * three different points. Recovery follows docs/recovery.md to the letter: its script (extracted
 * from the page) deletes the keys of pending creates, then `refresh --clear-pending-creates` and
 * `up`. Counts the keys a plain rerun would have orphaned and those left after the procedure.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { exportState, removeStackFiles, repoRoot } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import {
  atlasStack,
  cliChildPids,
  cliContext,
  descendantsOf,
  isAlive,
  keyIdsInState,
  killPids,
  orphansOf,
  pendingOperations,
  removeEmptyStateSidecars,
} from "../support/reliability-cli";
import { keysWithPrefix } from "../support/reliability-ledger";
import { manyKeys } from "../support/reliability-programs";
import { stackProblems } from "../support/reliability-stack-checks";
import { printTable, saveFigures } from "../support/reliability-table";

const execFileAsync = promisify(execFile);
const KEYS = 50;
/** Keys existing in Atlas when the CLI is killed, one run each. */
const KILL_POINTS = [5, 25, 45];
/** Per-request latency of the emulator, so that creates are really in flight at the kill. */
const LATENCY_MS = 250;

/** The recovery script of docs/recovery.md, exactly as a user would copy it. */
function recoveryScript(): string {
  const page = fs.readFileSync(path.join(repoRoot, "docs/recovery.md"), "utf8");
  const match = /<!-- recovery-script:start -->\s*```bash\n([\s\S]*?)```\s*<!-- recovery-script:end -->/.exec(page);
  if (!match) throw new Error("docs/recovery.md has no recovery script between its markers");
  return match[1];
}

describe("reliability: SIGKILL of the CLI while creating 50 keys, and the documented recovery", function () {
  this.timeout(600_000);
  const run = randomBytes(3).toString("hex");
  const rows: Array<Array<string | number>> = [];
  let emulator: EmulatorHandle;

  before(async function () {
    requirePulumiCli(this);
    emulator = await start({ seed: "reliability-interruption", rateLimit: false, latencyMs: LATENCY_MS });
  });

  after(async () => {
    if (rows.length) {
      printTable(
        `SIGKILL of \`pulumi up\` creating ${KEYS} keys (--parallel 16, ${LATENCY_MS} ms per request)`,
        [
          "kill point",
          "keys in Atlas at kill",
          "keys in Atlas once settled",
          "in state",
          "pending creates",
          "orphans with a plain rerun",
          "deleted by the script",
          "orphans after recovery",
          "keys in state after recovery",
        ],
        rows,
      );
      saveFigures("interruption", rows);
    }
    await emulator?.close();
  });

  for (const [index, killAt] of KILL_POINTS.entries()) {
    it(`kill after ${killAt} keys exist: no orphan once recovered`, async () => {
      const prefix = `intr-${run}-${index} `;
      const stack = await atlasStack(`rel-interrupt-${index}`, emulator, manyKeys(emulator, prefix, KEYS));
      try {
        const up = stack.up({ parallel: 16 }).then(
          () => "finished",
          (error: Error) => error.message,
        );
        for (let i = 0; i < 6_000 && keysWithPrefix(emulator, prefix).length < killAt; i++) await sleep(10);
        const cli = cliChildPids()[0];
        expect(cli, "the CLI process").to.be.a("number");
        // Its provider process is remembered first: once the CLI is dead it is reparented and lost from view.
        const leftovers = descendantsOf(cli!);
        const atKill = keysWithPrefix(emulator, prefix).length;
        killPids([cli!]);
        expect(await up).to.match(/SIGKILL|killed/i);

        // Step 1 of the procedure: the provider process finishes what it started; then it must be gone.
        for (let i = 0; i < 100 && leftovers.some(isAlive); i++) await sleep(100);
        killPids(leftovers.filter(isAlive));
        await sleep(LATENCY_MS * 2);
        const settled = keysWithPrefix(emulator, prefix).length;
        // The recovery script's first step, needed before anything reads the state (see the helper).
        removeEmptyStateSidecars(stack);
        const interrupted = await exportState(stack);
        const plainRerunOrphans = orphansOf(emulator, prefix, interrupted).length;
        expect(atKill, "the kill must land mid-run").to.be.lessThan(KEYS);

        // Step 2: the script from docs/recovery.md.
        const { cwd, env } = cliContext(stack);
        const script = await execFileAsync("bash", ["-c", recoveryScript()], {
          cwd,
          env: {
            ...env,
            STACK: stack.name,
            MONGODB_ATLAS_PUBLIC_KEY: emulator.publicKey,
            MONGODB_ATLAS_PRIVATE_KEY: emulator.privateKey,
            MONGODB_ATLAS_BASE_URL: emulator.url,
          },
          timeout: 120_000,
        });
        const deleted = Number(/(\d+) stray keys deleted/.exec(script.stdout)?.[1] ?? NaN);

        // Step 3: refresh --clear-pending-creates, then up.
        await stack.refresh({ clearPendingCreates: true });
        const result = await stack.up({ parallel: 16 });
        expect(result.summary.result).to.equal("succeeded");
        const recovered = await exportState(stack);
        const orphans = orphansOf(emulator, prefix, recovered).length;
        rows.push([
          `after ${killAt} keys`,
          atKill,
          settled,
          keyIdsInState(interrupted).size,
          pendingOperations(interrupted).length,
          plainRerunOrphans,
          deleted,
          orphans,
          keyIdsInState(recovered).size,
        ]);

        expect(orphans).to.equal(0);
        expect(deleted).to.equal(plainRerunOrphans);
        expect(keyIdsInState(recovered).size).to.equal(KEYS);
        expect(await stackProblems(stack, emulator, prefix)).to.deep.equal([]);
        await stack.destroy({ parallel: 16 });
        expect(keysWithPrefix(emulator, prefix)).to.deep.equal([]);
      } finally {
        removeStackFiles(stack);
      }
    });
  }
});

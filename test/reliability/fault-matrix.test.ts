/**
 * The fault matrix: every operation of every resource × every fault, through the provider
 * runtime against the emulator. Prints the outcome table and checks, after every case, that no
 * key is orphaned or duplicated, that state holds the private key Atlas issued, and that a clean
 * rerun converges. Also scans every provider log line and error message for credentials.
 */
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { allCases, expectedOk, runCase, type MatrixRow } from "../support/reliability-matrix";
import { closeClient } from "../support/reliability-runtime";
import { SecretBook, captureIssuedSecrets, describeHits, scanText, type Secret } from "../support/reliability-scan";
import { printTable, saveFigures, shortMessage } from "../support/reliability-table";

describe("reliability: fault matrix through the provider runtime", function () {
  this.timeout(120_000);
  let emulator: EmulatorHandle;
  let issuedTokens: () => Secret[];
  const rows: MatrixRow[] = [];
  const texts: string[] = [];
  const secrets = new SecretBook();

  before(async () => {
    emulator = await start({ seed: "reliability-matrix", rateLimit: false });
    issuedTokens = captureIssuedSecrets(emulator);
  });

  after(async () => {
    closeClient();
    if (rows.length) {
      printTable(
        "Fault matrix (provider runtime × emulator)",
        [
          "resource",
          "operation",
          "fault",
          "outcome",
          "requests",
          "stray keys after the failure",
          "after docs recovery + clean rerun",
        ],
        rows.map((r) => [
          r.resource,
          r.op,
          r.fault,
          r.ok ? r.outcome : `failed: ${shortMessage(r.message, 140)}`,
          r.requests,
          r.strayKeys ? `${r.strayKeys} (${r.strayNamed ? "named" : r.strayWarned ? "warned" : "not named"})` : "0",
          r.problems.length
            ? r.problems.join("; ")
            : r.recovered
              ? `converged (${r.recovered} deleted by recovery)`
              : "converged",
        ]),
      );
      saveFigures("fault-matrix", rows);
    }
    await emulator?.close();
  });

  let n = 0;
  for (const { op, fault } of allCases()) {
    it(`${op.resource} ${op.label} × ${fault.name}`, async () => {
      const row = await runCase(emulator, op, fault, ++n, texts, secrets);
      rows.push(row);
      secrets.remember(emulator);
      expect(row.missed, "the fault must act on the operation").to.equal(undefined);
      expect(row.problems, "invariants after recovery and a clean rerun").to.deep.equal([]);
      expect(row.ok, row.message ?? row.outcome).to.equal(expectedOk(op, fault));
      if (!row.ok && op.createsKey) {
        // The ambiguous create: the error must say so, and name every key that was made or warn
        // that a timed-out request may still make one (see RELIABILITY.md, proposed change 1).
        expect(row.message).to.match(/may or may not have succeeded/);
        expect(row.strayNamed || row.strayWarned, `stray key neither named nor announced in: ${row.message}`).to.equal(
          true,
        );
      }
      if (!row.ok) expect(row.message).to.match(/HTTP \d{3}|no response|failed/);
    });
  }

  it("holds no credential in any provider log line or error message of the matrix", () => {
    expect(rows.length).to.be.greaterThan(100);
    secrets.remember(emulator, issuedTokens());
    expect(
      issuedTokens().filter((t) => t.label.startsWith("OAuth")).length,
      "the OAuth cases must have issued tokens",
    ).to.be.greaterThan(0);
    const hits = scanText("matrix logs and errors", texts.join("\n"), secrets.all());
    expect(describeHits(hits)).to.equal("");
    console.log(`    scanned ${texts.length} log lines and messages for ${secrets.all().length} secrets: 0 hits`);
  });
});

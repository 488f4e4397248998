/**
 * Where secrets go when a deployment is debugged: a stack is deployed, refreshed and destroyed
 * with `--debug`, `-v 9` and `--logflow`, and every place a user could look is scanned for the
 * private keys, credentials, tokens and Authorization headers: exported state, the backend's
 * files (history and backups included), PULUMI_HOME, the CLI's output, the engine events and the
 * CLI's log files (written to the temporary directory). The leaks this finds come from Pulumi
 * itself, not from this package; the test pins exactly which places and which lines they are,
 * so that any new leak, or a leak from this package's own code, fails it.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { EngineEvent, LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { exportState, removeStackFiles, repoRoot } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { atlasStack } from "../support/reliability-cli";
import { fourResources } from "../support/reliability-programs";
import {
  SecretBook,
  captureIssuedSecrets,
  scanDir,
  scanText,
  type Hit,
  type Secret,
} from "../support/reliability-scan";
import { printTable, saveFigures } from "../support/reliability-table";

/** The Node.js SDK's debug line that carries the engine's answer, secrets in clear (resource.js). */
const SDK_DEBUG_LINE = "RegisterResource RPC finished";

describe("reliability/security: secrets under --debug and verbose logging", function () {
  this.timeout(300_000);
  const prefix = `sec-debug-${randomBytes(3).toString("hex")} `;
  let emulator: EmulatorHandle;
  let stack: Stack;
  let tmpDir: string;
  let issued: () => Secret[];
  const book = new SecretBook();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const debugEvents: string[] = [];
  const otherEvents: string[] = [];
  let hits: Hit[] = [];

  before(async function () {
    requirePulumiCli(this);
    emulator = await start({ seed: "reliability-security-debug", rateLimit: false });
    issued = captureIssuedSecrets(emulator);
    tmpDir = fs.mkdtempSync(path.join(repoRoot, ".pulumi-local", "sec-tmp-"));
    // TMPDIR: where the CLI writes its log files, so they can be found and scanned.
    stack = await atlasStack(
      "rel-sec-debug",
      emulator,
      fourResources(emulator, prefix, () => ({})),
      { TMPDIR: tmpDir },
    );
    const options = {
      debug: true,
      logVerbosity: 9,
      logFlow: true,
      onOutput: (s: string) => stdout.push(s),
      onError: (s: string) => stderr.push(s),
      onEvent: (event: EngineEvent) => {
        const severity: string | undefined = event.diagnosticEvent?.severity;
        (severity === "debug" ? debugEvents : otherEvents).push(JSON.stringify(event));
      },
    };
    await stack.up(options);
    book.remember(emulator);
    await stack.refresh(options);
    const state = JSON.stringify(await exportState(stack));
    const ws = stack.workspace as LocalWorkspace;
    const env = ws.envVars;
    await stack.destroy(options);
    book.remember(emulator, issued());
    const secrets = book.all();
    hits = [
      ...scanText("exported state", state, secrets),
      ...scanDir(new URL(env.PULUMI_BACKEND_URL).pathname, secrets, "backend"),
      ...scanDir(env.PULUMI_HOME, secrets, "PULUMI_HOME"),
      ...scanText("CLI stdout (--debug)", stdout.join(""), secrets),
      ...scanText("CLI stderr", stderr.join(""), secrets),
      ...scanText("engine events (debug severity)", debugEvents.join("\n"), secrets),
      ...scanText("engine events (other)", otherEvents.join("\n"), secrets),
      ...scanDir(tmpDir, secrets, "CLI log files (-v 9)"),
    ];
  });

  after(async () => {
    printTable(
      "Secrets found with --debug -v 9 --logflow (labels only)",
      ["where", "what", "occurrences"],
      hits.map((h) => [h.where, h.label, h.count]),
    );
    saveFigures("security-debug", hits);
    if (stack) removeStackFiles(stack);
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    await emulator?.close();
  });

  const where = (prefixes: string[]) => hits.filter((h) => prefixes.some((p) => h.where.startsWith(p)));
  const adminLabel = () => `private key of ${emulator.apiKeyId}`;
  /** Private keys of the stack's keys that exist now. */
  const captureNow = () =>
    issued().filter(
      (s) =>
        s.label.includes(prefix) && Object.values(emulator.model.state.apiKeys).some((k) => k.privateKey === s.value),
    );

  it("keeps state, backend files, PULUMI_HOME, stderr and non-debug events free of secrets", () => {
    expect(where(["exported state", "backend", "PULUMI_HOME", "CLI stderr", "engine events (other)"])).to.deep.equal(
      [],
    );
  });

  it("never shows the stack's own credentials or an Authorization header outside the -v 9 log file", () => {
    const outside = hits.filter((h) => !h.where.startsWith("CLI log files"));
    expect(
      outside.filter((h) => h.label.startsWith(adminLabel()) || h.label.startsWith("client secret")),
    ).to.deep.equal([]);
    expect(hits.filter((h) => /header|bearer|basic/i.test(h.label))).to.deep.equal([]);
  });

  it("with --debug, shows created private keys only in the SDK's RegisterResource debug line", () => {
    const debugHits = where(["CLI stdout", "engine events (debug"]);
    expect(debugHits.length, "the SDK debug leak is pinned: if it is gone, update RELIABILITY.md").to.be.greaterThan(0);
    expect(debugHits.every((h) => h.label.includes(prefix))).to.equal(true);
    const secrets = book.all();
    const leaking = debugEvents.filter((e) => secrets.some((s) => e.includes(s.value)));
    for (const event of leaking) {
      // A boolean, not the message: a failing assertion must not print the secret it holds.
      const fromSdk = String((JSON.parse(event) as EngineEvent).diagnosticEvent?.message).includes(SDK_DEBUG_LINE);
      expect(fromSdk, "a debug event with a private key that is not the SDK's RegisterResource line").to.equal(true);
    }
  });

  it("without any debug option, the engine events an Automation API program receives still carry them", async () => {
    const cli: string[] = [];
    const debug: string[] = [];
    const collect = {
      onOutput: (s: string) => cli.push(s),
      onEvent: (event: EngineEvent) => {
        const severity: string | undefined = event.diagnosticEvent?.severity;
        if (severity === "debug") debug.push(String(event.diagnosticEvent?.message));
      },
    };
    await stack.up(collect);
    const secrets = captureNow();
    await stack.destroy(collect);
    expect(scanText("CLI output", cli.join(""), secrets)).to.deep.equal([]);
    const leaking = debug.filter((message) => secrets.some((s) => message.includes(s.value)));
    expect(leaking.length, "debug events with a created private key").to.equal(2);
    expect(leaking.every((message) => message.startsWith(SDK_DEBUG_LINE))).to.equal(true);
  });

  it("at -v 9, the engine's log file holds private keys and the stack's own credential (Configure inputs)", () => {
    const logHits = where(["CLI log files"]);
    expect(
      logHits.some((h) => h.label.includes(prefix)),
      "created keys in the log file",
    ).to.equal(true);
    expect(
      logHits.some((h) => h.label.startsWith(adminLabel())),
      "the configured private key in the log file",
    ).to.equal(true);
  });
});

/**
 * A subset of the fault matrix through the real Pulumi CLI: one stack with a resource of each
 * kind goes through up, refresh, update, a lost create answer, stale nonces, expiring tokens and
 * destroy, each under faults, with the invariants checked against the emulator after every step.
 */
import { randomBytes } from "node:crypto";
import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { adminClient } from "../support/provider-harness";
import { exportState, removeStackFiles } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { atlasConfig, atlasStack, orphansOf } from "../support/reliability-cli";
import { expireTokensOnce } from "../support/reliability-faults";
import { keysWithPrefix } from "../support/reliability-ledger";
import { fourResources, manyKeys, type FourResourcesOptions } from "../support/reliability-programs";
import { SecretBook, captureIssuedSecrets, describeHits, scanText, type Secret } from "../support/reliability-scan";
import { lastSeq, requestFigures, stackProblems } from "../support/reliability-stack-checks";
import { printTable, saveFigures, shortMessage } from "../support/reliability-table";

const ORG_KEYS = "/api/atlas/v2/orgs/[^/]+/apiKeys";
const GROUP_KEYS = "/api/atlas/v2/groups/[^/]+/apiKeys";

describe("reliability: faults through the real CLI", function () {
  this.timeout(300_000);
  const prefix = `cli-faults-${randomBytes(3).toString("hex")} `;
  const options: FourResourcesOptions = {};
  const rows: Array<Array<string | number>> = [];
  const texts: string[] = [];
  let emulator: EmulatorHandle;
  let stack: Stack;
  let tokens: () => Secret[];
  const secrets = new SecretBook();

  before(async function () {
    requirePulumiCli(this);
    emulator = await start({ seed: "reliability-cli-faults", rateLimit: false });
    tokens = captureIssuedSecrets(emulator);
    stack = await atlasStack(
      "rel-cli-faults",
      emulator,
      fourResources(emulator, prefix, () => options),
    );
  });

  after(async () => {
    if (rows.length) {
      printTable(
        "Faults through the real CLI",
        ["command", "faults", "outcome", "requests", "429", "5xx", "dropped", "invariants after"],
        rows,
      );
      saveFigures("cli-faults", rows);
    }
    if (stack) removeStackFiles(stack);
    await emulator?.close();
  });

  /** Runs one CLI command under faults; records its figures and returns its error, if any. */
  async function step(
    command: string,
    faults: string,
    run: () => Promise<unknown>,
    target = stack,
    targetPrefix = prefix,
  ): Promise<Error | undefined> {
    const from = lastSeq(emulator);
    let error: Error | undefined;
    try {
      await run();
    } catch (e) {
      error = e as Error;
      texts.push(error.message);
    }
    secrets.remember(emulator);
    const figures = requestFigures(emulator, from);
    const problems = await stackProblems(target, emulator, targetPrefix);
    const outcome = error
      ? `failed: ${shortMessage(error.message.match(/Creating the API key[^\n]*/)?.[0] ?? error.message, 200)}`
      : "succeeded";
    rows.push([
      command,
      faults,
      outcome,
      figures.requests,
      figures.rateLimited,
      figures.errors5xx,
      figures.dropped,
      problems.join("; ") || "hold",
    ]);
    // A broken invariant comes with the step's requests, to tell what the engine asked for.
    if (problems.length) texts.push(requestsSince(from));
    emulator.clearFaults();
    return error;
  }
  function requestsSince(from: number): string {
    const requests = emulator.requests().filter((r) => r.seq > from);
    const lines = requests.map((r) => `  ${r.method} ${r.path} → ${r.status ?? "dropped"}`);
    console.log(`Requests of the step:\n${lines.join("\n")}`);
    return lines.join("\n");
  }
  const handlers = { onOutput: (s: string) => texts.push(s), onError: (s: string) => texts.push(s) };

  it("up creates all four resources through two 429s with Retry-After on every create call", async () => {
    for (const path of [`${ORG_KEYS}$`, `${GROUP_KEYS}$`, `${GROUP_KEYS}/[^/]+$`, `${ORG_KEYS}/[^/]+/accessList$`]) {
      emulator.injectFault({ type: "status", status: 429, retryAfterSeconds: 1, count: 2, method: "POST", path });
    }
    const error = await step("up", "429 + Retry-After ×2 on each of the 4 create calls", () => stack.up(handlers));
    expect(error?.message).to.equal(undefined);
    expect(requestFigures(emulator, 0).rateLimited).to.equal(8);
    expect(await stackProblems(stack, emulator, prefix)).to.deep.equal([]);
  });

  it("refresh succeeds through dropped connections and 503s on reads", async () => {
    emulator.injectFault({ type: "drop", method: "GET", count: 2 });
    emulator.injectFault({ type: "status", status: 503, method: "GET", nth: 3, count: 2 });
    const error = await step("refresh", "2 dropped GETs, then 2 × 503", () => stack.refresh(handlers));
    expect(error?.message).to.equal(undefined);
    expect(emulator.faults().every((f) => f.fired > 0)).to.equal(true);
    expect(await stackProblems(stack, emulator, prefix)).to.deep.equal([]);
  });

  it("an update succeeds through 500s on PATCH", async () => {
    options.revision = " v2";
    emulator.injectFault({ type: "status", status: 500, method: "PATCH", count: 2 });
    const error = await step("up (update)", "500 ×2 on PATCH", () => stack.up(handlers));
    expect(error?.message).to.equal(undefined);
    expect(emulator.model.state.apiKeys[String((await stack.outputs()).orgKeyId.value)].desc).to.equal(
      `${prefix}org key v2`,
    );
    expect(await stackProblems(stack, emulator, prefix)).to.deep.equal([]);
  });

  it("a lost create answer fails up naming the key; the documented recovery then converges", async () => {
    options.extraKey = true;
    emulator.injectFault({ type: "dropAfterCommit", method: "POST", path: `${ORG_KEYS}$` });
    const error = await step("up (new key)", "dropAfterCommit on the create", () => stack.up(handlers));
    expect(error?.message).to.match(/may or may not have succeeded/);
    const stray = orphansOf(emulator, prefix, await exportState(stack));
    expect(stray.map((k) => k.desc)).to.deep.equal([`${prefix}extra key`]);
    expect(error!.message).to.include(stray[0].id);
    // docs/recovery.md, "A create that may or may not have succeeded": delete the named key, run up again.
    const admin = adminClient(emulator);
    await admin.deleteOrgApiKey(emulator.orgId, stray[0].id);
    admin.close();
    const again = await step("up (after recovery)", "none", () => stack.up(handlers));
    expect(again?.message).to.equal(undefined);
    expect(await stackProblems(stack, emulator, prefix)).to.deep.equal([]);
  });

  it("up and refresh succeed when every digest nonce is single-use (stale on reuse)", async () => {
    options.revision = " v3";
    emulator.configure({ nonceReuse: false });
    const from = lastSeq(emulator);
    try {
      const fault = "nonces single-use: every reuse answered stale=true";
      expect((await step("up (update)", fault, () => stack.up(handlers)))?.message).to.equal(undefined);
      expect((await step("refresh", fault, () => stack.refresh(handlers)))?.message).to.equal(undefined);
    } finally {
      emulator.configure({ nonceReuse: true });
    }
    const stale = emulator
      .requests()
      .filter((r) => r.seq > from && r.status === 401 && r.auth === "digest" && !r.challenge);
    expect(stale.length, "the server must have refused reused nonces").to.be.greaterThan(0);
  });

  it("up and destroy succeed with a service account whose token expires mid-run", async () => {
    // Its own stack of one resource kind: the provider process then holds one client and one
    // token, so three concurrent calls share the token that expires under them.
    const saPrefix = `${prefix}sa `;
    const saStack = await atlasStack("rel-cli-faults-sa", emulator, manyKeys(emulator, saPrefix, 3));
    await saStack.removeAllConfig(["mongodbatlas:publicKey", "mongodbatlas:privateKey"]);
    await saStack.setAllConfig(atlasConfig(emulator, "serviceAccount"));
    const fault = "token expires on the server after its first accepted call";
    try {
      for (const command of ["up", "destroy"] as const) {
        const restore = expireTokensOnce(emulator, 1);
        const from = lastSeq(emulator);
        try {
          const run = () => (command === "up" ? saStack.up(handlers) : saStack.destroy(handlers));
          expect((await step(`${command} (3 keys)`, fault, run, saStack, saPrefix))?.message).to.equal(undefined);
        } finally {
          restore();
        }
        const refused = emulator.requests().filter((r) => r.seq > from && r.status === 401 && r.auth === "bearer");
        expect(refused.length, "the expired token must have been refused").to.be.greaterThan(0);
      }
      expect(keysWithPrefix(emulator, saPrefix)).to.deep.equal([]);
    } finally {
      removeStackFiles(saStack);
    }
  });

  it("destroy deletes everything through 503s on DELETE", async () => {
    emulator.injectFault({ type: "status", status: 503, method: "DELETE", count: 3 });
    const error = await step("destroy", "503 ×3 on DELETE", () => stack.destroy(handlers));
    expect(error?.message).to.equal(undefined);
    expect(keysWithPrefix(emulator, prefix)).to.deep.equal([]);
  });

  it("printed no credential in any CLI output or error", () => {
    secrets.remember(emulator, tokens());
    expect(
      tokens().filter((t) => t.label.startsWith("OAuth")).length,
      "tokens must have been issued",
    ).to.be.greaterThan(1);
    expect(describeHits(scanText("CLI output and errors", texts.join("\n"), secrets.all()))).to.equal("");
  });
});

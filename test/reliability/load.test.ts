/**
 * Load: one stack of 200 resources (org keys, project keys, access-list entries) through the
 * real CLI with `--parallel 16`, against the live token-bucket capacity (500 per organization
 * bucket) and a slow refill, starting from a bucket another client of the organization has
 * mostly used. up, refresh and destroy must all succeed, paced and honouring the 429s that still
 * happen, with the provider's defaults (the CLI's provider process cannot be given others).
 */
import { randomBytes } from "node:crypto";
import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { adminClient } from "../support/provider-harness";
import { removeStackFiles } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { atlasStack, stateResources } from "../support/reliability-cli";
import { keysWithPrefix } from "../support/reliability-ledger";
import { LOAD_MIX, LOAD_TOTAL, loadProgram } from "../support/reliability-programs";
import { lastSeq, requestFigures, stackProblems } from "../support/reliability-stack-checks";
import { printTable, saveFigures } from "../support/reliability-table";

/** Tokens per second added to every bucket; override with RELIABILITY_REFILL_PER_SECOND. */
const REFILL_PER_SECOND = Number(process.env.RELIABILITY_REFILL_PER_SECOND ?? 2);
/** Live capacity of the organization API keys bucket. */
const ORG_CAPACITY = 500;
/** Tokens another client of the organization used just before the deployment starts. */
const USED_BY_NEIGHBOUR = 450;
const PARALLEL = 16;

describe("reliability: load of 200 resources with --parallel 16 under the rate limit", function () {
  this.timeout(1_500_000);
  const prefix = `load-${randomBytes(3).toString("hex")} `;
  const rows: Array<Array<string | number>> = [];
  let emulator: EmulatorHandle;
  let stack: Stack;

  before(async function () {
    requirePulumiCli(this);
    emulator = await start({
      seed: "reliability-load",
      rateLimit: { orgCapacity: ORG_CAPACITY, projectCapacity: 1200, refillPerSecond: REFILL_PER_SECOND },
    });
    stack = await atlasStack("rel-load", emulator, loadProgram(emulator, prefix));
  });

  after(async () => {
    if (rows.length) {
      printTable(
        `Load: ${LOAD_TOTAL} resources, --parallel ${PARALLEL}, org bucket ${ORG_CAPACITY} tokens refilled at ${REFILL_PER_SECOND}/s`,
        ["command", "result", "requests sent", "429 received", "resends (= 429 + 5xx)", "wall time (s)", "invariants"],
        rows,
      );
      saveFigures("load", {
        refillPerSecond: REFILL_PER_SECOND,
        orgCapacity: ORG_CAPACITY,
        usedByNeighbour: USED_BY_NEIGHBOUR,
        mix: LOAD_MIX,
        rows,
      });
    }
    if (stack) removeStackFiles(stack);
    await emulator?.close();
  });

  /**
   * Runs one command and checks it. `exhausts`: the command needs more tokens than the bucket
   * holds, so even a paced client meets at least one 429 (the one that learns the refill rate:
   * each command starts a new provider process, and Atlas states the refill only in a 429).
   */
  async function stage(
    command: string,
    run: () => Promise<{ summary: { result: string } }>,
    exhausts = true,
  ): Promise<void> {
    const from = lastSeq(emulator);
    const started = Date.now();
    let result = "failed";
    try {
      result = (await run()).summary.result;
    } finally {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const figures = requestFigures(emulator, from);
      const problems = await stackProblems(stack, emulator, prefix);
      rows.push([
        command,
        result,
        figures.requests,
        figures.rateLimited,
        figures.rateLimited + figures.errors5xx,
        seconds,
        problems.join("; ") || "hold",
      ]);
    }
    expect(result).to.equal("succeeded");
    const figures = requestFigures(emulator, from);
    if (exhausts) expect(figures.rateLimited, "the bucket must really have run out").to.be.greaterThan(0);
    expect(await stackProblems(stack, emulator, prefix)).to.deep.equal([]);
  }

  it(`a neighbour has used ${USED_BY_NEIGHBOUR} of the organization's ${ORG_CAPACITY} tokens`, async () => {
    const admin = adminClient(emulator);
    // Sequential reads of one key: every one takes one token of the organization bucket.
    for (let i = 0; i < USED_BY_NEIGHBOUR; i++) await admin.getOrgApiKey(emulator.orgId, emulator.apiKeyId);
    admin.close();
    expect(requestFigures(emulator, 0).rateLimited).to.equal(0);
  });

  it(`up creates all ${LOAD_TOTAL} resources`, async () => {
    await stage("up", () => stack.up({ parallel: PARALLEL }));
    expect(await stateResources(stack)).to.have.length(LOAD_TOTAL);
    expect(keysWithPrefix(emulator, prefix)).to.have.length(LOAD_MIX.orgKeys + LOAD_MIX.projectKeys);
  });

  it("refresh reads them all back unchanged", async () => {
    // Refresh coalesces its reads into a few lists: it may fit in what the bucket has left.
    await stage("refresh", () => stack.refresh({ parallel: PARALLEL }), false);
    expect(await stateResources(stack)).to.have.length(LOAD_TOTAL);
  });

  it("destroy deletes them all", async () => {
    await stage("destroy", () => stack.destroy({ parallel: PARALLEL }));
    expect(await stateResources(stack)).to.have.length(0);
    expect(keysWithPrefix(emulator, prefix)).to.have.length(0);
  });
});

/**
 * Bad input: every invalid input `check` rejects (BAD_INPUTS, also run by the unit tests) through the
 * provider runtime, then malformed stack config and a few check cases through the real CLI.
 * Each must give a clear error, send zero requests to Atlas and leave state untouched.
 */
import { randomBytes } from "node:crypto";
import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { AccessListApiKey, ApiKey, ApiKeyProjectAssignment, ProjectApiKey } from "../../provider";
import { handlers } from "../../provider/runtime";
import type { ResourceKind } from "../../provider/runtime/serializable";
import { checkAccessListEntry } from "../../provider/resources/access-list-api-key/validation";
import { checkApiKey } from "../../provider/resources/api-key/validation";
import { checkAssignment } from "../../provider/resources/api-key-project-assignment/validation";
import { checkProjectApiKey } from "../../provider/resources/project-api-key/validation";
import { exportState, removeStackFiles } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { atlasConfig, atlasStack, cliChildPids, descendantsOf, killPids, pulumiCli } from "../support/reliability-cli";
import { describeHits, emulatorSecrets, scanText } from "../support/reliability-scan";
import { printTable, saveFigures, shortMessage } from "../support/reliability-table";
import { BAD_INPUTS } from "../support/bad-inputs";

const KIND_OF = new Map<unknown, ResourceKind>([
  [checkApiKey, "apiKey"],
  [checkProjectApiKey, "projectApiKey"],
  [checkAssignment, "apiKeyProjectAssignment"],
  [checkAccessListEntry, "accessListApiKey"],
]);

describe("reliability: bad input is refused before any request", function () {
  this.timeout(300_000);
  let emulator: EmulatorHandle;
  const rows: Array<Array<string | number>> = [];

  before(async () => {
    emulator = await start({ seed: "reliability-bad-input", rateLimit: false });
  });
  after(async () => {
    if (rows.length) {
      printTable("Bad input", ["tier", "case", "error (as the user sees it)", "requests", "state"], rows);
      saveFigures("bad-input", rows);
    }
    await emulator?.close();
  });

  describe("every check failure, through the provider runtime", () => {
    for (const [name, checker, inputs, property, reason] of BAD_INPUTS) {
      it(name, async () => {
        const kind = KIND_OF.get(checker)!;
        const before = JSON.stringify(emulator.model.state);
        emulator.clearRequests();
        const result = await handlers[kind].check({}, inputs as never);
        const failure = result.failures?.find((f) => f.property === property);
        expect(failure?.reason, JSON.stringify(result.failures)).to.match(reason);
        expect(emulator.requests()).to.have.length(0);
        // A boolean: the model state holds private keys, which a failing assertion would print.
        expect(JSON.stringify(emulator.model.state) === before, "the emulator's state changed").to.equal(true);
        rows.push(["runtime check", name, `${property}: ${failure!.reason}`, 0, "untouched"]);
      });
    }
  });

  describe("through the real CLI", () => {
    const prefix = `bad-input-${randomBytes(3).toString("hex")} `;
    let stack: Stack;
    let extra: () => void = () => undefined;
    const messages: string[] = [];

    before(async function () {
      requirePulumiCli(this);
      stack = await atlasStack("rel-bad-input", emulator, async () => {
        new ApiKey("existing", {
          orgId: emulator.orgId,
          description: `${prefix}existing`,
          roleNames: ["ORG_READ_ONLY"],
        });
        extra();
      });
      expect((await stack.up()).summary.result).to.equal("succeeded");
    });
    after(() => {
      if (stack) removeStackFiles(stack);
    });

    /**
     * The Atlas resources of the state: identity, inputs, outputs and provider. Secrets are
     * compared by presence (the engine re-encrypts them on every run) and engine bookkeeping
     * (timestamps, property dependencies) is left out.
     */
    async function atlasResources(): Promise<string> {
      const resources = (await exportState(stack)).deployment.resources.filter((r: { type: string }) =>
        r.type.startsWith("pulumi-nodejs:dynamic/"),
      );
      const essential = resources.map((r: Record<string, unknown>) => ({
        urn: r.urn,
        id: r.id,
        inputs: r.inputs,
        outputs: r.outputs,
        provider: r.provider,
      }));
      return JSON.stringify(essential, (_key, value) =>
        value && typeof value === "object" && "ciphertext" in value ? "[secret]" : value,
      );
    }

    /**
     * Runs `command` with the bad input in place and checks it fails with `expected`, sends no
     * request and leaves the Atlas resources of the state as they were. A command still running
     * after a minute is killed (with its provider process) and counts as hung.
     */
    async function refused(tier: string, name: string, command: "up" | "refresh", expected: RegExp): Promise<void> {
      const before = await atlasResources();
      emulator.clearRequests();
      let message = "";
      let hung = false;
      const watchdog = setTimeout(() => {
        hung = true;
        const cli = cliChildPids();
        killPids([...cli, ...cli.flatMap(descendantsOf)]);
      }, 60_000);
      try {
        await (command === "up" ? stack.up() : stack.refresh());
      } catch (error) {
        message = (error as Error).message;
      } finally {
        clearTimeout(watchdog);
      }
      if (hung) await pulumiCli(stack, ["cancel", "--yes"]);
      messages.push(message);
      const line = message.split("\n").find((l) => expected.test(l)) ?? message;
      rows.push([
        tier,
        `${name} (${command})`,
        hung ? "hung: killed after 60 s" : shortMessage(line.trim(), 220),
        emulator.requests().length,
        "see test",
      ]);
      expect(hung, `${command} hung instead of failing`).to.equal(false);
      expect(message, "the command must fail with a clear error").to.match(expected);
      expect(emulator.requests(), "requests sent").to.have.length(0);
      expect(await atlasResources()).to.equal(before);
      rows[rows.length - 1][4] = "untouched";
    }

    /** Puts the good config back and lets `up` record it: refresh uses the config recorded in state. */
    async function restoreConfig(): Promise<void> {
      extra = () => undefined;
      await stack.setAllConfig(atlasConfig(emulator));
      expect((await stack.up()).summary.result).to.equal("succeeded");
    }

    const configCases: Array<[string, () => ConfigMap, RegExp]> = [
      [
        "empty public key",
        () => ({ "mongodbatlas:publicKey": { value: "" } }),
        /mongodbatlas:publicKey is set but empty/,
      ],
      // The private key itself in the public key field: the error must not repeat it.
      [
        "private key in the public key field",
        () => ({ "mongodbatlas:publicKey": { value: emulator.privateKey, secret: true } }),
        /shaped like a private key/,
      ],
      ["base URL without scheme", () => ({ "mongodbatlas:baseUrl": { value: "cloud.mongodb.com" } }), /has no scheme/],
      [
        "http:// to a non-loopback host",
        () => ({ "mongodbatlas:baseUrl": { value: "http://cloud.mongodb.com" } }),
        /http:\/\/ is only allowed for the local machine/,
      ],
    ];
    for (const [name, patch, expected] of configCases) {
      it(`config: ${name} fails up and refresh with a clear error, no request, state untouched`, async () => {
        await stack.setAllConfig(patch());
        extra = () =>
          new ApiKey("added", { orgId: emulator.orgId, description: `${prefix}added`, roleNames: ["ORG_MEMBER"] });
        try {
          await refused("CLI config", name, "up", expected);
          // The failed up recorded the bad config in the state's provider: refresh now runs with it.
          await refused("CLI config", name, "refresh", expected);
        } finally {
          await restoreConfig();
        }
      });
    }

    it("config: no credentials at all", async () => {
      await stack.removeAllConfig(["mongodbatlas:publicKey", "mongodbatlas:privateKey"]);
      extra = () =>
        new ApiKey("added", { orgId: emulator.orgId, description: `${prefix}added`, roleNames: ["ORG_MEMBER"] });
      try {
        await refused("CLI config", "no credentials", "up", /credentials are missing or incomplete/);
        await refused("CLI config", "no credentials", "refresh", /credentials are missing or incomplete/);
      } finally {
        await restoreConfig();
      }
    });

    const checkCases: Array<[string, () => void, RegExp]> = [
      [
        "ApiKey: orgId not hex",
        () => new ApiKey("bad", { orgId: "my-org", description: "x", roleNames: ["ORG_MEMBER"] }),
        /24 hexadecimal/,
      ],
      [
        "ProjectApiKey: org role in project",
        () =>
          new ProjectApiKey("bad", {
            description: "x",
            projectAssignments: [{ projectId: emulator.projectId, roleNames: ["ORG_OWNER"] }],
          }),
        /is an organization role/,
      ],
      [
        "Assignment: public key as apiKeyId",
        () =>
          new ApiKeyProjectAssignment("bad", {
            projectId: emulator.projectId,
            apiKeyId: emulator.publicKey,
            roles: ["GROUP_READ_ONLY"],
          }),
        /looks like a public key/,
      ],
      [
        "AccessList: host bits",
        () =>
          new AccessListApiKey("bad", { orgId: emulator.orgId, apiKeyId: emulator.apiKeyId, cidrBlock: "10.1.2.3/16" }),
        /10\.1\.0\.0\/16/,
      ],
    ];
    for (const [name, resource, expected] of checkCases) {
      it(`check: ${name} fails up with a clear error, no request, state untouched`, async () => {
        extra = resource;
        try {
          await refused("CLI check", name, "up", expected);
        } finally {
          extra = () => undefined;
        }
      });
    }

    it("repeats no secret in any of these errors", () => {
      expect(messages.length).to.be.greaterThan(8);
      expect(describeHits(scanText("bad-input errors", messages.join("\n"), emulatorSecrets(emulator)))).to.equal("");
    });
  });
});

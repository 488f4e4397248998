/**
 * docs/migration.md, step by step, with the real Pulumi CLI against the emulator.
 *
 * The keys are created outside the stack with the admin client, as `@pulumi/mongodbatlas` would
 * have created them. The stack starts with stand-ins for the old provider's resources whose
 * delete really deletes in Atlas (test/package/legacy-resources.ts), so a wrong order of steps
 * loses a key and fails the test. The guide's shell commands run as written (pipes included,
 * through bash); the ones that run the program get it in-process (test/package/pulumi-command.ts).
 */
import { execFile } from "child_process";
import * as path from "path";
import { promisify } from "util";
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { LocalWorkspace, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { start, type EmulatorHandle } from "../../emulator";
import { AtlasClient } from "../../provider/atlas/client";
import type { ApiKeyDetails } from "../../provider/atlas/types";
import { AccessListApiKey, ApiKey, ApiKeyProjectAssignment } from "../../provider";
import {
  collectOutput,
  createInlineStack,
  exportState,
  findPulumiCli,
  removeStackFiles,
  repoRoot,
} from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { LegacyResource } from "../package/legacy-resources";
import { runPulumiCommand, type CommandResult } from "../package/pulumi-command";

const execFileAsync = promisify(execFile);

const OFFICE = "198.51.100.0/24";

describe("migration from @pulumi/mongodbatlas (docs/migration.md)", function () {
  this.timeout(600_000);

  let emulator: EmulatorHandle;
  let admin: AtlasClient;
  let stack: Stack;
  let env: Record<string, string | undefined>;
  let workDir: string;
  let binDir: string;
  let ciKey: ApiKeyDetails;
  let serviceKey: ApiKeyDetails;
  let appProjectId: string;
  let billingProjectId: string;
  let keysBefore: string[];
  const output = collectOutput();
  const results: CommandResult[] = [];

  const orgKeys = async () => (await admin.listOrgApiKeys(emulator.orgId)).map((k) => k.id).sort();
  const secrets = () => [emulator.privateKey, ciKey.privateKey, serviceKey.privateKey];
  const hideSecrets = (text: string) => secrets().reduce((out, s) => out.split(s).join("[secret]"), text);
  const explain = (r: CommandResult) => `${r.line} exited ${r.code}:\n${hideSecrets(r.stdout + r.stderr)}`;

  /** Runs one command line of the guide in the stack's directory. */
  const run = async (line: string, program?: PulumiFn): Promise<CommandResult> => {
    const result = await runPulumiCommand(line, { binDir, cwd: workDir, env, program });
    results.push(result);
    return result;
  };

  /** Runs a shell pipeline of the guide through bash (pipefail), never echoing its output. */
  const pipeline = async (line: string): Promise<void> => {
    const started = Date.now();
    try {
      await execFileAsync("bash", ["-o", "pipefail", "-c", line], { cwd: workDir, env });
      results.push({ line, code: 0, stdout: "", stderr: "", durationMs: Date.now() - started });
    } catch (error) {
      const { code, stderr } = error as { code?: number; stderr?: string };
      throw new Error(`${line} exited ${code}: ${hideSecrets(stderr ?? "")}`);
    }
  };

  /** The program before the migration: the old provider's resources, and the exports of step 2. */
  const legacyProgram = async () => {
    const config = new pulumi.Config();
    const orgId = config.require("orgId");
    const key = new LegacyResource("ApiKey", "ci-key", {
      orgId,
      apiKeyId: ciKey.id,
      publicKey: ciKey.publicKey,
      privateKey: pulumi.secret(ciKey.privateKey),
      description: ciKey.desc,
    });
    new LegacyResource("AccessListApiKey", "ci-key-office", { orgId, apiKeyId: key.apiKeyId, cidrBlock: OFFICE });
    new LegacyResource("ApiKeyProjectAssignment", "ci-key-in-project", {
      projectId: config.require("appProjectId"),
      apiKeyId: key.apiKeyId,
      roles: ["GROUP_READ_ONLY"],
    });
    const service = new LegacyResource("ProjectApiKey", "service-key", {
      orgId,
      projectId: config.require("billingProjectId"),
      apiKeyId: serviceKey.id,
      publicKey: serviceKey.publicKey,
      privateKey: pulumi.secret(serviceKey.privateKey),
      description: serviceKey.desc,
    });
    return {
      ciKeyId: key.apiKeyId,
      ciPrivateKey: key.privateKey,
      serviceKeyId: service.apiKeyId,
      servicePrivateKey: service.privateKey,
    };
  };

  /** The program of step 4, as the guide shows it. */
  const migratedProgram = async () => {
    const config = new pulumi.Config();
    const orgId = config.require("orgId");
    const appProjectId = config.require("appProjectId");
    const billingProjectId = config.require("billingProjectId");
    const ciKey = new ApiKey("ci-key", {
      orgId,
      description: "CI pipeline",
      roleNames: ["ORG_READ_ONLY"],
      adoptApiKeyId: config.require("ciKeyId"),
      adoptPrivateKey: config.requireSecret("ciPrivateKey"),
    });
    new AccessListApiKey("ci-key-office", { orgId, apiKeyId: ciKey.apiKeyId, cidrBlock: OFFICE });
    new ApiKeyProjectAssignment("ci-key-in-project", {
      projectId: appProjectId,
      apiKeyId: ciKey.apiKeyId,
      roles: ["GROUP_READ_ONLY"],
    });
    const serviceKey = new ApiKey("service-key", {
      orgId,
      description: "billing service",
      roleNames: ["ORG_MEMBER"],
      adoptApiKeyId: config.require("serviceKeyId"),
      adoptPrivateKey: config.requireSecret("servicePrivateKey"),
    });
    new ApiKeyProjectAssignment("service-key-in-billing", {
      projectId: billingProjectId,
      apiKeyId: serviceKey.apiKeyId,
      roles: ["GROUP_DATA_ACCESS_READ_ONLY"],
    });
    return {
      ciKeyId: ciKey.apiKeyId,
      ciPrivateKey: ciKey.privateKey,
      serviceKeyId: serviceKey.apiKeyId,
      servicePrivateKey: serviceKey.privateKey,
    };
  };

  before(async function () {
    binDir = requirePulumiCli(this);
    emulator = await start({ port: 0, seed: "migration-e2e", rateLimit: false });
    admin = new AtlasClient({
      baseUrl: emulator.url,
      credentials: { type: "apiKey", publicKey: emulator.publicKey, privateKey: emulator.privateKey },
    });
    [appProjectId, billingProjectId] = emulator.projectIds;

    // What the old provider would have created.
    ciKey = await admin.createOrgApiKey(emulator.orgId, { desc: "CI pipeline", roles: ["ORG_READ_ONLY"] });
    await admin.createAccessListEntries(emulator.orgId, ciKey.id, [{ cidrBlock: OFFICE }]);
    await admin.assignApiKeyToProject(appProjectId, ciKey.id, ["GROUP_READ_ONLY"]);
    serviceKey = await admin.createProjectApiKey(billingProjectId, {
      desc: "billing service",
      roles: ["GROUP_DATA_ACCESS_READ_ONLY"],
    });

    stack = await createInlineStack({
      projectName: "migration",
      stackName: "prod",
      program: legacyProgram,
      config: {
        orgId: { value: emulator.orgId },
        appProjectId: { value: appProjectId },
        billingProjectId: { value: billingProjectId },
      },
      // Credentials as environment variables: read by both providers in the provider process.
      env: {
        MONGODB_ATLAS_PUBLIC_KEY: emulator.publicKey,
        MONGODB_ATLAS_PRIVATE_KEY: emulator.privateKey,
        MONGODB_ATLAS_BASE_URL: emulator.url,
        LEGACY_ATLAS_CLIENT_MODULE: path.join(repoRoot, "dist", "provider", "atlas", "client.js"),
      },
    });
    const ws = stack.workspace as LocalWorkspace;
    workDir = ws.workDir;
    env = { ...process.env, ...ws.envVars };
    expect(findPulumiCli()).to.equal(binDir);

    const result = await stack.up({ ...output.handlers });
    expect(result.summary.result).to.equal("succeeded");
    keysBefore = await orgKeys();
    expect(keysBefore).to.include.members([ciKey.id, serviceKey.id]);
  });

  after(async () => {
    for (const r of results) console.log(`      exit ${r.code} in ${r.durationMs} ms: ${r.line}`);
    admin?.close();
    if (stack) removeStackFiles(stack);
    await emulator?.close();
  });

  it("steps 2-3: the ids and private keys go into stack config, the private keys encrypted", async () => {
    await pipeline("pulumi stack output ciKeyId | pulumi config set ciKeyId");
    await pipeline("pulumi stack output ciPrivateKey --show-secrets | pulumi config set --secret ciPrivateKey");
    await pipeline("pulumi stack output serviceKeyId | pulumi config set serviceKeyId");
    await pipeline(
      "pulumi stack output servicePrivateKey --show-secrets | pulumi config set --secret servicePrivateKey",
    );

    const config = await stack.getAllConfig();
    expect(config["migration:ciKeyId"]).to.deep.equal({ value: ciKey.id, secret: false });
    expect(config["migration:serviceKeyId"]).to.deep.equal({ value: serviceKey.id, secret: false });
    // Exactly the key: no newline or other byte added on the way (compared, never printed).
    expect(config["migration:ciPrivateKey"].secret).to.equal(true);
    expect(config["migration:ciPrivateKey"].value === ciKey.privateKey, "ciPrivateKey round trip").to.equal(true);
    expect(
      config["migration:servicePrivateKey"].value === serviceKey.privateKey,
      "servicePrivateKey round trip",
    ).to.equal(true);
  });

  it("step 4: with the new program alone, the preview plans to delete every old resource (why step 5 exists)", async () => {
    const result = await run("pulumi preview --diff", migratedProgram);
    expect(result.code, explain(result)).to.equal(0);
    const deletes = result.stdout.split("\n").filter((line) => /^\s*-\s+pulumi-nodejs:dynamic\/legacy:/.test(line));
    expect(deletes, hideSecrets(result.stdout)).to.have.length(4);
  });

  it("step 5: `pulumi state delete` of the old resources changes nothing in Atlas", async () => {
    const state = await exportState(stack);
    const urn = (name: string) =>
      state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith(`::${name}`))!.urn;
    const urns = ["ci-key-office", "ci-key-in-project", "ci-key", "service-key"].map(urn);
    expect(urns.every((u) => u.includes("dynamic/legacy:"))).to.equal(true);
    const result = await run(`pulumi state delete --yes ${urns.map((u) => `'${u}'`).join(" ")}`);
    expect(result.code, explain(result)).to.equal(0);
    const after = await exportState(stack);
    expect(
      after.deployment.resources.filter((r: { type: string }) => r.type.includes("dynamic/legacy:")),
    ).to.deep.equal([]);
    expect(await orgKeys()).to.deep.equal(keysBefore);
  });

  it("step 6: `pulumi preview --diff` now plans creates only", async () => {
    const result = await run("pulumi preview --diff", migratedProgram);
    expect(result.code, explain(result)).to.equal(0);
    expect(result.stdout).to.match(/5 to create/);
    expect(result.stdout).to.not.match(/to delete|to replace|to update/);
  });

  it("step 7: `pulumi up --yes` adopts the keys: same ids, nothing created in Atlas, private keys kept as secrets", async () => {
    emulator.clearRequests();
    const result = await run("pulumi up --yes", migratedProgram);
    expect(result.code, explain(result)).to.equal(0);

    // No key-creating call reached Atlas, and the organization has exactly the keys it had.
    const creates = emulator.requests().filter((r) => r.method === "POST" && /\/apiKeys$/.test(r.path));
    expect(creates).to.deep.equal([]);
    expect(await orgKeys()).to.deep.equal(keysBefore);

    const outputs = await stack.outputs();
    expect(outputs.ciKeyId.value).to.equal(ciKey.id);
    expect(outputs.serviceKeyId.value).to.equal(serviceKey.id);
    expect(outputs.ciPrivateKey.secret).to.equal(true);
    expect(outputs.ciPrivateKey.value === ciKey.privateKey, "ciPrivateKey carried over").to.equal(true);
    expect(outputs.servicePrivateKey.secret).to.equal(true);
    expect(outputs.servicePrivateKey.value === serviceKey.privateKey, "servicePrivateKey carried over").to.equal(true);

    const state = await exportState(stack);
    const resource = (name: string) =>
      state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith(`::${name}`));
    expect(resource("ci-key").id).to.equal(`${emulator.orgId}/${ciKey.id}`);
    expect(resource("ci-key").outputs.privateKey).to.have.property("ciphertext");
    expect(resource("service-key").outputs.privateKey).to.have.property("ciphertext");
    const text = JSON.stringify(state);
    for (const secret of secrets()) expect(text.includes(secret), "a secret in the state").to.equal(false);

    // The entry and both assignments are the ones that existed.
    const entries = (await admin.listAccessListEntries(emulator.orgId, ciKey.id)).map((e) => e.cidrBlock);
    expect(entries).to.deep.equal([OFFICE]);
    const roleIn = async (projectId: string, keyId: string) =>
      (await admin.listProjectApiKeys(projectId))
        .find((k) => k.id === keyId)
        ?.roles.filter((r) => r.groupId === projectId)
        .map((r) => r.roleName);
    expect(await roleIn(appProjectId, ciKey.id)).to.deep.equal(["GROUP_READ_ONLY"]);
    expect(await roleIn(billingProjectId, serviceKey.id)).to.deep.equal(["GROUP_DATA_ACCESS_READ_ONLY"]);
  });

  it("step 7: `pulumi refresh --yes` finds no drift, and the next preview plans nothing", async () => {
    const refresh = await run("pulumi refresh --yes", migratedProgram);
    expect(refresh.code, explain(refresh)).to.equal(0);
    expect(refresh.stdout).to.not.match(/to delete|to update|deleted|updated/);
    const preview = await run("pulumi preview --diff", migratedProgram);
    expect(preview.code, explain(preview)).to.equal(0);
    expect(preview.stdout).to.not.match(/to create|to delete|to replace|to update/);
  });

  it("no command printed a private key", () => {
    const text = results.map((r) => r.stdout + r.stderr).join("\n") + output.text();
    for (const secret of secrets()) expect(text.includes(secret), "a secret in the output").to.equal(false);
  });

  it("the adopted keys are owned by the stack: destroy deletes them", async () => {
    stack.workspace.program = migratedProgram;
    const result = await stack.destroy({ ...output.handlers });
    expect(result.summary.result).to.equal("succeeded");
    const left = await orgKeys();
    expect(left).to.not.include.members([ciKey.id]);
    expect(left).to.not.include(serviceKey.id);
  });
});

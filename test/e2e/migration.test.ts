/**
 * docs/migration.md, step by step, with the real Pulumi CLI against the emulator, on a stack of
 * the real `@pulumi/mongodbatlas` 4.16: the keys are made in the emulator as that provider would
 * have made them, and the stack's state is loaded with `pulumi stack import` from a realistic
 * export (test/fixtures/mongodbatlas-4.16/): the real type tokens, the real default provider
 * `pulumi:providers:mongodbatlas`, outputs shaped as its schema declares them. The old provider's
 * plugin is not installed (and cannot be downloaded here): a step of the guide that needed it
 * would fail, which is how the test proves that none does. The guide's shell lines run as written
 * (pipes included, through bash); the ones that run the program get it in-process
 * (test/package/pulumi-command.ts).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { start, type EmulatorHandle } from "../../emulator";
import { AtlasClient } from "../../provider/atlas/client";
import type { ApiKeyDetails } from "../../provider/atlas/types";
import { AccessListApiKey, ApiKey, ApiKeyProjectAssignment, ProjectApiKey } from "../../provider";
import { createInlineStack, exportState, findPulumiCli, removeStackFiles, repoRoot } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { runPulumiCommand, type CommandResult } from "../package/pulumi-command";

const execFileAsync = promisify(execFile);

const OFFICE = "198.51.100.0/24";
const FIXTURE = path.join(repoRoot, "test", "fixtures", "mongodbatlas-4.16", "stack-export.json");
const OLD_TYPES = /^(mongodbatlas:index\/|pulumi:providers:mongodbatlas$)/;

/** The guide's lines, as docs/migration.md writes them (test/package/docs.test.ts checks they match). */
const STEP_2 = [
  `pulumi stack export | jq -r '.deployment.resources[] | select(.urn | endswith("::mongodbatlas:index/apiKey:ApiKey::ci-key")) | .outputs.apiKeyId' | pulumi config set ciKeyId`,
  `pulumi stack export --show-secrets | jq -r '.deployment.resources[] | select(.urn | endswith("::mongodbatlas:index/apiKey:ApiKey::ci-key")) | .outputs.privateKey.plaintext | fromjson' | pulumi config set --secret ciPrivateKey`,
  `pulumi stack export | jq -r '.deployment.resources[] | select(.urn | endswith("::mongodbatlas:index/projectApiKey:ProjectApiKey::service-key")) | .outputs.apiKeyId' | pulumi config set serviceKeyId`,
  `pulumi stack export --show-secrets | jq -r '.deployment.resources[] | select(.urn | endswith("::mongodbatlas:index/projectApiKey:ProjectApiKey::service-key")) | .outputs.privateKey.plaintext | fromjson' | pulumi config set --secret servicePrivateKey`,
];
const STEP_4 = [
  "pulumi state delete --yes 'urn:pulumi:prod::migration::mongodbatlas:index/accessListApiKey:AccessListApiKey::ci-key-office'",
  "pulumi state delete --yes 'urn:pulumi:prod::migration::mongodbatlas:index/apiKeyProjectAssignment:ApiKeyProjectAssignment::ci-key-in-project'",
  "pulumi state delete --yes 'urn:pulumi:prod::migration::mongodbatlas:index/apiKey:ApiKey::ci-key'",
  "pulumi state delete --yes 'urn:pulumi:prod::migration::mongodbatlas:index/projectApiKey:ProjectApiKey::service-key'",
  "pulumi state delete --yes 'urn:pulumi:prod::migration::pulumi:providers:mongodbatlas::default_4_16_0'",
];

/** The id the Terraform provider under @pulumi/mongodbatlas gives a resource: base64 `key:value` pairs. */
function encodedStateId(values: Record<string, string>): string {
  const b64 = (text: string) => Buffer.from(text).toString("base64");
  return Object.keys(values)
    .sort()
    .map((key) => `${b64(key)}:${b64(values[key])}`)
    .join("-");
}

describe("migration from a real @pulumi/mongodbatlas stack (docs/migration.md)", function () {
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
  const results: CommandResult[] = [];

  const orgKeys = async () => (await admin.listOrgApiKeys(emulator.orgId)).map((k) => k.id).sort();
  const secrets = () => [emulator.privateKey, ciKey.privateKey, serviceKey.privateKey];
  const hideSecrets = (text: string) => secrets().reduce((out, s) => out.split(s).join("[secret]"), text);
  const explain = (r: CommandResult) => `${r.line} exited ${r.code}:\n${hideSecrets(r.stdout + r.stderr)}`;

  /** Runs one command line of the guide in the stack's directory. */
  const run = async (line: string, program?: () => Promise<object>): Promise<CommandResult> => {
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

  /** The program of step 3, as the guide shows it. */
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
    const serviceKey = new ProjectApiKey("service-key", {
      description: "billing service",
      projectAssignments: [{ projectId: billingProjectId, roleNames: ["GROUP_DATA_ACCESS_READ_ONLY"] }],
      adoptApiKeyId: config.require("serviceKeyId"),
      adoptPrivateKey: config.requireSecret("servicePrivateKey"),
    });
    return {
      ciKeyId: ciKey.apiKeyId,
      ciPrivateKey: ciKey.privateKey,
      serviceKeyId: serviceKey.apiKeyId,
      servicePrivateKey: serviceKey.privateKey,
    };
  };

  /** The old stack's export with this run's ids and keys in place of the fixture's placeholders. */
  const oldStackExport = (): string => {
    const values: Record<string, string> = {
      orgId: emulator.orgId,
      appProjectId,
      billingProjectId,
      ciKeyId: ciKey.id,
      ciPublicKey: ciKey.publicKey,
      ciPrivateKey: ciKey.privateKey,
      serviceKeyId: serviceKey.id,
      servicePublicKey: serviceKey.publicKey,
      servicePrivateKey: serviceKey.privateKey,
      ciKeyStateId: encodedStateId({ org_id: emulator.orgId, api_key_id: ciKey.id }),
      ciKeyOfficeStateId: encodedStateId({ org_id: emulator.orgId, api_key_id: ciKey.id, entry: OFFICE }),
      ciKeyInProjectStateId: encodedStateId({ project_id: appProjectId, api_key_id: ciKey.id }),
      // The stack's passphrase secrets provider, so that the import encrypts the private keys with it.
      encryptionSalt: /^encryptionsalt: (\S+)$/m.exec(
        fs.readFileSync(path.join(workDir, "Pulumi.prod.yaml"), "utf8"),
      )![1],
    };
    const text = fs.readFileSync(FIXTURE, "utf8").replace(/\{\{(\w+)\}\}/g, (_all, name: string) => {
      if (values[name] === undefined) throw new Error(`${FIXTURE}: no value for {{${name}}}`);
      return values[name];
    });
    return text;
  };

  before(async function () {
    binDir = requirePulumiCli(this);
    emulator = await start({ port: 0, seed: "migration-e2e", rateLimit: false });
    admin = new AtlasClient({
      baseUrl: emulator.url,
      credentials: { type: "apiKey", publicKey: emulator.publicKey, privateKey: emulator.privateKey },
    });
    [appProjectId, billingProjectId] = emulator.projectIds;

    // What @pulumi/mongodbatlas created.
    ciKey = await admin.createOrgApiKey(emulator.orgId, { desc: "CI pipeline", roles: ["ORG_READ_ONLY"] });
    await admin.createAccessListEntries(emulator.orgId, ciKey.id, [{ cidrBlock: OFFICE }]);
    await admin.assignApiKeyToProject(appProjectId, ciKey.id, ["GROUP_READ_ONLY"]);
    serviceKey = await admin.createProjectApiKey(billingProjectId, {
      desc: "billing service",
      roles: ["GROUP_DATA_ACCESS_READ_ONLY"],
    });
    keysBefore = await orgKeys();

    stack = await createInlineStack({
      projectName: "migration",
      stackName: "prod",
      program: migratedProgram,
      config: {
        orgId: { value: emulator.orgId },
        appProjectId: { value: appProjectId },
        billingProjectId: { value: billingProjectId },
      },
      env: {
        MONGODB_ATLAS_PUBLIC_KEY: emulator.publicKey,
        MONGODB_ATLAS_PRIVATE_KEY: emulator.privateKey,
        MONGODB_ATLAS_BASE_URL: emulator.url,
      },
    });
    const ws = stack.workspace as LocalWorkspace;
    workDir = ws.workDir;
    env = { ...process.env, ...ws.envVars };
    expect(findPulumiCli()).to.equal(binDir);

    // The state of the old stack, loaded as a user moving a stack between backends would.
    const file = path.join(workDir, "old-stack.json");
    fs.writeFileSync(file, oldStackExport(), { mode: 0o600 });
    try {
      const imported = await run("pulumi stack import --file old-stack.json");
      expect(imported.code, explain(imported)).to.equal(0);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  after(async () => {
    for (const r of results) console.log(`      exit ${r.code} in ${r.durationMs} ms: ${r.line}`);
    admin?.close();
    if (stack) removeStackFiles(stack);
    await emulator?.close();
  });

  it("the imported state holds the real @pulumi/mongodbatlas types and provider, private keys encrypted", async () => {
    const state = await exportState(stack);
    const types = state.deployment.resources
      .map((r: { type: string }) => r.type)
      .filter((t: string) => OLD_TYPES.test(t));
    expect(types.sort()).to.deep.equal([
      "mongodbatlas:index/accessListApiKey:AccessListApiKey",
      "mongodbatlas:index/apiKey:ApiKey",
      "mongodbatlas:index/apiKeyProjectAssignment:ApiKeyProjectAssignment",
      "mongodbatlas:index/projectApiKey:ProjectApiKey",
      "pulumi:providers:mongodbatlas",
    ]);
    const key = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::ci-key"));
    expect(key.provider).to.match(/::pulumi:providers:mongodbatlas::default_4_16_0::/);
    expect(key.outputs.privateKey).to.have.property("ciphertext");
    const text = JSON.stringify(state);
    for (const secret of secrets()) expect(text.includes(secret), "a secret in the state").to.equal(false);
  });

  it("step 2: the ids and private keys go from the state into stack config, the private keys encrypted", async () => {
    for (const line of STEP_2) await pipeline(line);
    const config = await stack.getAllConfig();
    expect(config["migration:ciKeyId"]).to.deep.equal({ value: ciKey.id, secret: false });
    expect(config["migration:serviceKeyId"]).to.deep.equal({ value: serviceKey.id, secret: false });
    // Exactly the key: no newline or quote added on the way (compared, never printed).
    expect(config["migration:ciPrivateKey"].secret).to.equal(true);
    expect(config["migration:ciPrivateKey"].value === ciKey.privateKey, "ciPrivateKey round trip").to.equal(true);
    expect(config["migration:servicePrivateKey"].secret).to.equal(true);
    expect(
      config["migration:servicePrivateKey"].value === serviceKey.privateKey,
      "servicePrivateKey round trip",
    ).to.equal(true);
    const stackFile = fs.readFileSync(path.join(workDir, "Pulumi.prod.yaml"), "utf8");
    for (const secret of secrets()) expect(stackFile.includes(secret), "a private key in clear").to.equal(false);
  });

  /** A preview of `program` fails for want of the old provider's plugin, and nothing changed in Atlas. */
  async function expectPreviewNeedsOldPlugin(program: () => Promise<object>): Promise<void> {
    const result = await run("pulumi preview --diff", program);
    expect(result.code).to.not.equal(0);
    expect(result.stdout + result.stderr, explain(result)).to.match(
      /could not load provider for resource urn:pulumi:prod::migration::mongodbatlas:index\/.*no resource plugin 'pulumi-resource-mongodbatlas' found/,
    );
    expect(await orgKeys()).to.deep.equal(keysBefore);
  }

  it("before step 4, the new program cannot even be previewed: the old resources need the old provider's plugin", async () => {
    await expectPreviewNeedsOldPlugin(migratedProgram);
  });

  it("before step 4, aliases to the old resources do not help: the engine still loads the old provider", async () => {
    // The same program, each new resource claiming its old URN through an alias on the type.
    const aliased = async () => {
      const config = new pulumi.Config();
      const ciKey = new ApiKey(
        "ci-key",
        {
          orgId: config.require("orgId"),
          description: "CI pipeline",
          roleNames: ["ORG_READ_ONLY"],
          adoptApiKeyId: config.require("ciKeyId"),
        },
        { aliases: [{ type: "mongodbatlas:index/apiKey:ApiKey" }] },
      );
      return { ciKeyId: ciKey.apiKeyId };
    };
    await expectPreviewNeedsOldPlugin(aliased);
  });

  it("step 4: `pulumi state delete` of the old resources and the old provider changes nothing in Atlas", async () => {
    for (const line of STEP_4) {
      const result = await run(line);
      expect(result.code, explain(result)).to.equal(0);
    }
    const after = await exportState(stack);
    expect(after.deployment.resources.filter((r: { type: string }) => OLD_TYPES.test(r.type))).to.deep.equal([]);
    expect(await orgKeys()).to.deep.equal(keysBefore);
  });

  it("step 5: `pulumi preview --diff` now plans creates only", async () => {
    const result = await run("pulumi preview --diff", migratedProgram);
    expect(result.code, explain(result)).to.equal(0);
    expect(result.stdout, explain(result)).to.match(/4 to create/);
    expect(result.stdout).to.not.match(/to delete|to replace|to update/);
  });

  it("step 6: `pulumi up --yes` adopts the keys: same ids, nothing created in Atlas, private keys kept as secrets", async () => {
    emulator.clearRequests();
    const result = await run("pulumi up --yes", migratedProgram);
    expect(result.code, explain(result)).to.equal(0);

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
    expect(resource("service-key").id).to.equal(`${billingProjectId}/${serviceKey.id}`);
    expect(resource("ci-key").outputs.privateKey).to.have.property("ciphertext");
    expect(resource("service-key").outputs.privateKey).to.have.property("ciphertext");
    expect(state.deployment.resources.filter((r: { type: string }) => OLD_TYPES.test(r.type))).to.deep.equal([]);
    const text = JSON.stringify(state);
    for (const secret of secrets()) expect(text.includes(secret), "a secret in the state").to.equal(false);

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

  it("step 6: `pulumi refresh --yes` finds no drift, and the next preview plans nothing", async () => {
    const refresh = await run("pulumi refresh --yes", migratedProgram);
    expect(refresh.code, explain(refresh)).to.equal(0);
    expect(refresh.stdout).to.not.match(/to delete|to update|deleted|updated/);
    const preview = await run("pulumi preview --diff", migratedProgram);
    expect(preview.code, explain(preview)).to.equal(0);
    expect(preview.stdout).to.not.match(/to create|to delete|to replace|to update/);
  });

  it("no command printed a private key", () => {
    const text = results.map((r) => r.stdout + r.stderr).join("\n");
    for (const secret of secrets()) expect(text.includes(secret), "a secret in the output").to.equal(false);
  });

  it("the adopted keys are owned by the stack: destroy deletes them", async () => {
    const result = await run("pulumi destroy --yes", migratedProgram);
    expect(result.code, explain(result)).to.equal(0);
    const left = await orgKeys();
    expect(left).to.not.include(ciKey.id);
    expect(left).to.not.include(serviceKey.id);
  });
});

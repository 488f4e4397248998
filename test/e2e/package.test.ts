/**
 * The package as users get it: `npm pack` (which runs `prepack`), the tarball's contents, then an
 * `npm install` of the tarball into a fresh Pulumi project outside this repository, whose
 * program is deployed and destroyed through the real Pulumi CLI against the emulator started
 * from the installed `bin`. The provider process runs in that project, so it can only load
 * `pulumi-mongodbatlas-apikeys/runtime` from the project's node_modules: nothing here can fall
 * back to the repository's sources.
 *
 * The same project then runs the command lines of examples/gitops/github-actions.yml with
 * credentials in environment variables, as the workflow does (see test/package/pulumi-command.ts
 * for how the program is supplied to those commands).
 */
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { expect } from "chai";
import type { Stack } from "@pulumi/pulumi/automation";
import { AtlasClient } from "../../provider/atlas/client";
import { hasErrorCode } from "../../provider/atlas/errors";
import { collectOutput, exportState, findPulumiCli, offlineEnv, repoRoot } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { packTarball, readTarballFile, type Tarball } from "../package/tarball";
import {
  createConsumerProject,
  createProjectStack,
  startPackagedEmulator,
  type ConsumerProject,
  type PackagedEmulator,
  type SetupTimings,
} from "../package/consumer-project";
import { runPulumiCommand, type CommandResult } from "../package/pulumi-command";

const OBJECT_ID = /^[a-f0-9]{24}$/;

describe("the npm package", function () {
  this.timeout(600_000);

  let packDir: string;
  let tarball: Tarball;

  before(async () => {
    packDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-apikeys-pack-"));
    const started = Date.now();
    tarball = await packTarball(packDir);
    console.log(`      npm pack: ${tarball.files.length} files in ${Date.now() - started} ms`);
  });

  after(() => {
    if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
  });

  describe("what the tarball holds", () => {
    it("the compiled provider and emulator, each module with its type declarations", () => {
      for (const file of [
        "dist/provider/index.js",
        "dist/provider/index.d.ts",
        "dist/provider/runtime/index.js",
        "dist/emulator/index.js",
        "dist/emulator/index.d.ts",
        "dist/emulator/cli.js",
      ]) {
        expect(tarball.files, file).to.include(file);
      }
      const withoutDeclarations = tarball.files
        .filter((file) => file.endsWith(".js"))
        .filter((file) => !tarball.files.includes(file.replace(/\.js$/, ".d.ts")));
      expect(withoutDeclarations, "compiled modules without a .d.ts").to.deep.equal([]);
    });

    it("README.md, CHANGELOG.md, and LICENSE with the Apache-2.0 text package.json names", async () => {
      expect(tarball.files).to.include.members(["package.json", "README.md", "CHANGELOG.md", "LICENSE"]);
      expect(tarball.manifest.license).to.equal("Apache-2.0");
      const license = await readTarballFile(tarball.file, "LICENSE");
      expect(license).to.match(/Apache License\s+Version 2\.0, January 2004/);
      const changelog = await readTarballFile(tarball.file, "CHANGELOG.md");
      expect(changelog).to.include(`## [${tarball.manifest.version}]`);
    });

    it("no tests, examples, sources, scripts, benchmarks, local state or dangling source maps", () => {
      const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(provider|emulator)\/.+\.(js|d\.ts))$/;
      const unexpected = tarball.files.filter((file) => !allowed.test(file));
      expect(unexpected, "files outside the allowed set").to.deep.equal([]);
      // Belt and braces for the things that must never ship, whatever the allowed set becomes.
      const forbidden = tarball.files.filter((file) =>
        /(^|\/)(test|tests|examples|bench|scripts|tools|\.pulumi-local|node_modules)\/|\.map$|\.tgz$|(^|\/)Pulumi\.[^/]*\.yaml$|state.*\.json$/.test(
          file,
        ),
      );
      expect(forbidden).to.deep.equal([]);
      expect(tarball.files.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))).to.deep.equal([]);
    });

    it("no stale output: every compiled module has its source in the repository", () => {
      const stale = tarball.files
        .filter((file) => file.endsWith(".js"))
        .filter((file) => !fs.existsSync(path.join(repoRoot, file.replace(/^dist\//, "").replace(/\.js$/, ".ts"))));
      expect(stale).to.deep.equal([]);
    });

    it("every entry point of package.json (main, types, exports, bin) is in the tarball", () => {
      const { main, types, exports, bin } = tarball.manifest;
      const targets = [main, types, ...Object.values(bin ?? {})];
      for (const target of Object.values(exports ?? {})) {
        targets.push(...(typeof target === "string" ? [target] : Object.values(target)));
      }
      expect(targets.length).to.be.greaterThan(4);
      for (const target of targets) {
        expect(tarball.files, `entry point ${target}`).to.include(path.posix.normalize(target!));
      }
      expect(exports).to.have.keys([".", "./runtime", "./emulator", "./package.json"]);
      expect(bin).to.deep.equal({ "atlas-apikeys-emulator": "dist/emulator/cli.js" });
    });

    it("the emulator bin starts with a node shebang", async () => {
      const cli = await readTarballFile(tarball.file, "dist/emulator/cli.js");
      expect(cli.split("\n")[0]).to.equal("#!/usr/bin/env node");
    });

    it("@pulumi/pulumi is a peer (>=3.216.0 <4), and every module the code loads is declared", async () => {
      const { dependencies = {}, peerDependencies = {} } = tarball.manifest;
      expect(peerDependencies).to.deep.equal({ "@pulumi/pulumi": ">=3.216.0 <4" });
      expect(dependencies).to.not.have.property("@pulumi/pulumi");
      const builtins = new Set(builtinModules);
      const loaded = new Set<string>();
      for (const file of tarball.files.filter((f) => f.endsWith(".js"))) {
        const text = await fs.promises.readFile(path.join(repoRoot, file), "utf8");
        for (const [, name] of text.matchAll(/require\("([^".][^"]*)"\)/g)) {
          const root = name.startsWith("@") ? name.split("/").slice(0, 2).join("/") : name.split("/")[0];
          if (!builtins.has(root.replace(/^node:/, ""))) loaded.add(root);
        }
      }
      // The runtime loads itself by name (serializable.ts); that resolves to this package.
      loaded.delete(tarball.manifest.name);
      const declared = [...Object.keys(dependencies), ...Object.keys(peerDependencies)];
      expect(
        [...loaded].filter((name) => !declared.includes(name)),
        "loaded but not declared",
      ).to.deep.equal([]);
    });

    it("prepack builds, so a tarball can never hold output older than the sources", () => {
      expect(tarball.manifest.scripts?.prepack ?? "").to.match(/\b(npm run build|tsc)\b/);
    });
  });

  describe("installed into a fresh project outside the repository", () => {
    let project: ConsumerProject;
    let emulator: PackagedEmulator;
    let admin: AtlasClient;
    /** Every secret the tests know; none may appear in state or output. */
    const secrets: string[] = [];

    before(async function () {
      requirePulumiCli(this);
      const timings: SetupTimings = { install: 0, compile: 0 };
      project = await createConsumerProject(tarball.file, timings);
      console.log(
        `      npm install: ${timings.install} ms; tsc against the installed declarations: ${timings.compile} ms`,
      );
      emulator = await startPackagedEmulator(project, "package-e2e");
      secrets.push(emulator.info.privateKey);
      admin = new AtlasClient({
        baseUrl: emulator.info.url,
        credentials: { type: "apiKey", publicKey: emulator.info.publicKey, privateKey: emulator.info.privateKey },
      });
    });

    after(async () => {
      admin?.close();
      await emulator?.stop();
      project?.remove();
    });

    describe("deployed with the real Pulumi CLI (Automation API, stack config credentials)", () => {
      let stack: Stack;
      let stateDir: string;
      const output = collectOutput();

      before(async () => {
        stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-apikeys-package-state-"));
        stack = await createProjectStack(project, {
          stackName: "dev",
          binDir: findPulumiCli()!,
          stateDir,
          config: {
            orgId: { value: emulator.info.orgId },
            projectId: { value: emulator.info.projectId },
            "mongodbatlas:publicKey": { value: emulator.info.publicKey },
            "mongodbatlas:privateKey": { value: emulator.info.privateKey, secret: true },
            "mongodbatlas:baseUrl": { value: emulator.info.url },
          },
        });
      });

      after(() => {
        if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
      });

      it("resolves the public entry points from the project and hides the internals", () => {
        const resolve = (id: string) => project.require.resolve(id);
        const installed = path.join(project.dir, "node_modules", "pulumi-mongodbatlas-apikeys") + path.sep;
        for (const id of [
          "pulumi-mongodbatlas-apikeys",
          "pulumi-mongodbatlas-apikeys/runtime",
          "pulumi-mongodbatlas-apikeys/emulator",
        ]) {
          expect(resolve(id), id).to.satisfy((file: string) => file.startsWith(installed));
        }
        const api = project.require("pulumi-mongodbatlas-apikeys") as Record<string, unknown>;
        expect(Object.keys(api)).to.include.members([
          "ApiKey",
          "ProjectApiKey",
          "ApiKeyProjectAssignment",
          "AccessListApiKey",
          "getApiKey",
          "listApiKeys",
          "listProjectApiKeys",
        ]);
        const runtime = project.require("pulumi-mongodbatlas-apikeys/runtime") as {
          handlers: object;
          configure: unknown;
        };
        expect(runtime.handlers).to.have.keys([
          "apiKey",
          "projectApiKey",
          "apiKeyProjectAssignment",
          "accessListApiKey",
          "serviceAccount",
          "serviceAccountSecret",
          "serviceAccountProjectAssignment",
          "serviceAccountAccessListEntry",
        ]);
        expect(runtime.configure).to.be.a("function");
        expect(() => resolve("pulumi-mongodbatlas-apikeys/dist/provider/atlas/client")).to.throw(
          /not defined by "exports"|ERR_PACKAGE_PATH_NOT_EXPORTED/,
        );
      });

      it("the emulator bin from node_modules/.bin serves the seeded organization on 127.0.0.1", async () => {
        expect(emulator.info.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(emulator.info.orgId).to.match(OBJECT_ID);
        const org = await admin.getOrganization(emulator.info.orgId);
        expect(org.id).to.equal(emulator.info.orgId);
      });

      let apiKeyId: string;

      it("up creates the key, its access list and its project assignment", async () => {
        const result = await stack.up({ ...output.handlers });
        expect(result.summary.result).to.equal("succeeded");
        expect(result.summary.resourceChanges).to.deep.equal({ create: 3 }); // stack, key, assignment
        apiKeyId = result.outputs.apiKeyId.value as string;
        expect(apiKeyId).to.match(OBJECT_ID);
        expect(result.outputs.privateKey.secret).to.equal(true);
        secrets.push(result.outputs.privateKey.value as string);

        const key = await admin.getOrgApiKey(emulator.info.orgId, apiKeyId);
        expect(key.desc).to.equal("installed from the npm tarball");
        expect(key.publicKey).to.equal(result.outputs.publicKey.value);
        const entries = (await admin.listAccessListEntries(emulator.info.orgId, apiKeyId)).map((e) => e.cidrBlock);
        expect(entries).to.deep.equal(["203.0.113.0/24"]);
        const inProject = (await admin.listProjectApiKeys(emulator.info.projectId)).find((k) => k.id === apiKeyId);
        expect(inProject?.roles.filter((r) => r.groupId).map((r) => r.roleName)).to.deep.equal(["GROUP_READ_ONLY"]);
      });

      it("a second preview plans no change", async () => {
        const result = await stack.preview({ ...output.handlers });
        expect(result.changeSummary).to.deep.equal({ same: 3 });
      });

      it("state: the private key is encrypted, the serialized provider names the package but no path", async () => {
        const state = await exportState(stack);
        const key = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::deployer"));
        expect(key.outputs.privateKey).to.have.property("ciphertext");
        const provider = String(key.outputs.__provider);
        expect(provider).to.include("pulumi-mongodbatlas-apikeys/runtime");
        expect(provider).to.not.include(project.dir);
        expect(provider).to.not.include(repoRoot);
        const text = JSON.stringify(state);
        for (const secret of secrets) expect(text.includes(secret), "a secret in the state").to.equal(false);
        for (const secret of secrets)
          expect(output.text().includes(secret), "a secret in the CLI output").to.equal(false);
      });

      it("destroy deletes the key and the assignment", async () => {
        const result = await stack.destroy({ ...output.handlers });
        expect(result.summary.result).to.equal("succeeded");
        expect(result.summary.resourceChanges).to.deep.equal({ delete: 3 });
        const gone = await admin.getOrgApiKey(emulator.info.orgId, apiKeyId).then(
          () => false,
          (error: unknown) => hasErrorCode(error, "API_KEY_NOT_FOUND"),
        );
        expect(gone, "the key is deleted").to.equal(true);
        for (const secret of secrets)
          expect(output.text().includes(secret), "a secret in the CLI output").to.equal(false);
      });
    });

    describe("the command lines of examples/gitops/github-actions.yml (environment-variable credentials)", () => {
      const workflowFile = path.join(repoRoot, "examples", "gitops", "github-actions.yml");
      let workflow: Workflow;
      let env: Record<string, string | undefined>;
      let binDir: string;
      let stateDir: string;
      const results: CommandResult[] = [];

      /** Runs the `pulumi` lines of one job's `run:` steps, in order, stopping at the first failure. */
      const runJob = async (job: string): Promise<CommandResult> => {
        let last: CommandResult | undefined;
        for (const line of pulumiLines(workflow, job)) {
          last = await runPulumiCommand(line, {
            binDir,
            cwd: project.dir,
            env,
            program: project.program(),
            pulumiFrom: project.require,
          });
          results.push(last);
          if (last.code !== 0) break;
        }
        if (!last) throw new Error(`job ${job} runs no pulumi command`);
        return last;
      };
      const orgKeyIds = async () => (await admin.listOrgApiKeys(emulator.info.orgId)).map((k) => k.id).sort();
      const explain = (result: CommandResult) =>
        `${result.line} exited ${result.code}:\n${redact(result.stdout + result.stderr, secrets)}`;

      before(async () => {
        workflow = loadWorkflow(workflowFile);
        binDir = findPulumiCli()!;
        stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-apikeys-gitops-"));
        // The workflow's own env, with the secrets it reads filled in; the self-managed backend
        // (file + passphrase) the workflow mentions stands in for Pulumi Cloud.
        const fromWorkflow = Object.fromEntries(
          Object.entries(workflow.env ?? {}).filter(([, value]) => !String(value).includes("${{")),
        );
        env = {
          ...process.env,
          ...offlineEnv(stateDir, binDir),
          ...fromWorkflow,
          MONGODB_ATLAS_PUBLIC_KEY: emulator.info.publicKey,
          MONGODB_ATLAS_PRIVATE_KEY: emulator.info.privateKey,
          // Real Atlas is the default; the emulator needs its address.
          MONGODB_ATLAS_BASE_URL: emulator.info.url,
        };
        for (const name of Object.keys(env))
          if (/^MONGODB_ATLAS_(CLIENT|PUBLIC_API|PRIVATE_API)/.test(name)) delete env[name];
        // One-time setup the workflow expects (see its header): the stack exists, its config is committed.
        for (const line of [
          "pulumi stack init $PULUMI_STACK",
          `pulumi config set orgId ${emulator.info.orgId} --stack $PULUMI_STACK`,
          `pulumi config set projectId ${emulator.info.projectId} --stack $PULUMI_STACK`,
        ]) {
          const result = await runPulumiCommand(line, { binDir, cwd: project.dir, env });
          expect(result.code, explain(result)).to.equal(0);
        }
      });

      after(async () => {
        if (project && binDir) {
          const result = await runPulumiCommand("pulumi destroy --yes --non-interactive --stack $PULUMI_STACK", {
            binDir,
            cwd: project.dir,
            env,
            program: project.program(),
            pulumiFrom: project.require,
          });
          if (result.code !== 0) console.log(`      cleanup failed: ${explain(result)}`);
        }
        for (const result of results)
          console.log(`      exit ${result.code} in ${result.durationMs} ms: ${result.line}`);
        if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
      });

      it("the workflow: preview on pull requests, up on pushes to main, drift check on schedule, one run at a time", () => {
        expect(workflow.on).to.have.keys(["pull_request", "push", "schedule"]);
        expect(workflow.jobs.preview.if).to.include("pull_request");
        expect(workflow.jobs.up.if).to.include("refs/heads/main");
        expect(workflow.jobs.drift.if).to.include("schedule");
        // Scheduled rotation happens only when an `up` runs: a nightly job runs one, before the drift check.
        expect(workflow.jobs.rotate.if).to.include("schedule");
        expect(workflow.jobs.rotate.if).to.not.equal(workflow.jobs.drift.if);
        expect(pulumiLines(workflow, "rotate").join("\n")).to.match(/pulumi up --yes/);
        expect(workflow.concurrency).to.deep.include({ "cancel-in-progress": false });
        expect(String(workflow.concurrency?.group)).to.not.equal("");
        for (const name of ["MONGODB_ATLAS_PUBLIC_KEY", "MONGODB_ATLAS_PRIVATE_KEY", "PULUMI_ACCESS_TOKEN"]) {
          expect(workflow.env?.[name], name).to.equal(`\${{ secrets.${name} }}`);
        }
        for (const job of ["preview", "up", "drift", "rotate"]) {
          const uses = workflow.jobs[job].steps.map((step) => step.uses ?? "");
          expect(
            uses.some((u) => u.startsWith("pulumi/actions@")),
            `${job} installs the CLI with pulumi/actions`,
          ).to.equal(true);
          expect(
            pulumiLines(workflow, job).every(
              (line) => line.includes("--non-interactive") || !/ (preview|up) /.test(line),
            ),
          ).to.equal(true);
        }
        expect(pulumiLines(workflow, "up").join("\n")).to.match(/pulumi up --yes/);
      });

      it("pull request: `pulumi preview` exits 0, shows the plan and changes nothing in Atlas", async () => {
        const before = await orgKeyIds();
        const result = await runJob("preview");
        expect(result.code, explain(result)).to.equal(0);
        expect(result.stdout)
          .to.match(/create/)
          .and.to.match(/deployer/);
        expect(await orgKeyIds()).to.deep.equal(before);
      });

      let apiKeyId: string;

      it("merge to main: `pulumi up --yes` exits 0 and creates the key with env-var credentials", async () => {
        const before = await orgKeyIds();
        const result = await runJob("up");
        expect(result.code, explain(result)).to.equal(0);
        const created = (await orgKeyIds()).filter((id) => !before.includes(id));
        expect(created).to.have.length(1);
        apiKeyId = created[0];
        const key = await admin.getOrgApiKey(emulator.info.orgId, apiKeyId);
        expect(key.desc).to.equal("installed from the npm tarball");
      });

      it("drift check: exits 0 while Atlas matches the stack", async () => {
        const result = await runJob("drift");
        expect(result.code, explain(result)).to.equal(0);
      });

      it("drift check: exits non-zero after the key is deleted outside Pulumi", async () => {
        await admin.deleteOrgApiKey(emulator.info.orgId, apiKeyId);
        const result = await runJob("drift");
        // 7: "no changes were expected", in the exit codes of the Pulumi CLI (v3.259.0).
        expect(result.code, explain(result)).to.equal(7);
        expect(result.stdout + result.stderr).to.match(
          /no changes were expected|changes were proposed|expect-no-changes/i,
        );
      });

      it("the next deploy (`up --refresh`) drops the deleted key from the state and creates a new one", async () => {
        const result = await runJob("up");
        expect(result.code, explain(result)).to.equal(0);
        const keys = await admin.listOrgApiKeys(emulator.info.orgId);
        const recreated = keys.filter((k) => k.desc === "installed from the npm tarball");
        expect(recreated).to.have.length(1);
        expect(recreated[0].id).to.not.equal(apiKeyId);
        expect((await runJob("drift")).code).to.equal(0);
      });

      it("a deploy that fails validation exits non-zero before any Atlas call", async () => {
        const bad = await runPulumiCommand("pulumi config set orgId not-an-org-id --stack $PULUMI_STACK", {
          binDir,
          cwd: project.dir,
          env,
        });
        expect(bad.code).to.equal(0);
        const before = await orgKeyIds();
        try {
          const result = await runJob("up");
          // 1: an error in the program or a provider (here: validation in check).
          expect(result.code, explain(result)).to.equal(1);
          expect(result.stdout + result.stderr).to.include("orgId must be 24 hexadecimal characters");
          expect(await orgKeyIds()).to.deep.equal(before);
        } finally {
          const restore = await runPulumiCommand(
            `pulumi config set orgId ${emulator.info.orgId} --stack $PULUMI_STACK`,
            {
              binDir,
              cwd: project.dir,
              env,
            },
          );
          expect(restore.code).to.equal(0);
        }
      });

      it("`pulumi stack select` of a stack that does not exist fails (exit 6) instead of creating one", async () => {
        const result = await runPulumiCommand('pulumi stack select "$PULUMI_STACK"', {
          binDir,
          cwd: project.dir,
          env: { ...env, PULUMI_STACK: "prdo" },
        });
        results.push(result);
        expect(result.code, explain(result)).to.equal(6);
      });

      it("never prints a credential or a private key", () => {
        const text = results.map((r) => r.stdout + r.stderr).join("\n");
        for (const secret of secrets) expect(text.includes(secret), "a secret in the command output").to.equal(false);
      });
    });
  });
});

/** The parts of a GitHub Actions workflow the test reads. */
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  concurrency?: { group?: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, { if?: string; steps: { uses?: string; run?: string }[] }>;
}

function loadWorkflow(file: string): Workflow {
  // js-yaml comes with @pulumi/pulumi; it ships no type declarations of its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require("js-yaml") as { load(text: string): unknown };
  return yaml.load(fs.readFileSync(file, "utf8")) as Workflow;
}

/** The `pulumi ...` lines of a job's `run:` steps, in order. */
function pulumiLines(workflow: Workflow, job: string): string[] {
  return workflow.jobs[job].steps
    .flatMap((step) => (step.run ?? "").split("\n"))
    .map((line) => line.trim())
    .filter((line) => line.startsWith("pulumi "));
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("[secret]"), text);
}

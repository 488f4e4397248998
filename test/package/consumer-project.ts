/**
 * A Pulumi project outside this repository that gets the package the way users do: `npm install`
 * of the packed tarball next to `@pulumi/pulumi`, a TypeScript program compiled against the
 * installed type declarations, and the emulator started from the installed `bin`.
 */
import { execFile, spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as os from "os";
import * as path from "path";
import { createInterface } from "readline";
import { promisify } from "util";
import type * as automation from "@pulumi/pulumi/automation";
import type { ConfigMap, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { offlineEnv, repoRoot } from "../../harness/pulumi";
import { npmEnv } from "./tarball";

const execFileAsync = promisify(execFile);

/** The `@pulumi/pulumi` a user installs next to the package: the newest release that runs on Node 20. */
export const CONSUMER_PULUMI_VERSION = "3.248.0";

/** Name of the consumer's Pulumi project (Pulumi.yaml). */
export const CONSUMER_PROJECT_NAME = "atlas-keys-consumer";

/**
 * The consumer's program, as a user would write it after reading the README: an organization key
 * with an access list, assigned to a project. It reads `orgId` and `projectId` from stack config.
 */
export const CONSUMER_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { ApiKey, ApiKeyProjectAssignment } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const key = new ApiKey("deployer", {
    orgId: config.require("orgId"),
    description: config.get("description") ?? "installed from the npm tarball",
    roleNames: ["ORG_READ_ONLY"],
    accessList: ["203.0.113.0/24"],
  });
  new ApiKeyProjectAssignment("deployer-in-project", {
    projectId: config.require("projectId"),
    apiKeyId: key.apiKeyId,
    roles: ["GROUP_READ_ONLY"],
  });
  return { apiKeyId: key.apiKeyId, publicKey: key.publicKey, privateKey: key.privateKey };
};
`;

/**
 * Compiled with the program: fails to compile unless the package's declarations are really
 * resolved (if they were missing, every import would be \`any\` and the expected errors would not
 * happen, which \`@ts-expect-error\` reports).
 */
const TYPE_CHECKS = `import { ApiKey, ProjectApiKey, getApiKey, type ApiKeyArgs } from "pulumi-mongodbatlas-apikeys";
import { start, type EmulatorHandle } from "pulumi-mongodbatlas-apikeys/emulator";

export const args: ApiKeyArgs = { orgId: "0".repeat(24), description: "typed", roleNames: ["ORG_READ_ONLY"] };
// @ts-expect-error roleNames is required
export const missingRoles: ApiKeyArgs = { orgId: "0".repeat(24), description: "typed" };
// @ts-expect-error ProjectApiKey takes projectAssignments, not a projectId
export const wrong = (name: string) => new ProjectApiKey(name, { description: "d", projectId: "p" });
export const lookup: (args: { orgId: string; apiKeyId: string }) => Promise<{ publicKey: string }> = getApiKey;
export const keyClass: typeof ApiKey = ApiKey;
export const emulator: () => Promise<EmulatorHandle> = () => start({ port: 0 });
`;

/** A consumer project on disk. */
export interface ConsumerProject {
  /** Absolute path, outside the repository. */
  dir: string;
  /** `require` as resolved from the project's directory (its node_modules). */
  require: NodeRequire;
  /** The compiled program (`index.js`), loaded from the project. */
  program(): PulumiFn;
  /** Deletes the project directory. */
  remove(): void;
}

/** How long the project setup took, by step, in milliseconds (reported by the test). */
export interface SetupTimings {
  install: number;
  compile: number;
}

/**
 * Creates the project under the system temporary directory, installs the tarball and
 * `@pulumi/pulumi` (preferring the local npm cache), and compiles the program with the
 * repository's TypeScript against the installed declarations only (no path mapping).
 */
export async function createConsumerProject(tarball: string, timings?: SetupTimings): Promise<ConsumerProject> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "atlas-apikeys-consumer-")));
  if (dir.startsWith(repoRoot + path.sep))
    throw new Error(`the consumer project must be outside the repository: ${dir}`);
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  write("package.json", JSON.stringify({ name: CONSUMER_PROJECT_NAME, version: "1.0.0", private: true }, null, 2));
  write(
    "Pulumi.yaml",
    `name: ${CONSUMER_PROJECT_NAME}\nruntime: nodejs\nmain: index.js\ndescription: installs pulumi-mongodbatlas-apikeys from its npm tarball\n`,
  );
  write("index.ts", CONSUMER_PROGRAM);
  write("type-checks.ts", TYPE_CHECKS);
  write(
    "tsconfig.json",
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "node16",
          moduleResolution: "node16",
          strict: true,
          skipLibCheck: true,
          types: [],
          outDir: ".",
          rootDir: ".",
        },
        files: ["index.ts", "type-checks.ts"],
      },
      null,
      2,
    ),
  );

  let started = Date.now();
  await execFileAsync(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--save-exact",
      "--no-audit",
      "--no-fund",
      tarball,
      `@pulumi/pulumi@${CONSUMER_PULUMI_VERSION}`,
    ],
    { cwd: dir, env: npmEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 480_000 },
  );
  if (timings) timings.install = Date.now() - started;

  started = Date.now();
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  try {
    await execFileAsync(process.execPath, [tsc, "-p", dir], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `the consumer program does not compile against the installed package:\n${stdout ?? ""}${stderr ?? ""}`,
    );
  }
  if (timings) timings.compile = Date.now() - started;

  const projectRequire = createRequire(path.join(dir, "index.js"));
  return {
    dir,
    require: projectRequire,
    program: () => projectRequire("./index.js") as PulumiFn,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** What the emulator's first stdout line says. */
export interface EmulatorInfo {
  url: string;
  orgId: string;
  projectId: string;
  publicKey: string;
  privateKey: string;
}

/** An emulator started through the project's `node_modules/.bin/atlas-apikeys-emulator`. */
export interface PackagedEmulator {
  info: EmulatorInfo;
  /** The bin's path, as installed by npm. */
  bin: string;
  /** Stops the emulator (SIGTERM to this child only) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts the installed emulator bin on a free loopback port and reads its handoff line. */
export async function startPackagedEmulator(project: ConsumerProject, seed: string): Promise<PackagedEmulator> {
  const bin = path.join(project.dir, "node_modules", ".bin", "atlas-apikeys-emulator");
  // Executed directly, not through `node`: this is what checks the shebang and the executable bit.
  const child: ChildProcess = spawn(bin, ["--port", "0", "--seed", seed, "--no-rate-limit"], {
    cwd: project.dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const info = await new Promise<EmulatorInfo>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`the emulator printed no handoff line in 30 s; stderr: ${stderr}`)),
      30_000,
    );
    lines.once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as EmulatorInfo);
      } catch {
        reject(new Error("the emulator's first stdout line is not JSON"));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code} before its handoff line; stderr: ${stderr}`));
    });
  });
  return {
    info,
    bin,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A stack of the project's program driven through the Automation API of the project's own
 * `@pulumi/pulumi` (the copy the program and the package load: one copy per run), with the CLI
 * in `binDir`, a temporary file backend in `stateDir`, and the project as working directory.
 */
export async function createProjectStack(
  project: ConsumerProject,
  options: { stackName: string; binDir: string; stateDir: string; config: ConfigMap },
): Promise<Stack> {
  const auto = project.require("@pulumi/pulumi/automation") as typeof automation;
  // PulumiCommand.get wants `<root>/bin/pulumi`.
  let root = path.dirname(options.binDir);
  if (path.basename(options.binDir) !== "bin") {
    root = path.join(options.stateDir, "cli");
    fs.mkdirSync(path.join(root, "bin"), { recursive: true });
    fs.symlinkSync(path.join(options.binDir, "pulumi"), path.join(root, "bin", "pulumi"));
  }
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    { projectName: CONSUMER_PROJECT_NAME, stackName: options.stackName, program: project.program() },
    {
      workDir: project.dir,
      envVars: offlineEnv(options.stateDir, options.binDir),
      pulumiCommand: await auto.PulumiCommand.get({ root }),
    },
  );
  await stack.setAllConfig(options.config);
  return stack as unknown as Stack;
}

/**
 * The Pulumi CLI harness shared by the tests, the demo (`scripts/demo.ts`) and the benchmark
 * (`bench/`): find a compatible CLI, run it offline, create inline stacks, export their state.
 *
 * Programs run inline through the Automation API: this Node.js process is the language host
 * and the CLI connects to it, so only the `pulumi` binary and the dynamic-provider plugin shim
 * (`pulumi-resource-pulumi-nodejs`) are needed. `scripts/install-pulumi` provides both.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import {
  ConfigMap,
  Deployment,
  EngineEvent,
  LocalWorkspace,
  PulumiCommand,
  PulumiFn,
  Stack,
} from "@pulumi/pulumi/automation";

const execFileAsync = promisify(execFile);

/** Oldest CLI accepted; matches the oldest `@pulumi/pulumi` the tests run against. */
export const MIN_PULUMI_VERSION = "3.248.0";

/** Root of the repository: the first directory above this file holding a package.json. */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

/** Version pinned by the wrapper module in tools/pulumi-cli (the one install-pulumi builds). */
export function pinnedPulumiVersion(): string {
  const goMod = fs.readFileSync(path.join(repoRoot, "tools/pulumi-cli/go.mod"), "utf8");
  const match = /^\s*github\.com\/pulumi\/pulumi\/pkg\/v3 (v\S+)/m.exec(goMod);
  if (!match) throw new Error("tools/pulumi-cli/go.mod does not require github.com/pulumi/pulumi/pkg/v3");
  return match[1];
}

/** Directory where scripts/install-pulumi caches the CLI it builds (outside the repository). */
export function cacheBinDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(cacheHome, "pulumi-mongodbatlas-apikeys", pinnedPulumiVersion(), "bin");
}

/** True when `cli version` runs and reports a version >= MIN_PULUMI_VERSION and < 4. */
function isCompatible(cli: string): boolean {
  let out: string;
  try {
    out = execFileSync(cli, ["version"], {
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
      encoding: "utf8",
      timeout: 30_000,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return false;
  }
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(out.trim());
  if (!m) return false;
  const [major, minor, patch] = m.slice(1).map(Number);
  const [minMajor, minMinor, minPatch] = MIN_PULUMI_VERSION.split(".").map(Number);
  if (major !== minMajor) return false;
  return minor !== minMinor ? minor > minMinor : patch >= minPatch;
}

let found: { binDir?: string } | undefined;

/**
 * Finds a compatible Pulumi CLI, in the same order as scripts/install-pulumi: `pulumi` on PATH,
 * then the cache directory. Returns the directory holding it, or undefined. The result is memoized.
 */
export function findPulumiCli(): string | undefined {
  if (found) return found.binDir;
  const candidates = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  candidates.push(cacheBinDir());
  const binDir = candidates.find((dir) => {
    const cli = path.join(dir, "pulumi");
    return fs.existsSync(cli) && isCompatible(cli);
  });
  found = { binDir };
  return binDir;
}

/** Passphrase of the throwaway stacks: protects only test state in temporary directories. */
const TEST_PASSPHRASE = "e2e-test-passphrase";

/**
 * Environment for running the CLI without network or user state: private PULUMI_HOME and file
 * backend under `tmpDir`, passphrase secrets, no update check, no plugin downloads, and PATH with
 * the CLI directory first and the plugin shim of the installed @pulumi/pulumi as a fallback.
 */
export function offlineEnv(tmpDir: string, binDir = findPulumiCli()): Record<string, string> {
  const root = path.resolve(tmpDir);
  const home = path.join(root, "home");
  const backend = path.join(root, "backend");
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(backend, { recursive: true });
  const shimDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [repoRoot] }));
  const dirs = [binDir, shimDir, process.env.PATH].filter((d): d is string => !!d);
  return {
    PULUMI_HOME: home,
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PATH: dirs.join(path.delimiter),
  };
}

/** What {@link createInlineStack} needs. */
export interface InlineStackOptions {
  projectName: string;
  stackName: string;
  program: PulumiFn;
  /** Stack configuration, e.g. `{ "atlas:privateKey": { value, secret: true } }`. */
  config?: ConfigMap;
  /**
   * Working directory of the CLI and of the dynamic-provider process; must be inside the
   * repository so `node_modules` resolves; Pulumi.yaml and Pulumi.<stack>.yaml are written
   * there. Defaults to a fresh directory under `.pulumi-local/`.
   */
  workDir?: string;
  /** Extra environment variables, applied over {@link offlineEnv}. */
  env?: Record<string, string>;
}

const tempDirs = new WeakMap<Stack, string>();

/**
 * Creates a stack for an inline program in a fresh temporary backend (under the git-ignored
 * `.pulumi-local/`), wired to the CLI found by {@link findPulumiCli}. Call {@link removeStackFiles}
 * when done.
 */
export async function createInlineStack(opts: InlineStackOptions): Promise<Stack> {
  const binDir = findPulumiCli();
  if (!binDir) throw new Error("no compatible Pulumi CLI found; run scripts/install-pulumi");
  const localDir = path.join(repoRoot, ".pulumi-local");
  fs.mkdirSync(localDir, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(localDir, `${opts.projectName}-`));
  const workDir = opts.workDir ?? path.join(tmpDir, "work");
  fs.mkdirSync(workDir, { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: opts.projectName, stackName: opts.stackName, program: opts.program },
    {
      workDir,
      envVars: { ...offlineEnv(tmpDir, binDir), ...opts.env },
      pulumiCommand: await PulumiCommand.get({ root: cliRoot(binDir, tmpDir) }),
    },
  );
  tempDirs.set(stack, tmpDir);
  if (opts.config) await stack.setAllConfig(opts.config);
  return stack;
}

/**
 * `PulumiCommand.get` wants a root with the binary at `<root>/bin/pulumi`; when the CLI lives in a
 * directory with another name, point at it through a symlink in the temporary directory.
 */
function cliRoot(binDir: string, tmpDir: string): string {
  if (path.basename(binDir) === "bin") return path.dirname(binDir);
  const root = path.join(tmpDir, "cli");
  fs.mkdirSync(path.join(root, "bin"), { recursive: true });
  fs.symlinkSync(path.join(binDir, "pulumi"), path.join(root, "bin", "pulumi"));
  return root;
}

/** Deletes the temporary backend, home and default work directory of a stack (not its resources). */
export function removeStackFiles(stack: Stack): void {
  const tmpDir = tempDirs.get(stack);
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  tempDirs.delete(stack);
}

/**
 * The stack's state as `pulumi stack export` prints it, secrets encrypted. (`Stack.exportStack`
 * passes `--show-secrets`, which would decrypt them.)
 */
export async function exportState(stack: Stack): Promise<Deployment> {
  const ws = stack.workspace as LocalWorkspace;
  const { stdout } = await execFileAsync(ws.pulumiCommand.command, ["stack", "export", "--stack", stack.name], {
    cwd: ws.workDir,
    env: { ...process.env, ...ws.envVars },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Deployment;
}

/**
 * Collects what the CLI prints and the engine events, for scanning for leaked secrets.
 *
 * Debug-level diagnostic events are left out: the Node.js SDK logs every RegisterResource
 * response at debug level with plaintext values, secrets included (seen with @pulumi/pulumi
 * 3.248.0), so they can never be shown to anyone; they only appear with `--debug` or to an
 * `onEvent` consumer that keeps them.
 */
export interface OutputCollector {
  /** Pass to `up`/`preview`/`refresh`/`destroy`: `stack.up({ ...collector.handlers })`. */
  handlers: {
    onOutput: (out: string) => void;
    onError: (err: string) => void;
    onEvent: (event: EngineEvent) => void;
  };
  /** The CLI's stdout and stderr so far. */
  cliText(): string;
  /** The CLI's output and the engine events (as JSON, debug diagnostics excluded) so far. */
  text(): string;
}

/** Creates an {@link OutputCollector}. */
export function collectOutput(): OutputCollector {
  const cli: string[] = [];
  const events: string[] = [];
  return {
    handlers: {
      onOutput: (out) => cli.push(out),
      onError: (err) => cli.push(err),
      onEvent: (event) => {
        // The CLI sends "debug" although the SDK's type does not list it.
        const severity: string | undefined = event.diagnosticEvent?.severity;
        if (severity !== "debug") events.push(JSON.stringify(event));
      },
    },
    cliText: () => cli.join(""),
    text: () => cli.join("") + "\n" + events.join("\n"),
  };
}

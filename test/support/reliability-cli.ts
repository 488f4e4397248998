/**
 * Driving the real Pulumi CLI for the reliability tests: stacks wired to an emulator, direct
 * CLI commands with the stack's offline environment (cancel, export, refresh flags the
 * Automation API does not offer), reading state, and finding the CLI process to kill it.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type { ConfigMap, Deployment, LocalWorkspace, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import type { EmulatorHandle } from "../../emulator";
import { createInlineStack, exportState } from "../../harness/pulumi";
import { credentialConfig } from "./reliability-runtime";

const execFileAsync = promisify(execFile);

/** The emulator's credentials as stack config, the secret halves set as secrets. */
export function atlasConfig(emulator: EmulatorHandle, credentials: "apiKey" | "serviceAccount" = "apiKey"): ConfigMap {
  const secret = new Set(["mongodbatlas:privateKey", "mongodbatlas:clientSecret"]);
  const config: ConfigMap = {};
  for (const [key, value] of Object.entries(credentialConfig(emulator, credentials)))
    config[key] = { value, secret: secret.has(key) };
  return config;
}

/** A fresh inline stack (own backend and PULUMI_HOME) configured for the emulator. */
export function atlasStack(
  projectName: string,
  emulator: EmulatorHandle,
  program: PulumiFn,
  env?: Record<string, string>,
): Promise<Stack> {
  return createInlineStack({ projectName, stackName: "dev", program, config: atlasConfig(emulator), env });
}

/** The offline environment and working directory the Automation API runs the stack's CLI with. */
export function cliContext(stack: Stack): { command: string; cwd: string; env: Record<string, string> } {
  const ws = stack.workspace as LocalWorkspace;
  return {
    command: ws.pulumiCommand.command,
    cwd: ws.workDir,
    env: { ...(process.env as Record<string, string>), ...ws.envVars },
  };
}

/** Result of a direct CLI command. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pulumi <args> --stack <stack>` the way a user would in the stack's directory. */
export async function pulumiCli(
  stack: Stack,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CliResult> {
  const { command, cwd, env } = cliContext(stack);
  try {
    const { stdout, stderr } = await execFileAsync(command, [...args, "--stack", stack.name, "--non-interactive"], {
      cwd,
      env: { ...env, ...extraEnv },
      maxBuffer: 256 * 1024 * 1024,
      timeout: 600_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Resources of the exported (encrypted) state, without the stack and provider entries. */
export async function stateResources(stack: Stack): Promise<Deployment["deployment"]["resources"]> {
  const state = await exportState(stack);
  return (state.deployment.resources ?? []).filter((r: { type: string }) =>
    r.type.startsWith("pulumi-nodejs:dynamic/"),
  );
}

/** Ids of every Atlas key a key resource in this deployment holds. */
export function keyIdsInState(deployment: Deployment): Set<string> {
  const ids = new Set<string>();
  for (const r of deployment.deployment.resources ?? []) {
    if (/:(ApiKey|ProjectApiKey)$/.test(r.type) && typeof r.outputs?.apiKeyId === "string") ids.add(r.outputs.apiKeyId);
  }
  return ids;
}

/** Pending operations recorded in the deployment (left by an interrupted run). */
export function pendingOperations(
  deployment: Deployment,
): Array<{ type: string; resource: { urn: string; type: string; inputs: Record<string, unknown> } }> {
  return (deployment.deployment as { pending_operations?: [] }).pending_operations ?? [];
}

/** Keys of the emulator made by a stack (description prefix) that the stack's state does not hold. */
export function orphansOf(
  emulator: EmulatorHandle,
  prefix: string,
  deployment: Deployment,
): Array<{ id: string; desc: string }> {
  const known = keyIdsInState(deployment);
  return Object.values(emulator.model.state.apiKeys).filter((k) => k.desc.startsWith(prefix) && !known.has(k.id));
}

function parentOf(pid: string): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined; // The process ended while being looked at.
  }
}

/** Pids of this process's direct children whose program is the `pulumi` CLI. */
export function cliChildPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || parentOf(entry) !== process.pid) continue;
    try {
      const argv0 = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0")[0];
      if (argv0.endsWith("/pulumi")) pids.push(Number(entry));
    } catch {
      // Gone already.
    }
  }
  return pids;
}

/** Every descendant of `root` (children first), from one snapshot of /proc. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length && out.length < 1_000) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Sends SIGKILL to each pid that still exists (pids this test started, directly or not). */
export function killPids(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`);
}

/**
 * The first thing docs/recovery.md's script does: a file backend killed while saving can leave
 * the state's metadata sidecar (`<stack>.json.attrs`) empty, because it is rewritten in place,
 * and every later command then fails with "failed to load checkpoint: EOF". The state file
 * itself is renamed into place, so it is whole. Returns the paths of the sidecars deleted.
 */
export function removeEmptyStateSidecars(stack: Stack): string[] {
  const backend = cliContext(stack).env.PULUMI_BACKEND_URL ?? "";
  if (!backend.startsWith("file://")) return [];
  const removed: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith(".json.attrs") && fs.statSync(file).size === 0) {
        fs.rmSync(file);
        removed.push(file);
      }
    }
  };
  const stacks = path.join(backend.slice("file://".length), ".pulumi");
  if (fs.existsSync(stacks)) visit(stacks);
  return removed;
}

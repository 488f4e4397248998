/** The machine and software a benchmark ran on, for the report. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findPulumiCli, repoRoot } from "../harness/pulumi";

/** Description of the machine and the versions in use. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  pulumiCli: string;
  pulumiSdk: string;
}

/** Reads cores, CPU model, memory, OS, and the Node, Pulumi CLI and `@pulumi/pulumi` versions. */
export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() || "unknown",
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pulumiCli: pulumiCliVersion(),
    pulumiSdk: readJson(path.join(repoRoot, "node_modules/@pulumi/pulumi/package.json")).version,
  };
}

/** The 1-, 5- and 15-minute load averages, formatted. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

function pulumiCliVersion(): string {
  const binDir = findPulumiCli();
  if (!binDir) return "not found";
  return execFileSync(path.join(binDir, "pulumi"), ["version"], {
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    encoding: "utf8",
  }).trim();
}

function readJson(file: string): { version: string } {
  return JSON.parse(fs.readFileSync(file, "utf8")) as { version: string };
}

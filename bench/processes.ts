/**
 * Memory and CPU of the processes an engine operation starts, read from /proc while it runs:
 * the Pulumi CLI (`pulumi`) and the dynamic-provider plugin (the `pulumi-resource-pulumi-nodejs`
 * shell shim, its `node -e` path lookup, and the host `node …/@pulumi/pulumi/cmd/dynamic-provider`).
 * Only processes descending from this one are counted, so other stacks running on the same machine
 * are left out. This process (the inline program's language host, plus the emulator) is measured
 * with `process.cpuUsage()`.
 */
import * as fs from "fs";

/** What the processes of one operation used. */
export interface ProcessFigures {
  /** Largest `VmHWM` (the kernel's peak RSS) of any provider host process, in bytes (0 when none was seen). */
  providerPeakRssBytes: number;
  /** CPU time (user + system) of the plugin processes (shim, lookup, host), in ms, as last sampled before each exited. */
  providerCpuMs: number;
  /** CPU time of the `pulumi` CLI processes, in ms, sampled the same way. */
  cliCpuMs: number;
  /** CPU time of this process (language host and emulator) during the operation, in ms. */
  hostCpuMs: number;
  /** Distinct provider host processes seen. */
  providerProcesses: number;
}

/** `host` is the dynamic-provider host itself; `provider` its shim and helper processes. */
type Kind = "host" | "provider" | "cli";

interface Seen {
  kind: Kind;
  hwmBytes: number;
  cpuMs: number;
}

/** Linux clock ticks per second (`getconf CLK_TCK`); 100 on every mainstream configuration. */
const TICKS_PER_SECOND = 100;

/** Starts polling every `intervalMs`; `stop()` returns the figures. */
export function sampleProcesses(intervalMs = 100): { stop(): ProcessFigures } {
  const seen = new Map<number, Seen>();
  const hostStart = process.cpuUsage();
  const poll = () => {
    for (const [pid, kind] of ourProcesses()) {
      const status = safeRead(`/proc/${pid}/status`);
      const stat = safeRead(`/proc/${pid}/stat`);
      if (!status || !stat) continue;
      const previous = seen.get(pid);
      // Fields after the parenthesised command name: state is [0], utime [11], stime [12].
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      seen.set(pid, {
        kind,
        hwmBytes: Math.max(previous?.hwmBytes ?? 0, kib(status, "VmHWM")),
        cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
      });
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      poll();
      const host = process.cpuUsage(hostStart);
      const all = [...seen.values()];
      const of = (kind: Kind) => all.filter((s) => s.kind === kind);
      return {
        providerPeakRssBytes: Math.max(0, ...of("host").map((s) => s.hwmBytes)),
        providerCpuMs: sum([...of("host"), ...of("provider")].map((s) => s.cpuMs)),
        cliCpuMs: sum(of("cli").map((s) => s.cpuMs)),
        hostCpuMs: (host.user + host.system) / 1000,
        providerProcesses: of("host").length,
      };
    },
  };
}

/** Live plugin and CLI processes descending from this process. */
function ourProcesses(): Array<[number, Kind]> {
  const found: Array<[number, Kind]> = [];
  for (const name of safeReaddir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const argv = safeRead(`/proc/${pid}/cmdline`)?.split("\0") ?? [];
    const kind: Kind | undefined = argv[1]?.includes("cmd/dynamic-provider")
      ? "host"
      : argv.some((arg) => arg.includes("dynamic-provider") || arg.includes("pulumi-resource-pulumi-nodejs"))
        ? "provider"
        : argv[0]?.endsWith("/pulumi") || argv[0] === "pulumi"
          ? "cli"
          : undefined;
    if (kind && descendsFromUs(pid)) found.push([pid, kind]);
  }
  return found;
}

function descendsFromUs(pid: number): boolean {
  for (let current = pid, hops = 0; current > 1 && hops < 32; hops++) {
    const match = /^PPid:\s+(\d+)/m.exec(safeRead(`/proc/${current}/status`) ?? "");
    if (!match) return false;
    current = Number(match[1]);
    if (current === process.pid) return true;
  }
  return false;
}

/** A `kB` field of /proc/<pid>/status, in bytes (0 when absent). */
function kib(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function safeRead(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined; // the process exited between listing and reading
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

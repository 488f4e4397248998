/**
 * Peak memory of the dynamic-provider host: the `node …/@pulumi/pulumi/cmd/dynamic-provider`
 * process the Pulumi CLI starts for every operation. Processes are found by their command line
 * and kept only when they descend from this process, so other users' stacks on the same machine
 * are not counted. Each is polled for `VmHWM` (the kernel's own peak RSS) until it exits.
 */
import * as fs from "fs";

/** Peak resident set of the provider processes seen while sampling. */
export interface MemoryPeak {
  /** Largest `VmHWM` of any provider process seen, in bytes (0 when none was seen). */
  peakRssBytes: number;
  /** Number of distinct provider processes seen. */
  processes: number;
}

/** Starts polling every `intervalMs`; `stop()` returns the peak. */
export function sampleProviderMemory(intervalMs = 100): { stop(): MemoryPeak } {
  const peaks = new Map<number, number>();
  const poll = () => {
    for (const pid of providerPids()) {
      const hwm = statusField(pid, "VmHWM");
      if (hwm !== undefined) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm));
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      poll();
      return { peakRssBytes: Math.max(0, ...peaks.values()), processes: peaks.size };
    },
  };
}

/** Pids of live dynamic-provider processes descending from this process. */
function providerPids(): number[] {
  const pids: number[] = [];
  for (const name of safeReaddir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const cmdline = safeRead(`/proc/${pid}/cmdline`);
    if (cmdline?.includes("cmd/dynamic-provider") && descendsFromUs(pid)) pids.push(pid);
  }
  return pids;
}

function descendsFromUs(pid: number): boolean {
  for (let current = pid, hops = 0; current > 1 && hops < 32; hops++) {
    const ppid = statusField(current, "PPid", 1);
    if (ppid === undefined) return false;
    if (ppid === process.pid) return true;
    current = ppid;
  }
  return false;
}

/** A numeric field of /proc/<pid>/status; kB fields are returned in bytes unless `unit` says otherwise. */
function statusField(pid: number, field: string, unit = 1024): number | undefined {
  const text = safeRead(`/proc/${pid}/status`);
  const match = text && new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(text);
  return match ? Number(match[1]) * unit : undefined;
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

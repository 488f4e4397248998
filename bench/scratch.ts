import { start } from "../emulator";
import { BenchStack } from "./engine";
import { compareClients } from "./client-compare";
async function main() {
  const emu = await start({ port: 0, latencyMs: 100, rateLimit: false });
  console.log(await compareClients(emu, 30));
  const n = Number(process.argv[2] ?? 10);
  for (const kind of ["noop", "keys"] as const) {
    const s = await BenchStack.create(kind, n, emu, 16);
    for (const op of ["up", "refresh", "destroy"] as const) {
      const f = await s.run(op);
      console.log(kind, n, op, Math.round(f.wallMs), f.requests, f.byOperation, f.providerPeakRssBytes, f.changes);
      if (op === "up") console.log(await s.measureState());
    }
    s.remove();
  }
  await emu.close();
}
main().catch((e) => { console.error(e); process.exit(1); });

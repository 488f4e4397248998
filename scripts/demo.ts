/**
 * `npm run demo`: deploys the root program (index.ts) against an in-process Atlas emulator with the
 * real Pulumi CLI, checks that a second preview plans nothing, and destroys it again.
 *
 * Everything is local and temporary: the emulator listens on 127.0.0.1, the stack lives in a
 * throwaway file backend under `.pulumi-local/` with a random passphrase, and both are removed at
 * the end. Secrets are never printed: stack outputs are read from the exported (encrypted) state,
 * so the private keys are never even decrypted here.
 */
import { spawn } from "child_process";
import { randomBytes } from "crypto";
import * as path from "path";
import type { PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { start, type EmulatorHandle } from "../emulator";
import { createInlineStack, exportState, findPulumiCli, removeStackFiles, repoRoot } from "../harness/pulumi";

const STEPS = 7;
const started = Date.now();
let stepNumber = 0;

/** One visible line per step, so progress is clear even while the CLI is quiet. */
function step(text: string): void {
  stepNumber += 1;
  const elapsed = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n==> [${stepNumber}/${STEPS}] ${text} (${elapsed}s)`);
}

/**
 * Runs scripts/install-pulumi: its progress (stderr) goes straight to the terminal, and the last
 * line of its stdout is the directory holding `pulumi`. The first run on a machine builds the CLI
 * from source, which takes minutes.
 */
function installPulumi(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, "scripts", "install-pulumi"), [], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const binDir = stdout.trim().split("\n").pop()?.trim();
      if (code === 0 && binDir) resolve(binDir);
      else reject(new Error(`scripts/install-pulumi failed (exit code ${code})`));
    });
  });
}

/** The stack outputs from the exported state: encrypted values are shown as `[secret]`. */
async function printOutputs(stack: Stack): Promise<void> {
  const resources: Array<{ type: string; outputs?: Record<string, unknown> }> =
    (await exportState(stack)).deployment.resources ?? [];
  const outputs = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs ?? {};
  const width = Math.max(0, ...Object.keys(outputs).map((name) => name.length));
  for (const [name, value] of Object.entries(outputs)) {
    const encrypted = typeof value === "object" && value !== null && "ciphertext" in value;
    // A private key that is not encrypted in state is a bug: say so without showing it.
    if (!encrypted && /private|secret/i.test(name)) throw new Error(`stack output ${name} is not stored as a secret`);
    console.log(`    ${name.padEnd(width)}  ${encrypted ? "[secret]" : JSON.stringify(value)}`);
  }
}

async function main(): Promise<number> {
  let emulator: EmulatorHandle | undefined;
  let stack: Stack | undefined;
  // The CLI's own output, streamed as it comes.
  const stream = {
    onOutput: (out: string) => process.stdout.write(out),
    onError: (err: string) => process.stderr.write(err),
  };
  // Ctrl-C skips `finally`: still remove the temporary backend (it holds the stack config).
  process.once("SIGINT", () => {
    if (stack) removeStackFiles(stack);
    process.exit(130);
  });
  try {
    step("Ensuring the Pulumi CLI (scripts/install-pulumi; the first build can take several minutes)");
    const binDir = await installPulumi();
    // Put it first on PATH so the helpers pick exactly the CLI the script vouched for.
    process.env.PATH = [binDir, process.env.PATH].filter(Boolean).join(path.delimiter);
    if (!findPulumiCli()) throw new Error(`no usable pulumi in ${binDir}`);
    console.log(`    using ${path.join(findPulumiCli()!, "pulumi")}`);

    step("Starting the Atlas emulator on 127.0.0.1");
    emulator = await start({ host: "127.0.0.1", port: 0 });
    console.log(`    ${emulator.url}  organization ${emulator.orgId}  project ${emulator.projectId}`);

    step("Creating a local stack (temporary file backend, random passphrase)");
    stack = await createInlineStack({
      projectName: "mongodbatlas-apikeys-demo",
      stackName: "demo",
      // The compiled root program, exactly what `pulumi up` in the repository would run.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      program: require(path.join(repoRoot, "dist", "index.js")) as PulumiFn,
      env: { PULUMI_CONFIG_PASSPHRASE: randomBytes(24).toString("hex") },
      config: {
        orgId: { value: emulator.orgId },
        projectId: { value: emulator.projectId },
        "mongodbatlas:baseUrl": { value: emulator.url },
        "mongodbatlas:publicKey": { value: emulator.publicKey },
        "mongodbatlas:privateKey": { value: emulator.privateKey, secret: true },
      },
    });

    step("pulumi up");
    const up = await stack.up({ ...stream });
    if (up.summary.result !== "succeeded") throw new Error(`up ended with ${up.summary.result}`);
    console.log("\n    Stack outputs (private keys stay encrypted in state):");
    await printOutputs(stack);

    step("pulumi preview (must report no changes)");
    const preview = await stack.preview({ ...stream });
    const changes = Object.entries(preview.changeSummary).filter(([op, count]) => op !== "same" && (count ?? 0) > 0);
    if (changes.length > 0)
      throw new Error(`the second preview plans changes: ${JSON.stringify(Object.fromEntries(changes))}`);
    console.log("    no changes planned");

    step("pulumi destroy");
    const destroy = await stack.destroy({ ...stream });
    if (destroy.summary.result !== "succeeded") throw new Error(`destroy ended with ${destroy.summary.result}`);
    console.log("    (no `pulumi stack rm` needed: the whole temporary backend goes in the next step)");
    return 0;
  } catch (error) {
    console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    stepNumber = STEPS - 1; // also after a failure, cleaning up is the last step
    step("Stopping the emulator and removing the temporary files");
    if (stack) removeStackFiles(stack);
    await emulator?.close();
  }
}

main().then((code) => {
  console.log(`\n${code === 0 ? "demo finished" : "demo stopped"} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exit(code);
});
